// Keys that arrive together ("/web⏎l" in one read over ssh) are handled one per
// render, so each key sees the screen the previous one produced (a filter typed in the
// same burst has narrowed the list before `l` picks the selected row). A paste waits
// its turn among them, so "/" then a paste lands in the filter.
import {type Key, useInput} from 'ink';
import {useEffect, useLayoutEffect, useRef, useState} from 'react';
import {trace, typed} from '../trace.js';
import {plainKey, splitKeys} from './input.js';

export type KeyHandlers = {
	key: (input: string, key: Key) => void;
	paste: (text: string) => void;
	/** Whether keys go into a text field now (typed text is taken in one go). */
	typing: () => boolean;
	/** A handler's fault: reported, never the end of the program. */
	fault: (error: unknown) => void;
};

export function useKeyQueue(handlers: KeyHandlers, onPaste?: (listener: (text: string) => void) => () => void): void {
	const queue = useRef<Array<[string, Key, paste?: boolean]>>([]);
	const [keyTurn, setKeyTurn] = useState(0);
	const current = useRef(handlers);
	current.current = handlers;
	// A key is handled with what its render shows: one handled since the last commit may
	// have changed it, so the next waits for that render (and its keyTurn effect).
	const unrendered = useRef(false);
	const nextKey = () => {
		const {key: onKey, paste: onPasted, typing, fault} = current.current;
		// Text typed into a field depends on nothing else on screen: take it all at once.
		while (queue.current.length) {
			const [input, key, paste] = queue.current.shift() as [string, Key, boolean?];
			const plain = !key.return && !key.escape && !key.tab && !key.upArrow && !key.downArrow && !key.pageUp && !key.pageDown;
			const wasTyping = typing() && plain;
			trace('handle', paste ? {paste: input.length} : typed(input) || keyName(key));
			const began = performance.now();
			try {
				if (paste) onPasted(input);
				else onKey(input, key);
			} catch (error) {
				fault(error);
			}
			// A key's turn should take a frame or so; a long one held every other key and frame.
			const took = performance.now() - began;
			if (took > 100) trace('slow key', {ms: Math.round(took)});
			unrendered.current = true;
			if (!wasTyping || !typing()) break;
		}
		if (queue.current.length) setKeyTurn((turn) => turn + 1);
	};
	useEffect(nextKey, [keyTurn]);
	// Ink calls the handler it subscribed in an effect, and reads stdin between a render
	// and that effect: a key read then (or before the render) would meet an older render
	// and act on what was on screen then, like Enter on a filter and then "l" on the row
	// the filter hid. So the handler Ink holds only queues, and keys are handled from the
	// latest commit.
	const takeKey = useRef<(input: string, key: Key, paste?: boolean) => void>(() => undefined);
	useLayoutEffect(() => {
		unrendered.current = false;
		takeKey.current = (input, key, paste) => {
			const waiting = queue.current.length > 0;
			trace('take', {input: paste ? `paste of ${input.length}` : typed(input) || keyName(key), waiting: queue.current.length, unrendered: unrendered.current});
			if (paste) queue.current.push([input, plainKey, true]);
			else queue.current.push(...splitKeys(input, key));
			if (waiting) return; // its turn is coming
			if (unrendered.current) setKeyTurn((turn) => turn + 1);
			else nextKey();
		};
	});
	useInput((input, key) => takeKey.current(input, key));
	useEffect(() => onPaste?.((text) => takeKey.current(text, plainKey, true)), [onPaste]);
}

/** A key's name for the trace: its flags that are set. */
function keyName(key: Key): string {
	return Object.entries(key)
		.filter(([, on]) => on === true)
		.map(([name]) => name)
		.join('+');
}
