// Handing the whole terminal to something else (a shell in a container, later an
// editor) and taking it back: swarmtui stops reading keys and drawing, leaves the
// alternate screen, and afterwards comes back to it and redraws at once, with every
// view, selection and filter as it was (they live in stores, not in the frame).
import {enterAltScreen, leaveAltScreen} from '../screen.js';

/** Runs `run` with the terminal its own; resolves with what it returns. */
export type HandOver = <T>(run: () => Promise<T>) => Promise<T>;

/** `suspend`: Ink's suspendTerminal (input paused, its frame erased; on return a full redraw). */
export function createHandOver(suspend: (run: () => Promise<void>) => Promise<void>): HandOver {
	let busy = false;
	return async <T>(run: () => Promise<T>) => {
		if (busy) throw new Error('the terminal is already handed over');
		busy = true;
		let result: {value: T} | {error: unknown} | undefined;
		try {
			await suspend(async () => {
				leaveAltScreen();
				try {
					result = {value: await run()};
				} catch (error) {
					result = {error};
				} finally {
					// Back before Ink draws its frame again.
					enterAltScreen();
				}
			});
		} finally {
			busy = false;
		}
		if (!result) throw new Error('the terminal was not handed over');
		if ('error' in result) throw result.error;
		return result.value;
	};
}
