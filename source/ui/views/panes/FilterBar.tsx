// The filter line at the bottom while the operator types a filter (keys are handled
// by the App, so a fast burst of keys is never lost).
import {Text} from 'ink';
import {fit} from '../../text.js';
import {useTheme} from '../../theme.js';

export function FilterBar({pane, value, width}: {pane: string; value: string; width: number}) {
	const theme = useTheme();
	const prompt = ` / filter ${pane}: `;
	const hint = value ? '' : '  (⏎ keeps, Esc clears)';
	return (
		<Text wrap="truncate">
			<Text color={theme.key}>{prompt}</Text>
			{fit(`${value}█${hint}`, Math.max(1, width - prompt.length)).trimEnd()}
		</Text>
	);
}
