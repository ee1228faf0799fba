// A bordered pane whose title sits in the top border, as in k9s.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {fit, sanitize} from './text.js';
import {useTheme} from './theme.js';

export type PaneProps = {
	title: string;
	width: number;
	height: number;
	focused: boolean;
	children: ReactNode;
};

export function Pane({title, width, height, focused, children}: PaneProps) {
	const theme = useTheme();
	const color = focused ? theme.focusBorder : theme.border;
	const label = fit(` ${sanitize(title)} `, Math.max(0, Math.min(width - 4, title.length + 2)));
	const rule = '─'.repeat(Math.max(0, width - 3 - label.length));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text color={color} wrap="truncate">
				╭─<Text bold={focused} color={focused ? theme.title : undefined}>{label}</Text>
				{rule}╮
			</Text>
			<Box borderStyle="round" borderTop={false} borderColor={color} width={width} height={height - 1} flexDirection="column">
				{children}
			</Box>
		</Box>
	);
}
