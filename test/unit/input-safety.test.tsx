// Any byte sequence from the keyboard is a key, pasted text, or nothing: pasted coloured
// text (ESC[31m) crashed swarmtui in Ink's key parser, and a paste must never act as keys.
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import {createElement} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {createActions} from '../../source/actions/index.js';
import {ActivityLog} from '../../source/model/activity.js';
import {App} from '../../source/ui/App.js';
import {pastedText} from '../../source/ui/input.js';
import {KeyStream, tokenize} from '../../source/ui/keystream.js';
import {traceTo} from '../../source/trace.js';
import {FakeStdin, fakeWriter, lab, labStore} from './helpers.js';
import {random} from '../random.js';



const ESC = '\u001B';

describe('the key stream tokenizer', () => {
	it('drops escape sequences that are no key, whole', () => {
		expect(tokenize(`${ESC}[31m`)).toEqual({tokens: [], rest: ''});
		expect(tokenize(`GET ${ESC}[0m`)).toEqual({tokens: [{kind: 'keys', text: 'GET '}], rest: ''});
		expect(tokenize(`a${ESC}[1;31mb`)).toEqual({tokens: [{kind: 'keys', text: 'ab'}], rest: ''});
		expect(tokenize(`${ESC}]0;title\u0007x`)).toEqual({tokens: [{kind: 'keys', text: 'x'}], rest: ''});
		expect(tokenize(`${ESC}]0;title${ESC}\\x`)).toEqual({tokens: [{kind: 'keys', text: 'x'}], rest: ''});
		expect(tokenize(`${ESC}[?1;2c${ESC}[97u${ESC}[G${ESC}OG`)).toEqual({tokens: [], rest: ''});
	});

	it('keeps the keys Ink names, with their modifiers', () => {
		const keys = [`${ESC}[A`, `${ESC}[1;5B`, `${ESC}OC`, `${ESC}[5~`, `${ESC}[6;2~`, `${ESC}[Z`, `${ESC}[H`, `${ESC}[3~`, `${ESC}[15~`, `${ESC}[[A`, `${ESC}[7$`, `${ESC}OP`];
		for (const key of keys) expect(tokenize(key)).toEqual({tokens: [{kind: 'keys', text: key}], rest: ''});
	});

	it('makes an Esc before a key the Esc key, then the key', () => {
		expect(tokenize(`${ESC}/web\r`).tokens).toEqual([
			{kind: 'keys', text: ESC},
			{kind: 'keys', text: '/web\r'},
		]);
		expect(tokenize(`${ESC}${ESC}[B`).tokens).toEqual([
			{kind: 'keys', text: ESC},
			{kind: 'keys', text: `${ESC}[B`},
		]);
		expect(tokenize(ESC).tokens).toEqual([{kind: 'keys', text: ESC}]);
	});

	it('takes a bracketed paste out as text, and waits for one cut by a read', () => {
		expect(tokenize(`/${ESC}[200~y\r${ESC}[31mred${ESC}[201~\r`).tokens).toEqual([
			{kind: 'keys', text: '/'},
			{kind: 'paste', text: `y\r${ESC}[31mred`},
			{kind: 'keys', text: '\r'},
		]);
		const first = tokenize(`x${ESC}[200~shop_`);
		expect(first.tokens).toEqual([{kind: 'keys', text: 'x'}]);
		expect(tokenize(`${first.rest}web${ESC}[201~`).tokens).toEqual([{kind: 'paste', text: 'shop_web'}]);
		expect(tokenize(`${ESC}[3`).rest).toBe(`${ESC}[3`);
	});

	it('makes pasted text one plain line', () => {
		expect(pastedText(`shop_web\n`)).toBe('shop_web');
		expect(pastedText(`GET ${ESC}[0m/api\r\nok\u0007`)).toBe('GET /api ok');
	});
});

