// Rows of the nodes pane, like `docker node ls` plus running tasks per node.
import type {ApiNode, ApiTask} from '../docker/types.js';
import {naturalCompare} from './format.js';
import {isRunning} from './running.js';
import type {ClusterSnapshot, Health} from './snapshot.js';

export type {Health} from './snapshot.js';

export type NodeRow = {
	id: string;
	hostname: string;
	role: string;
	/** Leader / Reachable / Unreachable, empty for workers. */
	managerStatus: string;
	availability: string;
	/** The node's labels, "key=value" sorted by key, space-separated (for the labels column and the filter). */
	labels: string;
	state: string;
	engine: string;
	address: string;
	/** Undefined until the full task list has been read once. */
	runningTasks?: number;
	self: boolean;
	health: Health;
};

export function runningTasksByNode(tasks: ReadonlyMap<string, ApiTask>, nodes?: ReadonlyMap<string, ApiNode>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const task of tasks.values()) {
		if (task.NodeID && isRunning(task, nodes)) counts.set(task.NodeID, (counts.get(task.NodeID) ?? 0) + 1);
	}
	return counts;
}

export function managerStatus(node: ApiNode): string {
	const status = node.ManagerStatus;
	if (!status) return '';
	if (status.Leader) return 'Leader';
	const reach = status.Reachability ?? '';
	return reach ? reach.charAt(0).toUpperCase() + reach.slice(1) : '';
}

function nodeHealth(node: ApiNode, manager: string): Health {
	const state = node.Status?.State ?? 'unknown';
	if (state === 'down' || state === 'disconnected' || manager === 'Unreachable') return 'bad';
	if (state !== 'ready' || (node.Spec?.Availability ?? 'active') !== 'active') return 'warn';
	return 'ok';
}

export function nodeRows(snapshot: ClusterSnapshot): NodeRow[] {
	const counts = snapshot.syncedAt.tasks !== undefined ? runningTasksByNode(snapshot.tasks, snapshot.nodes) : undefined;
	const selfId = snapshot.info?.Swarm?.NodeID;
	const rows: NodeRow[] = [];
	for (const node of snapshot.nodes.values()) {
		const manager = managerStatus(node);
		rows.push({
			id: node.ID,
			hostname: node.Description?.Hostname ?? node.ID.slice(0, 12),
			role: node.Spec?.Role ?? '',
			managerStatus: manager,
			availability: node.Spec?.Availability ?? '',
			labels: Object.entries(node.Spec?.Labels ?? {})
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([key, value]) => `${key}=${value}`)
				.join(' '),
			state: node.Status?.State ?? 'unknown',
			engine: node.Description?.Engine?.EngineVersion ?? '',
			address: node.Status?.Addr ?? '',
			runningTasks: counts ? (counts.get(node.ID) ?? 0) : undefined,
			self: node.ID === selfId,
			health: nodeHealth(node, manager),
		});
	}
	return rows.sort((a, b) => naturalCompare(a.hostname, b.hostname) || a.id.localeCompare(b.id));
}

export type ManagerSummary = {managers: number; reachable: number; leader?: string};

export function managerSummary(snapshot: ClusterSnapshot): ManagerSummary {
	let managers = 0;
	let reachable = 0;
	let leader: string | undefined;
	for (const node of snapshot.nodes.values()) {
		if (!node.ManagerStatus) continue;
		managers++;
		if (node.ManagerStatus.Leader || node.ManagerStatus.Reachability === 'reachable') reachable++;
		if (node.ManagerStatus.Leader) leader = node.Description?.Hostname ?? node.ID.slice(0, 12);
	}
	return {managers, reachable, leader};
}
