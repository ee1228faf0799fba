// The rows each pane shows, derived from the snapshot, the filters and the selection.
import {useMemo} from 'react';
import {matches} from '../model/filter.js';
import {nodeRows, type NodeRow} from '../model/nodes.js';
import {selectedIndex} from '../model/selection.js';
import {filterServiceRows, serviceRows, type ServicesPaneRow} from '../model/services.js';
import type {ClusterSnapshot} from '../model/store.js';
import {type TaskTarget, taskRows, type TaskRow, type TaskView} from '../model/tasks.js';
import type {PaneName} from './keys.js';
import type {Column} from './columns.js';
import {nodeColumns, serviceColumns, taskColumns} from './paneColumns.js';
import {naturalCompare} from '../model/format.js';

export type Place = {id?: string; index: number};
export type Nav = {focus: PaneName; master: 'nodes' | 'services'; places: Record<PaneName, Place>};

const nodeFields = (r: NodeRow) => [r.hostname, r.role, r.managerStatus, r.availability, r.state, r.engine, r.address];
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

/** A pane's sort: a column and a direction; none keeps the natural order (stacks grouped). */
export type Sort = {column: string; descending: boolean} | undefined;

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

export function usePanes(
	snapshot: ClusterSnapshot,
	nav: Nav,
	filters: Record<PaneName, string>,
	history: boolean,
	now: number,
	sorts: Record<PaneName, Sort> = {nodes: undefined, services: undefined, tasks: undefined},
): PaneData {
	const {master, places} = nav;
	const allNodes = useMemo(() => nodeRows(snapshot), [snapshot.nodes, snapshot.tasks, snapshot.info]);
	const allServices = useMemo(() => serviceRows(snapshot), [snapshot.services, snapshot.tasks]);
	const nodes = useMemo(
		() => sortRows(allNodes.filter((r) => matches(filters.nodes, nodeFields(r))), nodeColumns, sorts.nodes),
		[allNodes, filters.nodes, sorts.nodes],
	);
	const services = useMemo(() => {
		const filtered = filterServiceRows(allServices, filters.services, (r) => matches(filters.services, serviceFields(r)));
		// Sorted, the services stand alone: stack headers only make sense in the grouped order.
		return sorts.services ? sortRows(filtered.filter((r) => r.kind === 'service'), serviceColumns, sorts.services) : filtered;
	}, [allServices, filters.services, sorts.services]);
	const nodeIndex = selectedIndex(nodes, places.nodes.id, places.nodes.index);
	const serviceIndex = selectedIndex(services, places.services.id, places.services.index);

	const target: TaskTarget | undefined = useMemo(() => {
		if (master === 'nodes') {
			const node = nodes[nodeIndex];
			return node ? {kind: 'node', id: node.id} : undefined;
		}
		const row = services[serviceIndex];
		if (!row) return undefined;
		return row.kind === 'stack' ? {kind: 'stack', name: row.name} : {kind: 'service', id: row.id};
	}, [master, nodes, nodeIndex, services, serviceIndex]);
	const targetKey = target ? `${target.kind}:${target.kind === 'stack' ? target.name : target.id}` : '';
	const taskView = useMemo(
		() => taskRows(snapshot, target, history, now),
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[snapshot.tasks, snapshot.services, snapshot.nodes, targetKey, history, now],
	);
	const tasks = useMemo(() => sortRows(taskView.rows.filter((r) => matches(filters.tasks, taskFields(r))), taskColumns, sorts.tasks), [taskView, filters.tasks, sorts.tasks]);
	const taskIndex = selectedIndex(tasks, places.tasks.id, places.tasks.index);

	let targetName = '';
	if (target?.kind === 'stack') targetName = `stack ${target.name}`;
	else if (target?.kind === 'node') targetName = `node ${nodes[nodeIndex]?.hostname ?? ''}`;
	else if (target) targetName = services[serviceIndex]?.name ?? '';

	return {
		allNodes,
		allServices,
		nodes,
		services,
		tasks,
		taskView,
		target,
		targetName,
		index: {nodes: nodeIndex, services: serviceIndex, tasks: taskIndex},
		rows: {nodes, services, tasks},
	};
}
