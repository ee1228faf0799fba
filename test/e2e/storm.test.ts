// A key storm on the real CLI: seeded random keys, escape sequences, pastes (bracketed,
// through tmux) and resizes for a minute, read-only. It must never exit, never print
// "unexpected error", and leave the swarm as it was. SWARMTUI_STORM_SEED replays a run;
// SWARMTUI_STORM_SECONDS makes it longer. A second storm with write access, pointed at
// throwaway services, must change nothing else.
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {dk, manager} from './lab.js';
import {useTerminals} from './tmux.js';
import {random} from '../random.js';

const start = useTerminals();


/** What the swarm is: every service's and node's spec version and state. */
const swarmState = () =>
	[
		dk('service', 'ls', '--format', '{{.ID}}'),
		...dk('service', 'ls', '-q').split('\n').filter(Boolean).map((id) => dk('service', 'inspect', '--format', '{{.ID}} {{.Version.Index}} {{json .Spec.Mode}} {{.Spec.TaskTemplate.ContainerSpec.Image}}', id)),
		// A node's version also moves with its status (the engine updates it when a node
		// that an earlier test restarted settles: seen in CI, +10 on a worker during a
		// read-only storm); its spec is what a write would change.
		...dk('node', 'ls', '-q').split('\n').filter(Boolean).map((id) => dk('node', 'inspect', '--format', '{{.ID}} {{json .Spec}}', id)),
	].join('\n');

// Named tmux keys, and literal text (typed as is): no q and no Ctrl-C (they quit, as
// they should), no Ctrl-S (it saves a file).
const named = ['Escape', 'Enter', 'Tab', 'BTab', 'Up', 'Down', 'Left', 'Right', 'PageUp', 'PageDown', 'Home', 'End', 'BSpace', 'DC', 'Space', 'C-d', 'C-u', 'F1', 'F5', 'M-x', 'C-@', 'C-]', 'C-\\'];
const literal = ['j', 'k', 'g', 'G', 'h', 'l', 'i', 'o', 's', 'u', 'r', 'R', 'x', 'd', 'a', 'p', '+', '-', 'y', 'n', 'N', 'm', 'J', 'w', 't', 'f', 'F', 'c', 'S', '/', ':', '?', '3', '0', 'svc', 'pb', 'ev', 'st', 'net', 'shop', '\u001b[31m', '\u001b[1;31m', 'GET \u001b[0m', '\u001b]0;title\u0007', '\u001b[200~', '\u001b[201~', '\u001b[', '\u001bO', '\u001c', '名前', '\u200b', '\u202e', '\u00e9'];
const pastes = ['shop_web', 'y', 'monitor\n', '\u001b[31mred\u001b[0m', 'line one\nline two\ny\n', 'x'.repeat(2000)];