describe('the App behind the key stream', () => {
	const apps: Array<{unmount: () => void}> = [];
	afterEach(() => {
		for (const app of apps.splice(0)) app.unmount();
	});

	function start(readOnly = true) {
		const stdin = new FakeStdin();
		let written = '';
		const stdout = Object.assign(new EventEmitter(), {columns: 120, rows: 30, isTTY: true, write: (text: string) => ((written = text), true)});
		const keys = new KeyStream(stdin as never);
		const writer = fakeWriter(lab.services);
		const quits: number[] = [];
		const activity = new ActivityLog();
		const app = render(
			createElement(App, {
				store: labStore(),
				endpoint: 'e',
				actions: createActions(writer.api, readOnly),
				activity,
				onQuit: () => quits.push(1),
				size: {columns: 120, rows: 30},
				onPaste: (listener) => keys.onPaste(listener),
				listObjects: async () => [{ID: 's1', Spec: {Name: 'db_password'}}],
			}),
			{stdin: keys as never, stdout: stdout as never, debug: true, exitOnCtrlC: false, patchConsole: false},
		);
		apps.push(app);
		const settle = async () => {
			for (let i = 0; i < 8; i++) await new Promise((resolve) => setTimeout(resolve, 2));
		};
		return {
			type: async (text: string) => {
				stdin.type(text);
				await settle();
			},
			frame: () => written,
			quits,
			writer,
			activity,
		};
	}

	it('takes pasted colour codes in the panes, a filter, a command and inspect without a crash', async () => {
		const ui = start();
		for (const before of ['', '/', ':', 'i']) {
			for (const text of [`${ESC}[31m`, `GET ${ESC}[0m`, `${ESC}[1;31m`, `${ESC}[0m`]) {
				await ui.type(before);
				await ui.type(text);
				await ui.type(ESC);
				await ui.type(ESC);
			}
		}
		expect(ui.quits).toEqual([]);
		expect(ui.activity.get().filter((e) => e.outcome === 'error')).toEqual([]);
		expect(ui.frame()).toContain('Services');
	});

	it('a secret\'s prompt shows dots, and refuses a pasted value of several lines (its line breaks would be lost)', async () => {
		// The key trace (SWARMTUI_TRACE) is on: it must never hold the value either.
		const traced: string[] = [];
		traceTo((line) => traced.push(line));
		const ui = start(false);
		for (const key of [':', 'secrets', '\r', 'n', 'api_key', '\r', '\r']) await ui.type(key);
		expect(ui.frame()).toContain('type the value');
		await ui.type('hunter2');
		expect(ui.frame()).toContain('> •••••••█');
		expect(ui.frame()).not.toContain('hunter2');
		await ui.type(`${ESC}[200~line one\nline two${ESC}[201~`);
		expect(ui.frame()).toContain('a value of several lines cannot be typed');
		expect(ui.frame()).toContain('> •••••••█');
		await ui.type(`${ESC}[200~-more${ESC}[201~`);
		expect(ui.frame()).toContain('> ••••••••••••█');
		traceTo(undefined);
		const trace = traced.join('');
		expect(trace).toContain('"api_key"'); // the name is no secret, and shows the trace was on
		for (const part of ['hunter', 'line one', 'more']) expect(trace).not.toContain(part);
	});

	it('puts a paste into the filter as text: its newline does not submit, its "y" does not confirm', async () => {
		const ui = start(false);
		await ui.type('/');
		await ui.type(`${ESC}[200~monitor\r\n${ESC}[201~`);
		expect(ui.frame()).toContain('/monitor');
		// Still typing into the filter: a further key lands there.
		await ui.type('x');
		expect(ui.frame()).toContain('monitorx');
		await ui.type(ESC);
		// A confirmation is not answered by a pasted "y".
		await ui.type('j');
		await ui.type('R');
		expect(ui.frame()).toMatch(/restart/i);
		await ui.type(`${ESC}[200~y${ESC}[201~`);
		expect(ui.frame()).toMatch(/a paste does not answer a confirmation/);
		await ui.type('n');
		expect(ui.writer.updates).toEqual([]);
	});

	it('survives seeded random bytes, escape sequences and pastes, and changes nothing when read-only', async () => {
		const seed = Number(process.env['SWARMTUI_KEY_SEED'] ?? 20261201);
		const rand = random(seed);
		const pieces = ['j', 'k', '\t', '\r', ESC, '/', ':', 'i', 'l', 'h', 'S', 's', 'u', 'r', 'R', 'x', 'd', 'y', '?', 'g', 'G', ' ', '\u007F', `${ESC}[A`, `${ESC}[B`, `${ESC}[Z`, `${ESC}[5~`, `${ESC}[31m`, `${ESC}[1;31m`, `${ESC}]0;t\u0007`, `${ESC}[200~pasted\ny${ESC}[201~`, `${ESC}[200~`, `${ESC}[201~`, `${ESC}O`, `${ESC}[`, '\u0000', '\u0004', '\u001C', '\u009B', '\u200B', '\u202E', '名'];
		const ui = start(true);
		for (let i = 0; i < 300; i++) {
			let burst = '';
			const n = 1 + Math.floor(rand() * 4);
			for (let j = 0; j < n; j++) burst += rand() < 0.1 ? String.fromCharCode(Math.floor(rand() * 256)) : pieces[Math.floor(rand() * pieces.length)];
			// Never q or Ctrl-C: the storm is about staying alive.
			await ui.type(burst.replace(/[q\u0003]/g, ''));
		}
		expect(ui.quits, `seed ${seed}`).toEqual([]);
		expect(ui.writer.updates, `seed ${seed}`).toEqual([]);
		expect(ui.activity.get().filter((e) => e.target === 'keys'), `seed ${seed}`).toEqual([]);
	}, 60_000);
});
