// The engine swarmtui is connected to stops and comes back (dockerd restarted):
// swarmtui says so, keeps the last state, refuses actions, and resumes by itself.
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {dk, lab, manager, until} from './lab.js';
import {killServer, startCli, type Terminal} from './tmux.js';

const open: Terminal[] = [];
afterEach(() => {
	for (const term of open.splice(0)) term.close();
});
afterAll(() => {
	killServer();
	lab('start-node', '1'); // never leave the lab without its manager
});

describe('faults on the lab swarm', () => {
	it('survives the manager\'s dockerd restarting', async () => {
		const term = startCli(['--host', manager], {columns: 140, rows: 36});
		open.push(term);
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
});
