// One rendering of control and invisible characters, everywhere: BEL was ␇ in the logs
// but � in the panes; U+200B ate a neighbouring character in the log view; U+202E
// reached the terminal raw and displayed text reversed.
import {describe, expect, it} from 'vitest';
import {toSegments} from '../../source/model/ansi.js';
import {yamlLines} from '../../source/model/inspect.js';
import {visible} from '../../source/model/visible.js';
import {sanitize} from '../../source/ui/text.js';
import {lab, renderApp, serviceId} from './helpers.js';

const logText = (text: string) => toSegments(text).map((s) => s.text).join('');

describe('visible characters', () => {
	it('marks controls, bidirectional and zero-width characters and drops none', () => {
		expect(visible('a\u200bb')).toBe('a‹U+200B›b');
		expect(visible('abc\u202edef')).toBe('abc‹U+202E›def');
		expect(visible('x\u2066y\u2069\ufeffz\u00ad')).toBe('x‹U+2066›y‹U+2069›‹U+FEFF›z‹U+00AD›');
		expect(visible('bell\u0007 esc\u001b nul\u0000 del\u007f c1\u0085')).toBe('bell␇ esc␛ nul␀ del␡ c1‹U+0085›');
		expect(visible('tab\there')).toBe('tab here');
		// Emoji joined by ZWJ, accents and wide characters stay as they are.
		expect(visible('👩\u200d💻 café 名前')).toBe('👩\u200d💻 café 名前');
		// Astral format characters (language tags) are marked as one code point.
		expect(visible('a\u{E0001}b')).toBe('a‹U+E0001›b');
	});

	it('renders the same in the panes, the logs and inspect', () => {
		const hostile = 'v\u0007\u200b\u202e';
		const shown = 'v␇‹U+200B›‹U+202E›';
		expect(sanitize(hostile)).toBe(shown);
		expect(logText(hostile)).toBe(shown);
		expect(yamlLines({Labels: {note: hostile}}, true).map(sanitize)).toContain(`  note: "${shown}"`);
	});

	it('puts no invisible character on screen, in any view', async () => {
		const id = serviceId('shop_web');
		const services = lab.services.map((s) => (s.ID === id ? {...s, Spec: {...s.Spec, Labels: {note: 'evil\u202eemag\u200bx\u0007'}, Name: 'shop\u202eweb'}} : s));
		const store = (await import('./helpers.js')).labStore();
		store.setServices(services);
		const {frame, press} = renderApp({store});
		expect(frame()).toContain('shop‹U+202E›web');
		expect(frame()).not.toMatch(/[\u202e\u200b\u0007]/);
		await press('j', 'j');
		await press('i');
		expect(frame()).not.toMatch(/[\u202e\u200b\u0007]/);
	});
});
