import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {type Column, layoutColumns, naturalWidths} from '../../source/ui/columns.js';
import {Table, windowStart} from '../../source/ui/Table.js';
import {fit, sanitize} from '../../source/ui/text.js';

type Row = {id: string; name: string; state: string; note: string};
const columns: Column<Row>[] = [
	{key: 'name', header: 'NAME', get: (r) => r.name, priority: 0, minWidth: 6},
	{key: 'state', header: 'STATE', get: (r) => r.state, priority: 1},
	{key: 'note', header: 'NOTE', get: (r) => r.note, priority: 2, minWidth: 6},
];
const rows = (n: number): Row[] => Array.from({length: n}, (_, i) => ({id: `t${i}`, name: `task-${i}`, state: 'running', note: `note ${i}`}));

describe('layoutColumns', () => {
	it('gives every column its natural width when it fits, with two-space gaps', () => {
		const data = rows(3);
		const {columns: laid, gap} = layoutColumns(columns, naturalWidths(columns, data), 80);
		expect(laid.map((c) => [c.key, c.width])).toEqual([['name', 6], ['state', 7], ['note', 6]]);
		expect(gap).toBe(2);
	});

	it('shrinks the least important column when that is enough', () => {
		const {columns: laid} = layoutColumns(columns, [10, 7, 40], 50);
		expect(laid.map((c) => [c.key, c.width])).toEqual([['name', 10], ['state', 7], ['note', 31]]);
	});

	it('drops the least important columns when shrinking them is not enough, keeping the rest whole', () => {
		const natural = [30, 7, 40];
		expect(layoutColumns(columns, natural, 40).columns.map((c) => [c.key, c.width])).toEqual([['name', 25], ['state', 7], ['note', 6]]);
		// The first column shrinks too before a column is dropped.
		expect(layoutColumns(columns, natural, 20).columns.map((c) => [c.key, c.width])).toEqual([['name', 14], ['state', 5]]);
		expect(layoutColumns(columns, natural, 8).columns.map((c) => [c.key, c.width])).toEqual([['name', 8]]);
	});

	it('never makes a line wider than the room', () => {
		for (let width = 1; width < 90; width++) {
			const {columns: laid, gap} = layoutColumns(columns, [30, 7, 40], width);
			const total = laid.reduce((sum, c) => sum + c.width, 0) + gap * (laid.length - 1);
			expect(total).toBeLessThanOrEqual(width);
			expect(laid.every((c) => c.width >= Math.min(width, c.minWidth ?? c.header.length))).toBe(true);
		}
	});
});

describe('text', () => {
	it('truncates by display width with an ellipsis and pads', () => {
		expect(fit('abcdefgh', 5)).toBe('abcd…');
		expect(fit('ab', 5)).toBe('ab   ');
		expect(fit('7', 3, 'right')).toBe('  7');
		expect(fit('日本語テキスト', 6)).toBe('日本… ');
	});
	it('turns control characters from the engine into visible placeholders', () => {
		expect(sanitize('evil\u001b[2Jname\u0007')).toBe('evil␛[2Jname␇');
	});
});

describe('Table', () => {
	it('renders only the visible window of 50,000 rows, keeping the selection in view', () => {
		const data = rows(50_000);
		const {lastFrame} = render(<Table data={data} columns={columns} width={60} height={6} selected={40_000} focused />);
		const frame = lastFrame() ?? '';
		const lines = frame.split('\n');
		expect(lines).toHaveLength(6);
		expect(lines[0]).toContain('NAME');
		expect(frame).toContain('task-40000');
		expect(frame).not.toContain('task-39995 ');
		expect(lines.find((l) => l.includes('task-40000'))?.startsWith('▌')).toBe(true);
	});

	it('moves the window as little as possible', () => {
		expect(windowStart(0, 3, 5, 100)).toBe(0);
		expect(windowStart(0, 7, 5, 100)).toBe(3);
		expect(windowStart(10, 8, 5, 100)).toBe(8);
		expect(windowStart(90, 19, 5, 20)).toBe(15);
	});

	it('shows an empty text and a dimmer marker when not focused', () => {
		expect(render(<Table data={[]} columns={columns} width={40} height={4} selected={-1} focused emptyText="no tasks" />).lastFrame()).toContain('no tasks');
		const frame = render(<Table data={rows(2)} columns={columns} width={40} height={4} selected={1} focused={false} />).lastFrame() ?? '';
		expect(frame.split('\n')[2]?.startsWith('›')).toBe(true);
	});
});

describe('a long message', () => {
	it('is cut before any other column shrinks or goes (the events view lost BY and TARGET)', async () => {
		const {layoutColumns} = await import('../../source/ui/columns.js');
		type R = {t: string; by: string; target: string; what: string};
		const columns = [
			{key: 'time', header: 'TIME', get: (r: R) => r.t, priority: 0},
			{key: 'who', header: 'BY', get: (r: R) => r.by, priority: 2},
			{key: 'target', header: 'TARGET', get: (r: R) => r.target, priority: 1, maxWidth: 40},
			{key: 'what', header: 'WHAT', get: (r: R) => r.what, priority: 0, minWidth: 20, flex: true},
		];
		const laid = layoutColumns(columns, [8, 5, 16, 400], 78);
		expect(laid.columns.map((c) => c.key)).toEqual(['time', 'who', 'target', 'what']);
		expect(laid.columns.find((c) => c.key === 'target')?.width).toBe(16);
		expect(laid.columns.reduce((sum, c) => sum + c.width, 0) + (laid.columns.length - 1) * laid.gap).toBeLessThanOrEqual(78);
	});
});
