// Which task a shell goes into, and where it runs: for the tasks pane's row, or for a
// service (its running tasks, to choose from when there are several).
import type {ApiTask, NodeRef} from '../docker/types.js';
import type {ClusterSnapshot} from './snapshot.js';

export type ShellTarget = {
	task: ApiTask;
	/** As the tasks pane names it: service.slot, or service.node-ID for a global service. */
	taskName: string;
	/** For messages: "shop_api.1 on node2", "monitor@node1". */
	where: string;
	node: NodeRef;
	/** "1@node2": how the operator picks it. */
	choice: string;
};

export function shellTarget(snapshot: ClusterSnapshot, taskId: string): ShellTarget | undefined {
	const task = snapshot.tasks.get(taskId);
	if (!task) return undefined;
	const service = snapshot.services.get(task.ServiceID ?? '')?.Spec?.Name ?? (task.ServiceID ?? '').slice(0, 12);
	const node = snapshot.nodes.get(task.NodeID ?? '');
	const hostname = node?.Description?.Hostname ?? (task.NodeID ?? '').slice(0, 12);
	// As the tasks pane and the docker CLI name it: service.slot, or service.node-ID (global).
	const suffix = task.Slot ? String(task.Slot) : (task.NodeID ?? '');
	return {
		task,
		taskName: `${service}.${suffix}`,
		where: task.Slot ? `${service}.${task.Slot} on ${hostname}` : `${service}@${hostname}`,
		node: {id: task.NodeID ?? '', hostname, addr: node?.Status?.Addr},
		choice: task.Slot ? `${task.Slot}@${hostname}` : hostname,
	};
}

/** A service's tasks that are running now, by slot (or node, for a global service). */
export function runningShellTargets(snapshot: ClusterSnapshot, serviceId: string): ShellTarget[] {
	const targets: ShellTarget[] = [];
	for (const task of snapshot.tasks.values()) {
		if (task.ServiceID !== serviceId || task.DesiredState !== 'running' || task.Status?.State !== 'running') continue;
		const target = shellTarget(snapshot, task.ID);
		if (target) targets.push(target);
	}
	return targets.sort((a, b) => (a.task.Slot ?? 0) - (b.task.Slot ?? 0) || a.choice.localeCompare(b.choice));
}
