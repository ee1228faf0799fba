// Who a log line is from, in the docker CLI's words ("shop_web.2@node3"), and which
// tasks joined or left the followed services (shown as notice lines).
import type {ClusterSnapshot} from './snapshot.js';

export function taskLabel(snapshot: ClusterSnapshot, taskId: string, serviceId = '', nodeId = ''): string {
	const task = snapshot.tasks.get(taskId);
	const service = snapshot.services.get(task?.ServiceID ?? serviceId);
	const name = service?.Spec?.Name ?? (task?.ServiceID ?? serviceId).slice(0, 12);
	const node = task?.NodeID ?? nodeId;
	const host = node ? (snapshot.nodes.get(node)?.Description?.Hostname ?? node.slice(0, 12)) : '';
	const slot = task?.Slot ? `.${task.Slot}` : task ? '' : `.${taskId.slice(0, 12)}`;
	return `${name || '?'}${slot}${host ? `@${host}` : ''}`;
}

/**
 * Prefixes for one log session, each fixed when its task's first line arrives. Two
 * tasks of one slot on one node (a crash loop restarting in place) would read alike:
 * a later one gets its task ID's start, as `docker service logs` shows it
 * (`crashy.1.x312lwnor1tq@node1`).
 */
export class LogLabels {
	private readonly byTask = new Map<string, string>();
	private readonly taken = new Set<string>();

	label(snapshot: ClusterSnapshot, taskId: string, serviceId = '', nodeId = ''): string {
		const known = this.byTask.get(taskId);
		if (known !== undefined) return known;
		let label = taskLabel(snapshot, taskId, serviceId, nodeId);
		// History comes first (tail): an ended task whose slot has a live task on the same
		// node leaves the short prefix to that one.
		const task = snapshot.tasks.get(taskId);
		const live = (t: typeof task) => t?.DesiredState === 'running';
		const sibling =
			task && !live(task) && [...snapshot.tasks.values()].some((t) => t.ID !== task.ID && live(t) && t.ServiceID === task.ServiceID && t.NodeID === task.NodeID && (t.Slot ?? 0) === (task.Slot ?? 0));
		if (taskId && (sibling || this.taken.has(label))) {
			const at = label.indexOf('@');
			const id = `.${taskId.slice(0, 12)}`;
			label = at < 0 ? `${label}${id}` : `${label.slice(0, at)}${id}${label.slice(at)}`;
		}
		this.taken.add(label);
		if (taskId) this.byTask.set(taskId, label);
		return label;
	}
}

export type TaskPresence = Map<string, string>;

/** Running tasks (by ID, with their label) of the followed services or tasks. */
export function followedTasks(snapshot: ClusterSnapshot, serviceIds: ReadonlySet<string>, taskIds: ReadonlySet<string>): TaskPresence {
	const present: TaskPresence = new Map();
	for (const task of snapshot.tasks.values()) {
		if (task.Status?.State !== 'running') continue;
		if (!serviceIds.has(task.ServiceID ?? '') && !taskIds.has(task.ID)) continue;
		present.set(task.ID, taskLabel(snapshot, task.ID));
	}
	return present;
}

export function taskChanges(before: TaskPresence, after: TaskPresence): string[] {
	const notes: string[] = [];
	for (const [id, label] of after) if (!before.has(id)) notes.push(`task ${label} joined`);
	for (const [id, label] of before) if (!after.has(id)) notes.push(`task ${label} left`);
	return notes;
}

const palette = ['cyan', 'green', 'magenta', 'yellow', 'blue', 'cyanBright', 'greenBright', 'magentaBright'];

/** A steady colour per task. */
export function taskColor(taskId: string): string {
	let hash = 0;
	for (let i = 0; i < taskId.length; i++) hash = (hash * 31 + taskId.charCodeAt(i)) | 0;
	return palette[Math.abs(hash) % palette.length] as string;
}
