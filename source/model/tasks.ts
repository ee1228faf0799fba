// Rows of the tasks pane, like `docker service ps`: one row per slot (the newest
// task), or with history every task, older ones indented under the newest as " \_ ".
import type {ApiTask} from '../docker/types.js';
import {ago, capitalize, naturalCompare, shortImage} from './format.js';
import type {ClusterSnapshot, Health} from './snapshot.js';
import {isRunning} from './running.js';
import {countTasks, serviceRow} from './services.js';
import {serviceStack} from './stacks.js';
import {indexTasks} from './taskindex.js';

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

/** Ended in order (scaled away, replaced, removed): not worth a row without history. A failed or rejected task always is. */
function endedInOrder(task: ApiTask): boolean {
	return (task.DesiredState === 'shutdown' || task.DesiredState === 'remove') && ['shutdown', 'complete', 'remove', 'orphaned'].includes(task.Status?.State ?? '');
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

/** running / slots: the title's figure, the same derivation as the services and nodes panes. */
export type TaskView = {rows: TaskRow[]; running: number; slots: number};

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
	for (const group of ordered) {
		const newest = head(group);
		// A slot scaled away, or a task replaced in order: history only. A slot whose
		// newest task failed (restart condition none, say) stays: it is what to look at.
		if (endedInOrder(newest) && !history) continue;
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
	const {running, slots} = targetFigures(snapshot, target);
	return {rows, running, slots};
}

/** Running and wanted tasks of a service, stack or node: what the panes' REPLICAS and TASKS say. */
export function targetFigures(snapshot: ClusterSnapshot, target: TaskTarget): {running: number; slots: number} {
	if (target.kind === 'node') {
		let running = 0;
		let slots = 0;
		for (const task of indexTasks(snapshot.tasks).byNode.get(target.id) ?? []) {
			if (task.DesiredState !== 'running') continue;
			slots++;
			if (isRunning(task, snapshot.nodes)) running++;
		}
		return {running, slots};
	}
	const counts = countTasks(snapshot.tasks, snapshot.nodes);
	let running = 0;
	let slots = 0;
	for (const service of snapshot.services.values()) {
		if (target.kind === 'service' ? service.ID !== target.id : serviceStack(service) !== target.name) continue;
		const row = serviceRow(service, counts);
		running += row.running;
		slots += row.desired;
	}
	return {running, slots};
}
