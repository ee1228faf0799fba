// Rows of the tasks pane, like `docker service ps`: one row per slot (the newest
// task), or with history every task, older ones indented under the newest as " \_ ".
import type {ApiTask} from '../docker/types.js';
import {ago, capitalize, naturalCompare, shortImage} from './format.js';
import type {Health} from './nodes.js';
import {serviceStack} from './services.js';
import type {ClusterSnapshot} from './store.js';

export type TaskTarget =
	| {kind: 'service'; id: string}
	| {kind: 'stack'; name: string}
	| {kind: 'node'; id: string};

export type TaskRow = {
	id: string;
	name: string;
	/** An earlier task of the same slot (history). */
	earlier: boolean;
	serviceId: string;
	nodeId: string;
	node: string;
	desired: string;
	state: string;
	current: string;
	error: string;
	image: string;
	health: Health;
};

const terminal = new Set(['complete', 'failed', 'shutdown', 'rejected', 'orphaned', 'remove']);

export function isTerminal(state: string | undefined): boolean {
	return terminal.has(state ?? '');
}

function created(task: ApiTask): number {
	const t = Date.parse(task.CreatedAt ?? '');
	return Number.isNaN(t) ? 0 : t;
}

function taskHealth(task: ApiTask): Health {
	const state = task.Status?.State ?? '';
	if (state === 'failed' || state === 'rejected' || state === 'orphaned') return 'bad';
	if (task.DesiredState === 'running' && state !== 'running') return 'warn';
	return 'ok';
}

export type TaskView = {rows: TaskRow[]; running: number; slots: number};

type TaskIndex = {byService: Map<string, ApiTask[]>; byNode: Map<string, ApiTask[]>};
const indexes = new WeakMap<ReadonlyMap<string, ApiTask>, TaskIndex>();

/** Tasks by service and by node, built once per task list (not once per keypress). */
export function indexTasks(tasks: ReadonlyMap<string, ApiTask>): TaskIndex {
	let index = indexes.get(tasks);
	if (index) return index;
	index = {byService: new Map(), byNode: new Map()};
	for (const task of tasks.values()) {
		for (const [map, key] of [
			[index.byService, task.ServiceID],
			[index.byNode, task.NodeID],
		] as const) {
			if (!key) continue;
			const list = map.get(key);
			if (list) list.push(task);
			else map.set(key, [task]);
		}
	}
	indexes.set(tasks, index);
	return index;
}

function candidates(snapshot: ClusterSnapshot, target: TaskTarget): Iterable<ApiTask> {
	const index = indexTasks(snapshot.tasks);
	if (target.kind === 'service') return index.byService.get(target.id) ?? [];
	if (target.kind === 'node') return index.byNode.get(target.id) ?? [];
	const out: ApiTask[] = [];
	for (const service of snapshot.services.values()) {
		if (serviceStack(service) === target.name) out.push(...(index.byService.get(service.ID) ?? []));
	}
	return out;
}

export function taskRows(snapshot: ClusterSnapshot, target: TaskTarget | undefined, history: boolean, now: number): TaskView {
	if (!target) return {rows: [], running: 0, slots: 0};
	const groups = new Map<string, ApiTask[]>();
	for (const task of candidates(snapshot, target)) {
		const key = `${task.ServiceID ?? ''}\u0000${task.Slot ? `s${task.Slot}` : `n${task.NodeID ?? ''}`}`;
		const group = groups.get(key);
		if (group) group.push(task);
		else groups.set(key, [task]);
	}

	const serviceName = (id: string) => snapshot.services.get(id)?.Spec?.Name ?? id.slice(0, 12);
	const hostname = (id: string) => (id ? (snapshot.nodes.get(id)?.Description?.Hostname ?? id.slice(0, 12)) : '');
	const ordered = [...groups.values()].map((group) => group.sort((a, b) => created(b) - created(a) || (b.Version?.Index ?? 0) - (a.Version?.Index ?? 0)));
	const head = (group: ApiTask[]) => group[0] as ApiTask;
	ordered.sort((ga, gb) => {
		const a = head(ga);
		const b = head(gb);
		return (
			naturalCompare(serviceName(a.ServiceID ?? ''), serviceName(b.ServiceID ?? '')) ||
			(a.Slot ?? 0) - (b.Slot ?? 0) ||
			naturalCompare(hostname(a.NodeID ?? ''), hostname(b.NodeID ?? ''))
		);
	});

	const rows: TaskRow[] = [];
	let running = 0;
	let slots = 0;
	for (const group of ordered) {
		const newest = head(group);
		// A slot that was scaled away or a node's global task that was shut down.
		const gone = (newest.DesiredState === 'shutdown' || newest.DesiredState === 'remove') && isTerminal(newest.Status?.State);
		if (!gone) slots++;
		if (newest.Status?.State === 'running') running++;
		if (gone && !history) continue;
		const members = history ? group : [newest];
		members.forEach((task, index) => {
			const service = serviceName(task.ServiceID ?? '');
			const suffix = task.Slot ? String(task.Slot) : (task.NodeID ?? '');
			const state = task.Status?.State ?? 'unknown';
			rows.push({
				id: task.ID,
				name: `${index > 0 ? ' \\_ ' : ''}${service}.${suffix}`,
				earlier: index > 0,
				serviceId: task.ServiceID ?? '',
				nodeId: task.NodeID ?? '',
				node: hostname(task.NodeID ?? ''),
				desired: capitalize(task.DesiredState ?? ''),
				state,
				current: `${capitalize(state)} ${ago(task.Status?.Timestamp, now)}`.trim(),
				error: task.Status?.Err ?? '',
				image: shortImage(task.Spec?.ContainerSpec?.Image),
				health: taskHealth(task),
			});
		});
	}
	return {rows, running, slots};
}
