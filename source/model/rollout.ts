// Rollouts the operator started: tracked from the snapshot (no extra API calls) until
// they complete or pause. A task is "new" when it was not among the service's (or the
// node's) tasks when the rollout began: no clock comparison between us and the engine.
import type {ApiService, ApiTask} from '../docker/types.js';
import {serviceRow, countTasks} from './services.js';
import type {ClusterSnapshot} from './store.js';

export type RolloutKind = 'scale' | 'update' | 'rollback' | 'restart' | 'drain';

export type Rollout = {
	id: number;
	kind: RolloutKind;
	/** The service's ID, or the node's for a drain. */
	targetId: string;
	name: string;
	startedAt: number;
	/** Tasks (desired running) when it began. */
	before: ReadonlySet<string>;
	/** The service's UpdateStatus when it began, to tell a fresh status from an old one. */
	updateBefore: string;
};

export type SlotProgress = {slot: string; old?: ApiTask; new?: ApiTask};

export type Progress = {
	done: number;
	total: number;
	/** updating, paused, completed, rollback_started…, or converging / converged. */
	state: string;
	message: string;
	finished: boolean;
	paused: boolean;
	slots: SlotProgress[];
};

const live = (task: ApiTask) => task.DesiredState === 'running';

export function startRollout(snapshot: ClusterSnapshot, id: number, kind: RolloutKind, targetId: string, now = Date.now()): Rollout {
	const before = new Set<string>();
	for (const task of snapshot.tasks.values()) {
		const mine = kind === 'drain' ? task.NodeID === targetId : task.ServiceID === targetId;
		if (mine && live(task)) before.add(task.ID);
	}
	const service = snapshot.services.get(targetId);
	const node = snapshot.nodes.get(targetId);
	return {
		id,
		kind,
		targetId,
		name: kind === 'drain' ? (node?.Description?.Hostname ?? targetId.slice(0, 12)) : (service?.Spec?.Name ?? targetId.slice(0, 12)),
		startedAt: now,
		before,
		updateBefore: JSON.stringify(service?.UpdateStatus ?? null),
	};
}

function slotKey(task: ApiTask): string {
	return task.Slot ? String(task.Slot) : (task.NodeID ?? '?');
}

const created = (task: ApiTask) => Date.parse(task.CreatedAt ?? '') || 0;

export function rolloutProgress(snapshot: ClusterSnapshot, rollout: Rollout): Progress {
	if (rollout.kind === 'drain') return drainProgress(snapshot, rollout);
	const service = snapshot.services.get(rollout.targetId);
	if (!service) return {done: 0, total: 0, state: 'removed', message: 'the service no longer exists', finished: true, paused: false, slots: []};
	const row = serviceRow(service, countTasks(snapshot.tasks));
	const bySlot = new Map<string, SlotProgress>();
	for (const task of snapshot.tasks.values()) {
		if (task.ServiceID !== rollout.targetId) continue;
		const key = slotKey(task);
		const entry = bySlot.get(key) ?? {slot: key};
		if (rollout.before.has(task.ID)) {
			if (!entry.old || created(task) > created(entry.old)) entry.old = task;
		} else if (!entry.new || created(task) > created(entry.new)) {
			entry.new = task;
		}
		bySlot.set(key, entry);
	}
	const slots = [...bySlot.values()].filter((s) => (s.new && live(s.new)) || (s.old && (live(s.old) || s.new)));
	slots.sort((a, b) => a.slot.localeCompare(b.slot, undefined, {numeric: true}));
	const update = fresh(service, rollout);
	if (rollout.kind === 'scale') {
		const finished = row.running === row.desired;
		return {done: row.running, total: row.desired, state: finished ? 'converged' : 'converging', message: '', finished, paused: false, slots};
	}
	const replaced = slots.filter((s) => s.new && live(s.new) && s.new.Status?.State === 'running').length;
	const state = update?.State ?? 'starting';
	const paused = state === 'paused' || state === 'rollback_paused';
	const finished = state === 'completed' || state === 'rollback_completed' || paused;
	return {done: Math.min(replaced, row.desired), total: row.desired, state, message: update?.Message ?? '', finished, paused, slots};
}

/** The service's UpdateStatus, once it is the one this rollout caused. */
function fresh(service: ApiService, rollout: Rollout): ApiService['UpdateStatus'] | undefined {
	const status = service.UpdateStatus;
	if (!status || JSON.stringify(status) === rollout.updateBefore) return undefined;
	return status;
}

function drainProgress(snapshot: ClusterSnapshot, rollout: Rollout): Progress {
	// Replacements: the newest task of the same service and slot that began elsewhere.
	const replacement = new Map<string, ApiTask>();
	for (const task of snapshot.tasks.values()) {
		if (rollout.before.has(task.ID) || !live(task) || !task.Slot) continue;
		const key = `${task.ServiceID}.${task.Slot}`;
		const seen = replacement.get(key);
		if (!seen || created(task) > created(seen)) replacement.set(key, task);
	}
	const slots: SlotProgress[] = [];
	let left = 0;
	for (const id of rollout.before) {
		const task = snapshot.tasks.get(id);
		const gone = !task || !live(task) || task.Status?.State !== 'running';
		if (gone) left++;
		if (task) {
			const name = snapshot.services.get(task.ServiceID ?? '')?.Spec?.Name ?? '?';
			slots.push({slot: `${name}.${slotKey(task)}`, old: task, new: task.Slot ? replacement.get(`${task.ServiceID}.${task.Slot}`) : undefined});
		}
	}
	slots.sort((a, b) => a.slot.localeCompare(b.slot, undefined, {numeric: true}));
	const total = rollout.before.size;
	const finished = left === total;
	return {done: left, total, state: finished ? 'drained' : 'draining', message: '', finished, paused: false, slots};
}
