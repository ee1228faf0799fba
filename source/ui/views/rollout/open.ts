// `o` and `:rollout`: the selected service's update or rollback (whoever started it),
// else one in progress, else this session's last.
import {rolloutsInProgress} from '../../../model/rollout.js';
import {selected} from '../panes/moves.js';
import type {Ui} from '../types.js';

export function openRollout(ui: Ui): string | void {
	const snap = ui.cluster.get();
	const pane = ui.panes.get().nav.focus;
	let chosen: string | undefined;
	if (ui.nav.view().kind === 'panes') {
		if (pane === 'services') {
			const row = selected(ui, 'services');
			if (row?.kind === 'service') chosen = row.id;
		} else if (pane === 'tasks') chosen = selected(ui, 'tasks')?.serviceId;
	}
	const withUpdate = chosen && snap.services.get(chosen)?.UpdateStatus ? chosen : undefined;
	const serviceId = withUpdate ?? rolloutsInProgress(snap)[0]?.ID;
	if (serviceId) return ui.nav.go({kind: 'rollout', id: ui.rollouts.openService(serviceId).id});
	const all = ui.rollouts.get();
	const latest = ui.rollouts.running().at(-1) ?? all.at(-1);
	if (!latest) return 'no update or rollback in progress, and no rollout this session';
	ui.nav.go({kind: 'rollout', id: latest.id});
}
