// Rollouts, as the engine sees them: whoever started them (this session, a pipeline's
// `docker stack deploy`, another operator's `docker service update`). Every figure comes
// from the engine's data:
// - a task is new when the engine calls it up to date with the service's current spec
//   (its `_up-to-date` filter, read for the rollout on screen); until that list is in,
//   when it runs the service's image. Never by order or time.
// - progress counts what `docker service update` counts: per slot (per node for a
//   global service) the up-to-date task the engine wants most, on a node that is not
//   down, running -> "overall progress: N out of M tasks".
// - a rollback is a rollout towards the previous spec: the engine swaps the specs, so
//   the same counting applies; its state and config are the rollback's.
// A drain is done when no task it moves still wants to run on the node and each moved
// task's replacement runs elsewhere.
import type {ApiNode, ApiService, ApiTask, ApiUpdateConfig} from '../docker/types.js';
import {isRunning} from './running.js';
import {serviceMode} from './services.js';
import type {ClusterSnapshot} from './snapshot.js';
import {indexTasks} from './taskindex.js';
import {isTerminal} from './tasks.js';

export type RolloutKind = 'scale' | 'update' | 'rollback' | 'restart' | 'drain';

/** What a rollout view follows: a service's update (or rollback), or a drain this session started. */
export type Rollout = {
	id: number;
	kind: RolloutKind;
	/** The service's ID, or the node's for a drain. */
	targetId: string;
	name: string;
	startedAt: number;
	/** Drains: the node's tasks that wanted to run when it began. */
	before: ReadonlySet<string>;
	/** The service's spec version when it began: it is over only once the engine has a newer one. */
	versionBefore: number;
};

export type SlotProgress = {slot: string; old?: ApiTask; new?: ApiTask};

export type Progress = {
	done: number;
	total: number;
	/** The engine's update state (updating, paused, completed, rollback_started…), or converging / converged, draining / drained. */
	state: string;
	/** update or rollback: what the engine is doing now, whoever asked. */
	direction: 'update' | 'rollback' | 'drain' | 'converge';
	message: string;
	finished: boolean;
	paused: boolean;
	slots: SlotProgress[];
	/** The config in force: the rollback config while rolling back. */
	config?: ApiUpdateConfig;
	/** Whether "new" came from the engine's up-to-date list (false: by image, until it is read). */
	exact: boolean;
};

const inProgress = new Set(['updating', 'paused', 'rollback_started', 'rollback_paused']);

/** Services with an update or rollback under way (or paused), by the engine's UpdateStatus. */
export function rolloutsInProgress(snapshot: ClusterSnapshot): ApiService[] {
	return [...snapshot.services.values()].filter((s) => inProgress.has(String(s.UpdateStatus?.State ?? '')));
}

export function startRollout(snapshot: ClusterSnapshot, id: number, kind: RolloutKind, targetId: string, now = Date.now()): Rollout {
	const before = new Set<string>();
	if (kind === 'drain') for (const task of indexTasks(snapshot.tasks).byNode.get(targetId) ?? []) if (task.DesiredState === 'running') before.add(task.ID);
	const service = snapshot.services.get(targetId);
	const node = snapshot.nodes.get(targetId);
	return {
		id,
		kind,
		targetId,
		name: kind === 'drain' ? (node?.Description?.Hostname ?? targetId.slice(0, 12)) : (service?.Spec?.Name ?? targetId.slice(0, 12)),
		startedAt: now,
		before,
		versionBefore: service?.Version?.Index ?? 0,
	};
}

/** Whether a rollout is over: the engine has the change (a newer spec), says so, and the figures agree. */
export function rolloutEnded(snapshot: ClusterSnapshot, rollout: Rollout, progress: Progress): boolean {
	if (rollout.kind === 'drain') return progress.finished;
	const service = snapshot.services.get(rollout.targetId);
	if (!service) return true;
	return (service.Version?.Index ?? 0) > rollout.versionBefore && progress.exact && progress.finished;
}

