// Esc typed right before other keys must stay the Escape key: Ink turned "Esc /" in one
// read into a bare "/", and the Enter after it acted on the view behind.
import {EventEmitter} from 'node:events';
import {Text, render, useInput} from 'ink';
import {createElement, useState} from 'react';
import {describe, expect, it} from 'vitest';
import {KeyStream, splitReads} from '../../source/ui/keystream.js';
import {FakeStdin} from './helpers.js';


const fakeStdout = (written: string[]) => Object.assign(new EventEmitter(), {columns: 80, rows: 24, isTTY: true, write: (text: string) => (written.push(text), true)});

function Keys() {
	const [seen, setSeen] = useState<string[]>([]);
	useInput((input, key) => setSeen((old) => [...old, key.escape ? 'Esc' : key.return ? 'Enter' : input]));
	return createElement(Text, null, seen.join(' '));
}

describe('the key stream', () => {
	it('splits an Esc that is a key from what follows, and leaves escape sequences whole', () => {
		expect(splitReads('\u001B/web\r')).toEqual(['\u001B', '/web\r']);
		expect(splitReads('ab\u001Bl')).toEqual(['ab', '\u001B', 'l']);
		expect(splitReads('\u001B[A\u001BOB')).toEqual(['\u001B[A\u001BOB']);
		expect(splitReads('\u001B\u001B[B')).toEqual(['\u001B', '\u001B[B']);
		expect(splitReads('\u001B')).toEqual(['\u001B']);
		expect(splitReads('jjj')).toEqual(['jjj']);
	});

	it('gives Ink "Esc /web Enter" read at once as Esc, then the rest', async () => {
		const stdin = new FakeStdin();
		const written: string[] = [];
		const stdout = fakeStdout(written);
		const app = render(createElement(Keys), {stdin: new KeyStream(stdin as never) as never, stdout: stdout as never, debug: true, exitOnCtrlC: false, patchConsole: false});
		stdin.type('\u001B/web\r');
		for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
		app.unmount();
		// The Esc first, then the slash: before, Ink gave a bare "/" and no Esc at all.
		expect(written.join('')).toMatch(/Esc \/ ?web/);
	});
});
