// `i` in the panes: the selected service, node or task, read in full.
import {selected} from '../panes/moves.js';
import type {Ui} from '../types.js';
import type {InspectState} from './InspectView.js';

export function openInspect(ui: Ui): string | void {
	const inspect = ui.reader.inspect;
	if (!inspect) return 'inspect is not available here';
	const pane = ui.panes.get().nav.focus;
	let target: {target: InspectState['target']; id: string; title: string} | undefined;
	if (pane === 'services') {
		const row = selected(ui, 'services');
		if (row?.kind === 'stack') return `select a service: this row is the stack ${row.name}`;
		if (row) target = {target: 'service', id: row.id, title: `service ${row.name}`};
	} else if (pane === 'nodes') {
		const row = selected(ui, 'nodes');
		if (row) target = {target: 'node', id: row.id, title: `node ${row.hostname}`};
	} else {
		const row = selected(ui, 'tasks');
		if (row) target = {target: 'task', id: row.id, title: `task ${row.name.trim().replace(/^\\_ /, '')}`};
	}
	if (!target) return 'select something to inspect';
	const opened = target;
	ui.nav.go({kind: 'inspect', ...opened, mode: 'yaml', masked: true, offset: 0});
	const mine = (state: InspectState) => state.id === opened.id;
	inspect(opened.target, opened.id).then(
		(value) => ui.nav.update('inspect', (old) => ({...old, data: value}), mine),
		(error: unknown) => ui.nav.update('inspect', (old) => ({...old, error: error instanceof Error ? error.message : String(error)}), mine),
	);
}
