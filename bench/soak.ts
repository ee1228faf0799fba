// The soak: swarmtui left running for a long time the way an incident leaves it, over
// ssh with the logs of the shop stack open, while the lab misbehaves: worker dockerds
// restarted every few minutes, a leader change (three managers, the leader's dockerd
// stopped and started), task churn (shop_api scaled up and down each minute, crashy
// crash-looping). Sampled each minute: resident memory, open file descriptors, child
// processes (ssh sessions). They must stay flat, and the process must stay alive.
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {startPty} from './pty.js';

const lab = join(import.meta.dirname, '..', 'lab', 'lab.sh');
const docker = '/usr/bin/docker';
const socket = (n: number) => `unix:///run/stlab/node${n}.sock`;
const dk = (...args: string[]) => execFileSync(docker, ['-H', socket(1), ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
const labCmd = (...args: string[]) => execFileSync('bash', [lab, ...args], {stdio: 'ignore'});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Sample = {minute: number; rssMb: number; fds: number; children: number; event: string};

function sample(pid: number): Omit<Sample, 'minute' | 'event'> {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
	const fds = readdirSync(`/proc/${pid}/fd`).length;
	let children = 0;
	try {
		children = execFileSync('pgrep', ['-P', String(pid)], {encoding: 'utf8'}).trim().split('\n').filter(Boolean).length;
	} catch {
		children = 0;
	}
	return {rssMb: Math.round(rssMb), fds, children};
}

/** Runs the soak for `minutes`; the verdict and each minute's sample. */
export async function soakScenario(minutes: number) {
	labCmd('remote');
	const ssh = '/var/lib/swarmtui-lab/ssh/ssh';
	const pty = startPty(['--host', 'ssh://root@192.168.213.11'], 140, 40, {SWARMTUI_SSH: ssh});
	const samples: Sample[] = [];
	const events: string[] = [];
	let crashed = '';
	try {
		await pty.waitFor(['node3', 'shop_web', 'Tasks · stack shop']);
		// The stack row is selected at start: its logs (shop_api and shop_web).
		await pty.press('l');
		await pty.waitFor(['Logs · stack shop']);
		const pid = pty.appPid();
		if (!pid) throw new Error('swarmtui did not start');
		const leaderAt = Math.max(2, Math.floor(minutes / 2));
		for (let minute = 1; minute <= minutes; minute++) {
			let event = '';
			// Task churn, every minute.
			dk('service', 'scale', '--detach', `shop_api=${minute % 2 ? 4 : 2}`);
			event += `shop_api=${minute % 2 ? 4 : 2}`;
			// A worker's dockerd restarted every three minutes, node2 and node3 in turn.
			if (minute % 3 === 0 && minute !== leaderAt) {
				const node = minute % 6 === 0 ? 3 : 2;
				labCmd('stop-node', String(node));
				await sleep(5000);
				labCmd('start-node', String(node));
				event += `, node${node} restarted`;
			}
			// A leader change half-way: three managers, the leader's dockerd stopped for 20 s.
			if (minute === leaderAt) {
				dk('node', 'promote', 'node2', 'node3');
				await sleep(5000);
				labCmd('stop-node', '1');
				await sleep(20_000);
				labCmd('start-node', '1');
				await sleep(10_000);
				labCmd('remote');
				event += ', leader change';
			}
			events.push(event);
			await sleep(60_000 - 100);
			if (pty.child.exitCode !== null) {
				crashed = `exited with status ${pty.child.exitCode} in minute ${minute}`;
				break;
			}
			samples.push({minute, ...sample(pid), event});
			process.stderr.write(`soak: minute ${minute}: ${JSON.stringify(samples.at(-1))}\n`);
		}
	} finally {
		// Back to one manager, the lab as the tests expect it.
		for (const host of ['node2', 'node3']) {
			try {
				dk('node', 'demote', host);
			} catch {
				// not a manager, or raft still settling
			}
		}
		try {
			dk('service', 'scale', '--detach', 'shop_api=2');
		} catch {
			// the lab is down
		}
		await pty.stop();
	}
	// Flat: after the first five minutes (logs buffer filling, caches warming), memory
	// within 50 MB of its level then, descriptors and children within a few of theirs.
	const settled = samples.filter((s) => s.minute >= Math.min(5, samples.length));
	const first = settled[0];
	const span = (key: 'rssMb' | 'fds' | 'children') => (settled.length ? Math.max(...settled.map((s) => s[key])) - Math.min(...settled.map((s) => s[key])) : 0);
	return {
		minutes,
		alive: !crashed,
		crashed: crashed || undefined,
		rssMb: {first: first?.rssMb, last: samples.at(-1)?.rssMb, max: Math.max(0, ...samples.map((s) => s.rssMb)), spreadAfterWarmup: span('rssMb')},
		fds: {first: first?.fds, last: samples.at(-1)?.fds, spreadAfterWarmup: span('fds')},
		children: {first: first?.children, last: samples.at(-1)?.children, spreadAfterWarmup: span('children')},
		samples,
	};
}
