// A slow engine (the real lab manager behind a proxy that delays every answer): keys are
// still answered at once, requests give up after --timeout, and no request piles up
// behind another of the same kind.
import {afterEach, describe, expect, it} from 'vitest';
import {socket} from './lab.js';
import {slowProxy, type SlowProxy} from './slowproxy.js';
import {useTerminals} from './tmux.js';

const listen = '/tmp/swarmtui-e2e-slow.sock';
const start = useTerminals();
let proxy: SlowProxy | undefined;
afterEach(async () => {
	await proxy?.close();
});

const selected = (screen: string) => screen.split('\n').find((line) => line.includes('▌')) ?? '';

describe('a slow engine', () => {
	it('keys answer at once while every request takes 1.5 s; none piles up; a hung one times out and is retried', async () => {
		proxy = await slowProxy(listen, socket(1), 1500);
		const term = start(['--host', `unix://${listen}`, '--timeout', '4s', '--refresh', '500ms'], {columns: 140, rows: 36});
		await term.waitFor(/monitor\s+global/, 30_000);
		await term.waitFor(/Tasks · /, 30_000);

		// Moving the selection does not wait for the engine.
		for (let i = 0; i < 3; i++) {
			const before = selected(term.screen());
			const start = Date.now();
			term.keys('j');
			await term.waitFor((screen: string) => selected(screen) !== before, 1000);
			expect(Date.now() - start).toBeLessThan(1000);
		}
		term.type('/shop');
		await term.waitFor('/shop', 1000);
		term.keys('Escape');

		// Polling every 500 ms against 1.5 s answers: never two identical requests at once.
		await new Promise((resolve) => setTimeout(resolve, 4000));
		const piled = [...proxy.peak].filter(([, peak]) => peak > 1);
		expect(piled).toEqual([]);
		expect(proxy.seen.filter((key) => key.includes('/tasks')).length).toBeGreaterThan(2);

		// The task list stops answering at all: after the timeout the operator is told, the
		// last data stays, and once the engine answers again everything resumes.
		proxy.hang = /\/tasks/;
		const stuck = await term.waitFor(/did not answer in time/, 20_000);
		expect(stuck).toContain('shop_web');
		proxy.hang = undefined;
		await term.waitFor(/● live/, 30_000);
	}, 120_000);
});
