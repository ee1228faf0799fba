// What is wrong in the cluster right now, worded for the operator: services short of
// replicas, crash loops, tasks no node can take, paused rollouts, nodes down, managers
// without quorum margin. Derived from the snapshot only.
import type {ApiTask} from '../docker/types.js';
import {managerSummary} from './nodes.js';
import {countTasks, serviceRow} from './services.js';
import type {ClusterSnapshot} from './snapshot.js';
import {indexTasks} from './taskindex.js';

/** `of`: the service or node the problem is about (none for the swarm as a whole); `newest`: when the latest failure behind it happened (shown as an age). */
export type Problem = {id: string; severity: 'bad' | 'warn'; target: string; text: string; of?: {kind: 'service' | 'node'; id: string}; newest?: string};

const crashWindow = 10 * 60_000;
const crashCount = 3;

/**
 * A crash loop, from what the engine keeps: its task history is a few tasks per slot
 * (5 by default), so "N failed in 10 minutes" is capped by retention. Say what is
 * known: how many of the tasks the engine still lists failed, and when the newest did.
 */
function crashLoop(tasks: readonly ApiTask[], now: number): {failed: number; of: number; newest: string} | undefined {
	let failed = 0;
	let newest = '';
	let newestAt = 0;
	for (const task of tasks) {
		const state = task.Status?.State;
		if (state !== 'failed' && state !== 'rejected') continue;
		failed++;
		const at = Date.parse(task.Status?.Timestamp ?? '');
		if (!Number.isNaN(at) && at > newestAt) {
			newestAt = at;
			newest = task.Status?.Timestamp ?? '';
		}
	}
	if (failed < crashCount || now - newestAt > crashWindow) return undefined;
	return {failed, of: tasks.length, newest};
}

export function findProblems(snapshot: ClusterSnapshot, now: number): Problem[] {
	const problems: Problem[] = [];
	const counts = snapshot.syncedAt.tasks !== undefined ? countTasks(snapshot.tasks, snapshot.nodes) : undefined;
	const pending = new Map<string, ApiTask>();
	for (const task of snapshot.tasks.values()) {
		const state = task.Status?.State;
		if (state === 'pending' && task.DesiredState === 'running' && /no suitable node/i.test(task.Status?.Err ?? '')) pending.set(task.ServiceID ?? '', task);
	}
	const byService = indexTasks(snapshot.tasks).byService;
	for (const service of snapshot.services.values()) {
		const row = serviceRow(service, counts);
		const name = row.name;
		// A crash loop and the replicas it leaves missing are one problem, not two that
		// come and go with every restart (the count flickered 1, 2, 3 between polls).
		const crash = crashLoop(byService.get(service.ID) ?? [], now);
		const short = row.desired > 0 && row.running < row.desired;
		// A rolling update takes down up to its parallelism at a time: within that it is
		// no problem; below it, or paused, it is.
		const rolling = row.update === 'updating' || row.update === 'rollback_started';
		const config = row.update === 'rollback_started' ? service.Spec?.RollbackConfig : service.Spec?.UpdateConfig;
		const allowance = rolling ? (config?.Parallelism || row.desired) : 0;
		if (crash) {
			problems.push({id: `crash:${service.ID}`, severity: 'bad', target: `service ${name}`, of: {kind: 'service', id: service.ID}, newest: crash.newest, text: `failing repeatedly: ${crash.failed} of the last ${crash.of} tasks failed${short ? `; ${row.running} of ${row.desired} running` : ''}`});
		} else if (short && row.running < row.desired - allowance) {
			problems.push({id: `replicas:${service.ID}`, severity: row.running === 0 ? 'bad' : 'warn', target: `service ${name}`, of: {kind: 'service', id: service.ID}, text: `${row.running} of ${row.desired} tasks running${rolling ? ` (more than the update's parallelism of ${allowance} down)` : ''}`});
		}
		const stuck = pending.get(service.ID);
		if (stuck) problems.push({id: `pending:${service.ID}`, severity: 'bad', target: `service ${name}`, of: {kind: 'service', id: service.ID}, text: `tasks pending: ${stuck.Status?.Err}`});
		if (row.update === 'paused' || row.update === 'rollback_paused') {
			problems.push({id: `paused:${service.ID}`, severity: 'bad', target: `service ${name}`, of: {kind: 'service', id: service.ID}, text: `${row.update.replace('_', ' ')}: ${row.updateMessage || 'no message'}`});
		}
	}
	const byNode = indexTasks(snapshot.tasks).byNode;
	const hasTasks = (nodeId: string) => (byNode.get(nodeId) ?? []).some((t) => t.DesiredState === 'running');
	for (const node of snapshot.nodes.values()) {
		const host = node.Description?.Hostname ?? node.ID.slice(0, 12);
		const state = node.Status?.State;
		if (state === 'down' || state === 'disconnected') problems.push({id: `down:${node.ID}`, severity: 'bad', target: `node ${host}`, of: {kind: 'node', id: node.ID}, text: `${state}${node.Status?.Message ? `: ${node.Status.Message}` : ''}`});
		if (node.ManagerStatus?.Reachability === 'unreachable') problems.push({id: `unreachable:${node.ID}`, severity: 'bad', target: `node ${host}`, of: {kind: 'node', id: node.ID}, text: 'manager unreachable'});
		if (node.Spec?.Availability === 'drain' && hasTasks(node.ID)) problems.push({id: `drain:${node.ID}`, severity: 'warn', target: `node ${host}`, of: {kind: 'node', id: node.ID}, text: 'drained, but tasks are still expected to run on it'});
	}
	const managers = managerSummary(snapshot);
	if (managers.managers > 0) {
		const majority = Math.floor(managers.managers / 2) + 1;
		if (!managers.leader || managers.reachable < majority) {
			problems.push({id: 'quorum', severity: 'bad', target: 'swarm', text: `${managers.reachable} of ${managers.managers} managers reachable: quorum lost`});
		} else if (managers.managers > 1 && managers.reachable === majority) {
			problems.push({id: 'quorum', severity: 'warn', target: 'swarm', text: `${managers.reachable} of ${managers.managers} managers reachable: one more failure loses quorum`});
		}
	}
	return problems.sort((a, b) => (a.severity === b.severity ? a.target.localeCompare(b.target) : a.severity === 'bad' ? -1 : 1));
}
