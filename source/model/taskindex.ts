// Tasks by service and by node, built once per task list (not once per keypress): the
// panes, the figures and the store all look tasks up this way.
import type {ApiTask} from '../docker/types.js';

export type TaskIndex = {byService: Map<string, ApiTask[]>; byNode: Map<string, ApiTask[]>};
const indexes = new WeakMap<ReadonlyMap<string, ApiTask>, TaskIndex>();

/** Tasks by service and by node, built once per task list (not once per keypress). */
export function indexTasks(tasks: ReadonlyMap<string, ApiTask>): TaskIndex {
	let index = indexes.get(tasks);
	if (index) return index;
	index = {byService: new Map(), byNode: new Map()};
	for (const task of tasks.values()) {
		for (const [map, key] of [
			[index.byService, task.ServiceID],
			[index.byNode, task.NodeID],
		] as const) {
			if (!key) continue;
			const list = map.get(key);
			if (list) list.push(task);
			else map.set(key, [task]);
		}
	}
	indexes.set(tasks, index);
	return index;
}

