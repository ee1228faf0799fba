// The UI's start: loaded by the CLI with import() while the first requests are in
// flight, so loading Ink and React (the biggest part of start-up) overlaps the network.
import {render, useApp} from 'ink';
import {themes, type ThemeName} from '../themes.js';
import {App, type AppProps} from './App.js';
import {KeyStream} from './keystream.js';
import {createHandOver} from './sessions/terminal.js';
import {enterAltScreen} from './screen.js';
import {ThemeContext} from './theme.js';

export function startUi(props: AppProps & {theme?: ThemeName}): {unmount: () => void} {
	enterAltScreen();
	// Every byte typed or pasted passes the key stream first: keys Ink knows, pasted
	// text, or nothing (keystream.ts).
	const keys = new KeyStream(process.stdin);
	// Ink offers suspendTerminal only inside its tree (useApp): bound there, on the first
	// render, before any key can ask for it.
	let suspend: (run: () => Promise<void>) => Promise<void> = async () => {
		throw new Error('not started');
	};
	const handOver = createHandOver((run) => suspend(run));
	const app = render(
		<ThemeContext.Provider value={themes[props.theme ?? 'dark']}>
			<BindSuspend bind={(to) => (suspend = to)} />
			<App {...props} handOver={handOver} onPaste={(listener) => keys.onPaste(listener)} />
		</ThemeContext.Provider>,
		{
		stdin: keys as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		// Ink's default 30 frames/s makes a key that lands just after a frame wait up to
		// 33 ms for the next one. Bursts are still coalesced; the log view paces itself.
		maxFps: 120,
		},
	);
	return {unmount: () => app.unmount()};
}

function BindSuspend({bind}: {bind: (suspend: (run: () => Promise<void>) => Promise<void>) => void}): null {
	const {suspendTerminal} = useApp();
	bind((run) => suspendTerminal(run));
	return null;
}
