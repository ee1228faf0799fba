// The oracle: swarmtui's model, fed by its real watcher, sampled every second during real
// rollouts, a paused update, a rollback, a drain, a node going down and a crash loop,
// and compared with what the engine answers at that moment:
// - each service's running tasks with the tasks the engine lists as desired running and
//   running on a node not down (`docker service ps --filter desired-state=running`), and
//   its desired tasks with the engine's own ServiceStatus;
// - each node's running tasks with its tasks the engine lists as desired running and
//   running (`docker node ps NODE --filter desired-state=running`), on a node not down;
// - the rollout on screen (done / total, the engine's state) with the progress
//   `docker service update` prints, computed from the engine's up-to-date tasks.
// A figure may lag the engine by a refresh; one that differs for more than 3 samples in
// a row (over 3 s with a 1 s refresh: one refresh, plus the oracle's own reads) fails.
import {request} from 'node:http';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createClient} from '../../source/docker/client.js';
import {parseHost} from '../../source/docker/endpoint.js';
import type {ApiNode, ApiService, ApiTask} from '../../source/docker/types.js';
import {watchCluster, type Watcher} from '../../source/docker/watch.js';
import {nodeRows} from '../../source/model/nodes.js';
import {serviceRollout} from '../../source/model/rollout.js';
import {serviceRows} from '../../source/model/services.js';
import {ClusterStore} from '../../source/model/store.js';
import {dk, lab, socket, until} from './lab.js';

const refresh = 1000;

function get<T>(path: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const req = request({socketPath: socket(1), path, headers: {Host: 'localhost'}}, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body) as T) : reject(new Error(`${res.statusCode} ${body}`))));
		});
		req.on('error', reject);
		req.end();
	});
}
const filters = (f: Record<string, string[]>) => encodeURIComponent(JSON.stringify(f));

