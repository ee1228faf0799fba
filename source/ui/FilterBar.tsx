// The filter prompt at the bottom: typing filters live, Enter keeps it, Esc clears it.
import {TextInput} from '@inkjs/ui';
import {Box, Text, useInput} from 'ink';
import {theme} from './theme.js';

export type FilterBarProps = {
	pane: string;
	value: string;
	onChange: (value: string) => void;
	onDone: (keep: boolean) => void;
};

export function FilterBar({pane, value, onChange, onDone}: FilterBarProps) {
	useInput((_input, key) => {
		if (key.escape) onDone(false);
	});
	return (
		<Box>
			<Text color={theme.key}> / filter {pane}: </Text>
			<TextInput defaultValue={value} onChange={onChange} onSubmit={() => onDone(true)} placeholder="text (Esc clears, ⏎ keeps)" />
		</Box>
	);
}
