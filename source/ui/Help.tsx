// Help: the keys of the place it was opened from, one per line, scrolled with the usual
// keys when the terminal is short (at 80x24 the old columns were cut, and nothing
// scrolled).
import {Box, Text} from 'ink';
import type {HelpLine} from './keyhelp.js';
import {fit} from './text.js';
import {useTheme} from './theme.js';

/** Lines of help that fit a body `height` rows high. */
export const helpRows = (height: number) => Math.max(1, height - 4); // border, title, closing line

export function Help({width, height, readOnly, lines, closeKey, offset = 0}: {width: number; height: number; readOnly: boolean; lines: HelpLine[]; closeKey: string; offset?: number}) {
	const theme = useTheme();
	const rows = helpRows(height);
	const top = Math.max(0, Math.min(offset, lines.length - rows));
	const keyWidth = Math.max(...lines.map((line) => line.keys?.length ?? 0)) + 2;
	const more = lines.length > rows;
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.focusBorder} width={width} height={height} paddingX={1}>
			<Text bold color={theme.title} wrap="truncate">
				swarmtui keys{readOnly ? ' (read-only mode: the keys that change the swarm are off)' : ''}
			</Text>
			<Box flexDirection="column" height={rows} overflow="hidden">
				{lines.slice(top, top + rows).map((line, i) =>
					line.heading ? (
						<Text key={i} bold wrap="truncate">
							{line.heading}
						</Text>
					) : (
						<Text key={i} wrap="truncate" dimColor={readOnly && line.writes}>
							<Text color={theme.key}>{(line.keys ?? '').padEnd(keyWidth)}</Text>
							{fit(line.label ?? '', Math.max(1, width - 4 - keyWidth)).trimEnd()}
						</Text>
					),
				)}
			</Box>
			<Text color={theme.dim} wrap="truncate">
				{more ? `${top + 1}-${Math.min(lines.length, top + rows)} of ${lines.length} · j k PgUp PgDn scroll · ` : ''}Esc or {closeKey} closes this help
			</Text>
		</Box>
	);
}
