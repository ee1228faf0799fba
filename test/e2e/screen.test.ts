// The real CLI in a real terminal (tmux) against the real lab swarm.
import {describe, expect, it} from 'vitest';
import {execFileSync} from 'node:child_process';
import {cliReplicas, dk, docker, manager} from './lab.js';
import {useTerminals} from './tmux.js';

const start = useTerminals();
const run = (args: string[] = ['--host', manager], options?: Parameters<typeof start>[1]) => {
	return start(args, options);
};

const row = (screen: string, text: string) => screen.split('\n').find((line) => line.includes(text)) ?? '';
const nodeNames = () => dk('node', 'ls', '--format', '{{.Hostname}}').split('\n').sort();

/** Runs `body` with a fresh service NAME (sleeping busybox, `args` added), removed after. */
async function withService(name: string, args: string[], body: (name: string) => Promise<void>) {
	try {
		dk('service', 'rm', name);
	} catch {
		// not there
	}
	dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', name, ...args, 'swarmtui-lab/busybox:1', 'sleep', '1000');
	try {
		await body(name);
	} finally {
		dk('service', 'rm', name);
	}
}

describe('swarmtui on the lab swarm', () => {
	it('at 80x24 shows every node, every service with the CLI\'s replica counts, and the selected service\'s tasks', async () => {
		const term = run();
		const screen = await term.waitFor(/monitor\s+global/);
		expect(screen.split('\n').length).toBeLessThanOrEqual(24);
		expect(screen).toMatch(/managers 1 \(leader node1\)\s+nodes 3/);
		for (const host of nodeNames()) expect(screen).toContain(host);
		const replicas = cliReplicas();
		for (const name of ['shop_web', 'shop_api', 'monitor']) {
			expect(row(screen, name)).toContain(replicas[name]);
		}
		term.keys('j', 'j');
		const tasks = await term.waitFor('Tasks · shop_web · 3/3 running');
		const cliTasks = dk('service', 'ps', 'shop_web', '--filter', 'desired-state=running', '--format', '{{.Name}} {{.Node}}').split('\n');
		for (const line of cliTasks) {
			const [name, node] = line.split(' ');
			expect(row(tasks, `${name} `)).toContain(node);
		}
	});

	it('on a wide terminal puts nodes and services side by side, and re-lays out when resized', async () => {
		const term = run(['--host', manager], {columns: 150, rows: 40});
		const wide = await term.waitFor(/monitor\s+global/);
		expect(row(wide, 'HOSTNAME')).toContain('NAME');
		expect(wide).toMatch(/engine 20\.10/);
		term.resize(80, 24);
		// Stacked: the services' header has a line of its own.
		const narrow = await term.waitFor(/^│ NAME\s+MODE/m);
		expect(row(narrow, 'HOSTNAME')).not.toContain('MODE');
		expect(narrow.split('\n').every((line) => line.length <= 80)).toBe(true);
	});

	it('shows changes made on the swarm within 2 seconds, and keeps the selection on the same service', async () => {
		const term = run();
		await term.waitFor(/monitor\s+global/);
		term.keys('j', 'j');
		await term.waitFor('Tasks · shop_web');
		try {
			const start = Date.now();
			dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', 'aaa_e2e', '--replicas', '0', 'swarmtui-lab/busybox:1', 'sleep', '600');
			await term.waitFor(/aaa_e2e\s+replicated\s+0\/0/, 5000);
			expect(Date.now() - start).toBeLessThan(2500);
			expect(term.screen()).toContain('Tasks · shop_web');

			const scaled = Date.now();
			dk('service', 'scale', '--detach', 'shop_api=3');
			await term.waitFor(/shop_api\s+replicated\s+\d\/3/, 5000);
			expect(Date.now() - scaled).toBeLessThan(2500);
			await term.waitFor(/shop_api\s+replicated\s+3\/3/, 20_000);

			const drained = Date.now();
			dk('node', 'update', '--availability', 'drain', 'node3');
			await term.waitFor(/node3\s+worker\s+ready\s+drain/, 5000);
			expect(Date.now() - drained).toBeLessThan(2500);
		} finally {
			dk('node', 'update', '--availability', 'active', 'node3');
			dk('service', 'scale', '--detach', 'shop_api=2');
			try {
				dk('service', 'rm', 'aaa_e2e');
			} catch {
				// not created
			}
		}
		await term.waitGone('aaa_e2e', 5000);
		await term.waitFor(/node3\s+worker\s+ready\s+active/, 5000);
	});

	it('Enter focuses the tasks of a node; h shows a crash-looping service\'s failed tasks', async () => {
		const term = run(['--host', manager], {columns: 150, rows: 40});
		await term.waitFor(/monitor\s+global/);
		term.keys('Tab', 'Tab'); // services -> tasks -> nodes
		term.keys('Enter');
		await term.waitFor('Tasks · node node1');
		term.keys('Tab', 'Tab', 'j', 'j', 'j'); // back to services, down to crashy
		await term.waitFor('Tasks · crashy');
		term.keys('h');
		const history = await term.waitFor(/\\_ crashy\.1/, 10_000);
		expect(history).toContain('task: non-zero exit (1)');
	});

	it('filters with /, keeps the filter with Enter and clears it with Esc; ? shows help', async () => {
		const term = run();
		await term.waitFor(/monitor\s+global/);
		term.type('/mon');
		const filtered = await term.waitGone('shop_api');
		expect(filtered).toContain('monitor');
		term.keys('Enter');
		await term.waitFor('/mon');
		term.keys('Escape');
		await term.waitFor('shop_api');
		term.type('?');
		await term.waitFor('swarmtui keys');
		term.keys('Escape');
		await term.waitGone('swarmtui keys');
	});

	it('i inspects the selected service, task and node from the engine', async () => {
		const term = run(['--host', manager], {columns: 120, rows: 40});
		await term.waitFor(/monitor\s+global/);
		term.keys('j', 'j', 'i');
		await term.waitFor('Inspect · service shop_web · spec');
		await term.waitFor('image: swarmtui-lab/busybox');
		term.keys('Escape', 'Tab', 'i'); // the tasks pane: the selected task
		await term.waitFor(/Inspect · task shop_web\.\d/);
		// The task shown is the engine's: its ID and its states are what the engine says
		// (a task replaced by an earlier test may still be "ready", so no state is assumed).
		const shown = await term.waitFor(/^│task: \w{25}[^]*state: \w+ .*desired \w+/m);
		const id = /^│task: (\w{25})/m.exec(shown)![1]!;
		const [, state, desired] = /state: (\w+) .*desired (\w+)/.exec(shown)!;
		// The view is a snapshot: the engine's states now are the same or later ones.
		const order = ['new', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running', 'complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned'];
		const [nowState, nowDesired] = dk('inspect', '--format', '{{.Status.State}} {{.DesiredState}}', id).split(' ');
		expect(order.indexOf(nowState!)).toBeGreaterThanOrEqual(order.indexOf(state!));
		expect(order.indexOf(nowDesired!)).toBeGreaterThanOrEqual(order.indexOf(desired!));
		expect(order).toContain(state);
		expect(dk('inspect', '--format', '{{.ServiceID}}', id)).toBe(dk('service', 'inspect', '--format', '{{.ID}}', 'shop_web'));
		term.keys('Escape', 'Tab', 'i'); // the nodes pane
		await term.waitFor('Inspect · node node1');
		await term.waitFor(/role: manager \(leader/);
		term.keys('Escape');
		await term.waitGone('Inspect ·');
	});

	it(':problems names the crash-looping service', async () => {
		const term = run(['--host', manager], {columns: 120, rows: 30});
		await term.waitFor(/monitor\s+global/);
		term.type(':problems');
		term.keys('Enter');
		await term.waitFor(/Problems · \d+/);
		await term.waitFor(/service crashy +failing repeatedly: \d of the last \d tasks failed/, 20_000);
		term.keys('Escape');
		await term.waitGone('Problems ·');
	});

	it(':secrets, :configs and :networks list them with the services using each, never a secret value', async () => {
		const cleanup = () => {
			for (const args of [['service', 'rm', 'e2e_obj_user'], ['secret', 'rm', 'e2e_sec'], ['config', 'rm', 'e2e_cfg']]) {
				try {
					dk(...args);
				} catch {
					// not there
				}
			}
		};
		cleanup();
		execFileSync(docker, ['-H', manager, 'secret', 'create', 'e2e_sec', '-'], {input: 'hunter2-value'});
		execFileSync(docker, ['-H', manager, 'config', 'create', 'e2e_cfg', '-'], {input: 'x=1'});
		dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', 'e2e_obj_user', '--replicas', '0', '--secret', 'e2e_sec', '--config', 'e2e_cfg', 'swarmtui-lab/busybox:1', 'true');
		try {
			const term = run(['--host', manager], {columns: 120, rows: 30});
			await term.waitFor(/monitor\s+global/);
			term.type(':secrets');
			term.keys('Enter');
			const secrets = await term.waitFor(/e2e_sec .*e2e_obj_user/);
			expect(secrets).not.toContain('hunter2');
			term.keys('Escape');
			term.type(':cfg');
			term.keys('Enter');
			await term.waitFor(/e2e_cfg .*e2e_obj_user/);
			term.keys('Escape');
			term.type(':net');
			term.keys('Enter');
			await term.waitFor(/ingress +overlay +swarm +ingress .*shop_web/);
		} finally {
			cleanup();
		}
	});

	it('inspecting a pending task says, node by node, which placement rule fails', async () => {
		await withService('e2e_pending', ['--constraint', 'node.labels.zone==nowhere'], async (name) => {
			const term = run(['--host', manager], {columns: 140, rows: 40});
			await term.waitFor(/monitor\s+global/);
			term.type(`/${name}`);
			term.keys('Enter', 'Enter'); // keep the filter, then the tasks pane
			await term.waitFor(/e2e_pending\.1 .*Pending/, 20_000);
			term.keys('i');
			await term.waitFor('why pending, node by node:');
			const screen = await term.waitFor(/✘ node1: constraint node\.labels\.zone==nowhere \(it has none\)/);
			expect(screen).toMatch(/✘ node3: constraint node\.labels\.zone==nowhere/);
		});
	});

	it('an unschedulable service (a reservation above any node\'s memory) is a problem, and why pending names memory for each node', async () => {
		await withService('e2e_huge', ['--reserve-memory', '100000G'], async (name) => {
			const term = run(['--host', manager], {columns: 150, rows: 40});
			await term.waitFor(/monitor\s+global/);
			term.type(':pb');
			term.keys('Enter');
			await term.waitFor(/service e2e_huge +tasks pending: no suitable node \(insufficient resources/, 30_000);
			await term.waitFor(/service crashy/);
			term.keys('Escape');
			term.type(`/${name}`);
			term.keys('Enter', 'Enter');
			await term.waitFor(/e2e_huge\.1 .*Pending/, 20_000);
			term.keys('i');
			await term.waitFor('why pending, node by node:');
			for (const node of nodeNames()) await term.waitFor(new RegExp(`✘ ${node}: .*memory`));
		});
	});

	it('every view opens through its command, and back with Esc', async () => {
		const term = run(['--host', manager], {columns: 140, rows: 36});
		await term.waitFor(/monitor\s+global/);
		const views: Array<[string, RegExp]> = [
			['st', /Stacks · 1/],
			['pb', /Problems · \d+/],
			['ev', /Activity · \d+/],
			['net', /Networks · \d+/],
			['sec', /Secrets · \d+/],
			['cfg', /Configs · \d+/],
		];
		for (const [command, marker] of views) {
			term.type(`:${command}`);
			term.keys('Enter');
			await term.waitFor(marker);
			term.keys('Escape');
			await term.waitGone(marker);
		}
		for (const [command, pane] of [['no', 'Nodes'], ['ts', 'Tasks'], ['svc', 'Services']] as const) {
			term.type(`:${command}`);
			term.keys('Enter');
			await term.waitFor(new RegExp(`╭─ ${pane}`)); // focused panes have the focus colour; the name is enough here
		}
		term.type(':svc shop');
		term.keys('Enter');
		await term.waitFor(/Services 4 · stacks 1 · \/shop/);
		term.type(':nope');
		await term.waitFor('unknown command "nope"');
		term.keys('Escape');
		term.type('o');
		await term.waitFor('no rollout this session');
	});

	it('honours NO_COLOR: no colour or attribute at all, the selection and health still readable', async () => {
		const term = run(['--host', manager], {env: {NO_COLOR: '1'}});
		const screen = await term.waitFor(/monitor\s+global/);
		expect(term.styled()).not.toMatch(/\u001b\[/);
		expect(screen).toMatch(/│▌▾ shop/); // the selection marker
		expect(screen).toMatch(/crashy\s+replicated\s+\d\/1/);
		const colored = run();
		await colored.waitFor(/monitor\s+global/);
		expect(colored.styled()).toMatch(/\u001b\[/); // without NO_COLOR there is colour
	});

	for (const how of ['q', 'SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
		it(`exits cleanly on ${how} and restores the terminal`, async () => {
			const term = run();
			await term.waitFor(/monitor\s+global/);
			expect(term.alternateOn()).toBe(true);
			if (how === 'q') term.keys('q');
			else {
				const pid = term.appPid();
				if (!pid || pid <= 1) throw new Error('swarmtui process not found in the pane');
				process.kill(pid, how);
			}
			const after = await term.waitFor('[exit 0]');
			expect(term.alternateOn()).toBe(false);
			expect(after).not.toContain('╭─ Nodes');
			expect(term.appPid()).toBeUndefined();
		});
	}
});