// The order `docker service ps` and the CLI's progress use to pick a slot's task: the
// lowest desired state, then the lowest observed state.
const order = ['new', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running', 'complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned'];
const rank = (state: string | undefined) => {
	const at = order.indexOf(state ?? '');
	return at < 0 ? Number.POSITIVE_INFINITY : at;
};
const created = (task: ApiTask) => Date.parse(task.CreatedAt ?? '') || 0;
const newer = (a: ApiTask, b: ApiTask) => created(a) - created(b) || (a.Version?.Index ?? 0) - (b.Version?.Index ?? 0);
const slotOf = (task: ApiTask, global: boolean) => (global ? (task.NodeID ?? '?') : String(task.Slot ?? '?'));

/** The task of a slot the engine wants most (the CLI's tasksBySlot). */
function preferred(a: ApiTask | undefined, b: ApiTask): ApiTask {
	if (!a) return b;
	const desired = rank(a.DesiredState) - rank(b.DesiredState);
	if (desired !== 0) return desired < 0 ? a : b;
	return rank(a.Status?.State) <= rank(b.Status?.State) ? a : b;
}

const down = (nodes: ReadonlyMap<string, ApiNode>, task: ApiTask) => Boolean(task.NodeID && nodes.get(task.NodeID)?.Status?.State === 'down');

export function rolloutProgress(snapshot: ClusterSnapshot, rollout: Rollout): Progress {
	if (rollout.kind === 'drain') return drainProgress(snapshot, rollout);
	return serviceRollout(snapshot, rollout.targetId);
}

/** The update or rollback of a service, from the engine's data alone. */
export function serviceRollout(snapshot: ClusterSnapshot, serviceId: string): Progress {
	const service = snapshot.services.get(serviceId);
	if (!service) return {done: 0, total: 0, state: 'removed', direction: 'update', message: 'the service no longer exists', finished: true, paused: false, slots: [], exact: true};
	const global = serviceMode(service) === 'global';
	const tasks = indexTasks(snapshot.tasks).byService.get(serviceId) ?? [];
	const listed = snapshot.upToDate.get(serviceId);
	const image = service.Spec?.TaskTemplate?.ContainerSpec?.Image;
	const isNew = (task: ApiTask) => (listed ? listed.has(task.ID) : task.Spec?.ContainerSpec?.Image === image);
	const chosen = new Map<string, ApiTask>();
	const olds = new Map<string, ApiTask>();
	for (const task of tasks) {
		const slot = slotOf(task, global);
		if (isNew(task)) {
			if (!down(snapshot.nodes, task)) chosen.set(slot, preferred(chosen.get(slot), task));
		} else {
			// The old task of the slot: the one still wanted (or still running), else the newest.
			const seen = olds.get(slot);
			const wanted = (t: ApiTask) => (t.DesiredState === 'running' ? 2 : t.Status?.State === 'running' ? 1 : 0);
			if (!seen || wanted(task) > wanted(seen) || (wanted(task) === wanted(seen) && newer(task, seen) > 0)) olds.set(slot, task);
		}
	}
	const replicas = service.Spec?.Mode?.Replicated?.Replicas;
	const total = global ? chosen.size : (replicas ?? chosen.size);
	let done = 0;
	for (const task of chosen.values()) if (!isTerminal(task.DesiredState) && isRunning(task, snapshot.nodes)) done++;
	// Slots: every wanted one (1..replicas), and any other that still has a task running.
	const keys = new Set<string>([...chosen.keys()]);
	if (!global && replicas !== undefined) for (let i = 1; i <= replicas; i++) keys.add(String(i));
	for (const [slot, task] of olds) if (task.DesiredState === 'running' || task.Status?.State === 'running') keys.add(slot);
	const slots = [...keys]
		.map((slot) => ({slot, old: olds.get(slot), new: chosen.get(slot)}))
		.sort((a, b) => a.slot.localeCompare(b.slot, undefined, {numeric: true}));
	const status = service.UpdateStatus;
	const state = typeof status?.State === 'string' ? status.State : '';
	const rollingBack = state.startsWith('rollback');
	const paused = state === 'paused' || state === 'rollback_paused';
	const converged = done === total;
	if (!state) {
		return {done, total, state: converged ? 'converged' : 'converging', direction: 'converge', message: '', finished: converged, paused: false, slots, config: service.Spec?.UpdateConfig, exact: Boolean(listed)};
	}
	// Completed is the engine's word; the figures must agree before the view says so.
	const finished = paused || ((state === 'completed' || state === 'rollback_completed') && converged);
	return {
		done,
		total,
		state: finished || paused || !(state === 'completed' || state === 'rollback_completed') ? state : rollingBack ? 'rollback_converging' : 'converging',
		direction: rollingBack ? 'rollback' : 'update',
		message: status?.Message ?? '',
		finished,
		paused,
		slots,
		config: rollingBack ? service.Spec?.RollbackConfig : service.Spec?.UpdateConfig,
		exact: Boolean(listed),
	};
}

function drainProgress(snapshot: ClusterSnapshot, rollout: Rollout): Progress {
	const byService = indexTasks(snapshot.tasks).byService;
	const slots: SlotProgress[] = [];
	let done = 0;
	let stillWanted = 0;
	for (const id of rollout.before) {
		const task = snapshot.tasks.get(id);
		if (!task) {
			// Gone from the engine's list (removed with its service): nothing left to move.
			done++;
			continue;
		}
		const service = snapshot.services.get(task.ServiceID ?? '');
		const name = service?.Spec?.Name ?? '?';
		const global = service ? serviceMode(service) === 'global' : !task.Slot;
		const left = task.DesiredState !== 'running';
		if (!left) stillWanted++;
		if (global) {
			// A global task is not moved: it stops with the drain.
			if (left && task.Status?.State !== 'running') done++;
			slots.push({slot: `${name}.${slotOf(task, true).slice(0, 12)}`, old: task});
			continue;
		}
		// Its replacement: a task of the same slot elsewhere that the engine wants running.
		let replacement: ApiTask | undefined;
		for (const other of byService.get(task.ServiceID ?? '') ?? []) {
			if (other.ID === task.ID || other.Slot !== task.Slot || other.NodeID === rollout.targetId || other.DesiredState !== 'running') continue;
			if (!replacement || newer(other, replacement) > 0) replacement = other;
		}
		if (left && replacement && isRunning(replacement, snapshot.nodes)) done++;
		slots.push({slot: `${name}.${task.Slot ?? '?'}`, old: task, new: replacement});
	}
	slots.sort((a, b) => a.slot.localeCompare(b.slot, undefined, {numeric: true}));
	const total = rollout.before.size;
	const finished = stillWanted === 0 && done === total;
	return {done, total, state: finished ? 'drained' : 'draining', direction: 'drain', message: '', finished, paused: false, slots, exact: true};
}