describe('a key storm', () => {
	it('never ends the program or changes the swarm when read-only', async () => {
		const seed = Number(process.env['SWARMTUI_STORM_SEED'] ?? Date.now() % 1_000_000);
		const seconds = Number(process.env['SWARMTUI_STORM_SECONDS'] ?? 60);
		const rand = random(seed);
		const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
		const before = swarmState();
		const term = start(['--host', manager, '--read-only'], {columns: 120, rows: 32});
		await term.waitFor(/monitor\s+global/);
		const tmux = (...args: string[]) => execFileSync('tmux', ['-L', `swarmtui-e2e-${process.pid}`, ...args], {stdio: 'ignore'});
		const sent: string[] = [];
		const end = Date.now() + seconds * 1000;
		while (Date.now() < end) {
			const r = rand();
			if (r < 0.45) {
				const key = pick(named);
				sent.push(key);
				term.keys(key);
			} else if (r < 0.9) {
				const text = pick(literal);
				sent.push(JSON.stringify(text));
				term.type(text);
			} else if (r < 0.96) {
				const text = pick(pastes);
				sent.push(`paste ${JSON.stringify(text.slice(0, 20))}`);
				tmux('set-buffer', '--', text);
				tmux('paste-buffer', '-p', '-t', term.name);
			} else {
				const columns = 50 + Math.floor(rand() * 150);
				const rows = 12 + Math.floor(rand() * 40);
				sent.push(`resize ${columns}x${rows}`);
				term.resize(columns, rows);
			}
			if (rand() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(rand() * 60)));
			const screen = term.screen();
			if (screen.includes('[exit') || screen.includes('unexpected error')) {
				throw new Error(`seed ${seed}: swarmtui ended after ${sent.length} inputs; the last: ${sent.slice(-15).join(' ')}\n--- screen ---\n${screen}`);
			}
		}
		// Still there and still answering: back to the panes, at a size that shows them.
		term.resize(120, 32);
		// A typed `ESC[200~` may have left a paste open: everything after it is pasted text
		// until the end bracket (or half a second of silence). A terminal always sends
		// the end; so does this, before the keys that must be keys.
		term.type('\u001b[201~');
		for (let i = 0; i < 5; i++) term.keys('Escape');
		// Then a key with a visible answer: once help is on screen, every key before it
		// was handled (or the program is gone, which the checks below catch).
		term.type('?');
		const screen = await term.waitFor((s) => s.includes('swarmtui keys') || s.includes('[exit'), 15_000);
		term.keys('Escape');
		expect(screen, `seed ${seed}`).not.toContain('[exit');
		expect(screen, `seed ${seed}`).not.toContain('unexpected error');
		expect(term.appPid(), `seed ${seed}`).toBeGreaterThan(1);
		expect(swarmState(), `seed ${seed}: the swarm changed`).toBe(before);
	}, 300_000);

	it('with write access, changes only the throwaway services it is pointed at, each change through its dialog', async () => {
		const seed = Number(process.env['SWARMTUI_STORM_SEED'] ?? (Date.now() + 1) % 1_000_000);
		const seconds = Number(process.env['SWARMTUI_STORM_SECONDS'] ?? 60);
		const rand = random(seed);
		const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
		const names = ['storm_a', 'storm_b'];
		for (const name of names) dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', name, '--stop-grace-period', '1s', 'swarmtui-lab/busybox:1', 'sleep', '100000');
		const ids = names.map((name) => dk('service', 'inspect', '--format', '{{.ID}}', name).slice(0, 12));
		const others = () => swarmState().split('\n').filter((line) => !ids.some((id) => line.includes(id))).join('\n');
		const before = others();
		try {
			const term = start(['--host', manager], {columns: 120, rows: 32});
			await term.waitFor(/monitor\s+global/);
			// The services pane filtered to the throwaway services; no key below can clear
			// the filter (no Esc, no /) or reach the nodes pane (no Tab, no :).
			term.type('/storm_');
			term.keys('Enter');
			await term.waitGone('monitor');
			const keys = ['j', 'k', 'g', 'G', 'h', 'i', '-', 'o', 's', 'u', 'r', 'R', 'x', 'y', 'n', '3', '0', '2', 'Enter', 'BSpace', 'C-u', 'Up', 'Down', 'PageUp', 'PageDown', 'Space', 'l', 'w', 'J', 'm', '\u001b[31m'];
			const end = Date.now() + seconds * 1000;
			let count = 0;
			while (Date.now() < end) {
				const key = pick(keys);
				if (key.length === 1 || key.startsWith('\u001b')) term.type(key);
				else term.keys(key);
				count++;
				if (rand() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(rand() * 80)));
				const screen = term.screen();
				if (screen.includes('[exit') || screen.includes('unexpected error')) throw new Error(`seed ${seed}: swarmtui ended after ${count} keys\n--- screen ---\n${screen}`);
			}
			expect(term.appPid(), `seed ${seed}`).toBeGreaterThan(1);
		} finally {
			for (const name of names) {
				try {
					dk('service', 'rm', name);
				} catch {
					// removed by the storm through its typed-name dialog: allowed
				}
			}
		}
		expect(others(), `seed ${seed}: something but the throwaway services changed`).toBe(before);
	}, 300_000);
});
