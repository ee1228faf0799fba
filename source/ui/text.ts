// Display width and truncation for table cells. Strings from the engine are untrusted:
// control characters become visible placeholders before they reach the terminal.
import stringWidth from 'string-width';
import {visible} from '../model/visible.js';

// eslint-disable-next-line no-control-regex
const plainAscii = /^[\u0020-\u007e]*$/;

/** Untrusted text as the screen shows it: one rendering of control and invisible characters (model/visible.ts). */
export const sanitize = visible;

export function displayWidth(text: string): number {
	return plainAscii.test(text) ? text.length : stringWidth(text);
}

/** Cuts to `width` columns with an ellipsis, and pads to exactly `width`. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
	let out = text;
	let w = displayWidth(out);
	if (w > width) {
		if (plainAscii.test(out)) {
			out = `${out.slice(0, width - 1)}…`;
		} else {
			let acc = '';
			let accWidth = 0;
			for (const ch of out) {
				const cw = stringWidth(ch);
				if (accWidth + cw > width - 1) break;
				acc += ch;
				accWidth += cw;
			}
			out = `${acc}…`;
		}
		w = displayWidth(out);
	}
	const pad = ' '.repeat(Math.max(0, width - w));
	return align === 'right' ? pad + out : out + pad;
}
