import {Box, Text} from 'ink';
import type {FooterMessage} from './sessions/messages.js';
import {displayWidth, fit, sanitize} from './text.js';
import {useTheme} from './theme.js';

export type {FooterMessage} from './sessions/messages.js';

export type FooterProps = {width: number; keys: string[]; message?: FooterMessage; status?: string};

/** The keys of the place on the left (as many as fit); a message, or rollouts in progress, on the right. */
export function Footer({width, message, status, keys}: FooterProps) {
	const theme = useTheme();
	const right = message ? sanitize(message.text) : (status ?? '');
	const rightWidth = right ? Math.min(displayWidth(right), Math.floor(width * 0.6)) : 0;
	const room = Math.max(0, width - 2 - (rightWidth ? rightWidth + 2 : 0));
	// Help stays in view when the rest does not fit: it is how the rest is found.
	const help = keys.find((key) => key.endsWith(' help'));
	const tail = help ? `  ${help}` : '';
	let left = '';
	for (const key of keys) {
		if (key === help) continue;
		const next = left ? `${left}  ${key}` : key;
		if (displayWidth(next) + displayWidth(tail) > room) break;
		left = next;
	}
	left = left ? `${left}${tail}` : (help ?? '');
	return (
		<Box width={width}>
			<Box flexGrow={1}>
				<Text color={theme.dim} wrap="truncate">
					{' '}
					{left}
				</Text>
			</Box>
			{right ? (
				<Text color={message ? (message.error ? theme.error : theme.ok) : theme.warn} wrap="truncate">
					{fit(right, rightWidth).trimEnd()}{' '}
				</Text>
			) : null}
		</Box>
	);
}
