// The rows each pane shows, derived from the snapshot, the filters and the selection.
import {useMemo} from 'react';
import {matches} from '../model/filter.js';
import {nodeRows, type NodeRow} from '../model/nodes.js';
import {selectedIndex} from '../model/selection.js';
import {filterServiceRows, serviceRows, type ServicesPaneRow} from '../model/services.js';
import type {ClusterSnapshot} from '../model/store.js';
import {type TaskTarget, taskRows, type TaskRow, type TaskView} from '../model/tasks.js';
import type {PaneName} from './keys.js';

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

export function usePanes(snapshot: ClusterSnapshot, nav: Nav, filters: Record<PaneName, string>, history: boolean, now: number): PaneData {
	const {master, places} = nav;
	const allNodes = useMemo(() => nodeRows(snapshot), [snapshot.nodes, snapshot.tasks, snapshot.info]);
	const allServices = useMemo(() => serviceRows(snapshot), [snapshot.services, snapshot.tasks]);
	const nodes = useMemo(() => allNodes.filter((r) => matches(filters.nodes, nodeFields(r))), [allNodes, filters.nodes]);
	const services = useMemo(
		() => filterServiceRows(allServices, filters.services, (r) => matches(filters.services, serviceFields(r))),
		[allServices, filters.services],
	);
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
	const tasks = useMemo(() => taskView.rows.filter((r) => matches(filters.tasks, taskFields(r))), [taskView, filters.tasks]);
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
