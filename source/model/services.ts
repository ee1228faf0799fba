// Rows of the services pane: grouped by stack, with replicas and update state.
import type {ApiNode, ApiService, ApiTask} from '../docker/types.js';
import {isRunning} from './running.js';
import {formatPorts, naturalCompare, shortImage} from './format.js';
import type {ClusterSnapshot, Health} from './snapshot.js';
import {serviceStack} from './stacks.js';

export {serviceStack} from './stacks.js';


export type ServiceRow = {
	kind: 'service';
	id: string;
	name: string;
	stack?: string;
	mode: string;
	running: number;
	desired: number;
	replicas: string;
	image: string;
	ports: string;
	update: string;
	updateMessage: string;
	health: Health;
};

export type StackRow = {
	kind: 'stack';
	/** "stack:NAME", so the selection can follow it like any other row. */
	id: string;
	name: string;
	services: number;
	running: number;
	desired: number;
	health: Health;
};

export type ServicesPaneRow = ServiceRow | StackRow;

export function serviceMode(service: ApiService): string {
	const mode = service.Spec?.Mode ?? {};
	if (mode.Global) return 'global';
	if (mode.ReplicatedJob) return 'replicated job';
	if (mode.GlobalJob) return 'global job';
	return 'replicated';
}

function serviceHealth(running: number, desired: number, update: string): Health {
	if (update === 'paused' || update === 'rollback_paused') return 'bad';
	if (desired > 0 && running === 0) return 'bad';
	if (running < desired || update === 'updating' || update === 'rollback_started') return 'warn';
	return 'ok';
}

export type TaskCounts = {running: number; nodes: Set<string>};

/**
 * Running tasks per service, from the polled task list. ServiceStatus only changes when
 * the services are listed again, and task state changes send no service event, so the
 * tasks we poll anyway are the fresher source.
 */
// The store replaces its task and node maps when they change, never edits them: counts of
// the same two maps are the same. Each refresh gives a new snapshot (its age) with the same
// maps, and the services, tasks and problems all count: on 50,000 tasks that was a third
// of an idle refresh's CPU.
const counted = new WeakMap<ReadonlyMap<string, ApiTask>, {nodes?: ReadonlyMap<string, ApiNode>; counts: ReadonlyMap<string, TaskCounts>}>();

/** Running tasks and their nodes per service. Shared between callers: read it, never change it. */
export function countTasks(tasks: ReadonlyMap<string, ApiTask>, nodes?: ReadonlyMap<string, ApiNode>): ReadonlyMap<string, TaskCounts> {
	const cached = counted.get(tasks);
	if (cached && cached.nodes === nodes) return cached.counts;
	const counts = new Map<string, TaskCounts>();
	for (const task of tasks.values()) {
		if (task.DesiredState !== 'running' || !task.ServiceID) continue;
		let entry = counts.get(task.ServiceID);
		if (!entry) counts.set(task.ServiceID, (entry = {running: 0, nodes: new Set()}));
		if (isRunning(task, nodes)) entry.running++;
		if (task.NodeID && nodes?.get(task.NodeID)?.Status?.State !== 'down') entry.nodes.add(task.NodeID);
	}
	counted.set(tasks, {nodes, counts});
	return counts;
}

export function serviceRow(service: ApiService, counts?: ReadonlyMap<string, TaskCounts>): ServiceRow {
	const mode = serviceMode(service);
	const status = service.ServiceStatus ?? {};
	const fromTasks = counts ? (counts.get(service.ID) ?? {running: 0, nodes: new Set<string>()}) : undefined;
	const running = fromTasks ? fromTasks.running : (status.RunningTasks ?? 0);
	// Engines before API 1.41 give no ServiceStatus: fall back to the spec. A global
	// service wants one task per eligible node: the nodes its live tasks are on.
	let desired = status.DesiredTasks ?? service.Spec?.Mode?.Replicated?.Replicas ?? 0;
	if (mode === 'global' && fromTasks) desired = fromTasks.nodes.size;
	if (mode === 'replicated' && service.Spec?.Mode?.Replicated?.Replicas !== undefined) desired = service.Spec.Mode.Replicated.Replicas;
	const update = service.UpdateStatus?.State ?? '';
	let replicas = `${running}/${desired}`;
	if (mode === 'replicated job') {
		const total = service.Spec?.Mode?.ReplicatedJob?.TotalCompletions ?? desired;
		replicas = `${running}/${desired} (${status.CompletedTasks ?? 0}/${total} completed)`;
	}
	return {
		kind: 'service',
		id: service.ID,
		name: service.Spec?.Name ?? service.ID.slice(0, 12),
		stack: serviceStack(service),
		mode,
		running,
		desired,
		replicas,
		image: shortImage(service.Spec?.TaskTemplate?.ContainerSpec?.Image),
		ports: formatPorts(service.Endpoint?.Ports?.length ? service.Endpoint.Ports : service.Spec?.EndpointSpec?.Ports),
		update,
		updateMessage: service.UpdateStatus?.Message ?? '',
		health: serviceHealth(running, desired, update),
	};
}

const worst = (a: Health, b: Health): Health => (a === 'bad' || b === 'bad' ? 'bad' : a === 'warn' || b === 'warn' ? 'warn' : 'ok');

/** Stacks first (each followed by its services), then services outside any stack. */
export function serviceRows(snapshot: ClusterSnapshot): ServicesPaneRow[] {
	const stacks = new Map<string, ServiceRow[]>();
	const loose: ServiceRow[] = [];
	const counts = snapshot.syncedAt.tasks !== undefined ? countTasks(snapshot.tasks, snapshot.nodes) : undefined;
	for (const service of snapshot.services.values()) {
		const row = serviceRow(service, counts);
		if (row.stack) {
			const list = stacks.get(row.stack) ?? [];
			list.push(row);
			stacks.set(row.stack, list);
		} else {
			loose.push(row);
		}
	}
	const byName = (a: {name: string}, b: {name: string}) => naturalCompare(a.name, b.name);
	const rows: ServicesPaneRow[] = [];
	for (const name of [...stacks.keys()].sort(naturalCompare)) {
		const members = (stacks.get(name) ?? []).sort(byName);
		rows.push({
			kind: 'stack',
			id: `stack:${name}`,
			name,
			services: members.length,
			running: members.reduce((sum, row) => sum + row.running, 0),
			desired: members.reduce((sum, row) => sum + row.desired, 0),
			health: members.reduce<Health>((h, row) => worst(h, row.health), 'ok'),
		});
		rows.push(...members);
	}
	rows.push(...loose.sort(byName));
	return rows;
}

export function stackCount(rows: readonly ServicesPaneRow[]): number {
	return rows.filter((row) => row.kind === 'stack').length;
}

/** Filters the services pane; a stack's header stays when the stack or any of its services matches. */
export function filterServiceRows(rows: readonly ServicesPaneRow[], query: string, match: (row: ServicesPaneRow) => boolean): readonly ServicesPaneRow[] {
	if (!query.trim()) return rows;
	const out: ServicesPaneRow[] = [];
	let header: StackRow | undefined;
	let headerMatched = false;
	for (const row of rows) {
		if (row.kind === 'stack') {
			header = row;
			headerMatched = match(row);
			if (headerMatched) out.push(row);
			continue;
		}
		const inStack = header !== undefined && row.stack === header.name;
		if (!inStack) header = undefined;
		if ((inStack && headerMatched) || match(row)) {
			if (inStack && header && !headerMatched && out[out.length - 1] !== header && !out.includes(header)) out.push(header);
			out.push(row);
		}
	}
	return out;
}
