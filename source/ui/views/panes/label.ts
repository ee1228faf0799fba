// `L` on a node: `key=value` adds or changes a label, `-key` removes one. Tab completes
// the label keys the cluster's nodes have (for placement constraints, the same keys go
// on several nodes); the line under the field shows the node's labels now.
import {parseLabelChange} from '../../../actions/index.js';
import type {Ui} from '../types.js';
import {selected} from './moves.js';
import {operationContext} from './operations.js';

export function labelNode(ui: Ui): string | void {
	const offline = ui.runner.offline();
	if (offline) return offline;
	const row = selected(ui, 'nodes');
	const node = row ? ui.cluster.get().nodes.get(row.id) : undefined;
	if (!node) return 'select a node first';
	const name = node.Description?.Hostname ?? node.ID.slice(0, 12);
	const own = node.Spec?.Labels ?? {};
	const keys = [...new Set([...ui.cluster.get().nodes.values()].flatMap((n) => Object.keys(n.Spec?.Labels ?? {})))].sort();
	const now = Object.entries(own).map(([key, value]) => `${key}=${value}`);
	const run = operationContext(ui).run;
	ui.dialog.set({
		kind: 'prompt',
		title: `Label ${name}: key=value to add or change, -key to remove`,
		value: '',
		fresh: true,
		check: (value) => {
			const change = parseLabelChange(value);
			if ('error' in change) return change.error;
			if (change.value === undefined && !(change.key in own)) return `${name} has no label ${change.key}`;
			return undefined;
		},
		complete: (value) => {
			const removing = value.startsWith('-');
			const typed = removing ? value.slice(1) : value;
			if (typed.includes('=')) return value;
			const pool = removing ? Object.keys(own) : keys;
			const match = pool.filter((key) => key.startsWith(typed));
			if (match.length !== 1) return value;
			return removing ? `-${match[0]}` : `${match[0]}=`;
		},
		hint: () => (now.length ? `now: ${now.join('  ')}` : 'no labels yet'),
		submit: (value) => {
			const change = parseLabelChange(value);
			if ('error' in change) return;
			run({
				target: name,
				label: change.value === undefined ? `remove label ${change.key}` : `label ${change.key}=${change.value}`,
				perform: () => ui.actions.setNodeLabel(node.ID, value),
				// The node list shows it once the watcher has read it again.
				settled: (snapshot) => {
					const labels = snapshot.nodes.get(node.ID)?.Spec?.Labels ?? {};
					return change.value === undefined ? !(change.key in labels) : labels[change.key] === change.value;
				},
			});
		},
	});
}
