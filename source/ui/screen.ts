// The alternate screen buffer (Ink 6 has no option for it) and restoring the terminal
// on every way out.
// Bracketed paste on (ESC[?2004h): the terminal marks pasted text, so it reaches a
// prompt or filter as text and is never taken as keys (keystream.ts).
const enter = '\u001B[?1049h\u001B[H\u001B[?2004h';
const leave = '\u001B[?2004l\u001B[?25h\u001B[?1049l';

let active = false;

export function enterAltScreen(stream: NodeJS.WriteStream = process.stdout): void {
	if (active || !stream.isTTY) return;
	stream.write(enter);
	active = true;
}

export function leaveAltScreen(stream: NodeJS.WriteStream = process.stdout): void {
	if (!active) return;
	active = false;
	// Raw mode off too: after a crash Ink may not have had the chance.
	if (process.stdin.isTTY) process.stdin.setRawMode?.(false);
	stream.write(leave);
}
