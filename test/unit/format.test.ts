// naturalCompare answers printable ASCII itself (making an Intl.Collator costs start-up
// time); it must agree with the collator it stands in for, everywhere.
import {describe, expect, it} from 'vitest';
import {naturalCompare} from '../../source/model/format.js';

const icu = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});

describe('natural order', () => {
	it('sorts like docker node ls: node2 before node10, case aside', () => {
		expect(['node10', 'Node2', 'node1', 'node-3', 'node_3'].sort(naturalCompare)).toEqual(['node_3', 'node-3', 'node1', 'Node2', 'node10']);
	});

	it('agrees with Intl.Collator on every pair of printable ASCII characters', () => {
		for (let x = 0x20; x < 0x7f; x++) {
			for (let y = 0x20; y < 0x7f; y++) {
				const a = String.fromCharCode(x);
				const b = String.fromCharCode(y);
				expect(naturalCompare(a, b), `${a} ${b}`).toBe(icu.compare(a, b));
			}
		}
	});

	it('agrees with Intl.Collator on random names, numbers, punctuation and the odd non-ASCII character', () => {
		const parts = ['a', 'B', 'z', 'Z', '0', '00', '1', '2', '9', '10', '007', ' ', '-', '_', '.', '~', '$', '/', 'node', 'web', 'é', 'ß', '日', '\t', '\u0001', '١'];
		let seed = 5;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
		const word = (n: number) => {
			let text = '';
			for (let k = next() % 7; k > 0; k--) text += parts[next() % (n % 3 ? 20 : parts.length)];
			return text;
		};
		for (let n = 0; n < 20_000; n++) {
			const a = word(n);
			const b = n % 5 ? word(n) : a.replace(/[a-z]/, (c) => c.toUpperCase());
			expect(naturalCompare(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(icu.compare(a, b));
		}
	});
});
