// The engine swarmtui is connected to stops and comes back (dockerd restarted):
// swarmtui says so, keeps the last state, refuses actions, and resumes by itself.
import {afterAll, describe, expect, it} from 'vitest';
import {docker, dk, lab, manager, promoted, socket, until} from './lab.js';
import {execFileSync} from 'node:child_process';
import {useTerminals} from './tmux.js';

const start = useTerminals();
afterAll(async () => {
	// Never leave the lab without its nodes, or with more managers than the tests expect.
	for (const n of ['1', '2', '3']) lab('start-node', n);
	await backToOneManager();
});

/** The docker CLI on node N's engine. */
const on = (n: number, ...args: string[]) =>
	execFileSync(docker, ['-H', `unix://${socket(n)}`, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
const managerStatus = (n: number) =>
	Object.fromEntries(on(n, 'node', 'ls', '--format', '{{.Hostname}} {{.ManagerStatus}}').split('\n').map((line) => line.split(' ') as [string, string]));

async function backToOneManager() {
	await until('node1 to be the only manager', () => {
		const status = managerStatus(1);
		for (const host of ['node2', 'node3']) {
			if (!status[host]) continue;
			try {
				on(1, 'node', 'demote', host);
			} catch {
				// raft may still be settling: try again
			}
		}
		return status['node1'] && !status['node2'] && !status['node3'];
	}, 180_000, 2000);
	await until('every node to be ready', () => on(1, 'node', 'ls', '--format', '{{.Status}}').split('\n').every((s) => s === 'Ready'), 120_000, 1000);
}

describe('faults on the lab swarm', () => {
	it('survives the manager\'s dockerd restarting', async () => {
		const term = start(['--host', manager], {columns: 140, rows: 36});
		await term.waitFor(/monitor\s+global/);
		term.keys('j', 'j');
		await term.waitFor('Tasks · shop_web');

		lab('stop-node', '1');
		const down = await term.waitFor(/disconnected, retrying in \d+s/, 20_000);
		expect(down).toContain('shop_web'); // the last known state stays on screen
		expect(down).toContain('· stale');
		term.keys('s');
		await term.waitFor('actions are refused until it is back');

		lab('start-node', '1');
		await until('the swarm to answer again', () => dk('node', 'ls', '-q').split('\n').length === 3, 60_000, 500);
		await term.waitFor(/● live/, 40_000);
		await term.waitGone('· stale', 5000);
		expect(term.screen()).toContain('Tasks · shop_web'); // the operator's place is kept

		// Events and polling resumed: a change made now shows up.
		dk('service', 'scale', '--detach', 'shop_api=3');
		try {
			await term.waitFor(/shop_api\s+replicated\s+\d\/3/, 10_000);
		} finally {
			dk('service', 'scale', '--detach', 'shop_api=2');
		}
	}, 150_000);

	it('an open log view follows again by itself after the manager\'s dockerd restarts, without repeating lines', async () => {
		const term = start(['--host', manager], {columns: 140, rows: 36});
		await term.waitFor(/monitor\s+global/);
		term.type('/shop_api');
		term.keys('Enter', 'l');
		await term.waitFor(/shop_api\.\d@node\d\s+api request/);
		const lines = () => [...term.screen().matchAll(/api request \d+ on \w+/g)].map((m) => m[0]);

		lab('stop-node', '1');
		await term.waitFor(/disconnected, retrying in \d+s/, 20_000);
		const before = new Set(lines());
		lab('start-node', '1');
		await until('the swarm to answer again', () => dk('node', 'ls', '-q').split('\n').length === 3, 60_000, 500);
		await term.waitFor(/● live/, 40_000);
		await until('new lines in the log view', () => lines().filter((line) => !before.has(line)).length >= 3, 60_000, 250);
		expect(term.screen()).toMatch(/Logs · (stack shop|shop_api)/);
		expect(term.screen()).toContain('following');
		const seen = lines();
		expect(seen.length - new Set(seen).size).toBe(0); // re-attaching repeated nothing
	}, 150_000);

	it('follows a leader change on a 3-manager swarm, and says so when quorum is lost', async () => {
		// The engine answers "update out of sequence" while a node's own status update races
		// the CLI's read-modify-write (a node restarted just before): try again.
		await until('node2 and node3 promoted', () => {
			on(1, 'node', 'promote', 'node2', 'node3');
			return true;
		}, 60_000, 1000);
		await promoted(2, 120_000);
		await promoted(3, 120_000);
		await until('three reachable managers', () => {
			const status = managerStatus(1);
			return ['node1', 'node2', 'node3'].every((host) => ['Leader', 'Reachable'].includes(status[host] ?? ''));
		}, 120_000, 1000);
		const leader = Object.entries(managerStatus(1)).find(([, status]) => status === 'Leader')![0];
		const [other, third] = ['node1', 'node2', 'node3'].filter((host) => host !== leader) as [string, string];
		const number = (host: string) => host.slice(4);
		// The node swarmtui connects to must itself answer as a manager: just promoted, its
		// raft may still be starting ("can't initialize raft node"), and swarmtui, like the
		// docker CLI, stops at once with that sentence.
		await until(`${other} to answer as a manager`, () => managerStatus(Number(number(other)))[leader] === 'Leader', 60_000, 500);

		// Connected to a manager that is not the leader; the leader's dockerd stops.
		const term = start(['--host', `unix://${socket(Number(number(other)))}`], {columns: 150, rows: 36});
		await term.waitFor(`managers 3 (leader ${leader})`);
		lab('stop-node', number(leader));
		const after = await term.waitFor(new RegExp(`managers 3 \\(leader (?!${leader})node\\d\\)`), 90_000);
		const elected = /managers 3 \(leader (node\d)\)/.exec(after)![1]!;
		expect(managerStatus(Number(number(other)))[elected]).toBe('Leader'); // the engine agrees
		await term.waitFor(new RegExp(`${leader}\\s+manager\\s+Unreachable`), 60_000); // views stay correct

		// Two of three managers down: no leader, reads fail, swarmtui says why and keeps running.
		lab('stop-node', number(third));
		const lost = await term.waitFor('no leader (quorum lost)', 90_000);
		expect(lost).toContain('· stale');
		expect(lost).not.toMatch(/\(leader node\d\)/);
		term.type('?'); // still answering keys
		await term.waitFor('swarmtui keys', 5000);
		term.keys('Escape');

		// The managers come back: a leader again, live data, nothing to do for the operator.
		lab('start-node', number(leader));
		lab('start-node', number(third));
		await term.waitFor(/managers 3 \(leader node\d\)[^\n]*● live/, 120_000);
		await term.waitGone('quorum lost', 10_000);
	}, 420_000);
});
