// `l` in the panes: the logs of a task, of the marked services, of a stack, or of the
// selected service.
import type {LogTarget} from '../../../docker/logfollow.js';
import {stackServices} from '../../../model/stacks.js';
import {selected} from '../panes/moves.js';
import type {Ui} from '../types.js';

export function startLogs(ui: Ui, targets: LogTarget[], title: string): string | void {
	const refused = ui.logs.start(targets, title);
	if (refused) return ui.say(refused, true);
	if (ui.nav.view().kind === 'logs') ui.nav.set((old) => ({...old, view: {kind: 'logs'}}));
	else ui.nav.go({kind: 'logs'});
}

export function openLogs(ui: Ui): string | void {
	const {nav, marked} = ui.panes.get();
	const snap = ui.cluster.get();
	const tty = (serviceId: string) => Boolean(snap.services.get(serviceId)?.Spec?.TaskTemplate?.ContainerSpec?.TTY);
	const serviceTarget = (id: string): LogTarget => ({kind: 'service', id, name: snap.services.get(id)?.Spec?.Name ?? id.slice(0, 12), tty: tty(id)});
	if (nav.focus === 'tasks') {
		const row = selected(ui, 'tasks');
		if (!row) return 'select a task first';
		const name = row.name.replace(/^ \\_ /, '');
		return startLogs(ui, [{kind: 'task', id: row.id, name, tty: tty(row.serviceId)}], `task ${name}`);
	}
	if (nav.focus !== 'services') return 'logs: select a service, a stack or a task';
	if (marked.size) {
		const ids = [...marked].filter((id) => snap.services.has(id));
		return startLogs(ui, ids.map(serviceTarget), ids.map((id) => snap.services.get(id)?.Spec?.Name ?? id).join(', '));
	}
	const row = selected(ui, 'services');
	if (!row) return 'select a service first';
	if (row.kind === 'stack') return startLogs(ui, stackServices(snap, row.name).map((s) => serviceTarget(s.ID)), `stack ${row.name}`);
	startLogs(ui, [serviceTarget(row.id)], row.name);
}
