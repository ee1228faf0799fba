// `E` and `:exec`: a shell (or a command) in the selected task's container, or in a
// running task of the selected service (several: the operator picks slot@node). The
// terminal is handed over for the session (sessions/terminal.ts, sessions/shell.ts);
// afterwards the operator is where they were, and the footer and the activity list say
// what ran, where, for how long and how it ended.
import {shellRefusal} from '../../../actions/index.js';
import {humanDuration} from '../../../model/format.js';
import {runningShellTargets, shellTarget, type ShellTarget} from '../../../model/shell.js';
import {attachTerminal, terminalSize} from '../../sessions/shell.js';
import type {Ui} from '../types.js';
import {selected} from './moves.js';

export function shellHere(ui: Ui, command?: string[]): string | void {
	const pane = ui.panes.get().nav.focus;
	const snapshot = ui.cluster.get();
	if (pane === 'tasks') {
		const row = selected(ui, 'tasks');
		const target = row ? shellTarget(snapshot, row.id) : undefined;
		if (!target) return 'select a task first';
		return start(ui, target, command);
	}
	if (pane === 'services') {
		const row = selected(ui, 'services');
		if (!row) return 'select a service first';
		if (row.kind === 'stack') return `select a service: this row is the stack ${row.name}`;
		const targets = runningShellTargets(snapshot, row.id);
		if (targets.length === 0) return `${row.name} has no running task to open a shell in`;
		if (targets.length === 1) return start(ui, targets[0] as ShellTarget, command);
		const choices = targets.map((t) => t.choice);
		const pick = (value: string) => targets.find((t) => t.choice === value.trim() || String(t.task.Slot ?? '') === value.trim() || t.node.hostname === value.trim());
		ui.dialog.set({
			kind: 'prompt',
			title: `${command ? command.join(' ') : 'shell'} in which task of ${row.name}? (slot@node)`,
			value: choices[0] as string,
			fresh: true,
			check: (value) => (pick(value) ? undefined : `one of: ${choices.join('  ')}`),
			hint: () => choices.join('  '),
			complete: (value) => choices.find((c) => c.startsWith(value.trim())) ?? value,
			submit: (value) => {
				const target = pick(value);
				if (target) {
					const refusal = start(ui, target, command);
					if (refusal) ui.say(refusal, true);
				}
			},
		});
		return;
	}
	return 'select a task or a service: a shell runs in a task\'s container';
}

function start(ui: Ui, target: ShellTarget, command: string[] | undefined): string | void {
	const refusal = shellRefusal(target.task, target.taskName, ui.readOnly);
	if (refusal) return refusal;
	const handOver = ui.handOver;
	if (!handOver) return 'this screen cannot hand the terminal over';
	const where = target.where;
	const what = command ? command.join(' ') : 'a shell';
	ui.say(`opening ${what} in ${where}…`);
	const entry = ui.activity.add({source: 'action', target: target.taskName, text: `${what} in ${where}: connecting`, outcome: 'pending'});
	void (async () => {
		let opened;
		try {
			opened = await ui.actions.openShell({task: target.task, taskName: target.taskName, node: target.node}, {command, shell: ui.shell, size: terminalSize()});
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			ui.activity.settle(entry, 'error', message);
			ui.say(message, true);
			return;
		}
		const began = Date.now();
		let detached = false;
		let failure: string | undefined;
		try {
			({detached} = await handOver(() => attachTerminal(opened.session)));
		} catch (error) {
			failure = error instanceof Error ? error.message : String(error);
		} finally {
			opened.release();
		}
		const code = detached || failure ? undefined : await opened.session.exitCode();
		const ending = failure ?? (detached ? 'detached' : `exit ${code ?? 'unknown'}`);
		const took = humanDuration(Date.now() - began).toLowerCase();
		const ok = detached || code === 0;
		// The activity list has the route too; the footer, what the operator looks for.
		ui.activity.settle(entry, ok ? 'ok' : 'error', `${opened.command.join(' ')} in ${where} (${opened.how}), ${took}: ${ending}`);
		ui.say(`${opened.command.join(' ')} in ${where}: ${ending}, ${took}`, !ok);
	})();
}
