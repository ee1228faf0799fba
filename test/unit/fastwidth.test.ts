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
