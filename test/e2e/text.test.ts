// Untrusted text on the real CLI: invisible and control characters shown as markers,
// never raw and never dropped; a 1 MB line wrapped inside its pane and printed whole by
// `swarmtui logs`; help that fits 80x24 and scrolls, and in the log view shows its keys.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dk, manager, until} from './lab.js';
import {runPlain, useTerminals} from './tmux.js';

const start = useTerminals();

const name = 'text_svc';
// busybox printf: U+200B is \342\200\213, U+202E is \342\200\256, BEL is \007.
const script = [
	"printf 'zero a\\342\\200\\213b width\\n'",
	"printf 'bidi abc\\342\\200\\256def end\\n'",
	"printf 'bell \\007 here\\n'",
	"head -c 1000000 /dev/zero | tr '\\000' x; echo",
	'printf "after the long line\\n"',
	'sleep 100000',
].join('; ');

beforeAll(async () => {
	dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', name, '--stop-grace-period', '1s', 'swarmtui-lab/busybox:1', 'sh', '-c', script);
	await until(`${name} to run and log`, () => /after the long line/.test(dk('service', 'logs', '--raw', '--tail', '1', name)), 90_000, 1000);
}, 120_000);

afterAll(() => {
	try {
		dk('service', 'rm', name);
	} catch {
		// not created
	}
});

describe('untrusted text', () => {
	it('swarmtui logs prints a 1 MB line whole, with markers for invisible characters', async () => {
		const result = await runPlain(['--host', manager, 'logs', name]);
		expect(result.code).toBe(0);
		const long = result.stdout.split('\n').find((line) => line.includes('xxxxxxxxxx')) ?? '';
		// The message after the "text_svc.1@node | " prefix: a million x, whole.
		expect(long.split('| ').at(-1)).toBe('x'.repeat(1_000_000));
		expect(result.stdout).not.toContain('bytes cut');
	});

	it('the log view shows markers, never the raw characters, and wraps a 1 MB line inside its pane', async () => {
		const term = start(['--host', manager], {columns: 160, rows: 45});
		await term.waitFor(/monitor\s+global/);
		term.type(`:svc ${name}`);
		term.keys('Enter');
		await term.waitFor(new RegExp(`${name}\\s+replicated`));
		term.type('l');
		const screen = await term.waitFor('after the long line', 20_000);
		expect(screen).toContain('a‹U+200B›b width');
		expect(screen).toContain('abc‹U+202E›def end');
		expect(screen).toContain('bell ␇ here');
		expect(screen).not.toMatch(/[\u200b\u202e\u0007]/);
		term.type('w');
		const wrapped = await term.waitFor(/following · \d+ lines · wrap/);
		const rows = wrapped.split('\n');
		// The pane stays whole: every row inside it starts and ends with its border, the
		// status line is its last row, and the long line fills whole rows.
		const top = rows.findIndex((row) => row.startsWith('╭─ Logs'));
		const bottom = rows.findIndex((row, i) => i > top && row.startsWith('╰'));
		expect(top).toBeGreaterThanOrEqual(0);
		expect(bottom).toBeGreaterThan(top);
		for (const row of rows.slice(top + 1, bottom)) {
			expect(row.startsWith('│'), row).toBe(true);
			expect(row.trimEnd().endsWith('│'), row).toBe(true);
		}
		expect(rows[bottom - 1]).toMatch(/following · \d+ lines · wrap/);
		expect(rows.slice(top + 1, bottom - 1).filter((row) => /^│x{158}│$/.test(row)).length).toBeGreaterThan(5);
	});

	it('help fits 80x24 and scrolls; in the log view it shows the log view\'s keys', async () => {
		const term = start(['--host', manager], {columns: 80, rows: 24});
		await term.waitFor(/monitor\s+global/);
		term.type('?');
		const first = await term.waitFor(/1-\d+ of \d+ · j k PgUp PgDn scroll/);
		expect(first).toContain('keys of the services pane');
		expect(first.split('\n').length).toBeLessThanOrEqual(24);
		term.type('G');
		await term.waitFor(/q Ctrl-C\s+quit/);
		term.keys('Escape');
		term.type(`:svc ${name}`);
		term.keys('Enter');
		await term.waitFor(new RegExp(`${name}\\s+replicated`));
		term.type('l');
		await term.waitFor('Logs ·');
		term.type('?');
		const help = await term.waitFor('keys of the log view');
		expect(help).toMatch(/w\s+wrap long lines on \/ off/);
		expect(help).not.toContain('drain node');
	});
});
