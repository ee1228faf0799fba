import {describe, expect, it} from 'vitest';
import {JsonArraySplitter} from '../../source/docker/jsonarray.js';
import {slimTask} from '../../source/docker/client.js';
import {lab} from './helpers.js';

const split = (chunks: Array<string | Buffer>) => {
	const out: unknown[] = [];
	const splitter = new JsonArraySplitter((element) => out.push(element));
	for (const chunk of chunks) splitter.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	splitter.end();
	return out;
};

describe('reading a JSON list as it arrives', () => {
	it('gives the same objects as JSON.parse, whatever the chunk boundaries', () => {
		const list = [...lab.tasks, {ID: 'x', Status: {Err: 'quote " brace } bracket ] backslash \\ done', Message: 'näive ✔ 🚀'}}, {}];
		const bytes = Buffer.from(JSON.stringify(list, null, 1));
		expect(split([bytes])).toEqual(list);
		for (const size of [1, 2, 3, 7, 64, 1000]) {
			const chunks: Buffer[] = [];
			for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
			expect(split(chunks)).toEqual(list);
		}
		expect(split(['[', ']'])).toEqual([]);
	});

	it('refuses what is not a complete list of objects', () => {
		expect(() => split(['{"message":"no"}'])).toThrow(/expected a list/);
		expect(() => split(['[1, 2]'])).toThrow(/list of objects/);
		expect(() => split(['[{"a":1},'])).toThrow(/ended early/);
		expect(() => split(['[{"a":'])).toThrow(/ended early/);
	});

	it('keeps one copy of strings repeated across tasks', () => {
		const strings = new Map<string, string>();
		const [a, b] = lab.tasks.filter((t) => t.ServiceID === lab.tasks[0]!.ServiceID).map((t) => slimTask(JSON.parse(JSON.stringify(t)), strings));
		expect(a!.ServiceID).toBe(b!.ServiceID);
		expect(strings.has(a!.ServiceID!)).toBe(true);
	});
});
