// What each pane shows, with the priorities from the design (first dropped last).
import type {NodeRow} from '../../../model/nodes.js';
import type {ServicesPaneRow} from '../../../model/services.js';
import type {TaskRow} from '../../../model/tasks.js';
import type {Column} from '../../columns.js';
import {marks} from '../../theme.js';

const mark = (health: 'ok' | 'warn' | 'bad') => (health === 'ok' ? '' : ` ${marks[health]}`);

export const nodeColumns: Column<NodeRow>[] = [
	{key: 'hostname', header: 'HOSTNAME', get: (r) => `${r.hostname}${r.self ? ' *' : ''}`, priority: 0, minWidth: 8, maxWidth: 40},
	{key: 'role', header: 'ROLE', get: (r) => r.role, priority: 3},
	{key: 'manager', header: 'MANAGER', get: (r) => r.managerStatus, priority: 3},
	{key: 'status', header: 'STATUS', get: (r) => `${r.state}${mark(r.health === 'bad' || r.state !== 'ready' ? r.health : 'ok')}`, priority: 1},
	{key: 'availability', header: 'AVAIL', get: (r) => r.availability, priority: 2},
	{key: 'engine', header: 'ENGINE', get: (r) => r.engine, priority: 5, minWidth: 8, maxWidth: 16},
	{key: 'tasks', header: 'TASKS', get: (r) => (r.runningTasks === undefined ? '…' : String(r.runningTasks)), priority: 4, align: 'right'},
];

/** With the labels column (v): it takes the engine's place (the header names the engine; inspect has each node's). */
export const nodeColumnsWithLabels: Column<NodeRow>[] = [
	...nodeColumns.filter((c) => c.key !== 'engine' && c.key !== 'tasks'),
	{key: 'labels', header: 'LABELS', get: (r) => r.labels || '-', priority: 1, minWidth: 12, maxWidth: 80, flex: true},
	...nodeColumns.filter((c) => c.key === 'tasks'),
];

/** Services columns; services marked for logs (space) carry a ● before the name. */
export function serviceColumnsFor(marked: ReadonlySet<string>): Column<ServicesPaneRow>[] {
	const name: Column<ServicesPaneRow> = {
		key: 'name',
		header: 'NAME',
		get: (r) => {
			if (r.kind === 'stack') return `▾ ${r.name} (${r.services})`;
			const dot = marked.has(r.id) ? '● ' : '';
			return r.stack ? `  ${dot}${r.name}` : `${dot}${r.name}`;
		},
		priority: 0,
		minWidth: 10,
		maxWidth: 40,
	};
	return [name, ...serviceColumns.slice(1)];
}

export const serviceColumns: Column<ServicesPaneRow>[] = [
	{
		key: 'name',
		header: 'NAME',
		get: (r) => (r.kind === 'stack' ? `▾ ${r.name} (${r.services})` : r.stack ? `  ${r.name}` : r.name),
		priority: 0,
		minWidth: 10,
		maxWidth: 40,
	},
	{key: 'mode', header: 'MODE', get: (r) => (r.kind === 'stack' ? 'stack' : r.mode), priority: 3},
	{key: 'replicas', header: 'REPLICAS', get: (r) => `${r.kind === 'service' ? r.replicas : `${r.running}/${r.desired}`}${mark(r.health)}`, priority: 1},
	{key: 'image', header: 'IMAGE', get: (r) => (r.kind === 'service' ? r.image : ''), priority: 2, minWidth: 12, maxWidth: 40},
	{key: 'update', header: 'UPDATE', get: (r) => (r.kind === 'service' ? r.update.replace(/_/g, ' ') : ''), priority: 4, maxWidth: 18},
	{key: 'ports', header: 'PORTS', get: (r) => (r.kind === 'service' ? r.ports : ''), priority: 5, minWidth: 10, maxWidth: 30},
];

export const taskColumns: Column<TaskRow>[] = [
	{key: 'name', header: 'NAME', get: (r) => r.name, priority: 0, minWidth: 10, maxWidth: 44},
	{key: 'node', header: 'NODE', get: (r) => r.node, priority: 1, minWidth: 6, maxWidth: 24},
	{key: 'desired', header: 'DESIRED', get: (r) => r.desired, priority: 4},
	{key: 'current', header: 'CURRENT', get: (r) => r.current, priority: 2, minWidth: 14, maxWidth: 34},
	{key: 'error', header: 'ERROR', get: (r) => r.error, priority: 3, minWidth: 12, maxWidth: 60, flex: true},
	{key: 'image', header: 'IMAGE', get: (r) => r.image, priority: 5, minWidth: 12, maxWidth: 40},
];
