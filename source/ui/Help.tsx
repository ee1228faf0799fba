import {Box, Text} from 'ink';
import {bindings, type Keymap, keyName, shownKeys} from './keys.js';
import {fit} from './text.js';
import {theme} from './theme.js';

/** Every key; in two or more columns when the terminal is short. */
export function Help({width, height, readOnly, keymap}: {width: number; height: number; readOnly: boolean; keymap?: Keymap}) {
	const perColumn = Math.max(1, height - 4); // border, title, closing line
	const columnCount = Math.ceil(bindings.length / perColumn);
	const columnWidth = Math.floor((width - 4) / columnCount);
	const keyWidth = Math.max(...bindings.map((binding) => shownKeys(binding, keymap).length)) + 2;
	const groups = Array.from({length: columnCount}, (_, i) => bindings.slice(i * perColumn, (i + 1) * perColumn));
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.focusBorder} width={width} height={height} paddingX={1}>
			<Text bold color={theme.title}>
				swarmtui keys{readOnly ? ' (read-only mode: the keys that change the swarm are off)' : ''}
			</Text>
			<Box>
				{groups.map((group, i) => (
					<Box key={i} flexDirection="column" width={columnWidth}>
						{group.map((binding) => (
							<Text key={binding.keys} wrap="truncate" dimColor={readOnly && binding.writes}>
								<Text color={theme.key}>{shownKeys(binding, keymap).padEnd(keyWidth)}</Text>
								{fit(`${binding.label}${binding.panes ? ` (${binding.panes.join(', ')})` : ''}`, Math.max(1, columnWidth - keyWidth - 1)).trimEnd()}
							</Text>
						))}
					</Box>
				))}
			</Box>
			<Text color={theme.dim}>Esc or {keyName(keymap?.help ?? "?")} closes this help</Text>
		</Box>
	);
}
