// Said whole: a footer message too long to sit beside the keys gets rows of its own
// (the panes give them up while it shows); a confirmation longer than the screen pages,
// and `y` is taken only once every line has been shown.
import {describe, expect, it} from 'vitest';
import type {Key} from 'ink';
import {render} from 'ink-testing-library';
import {confirmWindow, type Dialog, dialogKey} from '../../source/ui/dialog.js';
import {DialogBox} from '../../source/ui/DialogBox.js';
import {plainKey} from '../../source/ui/input.js';
import {Footer, footerExtra, messageRows} from '../../source/ui/Footer.js';

const long = 'node3: no route to its engine: set "nodeHosts": {"node3": "ssh://USER@192.168.213.13"} in the config file, or run: ssh 192.168.213.13 docker exec -it <container> sh';

describe('the footer', () => {
	it('a short message stays beside the keys; a long one wraps by words onto rows of its own, at most three', () => {
		expect(messageRows({text: 'scaled'}, 80)).toEqual([]);
		const rows = messageRows({text: long, error: true}, 80);
		expect(rows.length).toBe(3);
		expect(rows.join(' ')).toBe(long.replace(/\s+/g, ' '));
		for (const row of rows) expect(row.length).toBeLessThanOrEqual(78);
		expect(messageRows({text: `${long} ${long}`}, 80)[2]).toMatch(/…$/);
		// Never so many that the screen becomes too small.
		expect(footerExtra({text: long}, 80, 15)).toBe(1);
		expect(footerExtra({text: long}, 80, 23)).toBe(3);
	});

	it('draws a long error whole, the keys still on the last row', () => {
		const {lastFrame} = render(<Footer width={80} message={{text: long, error: true}} keys={['Tab next pane', '? help']} />);
		const lines = (lastFrame() ?? '').split('\n');
		expect(lines.length).toBe(4);
		expect(lines.slice(0, 3).join(' ').replace(/\s+/g, ' ').trim()).toBe(long.replace(/\s+/g, ' '));
		expect(lines[3]).toMatch(/Tab next pane {2}\? help/);
	});
});

describe('a long confirmation', () => {
	const key = (over: Partial<Key> = {}) => ({...plainKey, ...over}) as Key;
	const lines = Array.from({length: 25}, (_, i) => `+ env E${i}=1`);
	let yes = 0;
	const start: Dialog = {kind: 'confirm' as const, title: 'Apply 25 changes to x?', lines, page: 10, yes: () => yes++};

	it('pages, and takes y only once every line has been shown', () => {
		let dialog: Dialog = start;
		const step = (input: string, over?: Partial<Key>) => {
			const next = dialogKey(dialog, input, key(over));
			if (next.run) next.run();
			dialog = next.dialog ?? dialog;
			return next;
		};
		expect(step('y').dialog).toMatchObject({unseen: true});
		expect(yes).toBe(0);
		const {lastFrame} = render(<DialogBox dialog={dialog} width={80} />);
		expect(lastFrame()).toContain('lines 1–10 of 25');
		expect((lastFrame() ?? '').replace(/[│\s]+/g, ' ')).toContain('y confirms once every line has been shown');
		expect(lastFrame()).not.toContain('E10=1');
		step(' ');
		step('', {downArrow: true});
		expect(confirmWindow(dialog as Extract<Dialog, {kind: 'confirm'}>)).toMatchObject({offset: 15, seen: true});
		expect(render(<DialogBox dialog={dialog} width={80} />).lastFrame()).toContain('+ env E24=1');
		step('y');
		expect(yes).toBe(1);
	});

	it('any other key still cancels', () => {
		expect(dialogKey(start, 'n', key())).toEqual({});
	});
});
