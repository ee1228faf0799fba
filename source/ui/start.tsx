// The UI's start: loaded by the CLI with import() while the first requests are in
// flight, so loading Ink and React (the biggest part of start-up) overlaps the network.
import {render} from 'ink';
import {themes, type ThemeName} from '../themes.js';
import {App, type AppProps} from './App.js';
import {KeyStream} from './keystream.js';
import {enterAltScreen} from './screen.js';
import {ThemeContext} from './theme.js';

export function startUi(props: AppProps & {theme?: ThemeName}): {unmount: () => void} {
	enterAltScreen();
	// Every byte typed or pasted passes the key stream first: keys Ink knows, pasted
	// text, or nothing (keystream.ts).
	const keys = new KeyStream(process.stdin);
	const app = render(
		<ThemeContext.Provider value={themes[props.theme ?? 'dark']}>
			<App {...props} onPaste={(listener) => keys.onPaste(listener)} />
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
