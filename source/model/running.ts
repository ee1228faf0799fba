// The one test of a running task, shared by every figure on screen.
import type {ApiNode, ApiTask} from '../docker/types.js';

/**
 * The one test of "a running task", for every figure on screen (services, nodes, tasks,
 * rollouts, problems): the engine wants it running, it reports running, and its node is
 * not down. A down node's tasks keep their last reported state ("running") while the
 * orchestrator has already given up on them (worker2 down showed 5 running tasks).
 */
export function isRunning(task: ApiTask, nodes?: ReadonlyMap<string, ApiNode>): boolean {
	if (task.DesiredState !== 'running' || task.Status?.State !== 'running') return false;
	const node = task.NodeID ? nodes?.get(task.NodeID) : undefined;
	return node?.Status?.State !== 'down';
}
