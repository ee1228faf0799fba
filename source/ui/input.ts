// Ink hands a burst of plain keys (fast typing over a slow ssh link, "jjj") to the
// handler as one string; navigation wants them one by one.
import type {Key} from 'ink';

const blank: Key = {
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
		return [['', {...blank, escape: true, meta: true}], [input, {...key, meta: false}]];
	}
	// Ink parses Esc+Tab and Esc+Enter as a bare "\t" / "\r" with no key flag at all.
	if (input === '\t' && !key.tab) return [['', {...blank, escape: true, meta: true}], ['', {...blank, tab: true}]];
	if (input === '\r' && !key.return) return [['', {...blank, escape: true, meta: true}], ['', {...blank, return: true}]];
	if (input.length <= 1 || key.ctrl || key.meta || input.includes('\u001B')) return [[input, key]];
	return [...input].map((ch): [string, Key] => {
		if (ch === '\r' || ch === '\n') return ['', {...blank, return: true}];
		if (ch === '\t') return ['', {...blank, tab: true}];
		if (ch === '\u007F' || ch === '\b') return ['', {...blank, backspace: true}];
		const code = ch.charCodeAt(0);
		// Ctrl-A … Ctrl-Z arrive as bytes 1 … 26.
		if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), {...blank, ctrl: true}];
		return [ch, {...blank, shift: /[A-Z]/.test(ch)}];
	});
}
