// The plain path must give exactly what Intl.Segmenter gives, or Ink would clip and
// measure lines differently in the bundle than in the tests.
import {describe, expect, it} from 'vitest';
import {graphemeSegmenter} from '../../source/ui/graphemes.js';

const intl = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const shape = (segments: Iterable<{segment: string; index: number; input: string}>) => [...segments].map(({segment, index, input}) => ({segment, index, input}));

describe('the grapheme segmenter with a plain path', () => {
	it('splits and finds like Intl.Segmenter, plain text or not', () => {
		let made = 0;
		const fast = graphemeSegmenter(() => (made++, new Intl.Segmenter(undefined, {granularity: 'grapheme'})));
		const parts = ['a', ' ', '─', '▌', '…', '\u001B[31m', '\u001B[0m', '\u001B', 'é', '·', '⏎', '\r', '\n', 'e\u0301', '日', '👍🏽', '\u200D', '\uFE0F', '\t'];
		let seed = 11;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
		for (let n = 0; n < 3000; n++) {
			let text = '';
			for (let k = next() % 14; k > 0; k--) text += parts[next() % (n % 2 ? 9 : parts.length)];
			expect(shape(fast.segment(text)), JSON.stringify(text)).toEqual(shape(intl.segment(text)));
			for (const index of [-1, 0, 1, text.length - 1, text.length, 2.5]) {
				const a = fast.segment(text).containing(index);
				const b = intl.segment(text).containing(index);
				expect(a && {segment: a.segment, index: a.index}, `${JSON.stringify(text)} @${index}`).toEqual(b && {segment: b.segment, index: b.index});
			}
		}
		expect(made).toBe(1);
	});

	it('never makes the real segmenter for plain lines', () => {
		let made = 0;
		const fast = graphemeSegmenter(() => (made++, intl));
		shape(fast.segment('\u001B[1;36m╭─ Nodes 3 ─╮\u001B[0m ▌ web › ⏎ ✔'));
		expect(made).toBe(0);
	});
});
