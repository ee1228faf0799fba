import {Box, Text} from 'ink';
import {bindings} from './keys.js';
import {theme} from './theme.js';

export function Help({width, height, readOnly}: {width: number; height: number; readOnly: boolean}) {
	const keyWidth = Math.max(...bindings.map((binding) => binding.keys.length)) + 2;
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.focusBorder} width={width} height={height} paddingX={1}>
			<Text bold color={theme.title}>
				swarmtui keys{readOnly ? ' (read-only mode)' : ''}
			</Text>
			{bindings.map((binding) => (
				<Text key={binding.keys} wrap="truncate">
					<Text color={theme.key}>{binding.keys.padEnd(keyWidth)}</Text>
					{binding.label}
					{binding.panes ? <Text color={theme.dim}> ({binding.panes.join(', ')})</Text> : null}
				</Text>
			))}
			<Text color={theme.dim}>Esc or ? closes this help</Text>
		</Box>
	);
}
