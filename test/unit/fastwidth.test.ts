// string-width 8 is the reference. The older copy Ink reaches through wrap-ansi (7.2)
// counts text-style symbols such as © as two columns, which terminals draw in one; the
// bundle routes it through the same fast path, so both agree with 8.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {narrowWidth, withFastPath} from '../../source/ui/fastwidth.js';

describe('the fast string width', () => {
	it('answers only for characters string-width itself counts as one column', () => {
		let checked = 0;
		for (let code = 0; code < 0x10000; code++) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const ch = String.fromCharCode(code);
			const fast = narrowWidth(ch);
			if (fast === undefined) continue;
			checked++;
			expect(fast, `U+${code.toString(16)}`).toBe(stringWidth(ch));
		}
		expect(checked).toBeGreaterThan(600);
	});

	it('falls back to string-width for the rest, and remembers', () => {
		let calls = 0;
		const measure = withFastPath((text) => {
			calls++;
			return stringWidth(text);
		});
		expect(measure('╭─ Nodes 3 ─╮ ▌ › ✔ ✘ ⚠ …')).toBe(stringWidth('╭─ Nodes 3 ─╮ ▌ › ✔ ✘ ⚠ …'));
		expect(calls).toBe(0);
		expect(measure('日本 🚀 e\u0301')).toBe(stringWidth('日本 🚀 e\u0301'));
		expect(measure('日本 🚀 e\u0301')).toBe(stringWidth('日本 🚀 e\u0301'));
		expect(calls).toBe(1);
		expect(measure('\u001B[31mred\u001B[0m')).toBe(3);
	});
});

describe('the fast width of styled text', () => {
	it('skips colour and style codes as string-width does, and leaves other escapes to it', () => {
		const samples = ['\u001B[31mred\u001B[39m', '\u001B[1;38;5;208m▌ web\u001B[22;39m', '\u001B[38;2;1;2;3m╭─\u001B[0m x', '\u001B[m', 'a\u001B[31', '\u001B[2Jclear', '\u001B]8;;http://x\u0007link\u001B]8;;\u0007'];
		for (const text of samples) {
			const fast = narrowWidth(text);
			if (fast !== undefined) expect(fast, JSON.stringify(text)).toBe(stringWidth(text));
		}
		expect(narrowWidth('\u001B[1;38;5;208m▌ web\u001B[22;39m')).toBe(5);
		expect(narrowWidth('\u001B[2Jclear')).toBeUndefined();
		expect(narrowWidth('a\u001B[31')).toBeUndefined();
	});

	it('agrees with string-width on random mixes of text and codes', () => {
		const parts = ['a', ' ', '─', '▌', '…', '\u001B[31m', '\u001B[0m', '\u001B[1;2m', '\u001B[', 'm', ';', '7', '\u001B', '日', 'é', '\u0301'];
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
		for (let n = 0; n < 3000; n++) {
			let text = '';
			for (let k = next() % 12; k > 0; k--) text += parts[next() % parts.length];
			const fast = narrowWidth(text);
			if (fast !== undefined) expect(fast, JSON.stringify(text)).toBe(stringWidth(text));
		}
	});
});
