import {Box, Text} from 'ink';
import type {FooterMessage} from './sessions/messages.js';
import {displayWidth, fit, sanitize} from './text.js';
import {minRows} from './layout.js';
import {useTheme} from './theme.js';

export type {FooterMessage} from './sessions/messages.js';

export type FooterProps = {width: number; keys: string[]; message?: FooterMessage; status?: string};

const maxMessageRows = 3;
const fitsBeside = (text: string, width: number) => displayWidth(text) <= Math.floor(width * 0.6);

/**
 * A message too long to sit beside the keys gets rows of its own above them (up to
 * three, word-wrapped): an error cut at the column was how operators lost the half
 * that said what to do. The body gives up those rows while the message shows.
 */
export function messageRows(message: FooterMessage | undefined, width: number): string[] {
	if (!message) return [];
	const text = sanitize(message.text);
	if (fitsBeside(text, width)) return [];
	const room = Math.max(10, width - 2);
	const rows: string[] = [];
	let row = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = row ? `${row} ${word}` : word;
		if (displayWidth(next) <= room || !row) {
			row = next;
			continue;
		}
		rows.push(row);
		row = word;
	}
	if (row) rows.push(row);
	if (rows.length > maxMessageRows) {
		const kept = rows.slice(0, maxMessageRows);
		kept[maxMessageRows - 1] = `${fit(kept[maxMessageRows - 1] as string, room - 1).trimEnd()}…`;
		return kept.map((r) => fit(r, room).trimEnd());
	}
	return rows.map((r) => fit(r, room).trimEnd());
}

/** Rows the footer takes beyond its own (a long message), never so many the screen is too small. */
export function footerExtra(message: FooterMessage | undefined, columns: number, rows: number): number {
	return Math.max(0, Math.min(messageRows(message, columns).length, rows + 1 - minRows));
}

/** The keys of the place on the left (as many as fit); a message, or rollouts in progress, on the right. */
export function Footer({width, message, status, keys}: FooterProps) {
	const theme = useTheme();
	const own = messageRows(message, width);
	if (own.length) {
		return (
			<Box flexDirection="column" width={width}>
				{own.map((row, i) => (
					<Text key={i} color={message?.error ? theme.error : theme.ok} wrap="truncate">
						{' '}
						{row}
					</Text>
				))}
				<Footer width={width} keys={keys} status={status} />
			</Box>
		);
	}
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
