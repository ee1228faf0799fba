// Cluster state: what the engine last told us, indexed by ID. No I/O here; the docker
// layer's watcher feeds it. Every change makes a new snapshot, so views can memoize
// on object identity.
import type {ApiInfo, ApiNode, ApiService, ApiTask, ApiVersionInfo} from '../docker/types.js';
import type {ClusterSnapshot} from './snapshot.js';
import {indexTasks} from './taskindex.js';

export type {ClusterSnapshot, Connection} from './snapshot.js';

const empty: ClusterSnapshot = {
	nodes: new Map(),
	services: new Map(),
	tasks: new Map(),
	connection: 'connecting',
	syncedAt: {},
	upToDate: new Map(),
};

function byId<T extends {ID: string}>(items: readonly T[]): Map<string, T> {
	const map = new Map<string, T>();
	for (const item of items) if (item && typeof item.ID === 'string') map.set(item.ID, item);
	return map;
}

/** Keeps the old map when nothing changed, so memoized views stay valid. */
function sameById<T extends {ID: string; Version?: {Index?: number}}>(old: ReadonlyMap<string, T>, next: Map<string, T>, deep: boolean): boolean {
	if (old.size !== next.size) return false;
	for (const [id, item] of next) {
		const before = old.get(id);
		if (!before) return false;
		if (before.Version?.Index !== item.Version?.Index) return false;
		// Service status (running/desired) changes without a new version.
		if (deep && JSON.stringify(before) !== JSON.stringify(item)) return false;
	}
	return true;
}

export class ClusterStore {
	private snapshot: ClusterSnapshot = empty;
	private readonly listeners = new Set<() => void>();

	get = (): ClusterSnapshot => this.snapshot;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	private set(patch: Partial<ClusterSnapshot>): void {
		const before = this.snapshot;
		this.snapshot = {...before, ...patch};
		// A poll that found nothing new only moves syncedAt: no redraw for that (the
		// header's age is drawn from the clock's tick).
		const changed = (Object.keys(patch) as Array<keyof ClusterSnapshot>).some((key) => key !== 'syncedAt' && patch[key] !== before[key]);
		if (!changed) return;
		for (const listener of this.listeners) listener();
	}

	private synced(key: keyof ClusterSnapshot['syncedAt'], now: number): Partial<ClusterSnapshot> {
		return {syncedAt: {...this.snapshot.syncedAt, [key]: now}, connection: 'live', error: undefined, retryAt: undefined, noLeader: undefined};
	}

	/** Another cluster (a context switch): nothing of the old one is kept. */
	reset(info: ApiInfo, version?: ApiVersionInfo): void {
		this.snapshot = {...empty, info, version, connection: 'connecting', syncedAt: {}};
		for (const listener of this.listeners) listener();
	}

	setIdentity(info: ApiInfo, version?: ApiVersionInfo): void {
		this.set({info, version: version ?? this.snapshot.version});
	}

	setNodes(nodes: readonly ApiNode[], now = Date.now()): void {
		const next = byId(nodes);
		this.set({...this.synced('nodes', now), ...(sameById(this.snapshot.nodes, next, true) ? {} : {nodes: next})});
	}

	setServices(services: readonly ApiService[], now = Date.now()): void {
		const next = byId(services);
		this.set({...this.synced('services', now), ...(sameById(this.snapshot.services, next, true) ? {} : {services: next})});
	}

	setTasks(tasks: readonly ApiTask[], keep?: (task: ApiTask) => boolean, now = Date.now()): void {
		const next = byId(tasks);
		if (keep) for (const [id, task] of this.snapshot.tasks) if (!next.has(id) && keep(task)) next.set(id, task);
		this.set({...this.synced('tasks', now), ...(sameById(this.snapshot.tasks, next, false) ? {} : {tasks: next})});
	}

	setTasksFor(filter: {service?: string[]; node?: string[]}, tasks: readonly ApiTask[], now = Date.now()): void {
		// The tasks on screen are fresh even when nothing changed: the header's age says so.
		this.set(this.synced('focus', now));
		const services = new Set(filter.service ?? []);
		const nodes = new Set(filter.node ?? []);
		const covered = (task: ApiTask) => services.has(task.ServiceID ?? '') || nodes.has(task.NodeID ?? '');
		// Compare just the covered tasks (from the index): a focused poll that found nothing
		// new costs what the focus holds, not what the cluster holds.
		const index = indexTasks(this.snapshot.tasks);
		const current = new Map<string, ApiTask>();
		for (const id of services) for (const task of index.byService.get(id) ?? []) current.set(task.ID, task);
		for (const id of nodes) for (const task of index.byNode.get(id) ?? []) current.set(task.ID, task);
		if (sameById(current, byId(tasks), false)) return;
		const next = new Map<string, ApiTask>();
		for (const [id, task] of this.snapshot.tasks) if (!covered(task)) next.set(id, task);
		for (const task of tasks) if (task && typeof task.ID === 'string') next.set(task.ID, task);
		if (sameById(this.snapshot.tasks, next, false)) return;
		this.set({tasks: next});
	}

	/** The engine's up-to-date tasks of one service (their IDs). */
	setUpToDate(serviceId: string, tasks: readonly ApiTask[]): void {
		const ids = new Set(tasks.map((task) => task?.ID).filter((id): id is string => typeof id === 'string'));
		const old = this.snapshot.upToDate.get(serviceId);
		if (old && old.size === ids.size && [...ids].every((id) => old.has(id))) return;
		this.set({upToDate: new Map(this.snapshot.upToDate).set(serviceId, ids)});
	}

	removeService(id: string): void {
		if (!this.snapshot.services.has(id)) return;
		const services = new Map(this.snapshot.services);
		services.delete(id);
		this.set({services});
	}

	/** A secret or config was created, updated or removed (the engine's event). */
	objectsChanged(kind: 'secrets' | 'configs'): void {
		const counts = this.snapshot.objectEvents ?? {secrets: 0, configs: 0};
		this.set({objectEvents: {...counts, [kind]: counts[kind] + 1}});
	}

	removeNode(id: string): void {
		if (!this.snapshot.nodes.has(id)) return;
		const nodes = new Map(this.snapshot.nodes);
		nodes.delete(id);
		this.set({nodes});
	}

	setError(message: string, noLeader = false): void {
		this.set({connection: 'error', error: message, noLeader: noLeader || undefined});
	}

	/** The engine cannot be reached: the last data stays, marked stale. */
	setDisconnected(message: string, retryAt: number): void {
		this.set({connection: 'disconnected', error: message, retryAt});
	}
}
