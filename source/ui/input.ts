// Ink hands a burst of plain keys (fast typing over a slow ssh link, "jjj") to the
// handler as one string; navigation wants them one by one.
import type {Key} from 'ink';

/** A key with no flag set. */
export const plainKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

export function splitKeys(input: string, key: Key): Array<[string, Key]> {
	// Esc and the next key in one read come as "Alt+key"; we bind no Alt keys, so it is
	// the Esc the operator pressed, then the key.
	if (key.meta && !key.escape && (input.length === 1 || key.tab || key.return || key.upArrow || key.downArrow)) {
		return [['', {...plainKey, escape: true, meta: true}], [input, {...key, meta: false}]];
	}
	// Ink parses Esc+Tab and Esc+Enter as a bare "\t" / "\r" with no key flag at all.
	if (input === '\t' && !key.tab) return [['', {...plainKey, escape: true, meta: true}], ['', {...plainKey, tab: true}]];
	if (input === '\r' && !key.return) return [['', {...plainKey, escape: true, meta: true}], ['', {...plainKey, return: true}]];
	if (input.length <= 1 || key.ctrl || key.meta || input.includes('\u001B')) return [[input, key]];
	return [...input].map((ch): [string, Key] => {
		if (ch === '\r' || ch === '\n') return ['', {...plainKey, return: true}];
		if (ch === '\t') return ['', {...plainKey, tab: true}];
		if (ch === '\u007F' || ch === '\b') return ['', {...plainKey, backspace: true}];
		const code = ch.charCodeAt(0);
		// Ctrl-A … Ctrl-Z arrive as bytes 1 … 26.
		if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), {...plainKey, ctrl: true}];
		return [ch, {...plainKey, shift: /[A-Z]/.test(ch)}];
	});
}

/**
 * Pasted text as a field takes it: one line (line breaks and tabs become spaces, a
 * trailing one is dropped, so pasting "shop_web⏎" does not submit), no control
 * characters, no escape sequences (pasted coloured text).
 */
export function pastedText(text: string): string {
	return text
		// eslint-disable-next-line no-control-regex
		.replace(/\u001B(?:\[[\u0020-\u003f]*[\u0040-\u007e]?|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?)?/g, '')
		.replace(/[\r\n\t]+/g, ' ')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
		.trimEnd();
}
