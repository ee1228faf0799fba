// Imported before Ink. Ink reads CI at load time and, when set, prints only the last
// frame at exit: an interactive terminal is never "CI" for a TUI.
if (process.stdout.isTTY && process.stdin.isTTY) {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
}
// NO_COLOR (no-color.org): no colour and no text attributes at all. Set before chalk
// loads, which reads FORCE_COLOR once; the marks from figures and the ▌ › selection
// markers keep the screen usable.
if (process.env['NO_COLOR']) process.env['FORCE_COLOR'] = '0';
export {};
