// The fast answer must be what ansi-tokenize's own diff gives (the copy Ink uses: it is
// Ink's dependency, imported here as installed).
import {diffAnsiCodes, type AnsiCode} from '@alcalzone/ansi-tokenize';
import {describe, expect, it} from 'vitest';
import {withUnchangedFastPath} from '../../source/ui/ansidiff.js';

const palette: AnsiCode[] = [
	{type: 'ansi', code: '\u001B[1m', endCode: '\u001B[22m'},
	{type: 'ansi', code: '\u001B[2m', endCode: '\u001B[22m'},
	{type: 'ansi', code: '\u001B[31m', endCode: '\u001B[39m'},
	{type: 'ansi', code: '\u001B[36m', endCode: '\u001B[39m'},
	{type: 'ansi', code: '\u001B[7m', endCode: '\u001B[27m'},
	{type: 'ansi', code: '\u001B[48;5;236m', endCode: '\u001B[49m'},
];

describe('the style diff between neighbouring cells', () => {
	it('agrees with ansi-tokenize on random style lists, equal or not', () => {
		const fast = withUnchangedFastPath(diffAnsiCodes);
		let seed = 3;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
		const list = () => Array.from({length: next() % 4}, () => ({...palette[next() % palette.length]!}));
		for (let n = 0; n < 5000; n++) {
			const from = list();
			const to = n % 2 ? from.map((c) => ({...c})) : list();
			expect(fast(from, to)).toEqual(diffAnsiCodes(from, to));
		}
	});

	it('answers equal styles without asking', () => {
		let asked = 0;
		const fast = withUnchangedFastPath((from: AnsiCode[], to: AnsiCode[]) => (asked++, diffAnsiCodes(from, to)));
		expect(fast([palette[2]!], [{...palette[2]!}])).toEqual([]);
		expect(asked).toBe(0);
	});
});
