// Imported before Ink: Ink reads CI at load time and, when set, prints only the last
// frame at exit. An interactive terminal is never "CI" for a TUI.
if (process.stdout.isTTY && process.stdin.isTTY) {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
}
export {};