// The CLI's progress (cli/command/service/progress): per slot the up-to-date task the
// engine wants most, on a node not down; running ones out of the replicas.
const order = ['new', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running', 'complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned'];
const rank = (s?: string) => (order.includes(s ?? '') ? order.indexOf(s ?? '') : 99);
function cliProgress(service: ApiService, tasks: ApiTask[], down: Set<string>): {running: number; total: number} {
	const bySlot = new Map<string, ApiTask>();
	for (const task of tasks) {
		if (task.NodeID && down.has(task.NodeID)) continue;
		const key = service.Spec?.Mode?.Global ? (task.NodeID ?? '') : String(task.Slot);
		const seen = bySlot.get(key);
		if (seen && (rank(seen.DesiredState) < rank(task.DesiredState) || (rank(seen.DesiredState) === rank(task.DesiredState) && rank(seen.Status?.State) <= rank(task.Status?.State)))) continue;
		bySlot.set(key, task);
	}
	let running = 0;
	for (const task of bySlot.values()) if (rank(task.DesiredState) <= rank('running') && task.Status?.State === 'running') running++;
	return {running, total: service.Spec?.Mode?.Replicated?.Replicas ?? bySlot.size};
}

type Sample = Map<string, {model: string; engine: string; detail?: () => string}>;

/** A task as a mismatch's report names it: enough to tell which one and in what state. */
const describeTask = (t: ApiTask) => `${t.ID.slice(0, 6)} ${t.ServiceID?.slice(0, 6)}.${t.Slot ?? 'g'} v${t.Version?.Index} ${t.DesiredState}/${t.Status?.State}`;

describe('the model against the engine', () => {
	const store = new ClusterStore();
	let watcher: Watcher;
	let rolloutOf: string | undefined;
	const mismatches: string[] = [];
	const streak = new Map<string, number>();
	let sampling = false;
	let loop: Promise<void> | undefined;
	let samples = 0;

	async function sample(): Promise<Sample> {
		const [services, nodes, running] = await Promise.all([
			get<ApiService[]>('/services?status=true'),
			get<ApiNode[]>('/nodes'),
			get<ApiTask[]>(`/tasks?filters=${filters({'desired-state': ['running']})}`),
		]);
		const snap = store.get();
		const figures: Sample = new Map();
		const modelServices = new Map(serviceRows(snap).filter((r) => r.kind === 'service').map((r) => [r.id, r]));
		const down = new Set(nodes.filter((n) => n.Status?.State === 'down').map((n) => n.ID));
		for (const service of services) {
			const row = modelServices.get(service.ID);
			const name = service.Spec?.Name ?? service.ID;
			// Running: what `docker service ps --filter desired-state=running` shows running,
			// on a node that is not down. (The engine's ServiceStatus.RunningTasks counts
			// every task reporting running: the old ones still stopping, 4/3 in a start-first
			// update, and a down node's last word; swarmtui does not, by design.) Desired:
			// the engine's own count.
			const engineRunning = running.filter((t) => t.ServiceID === service.ID && t.Status?.State === 'running' && !(t.NodeID && down.has(t.NodeID))).length;
			figures.set(`service ${name} running/desired`, {model: row ? `${row.running}/${row.desired}` : 'missing', engine: `${engineRunning}/${service.ServiceStatus?.DesiredTasks}`});
		}
		const modelNodes = new Map(nodeRows(snap).map((r) => [r.id, r]));
		for (const node of nodes) {
			const engineTasks = running.filter((t) => t.NodeID === node.ID && t.Status?.State === 'running' && !down.has(node.ID));
			// What each side counted, for the report of a mismatch.
			const detail = () => {
				const mine = [...snap.tasks.values()].filter((t) => t.NodeID === node.ID && t.DesiredState === 'running');
				const age = snap.syncedAt.tasks === undefined ? 'never' : `${Date.now() - snap.syncedAt.tasks} ms ago`;
				return `swarmtui (tasks read ${age}, node ${snap.nodes.get(node.ID)?.Status?.State} v${snap.nodes.get(node.ID)?.Version?.Index}): ${mine.map(describeTask).join(', ')}; the engine (node ${node.Status?.State} v${node.Version?.Index}): ${engineTasks.map(describeTask).join(', ')}`;
			};
			figures.set(`node ${node.Description?.Hostname} running tasks`, {model: String(modelNodes.get(node.ID)?.runningTasks ?? 'missing'), engine: String(engineTasks.length), detail});
		}
		if (rolloutOf) {
			const service = services.find((s) => s.ID === rolloutOf);
			const upToDate = await get<ApiTask[]>(`/tasks?filters=${filters({service: [rolloutOf], '_up-to-date': ['true']})}`);
			if (service) {
				const cli = cliProgress(service, upToDate, down);
				const progress = serviceRollout(store.get(), rolloutOf);
				figures.set(`rollout ${service.Spec?.Name} progress`, {model: `${progress.done}/${progress.total}`, engine: `${cli.running}/${cli.total}`});
				figures.set(`rollout ${service.Spec?.Name} state`, {model: progress.state.replace(/^(rollback_)?converging$/, service.UpdateStatus?.State ?? ''), engine: service.UpdateStatus?.State ?? 'converged'});
			}
		}
		return figures;
	}

	const run = async () => {
		while (sampling) {
			const started = Date.now();
			try {
				const figures = await sample();
				samples++;
				for (const [key, {model, engine, detail}] of figures) {
					if (model === engine || (key.endsWith(' state') && engine === 'converged' && model === 'converged')) {
						streak.delete(key);
						continue;
					}
					const n = (streak.get(key) ?? 0) + 1;
					streak.set(key, n);
					if (n === 4) mismatches.push(`${key}: swarmtui ${model}, the engine ${engine} (${n} samples in a row)${detail ? `: ${detail()}` : ''}`);
				}
			} catch {
				// the engine mid-restart: no sample this second
			}
			await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started))));
		}
	};

	beforeAll(async () => {
		const api = createClient(parseHost(`unix://${socket(1)}`, {context: 'default', source: 'test'}), {timeout: 10_000});
		watcher = watchCluster(api, store, {refresh});
		await watcher.firstData;
		sampling = true;
		loop = run();
	}, 60_000);

	afterAll(async () => {
		sampling = false;
		await loop;
		watcher?.stop();
	});

	const settle = (name: string, timeout = 90_000) =>
		until(`${name} to converge`, () => {
			const [running, desired] = (dk('service', 'ls', '--filter', `name=${name}`, '--format', '{{.Replicas}}').split(' ')[0] ?? '0/1').split('/');
			return running === desired && !/updating|rollback_started/.test(dk('service', 'inspect', '--format', '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}', name));
		}, timeout, 500);

	it('agrees during rolling updates, a paused update and a rollback', async () => {
		const name = 'oracle_web';
		try {
			dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', name, '--replicas', '3', '--stop-grace-period', '1s', '--update-delay', '2s', '--update-parallelism', '1', '--update-order', 'stop-first', 'swarmtui-lab/busybox:1', 'sleep', '100000');
			await settle(name);
			const id = dk('service', 'inspect', '--format', '{{.ID}}', name);
			rolloutOf = id;
			watcher.rollout(id);
			// Parallelism 1, stop-first.
			dk('service', 'update', '--detach', '--quiet', '--no-resolve-image', '--image', 'swarmtui-lab/busybox:2', name);
			await settle(name);
			// Parallelism 2, start-first.
			dk('service', 'update', '--detach', '--quiet', '--no-resolve-image', '--update-parallelism', '2', '--update-order', 'start-first', '--image', 'swarmtui-lab/busybox:1', name);
			await settle(name);
			// An image that does not exist, failure action pause: the update pauses.
			dk('service', 'update', '--detach', '--quiet', '--no-resolve-image', '--update-failure-action', 'pause', '--update-parallelism', '1', '--image', 'swarmtui-lab/busybox:nope', name);
			await until('the update to pause', () => dk('service', 'inspect', '--format', '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}', name) === 'paused', 90_000, 500);
			await new Promise((resolve) => setTimeout(resolve, 5000));
			// Rolled back to the previous spec.
			dk('service', 'rollback', '--detach', '--quiet', name);
			await settle(name);
			await new Promise((resolve) => setTimeout(resolve, 4000));
			expect(store.get().services.get(id)?.UpdateStatus?.State).toBe('rollback_completed');
			expect(serviceRollout(store.get(), id)).toMatchObject({done: 3, total: 3, direction: 'rollback', finished: true});
		} finally {
			rolloutOf = undefined;
			watcher.rollout(undefined);
			try {
				dk('service', 'rm', name);
			} catch {
				// not created
			}
		}
		expect(samples).toBeGreaterThan(20);
		expect(mismatches).toEqual([]);
	}, 300_000);

	it('agrees during a drain, a node going down and a crash loop', async () => {
		// crashy crash-loops all along (the seed); node2 drained and back, node3 down and back.
		dk('node', 'update', '--availability', 'drain', 'node2');
		await until('node2 to be empty', () => dk('node', 'ps', 'node2', '--filter', 'desired-state=running', '--format', '{{.Name}}') === '', 90_000, 500);
		await new Promise((resolve) => setTimeout(resolve, 4000));
		dk('node', 'update', '--availability', 'active', 'node2');
		lab('stop-node', '3');
		await until('node3 to be down', () => dk('node', 'inspect', '--format', '{{.Status.State}}', 'node3') === 'down', 90_000, 500);
		await new Promise((resolve) => setTimeout(resolve, 6000));
		lab('start-node', '3');
		await until('node3 to be ready', () => dk('node', 'inspect', '--format', '{{.Status.State}}', 'node3') === 'ready', 90_000, 500);
		await settle('monitor');
		await new Promise((resolve) => setTimeout(resolve, 4000));
		expect(mismatches).toEqual([]);
	}, 300_000);
});
