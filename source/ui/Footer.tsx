import {Box, Text} from 'ink';
import {footerBindings, type PaneName} from './keys.js';
import {displayWidth, fit, sanitize} from './text.js';
import {theme} from './theme.js';

export type FooterMessage = {text: string; error?: boolean};

export function Footer({pane, width, message}: {pane: PaneName; width: number; message?: FooterMessage}) {
	const keys = footerBindings(pane).map((binding) => `${binding.keys.split(' ')[0]} ${binding.label}`);
	const right = message ? sanitize(message.text) : '';
	const room = Math.max(0, width - 2 - (right ? Math.min(displayWidth(right), Math.floor(width / 2)) + 2 : 0));
	let left = '';
	for (const key of keys) {
		const next = left ? `${left}  ${key}` : key;
		if (displayWidth(next) > room) break;
		left = next;
	}
	return (
		<Box width={width}>
			<Box flexGrow={1}>
				<Text color={theme.dim} wrap="truncate">
					{' '}
					{left}
				</Text>
			</Box>
			{right ? (
				<Text color={message?.error ? theme.error : 'green'} wrap="truncate">
					{fit(right, Math.min(displayWidth(right), Math.floor(width / 2))).trimEnd()}{' '}
				</Text>
			) : null}
		</Box>
	);
}
