// Every operation through the real CLI on the lab swarm, checked through the API.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dk, manager, promoted, until} from './lab.js';
import {type Terminal, useTerminals} from './tmux.js';

const name = 'e2e_act';
const start = useTerminals();
const run = (args: string[] = []) => {
	const term = start(['--host', manager, ...args], {columns: 120, rows: 36});
	return term;
};
const inspect = () => JSON.parse(dk('service', 'inspect', name))[0];
const node = (host: string) => JSON.parse(dk('node', 'inspect', host))[0];

async function selectService(term: Terminal) {
	await term.waitFor(/monitor\s+global/);
	term.type(`/${name}`);
	term.keys('Enter');
	await term.waitFor(`Tasks · ${name}`);
}

async function selectNode(term: Terminal, host: string) {
	await term.waitFor(/monitor\s+global/);
	term.keys('Tab', 'Tab'); // services -> tasks -> nodes
	term.type(`/${host}`);
	term.keys('Enter');
	await term.waitFor(`Tasks · node ${host}`);
}

beforeAll(async () => {
	try {
		dk('service', 'rm', name);
	} catch {
		// not there
	}
	dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', name, '--replicas', '2', '--update-parallelism', '1', '--stop-grace-period', '1s', 'swarmtui-lab/busybox:1', 'sleep', '100000');
	await until('e2e_act to run', () => dk('service', 'ls', '--filter', `name=${name}`, '--format', '{{.Replicas}}') === '2/2', 60_000, 500);
});
afterAll(() => {
	for (const host of ['node2', 'node3']) dk('node', 'update', '--availability', 'active', host);
	try {
		dk('node', 'demote', 'node2');
	} catch {
		// already a worker
	}
	try {
		dk('service', 'rm', name);
	} catch {
		// removed by the test
	}
});

