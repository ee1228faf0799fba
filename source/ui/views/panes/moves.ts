// Moving in the panes: the selection, the focus, and arriving from another view with
// something selected. Shared by the panes' keys and the lists that lead to them.
import type {PaneName} from '../../../keys/places.js';
import {selectedIndex} from '../../../model/selection.js';
import {naturalWidths} from '../../columns.js';
import {computeLayout, type Layout} from '../../layout.js';
import type {Ui} from '../types.js';
import {nodeColumns} from './columns.js';
import type {NodeRow} from '../../../model/nodes.js';
import type {ServicesPaneRow} from '../../../model/services.js';
import type {TaskRow} from '../../../model/tasks.js';

export function move(ui: Ui, to: (index: number, length: number) => number): void {
	const data = ui.paneData();
	ui.panes.nav((old) => {
		const pane = old.focus;
		const list = data.rows[pane];
		const current = selectedIndex(list, old.places[pane].id, old.places[pane].index);
		const index = to(current, list.length);
		const places = {...old.places, [pane]: {id: list[index]?.id, index: Math.max(0, index)}};
		if (pane !== 'tasks' && index !== current) places.tasks = {index: 0};
		return {...old, places};
	});
}

export function focusPane(ui: Ui, step: (focus: PaneName) => PaneName): void {
	ui.panes.nav((old) => {
		const next = step(old.focus);
		if (next === 'tasks' || next === old.master) return {...old, focus: next};
		return {focus: next, master: next, places: {...old.places, tasks: {index: 0}}};
	});
}

/** The panes, one step further on the trail: `id` selected in `pane`, filtered by `filter`. */
export function showIn(ui: Ui, pane: 'nodes' | 'services', id: string, filter: string): void {
	ui.nav.go({kind: 'panes'});
	ui.panes.filter(pane, filter);
	ui.panes.nav((old) => ({focus: pane, master: pane, places: {...old.places, [pane]: {id, index: 0}, tasks: {index: 0}}}));
}

type RowOf = {nodes: NodeRow; services: ServicesPaneRow; tasks: TaskRow};

/** The selected row of a pane. */
export function selected<P extends PaneName>(ui: Ui, pane: P): RowOf[P] | undefined {
	const data = ui.paneData();
	const place = ui.panes.get().nav.places[pane];
	const rows = {nodes: data.nodes, services: data.services, tasks: data.tasks}[pane] as readonly RowOf[P][];
	return rows[selectedIndex(rows, place.id, place.index)];
}

/** The service a service action means here: the selected service, or the selected task's; else why none. */
export function selectedServiceId(ui: Ui): {id: string} | {why: string} {
	const pane = ui.panes.get().nav.focus;
	let id: string | undefined;
	if (pane === 'services') {
		const row = selected(ui, 'services');
		if (row?.kind === 'stack') return {why: `select a service: this row is the stack ${row.name}`};
		id = row?.id;
	} else if (pane === 'tasks') {
		id = selected(ui, 'tasks')?.serviceId;
	}
	return id ? {id} : {why: 'select a service first'};
}

const widths = new WeakMap<readonly NodeRow[], number>();

/** The panes' sizes for the body's size (undefined: the terminal is too small). */
export function panesLayout(ui: Ui): Layout | undefined {
	const data = ui.paneData();
	let nodesWidth = widths.get(data.allNodes);
	if (nodesWidth === undefined) {
		const w = naturalWidths(nodeColumns, data.allNodes).map((width, i) => Math.max(width, nodeColumns[i]?.header.length ?? 0));
		nodesWidth = w.reduce((sum, x) => sum + x, 0) + 2 * (w.length - 1) + 3; // gaps, marker, borders
		widths.set(data.allNodes, nodesWidth);
	}
	const {width, height} = ui.body();
	return computeLayout(width, height + 2, data.allNodes.length, data.allServices.length, nodesWidth);
}
