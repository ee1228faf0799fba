// The rows each pane shows, derived from the snapshot, the filters and the selection.
// Plain functions with a one-entry memo per step (outside React), so that a key's
// handler and the render read the same rows, and a redraw recomputes only what changed.
import {matches} from '../../../model/filter.js';
import {nodeRows, type NodeRow} from '../../../model/nodes.js';
import {selectedIndex} from '../../../model/selection.js';
import {filterServiceRows, serviceRows, type ServicesPaneRow} from '../../../model/services.js';
import type {ClusterSnapshot} from '../../../model/snapshot.js';
import {type TaskTarget, taskRows, type TaskRow, type TaskView} from '../../../model/tasks.js';
import type {PaneName} from '../../../keys/places.js';
import type {PanesState, Sort} from './state.js';

export type {Nav, Sort} from './state.js';
import type {Column} from '../../columns.js';
import {nodeColumns, serviceColumns, taskColumns} from './columns.js';
import {naturalCompare} from '../../../model/format.js';


const nodeFields = (r: NodeRow) => [r.hostname, r.role, r.managerStatus, r.availability, r.state, r.engine, r.address, r.labels];
const serviceFields = (r: ServicesPaneRow) => (r.kind === 'stack' ? [r.name] : [r.name, r.mode, r.image, r.update, r.ports, r.stack ?? '']);
const taskFields = (r: TaskRow) => [r.name, r.node, r.desired, r.current, r.error, r.image];

export type PaneData = {
	allNodes: NodeRow[];
	allServices: ServicesPaneRow[];
	nodes: readonly NodeRow[];
	services: readonly ServicesPaneRow[];
	tasks: readonly TaskRow[];
	taskView: TaskView;
	target?: TaskTarget;
	targetName: string;
	index: Record<PaneName, number>;
	rows: Record<PaneName, readonly {id: string}[]>;
};

/** Sorted by a column's text (numbers in it compared as numbers); stable. */
export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort: Sort): readonly T[] {
	const column = sort && columns.find((c) => c.key === sort.column);
	if (!column || !sort) return rows;
	const sign = sort.descending ? -1 : 1;
	return rows
		.map((row, index) => ({row, index, key: column.get(row).trim()}))
		.sort((a, b) => sign * naturalCompare(a.key, b.key) || a.index - b.index)
		.map((entry) => entry.row);
}

/**
 * One-entry memo: the last result while the first `compared` inputs (all, by default)
 * are the same objects; inputs after them only feed the computation.
 */
function memo<A extends unknown[], R>(compute: (...args: A) => R, compared?: number): (...args: A) => R {
	let last: {args: A; result: R} | undefined;
	return (...args) => {
		const n = compared ?? args.length;
		if (last && last.args.slice(0, n).every((a, i) => Object.is(a, args[i]))) return last.result;
		const result = compute(...args);
		last = {args, result};
		return result;
	};
}

/** Every pane's rows for one state; one instance per screen (its memo is its own). */
export function panesData(): (snapshot: ClusterSnapshot, state: PanesState, now: number) => PaneData {
	const allNodesOf = memo((_nodes: unknown, _tasks: unknown, _info: unknown, snapshot: ClusterSnapshot) => nodeRows(snapshot), 3);
	const allServicesOf = memo((_services: unknown, _tasks: unknown, snapshot: ClusterSnapshot) => serviceRows(snapshot), 2);
	const nodesOf = memo((all: NodeRow[], filter: string, sort: Sort) => sortRows(all.filter((r) => matches(filter, nodeFields(r))), nodeColumns, sort));
	const servicesOf = memo((all: ServicesPaneRow[], filter: string, sort: Sort) => {
		const filtered = filterServiceRows(all, filter, (r) => matches(filter, serviceFields(r)));
		// Sorted, the services stand alone: stack headers only make sense in the grouped order.
		return sort ? sortRows(filtered.filter((r) => r.kind === 'service'), serviceColumns, sort) : filtered;
	});
	const taskViewOf = memo((_tasks: unknown, _services: unknown, _nodes: unknown, _key: string, history: boolean, now: number, snapshot: ClusterSnapshot, target: TaskTarget | undefined) =>
		taskRows(snapshot, target, history, now),
	6);
	const tasksOf = memo((view: TaskView, filter: string, sort: Sort) => sortRows(view.rows.filter((r) => matches(filter, taskFields(r))), taskColumns, sort));
	// The whole answer too: a frame asks several times (App, the layout, the body, a key's handler).
	return memo((snapshot: ClusterSnapshot, state: PanesState, now: number): PaneData => {
		const {nav, filters, sorts, history} = state;
		const {master, places} = nav;
		const allNodes = allNodesOf(snapshot.nodes, snapshot.tasks, snapshot.info, snapshot);
		const allServices = allServicesOf(snapshot.services, snapshot.tasks, snapshot);
		const nodes = nodesOf(allNodes, filters.nodes, sorts.nodes);
		const services = servicesOf(allServices, filters.services, sorts.services);
		const nodeIndex = selectedIndex(nodes, places.nodes.id, places.nodes.index);
		const serviceIndex = selectedIndex(services, places.services.id, places.services.index);
		let target: TaskTarget | undefined;
		if (master === 'nodes') {
			const node = nodes[nodeIndex];
			target = node ? {kind: 'node', id: node.id} : undefined;
		} else {
			const row = services[serviceIndex];
			target = !row ? undefined : row.kind === 'stack' ? {kind: 'stack', name: row.name} : {kind: 'service', id: row.id};
		}
		const targetKey = target ? `${target.kind}:${target.kind === 'stack' ? target.name : target.id}` : '';
		const taskView = taskViewOf(snapshot.tasks, snapshot.services, snapshot.nodes, targetKey, history, now, snapshot, target);
		const tasks = tasksOf(taskView, filters.tasks, sorts.tasks);
		const taskIndex = selectedIndex(tasks, places.tasks.id, places.tasks.index);
		let targetName = '';
		if (target?.kind === 'stack') targetName = `stack ${target.name}`;
		else if (target?.kind === 'node') targetName = `node ${nodes[nodeIndex]?.hostname ?? ''}`;
		else if (target) targetName = services[serviceIndex]?.name ?? '';
		return {allNodes, allServices, nodes, services, tasks, taskView, target, targetName, index: {nodes: nodeIndex, services: serviceIndex, tasks: taskIndex}, rows: {nodes, services, tasks}};
	});
}