describe('operations on the lab swarm', () => {
	it('scale: bad input is refused with a message and changes nothing; a good one scales', async () => {
		const term = run();
		await selectService(term);
		const version = inspect().Version.Index;
		for (const [input, reason] of [['abc', 'is not a number'], ['-1', 'cannot be negative'], ['1.5', 'whole number'], ['99999999', 'at most 10000']] as const) {
			term.keys('s', 'C-u');
			term.type(input);
			await term.waitFor(reason);
			term.keys('Enter', 'Escape');
			await term.waitGone(reason);
		}
		expect(inspect().Version.Index).toBe(version);
		term.keys('s', 'C-u');
		term.type('3');
		term.keys('Enter');
		await term.waitFor(`Rollout · scale ${name}`);
		await term.waitFor(/converged · overall progress: 3 out of 3/, 30_000);
		expect(inspect().Spec.Mode.Replicated.Replicas).toBe(3);
	});

	it('update image: a rolling update the rollout view follows task by task, tag kept when no registry answers', async () => {
		const term = run();
		await selectService(term);
		term.keys('u', 'C-u');
		term.type('swarmtui-lab/busybox:2');
		term.keys('Enter');
		await term.waitFor(`Rollout · update ${name}`);
		await term.waitFor('could not pin a digest');
		const seen = new Set<string>();
		await until('the update to complete', () => {
			const screen = term.screen();
			const progress = /overall progress: (\d) out of (\d)/.exec(screen);
			if (progress) seen.add(progress[1]!);
			return /completed · overall progress: 3 out of 3/.test(screen);
		}, 90_000, 100);
		expect(seen.size).toBeGreaterThan(1); // it moved through intermediate counts
		expect(inspect().Spec.TaskTemplate.ContainerSpec.Image).toBe('swarmtui-lab/busybox:2');
		const images = dk('service', 'ps', name, '--filter', 'desired-state=running', '--format', '{{.Image}}').split('\n');
		expect(images.every((image) => image === 'swarmtui-lab/busybox:2')).toBe(true);
	});

	it('rollback: the confirmation shows the diff, y rolls back to the previous image', async () => {
		const term = run();
		await selectService(term);
		term.keys('r');
		await term.waitFor(`Roll back ${name} to its previous spec?`);
		expect(term.screen()).toContain('Image: swarmtui-lab/busybox:2 -> swarmtui-lab/busybox:1');
		term.keys('y');
		await term.waitFor(`Rollout · rollback ${name}`);
		await term.waitFor(/rollback completed/, 90_000);
		expect(inspect().Spec.TaskTemplate.ContainerSpec.Image).toBe('swarmtui-lab/busybox:1');
	});

	it('force restart bumps ForceUpdate and replaces the tasks; a key other than y cancels', async () => {
		const term = run();
		await selectService(term);
		const before = inspect().Spec.TaskTemplate.ForceUpdate ?? 0;
		term.keys('R');
		await term.waitFor(`Restart every task of ${name}?`);
		term.keys('n');
		await term.waitGone('Restart every task');
		expect(inspect().Spec.TaskTemplate.ForceUpdate ?? 0).toBe(before);
		term.keys('R', 'y');
		await term.waitFor(`Rollout · restart ${name}`);
		await until('ForceUpdate to change', () => (inspect().Spec.TaskTemplate.ForceUpdate ?? 0) === before + 1, 10_000);
		await term.waitFor(/completed · overall progress: 3 out of 3/, 90_000);
	});

	it('drain, pause and activate a node, each confirmed', async () => {
		const term = run();
		await selectNode(term, 'node3');
		term.keys('d');
		await term.waitFor('Drain node3?');
		expect(term.screen()).toMatch(/monitor \(global\): stops on this node/);
		term.keys('y');
		await term.waitFor('Rollout · drain node3');
		await until('node3 drained', () => node('node3').Spec.Availability === 'drain', 10_000);
		await term.waitFor(/drained · overall progress/, 60_000);
		term.keys('Escape', 'p');
		await term.waitFor('Pause node3?');
		term.keys('y');
		await until('node3 paused', () => node('node3').Spec.Availability === 'pause', 10_000);
		term.keys('a');
		await term.waitFor('Activate node3?');
		term.keys('y');
		await until('node3 active', () => node('node3').Spec.Availability === 'active', 10_000);
		await term.waitFor(/node3\s+worker\s+ready\s+active/);
	});

	it('promote and demote with the quorum note', async () => {
		const term = run();
		await selectNode(term, 'node2');
		term.keys('+');
		await term.waitFor('Promote node2 to manager?');
		expect(term.screen()).toContain('2 managers tolerate no more failures than 1');
		term.keys('y');
		await until('node2 a manager', () => node('node2').Spec.Role === 'manager', 15_000);
		await promoted(2);
		await term.waitFor(/node2\s+manager\s+Reachable/, 20_000);
		term.keys('-');
		await term.waitFor('Demote node2 to worker?');
		expect(term.screen()).toContain('managers: 2 -> 1');
		term.keys('y');
		// The engine answers a demotion once raft has removed the member: seconds, sometimes more.
		await until('node2 a worker', () => node('node2').Spec.Role === 'worker', 60_000);
	}, 150_000);

	it('read-only: the keys say so and nothing changes', async () => {
		const term = run(['--read-only']);
		await selectService(term);
		const version = inspect().Version.Index;
		term.keys('s');
		await term.waitFor('read-only mode');
		term.keys('x');
		expect(term.screen()).not.toContain(`Remove ${name}?`);
		expect(inspect().Version.Index).toBe(version);
	});

	it('remove: the service name must be typed', async () => {
		const term = run();
		await selectService(term);
		term.keys('x');
		await term.waitFor(`Remove ${name}?`);
		term.type('e2e');
		term.keys('Enter');
		expect(inspect().ID).toBeTruthy();
		term.type('_act');
		term.keys('Enter');
		await term.waitFor(`${name} removed`);
		expect(() => dk('service', 'inspect', name)).toThrow();
	});
});
