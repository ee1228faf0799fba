import {Box, Text} from 'ink';
import {footerBindings, type Keymap, type PaneName, shownKeys} from './keys.js';
import {displayWidth, fit, sanitize} from './text.js';
import {theme} from './theme.js';

export type FooterMessage = {text: string; error?: boolean};

export type FooterProps = {pane: PaneName; width: number; message?: FooterMessage; status?: string; readOnly?: boolean; keys?: string[]; keymap?: Keymap};

/** Keys that work in the focused pane on the left; a message, or rollouts in progress, on the right. */
export function Footer({pane, width, message, status, readOnly, keys: shown, keymap}: FooterProps) {
	const keys = shown ?? footerBindings(pane, readOnly).map((binding) => `${shownKeys(binding, keymap).split(' ')[0]} ${binding.label}`);
	const right = message ? sanitize(message.text) : (status ?? '');
	const rightWidth = right ? Math.min(displayWidth(right), Math.floor(width * 0.6)) : 0;
	const room = Math.max(0, width - 2 - (rightWidth ? rightWidth + 2 : 0));
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
				<Text color={message ? (message.error ? theme.error : theme.ok) : theme.warn} wrap="truncate">
					{fit(right, rightWidth).trimEnd()}{' '}
				</Text>
			) : null}
		</Box>
	);
}
