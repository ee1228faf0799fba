// The one way swarmtui shows a character that must not reach the terminal as it is.
// Text from the engine, logs and labels is untrusted: a control character can move the
// cursor or ring the bell; a bidirectional control (U+202E) makes text display reversed
// (a spoofing vector); a zero-width character hides that two strings differ, and
// terminals and width tables disagree on it (it "ate" a neighbouring character in the
// log view). Each becomes a visible marker, the same in the panes, logs and inspect;
// nothing is ever dropped.

/** ZERO WIDTH JOINER stays: it joins emoji, and is shown by every terminal the same way. */
const invisible = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]|(?!\u200d)\p{Cf}/u;
const invisibleAll = new RegExp(invisible.source, 'gu');
const plain = /^[\u0020-\u007e]*$/;

/** A character's marker: control pictures for C0 and DEL (␇, ␛, ␡), ‹U+XXXX› for the rest. */
export function marker(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '␡';
	return `‹U+${code.toString(16).toUpperCase().padStart(4, '0')}›`;
}

/** Whether a character (one code point) is shown by its marker. */
export function needsMarker(char: string): boolean {
	return char !== '\t' && invisible.test(char);
}

/** Text with every invisible or control character as its marker; tabs as a space. */
export function visible(text: string): string {
	if (plain.test(text)) return text;
	return text.replace(/\t/g, ' ').replace(invisibleAll, marker);
}
