// The alternate screen buffer (Ink 6 has no option for it) and restoring the terminal
// on every way out.
const enter = '\u001B[?1049h\u001B[H';
const leave = '\u001B[?25h\u001B[?1049l';

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
