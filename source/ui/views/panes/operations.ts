// What each action key opens: the prompt or confirmation for the selected service or
// node, worked out from the snapshot. Confirmed work goes to `run`, which calls the
// actions layer (the only place that changes the swarm).
import type {Actions, Done} from '../../../actions/index.js';
import {demoteImpact, drainImpact, promoteImpact, specDiff} from '../../../model/plan.js';
import {canScale} from '../../../actions/service.js';
import {parseImage, parseReplicas} from '../../../actions/validate.js';
import type {ApiNode, ApiService} from '../../../docker/types.js';
import {shortImage} from '../../../model/format.js';
import type {RolloutKind} from '../../../model/rollout.js';
import {countTasks, serviceRow} from '../../../model/services.js';
import type {ClusterSnapshot} from '../../../model/snapshot.js';
import type {Dialog} from '../../dialog.js';
import type {FooterMessage} from '../../sessions/messages.js';

export type Job = {
	target: string;
	label: string;
	perform: () => Promise<Done>;
	rollout?: {kind: RolloutKind; targetId: string};
	/**
	 * Whether the engine shows the change yet. The API answers a node update before the
	 * cluster shows it (a demotion took ~6 s to reach the node list): until this holds,
	 * the action is "under way", not "done".
	 */
	settled?: (snapshot: ClusterSnapshot) => boolean;
};

export type Outcome = {dialog?: Dialog; message?: FooterMessage};

export type OperationContext = {snapshot: ClusterSnapshot; actions: Actions; run: (job: Job) => void};

export const serviceKeys = ['scale', 'update', 'rollback', 'restart', 'remove'] as const;
export const nodeKeys = ['drain', 'activate', 'pause', 'promote', 'demote'] as const;
export type ServiceKey = (typeof serviceKeys)[number];
export type NodeKey = (typeof nodeKeys)[number];

const readOnly: Outcome = {message: {text: 'read-only mode: nothing can be changed', error: true}};

export function serviceOperation(ctx: OperationContext, key: ServiceKey, service: ApiService): Outcome {
	if (ctx.actions.readOnly) return readOnly;
	const {actions, run} = ctx;
	const name = service.Spec?.Name ?? service.ID.slice(0, 12);
	const row = serviceRow(service, countTasks(ctx.snapshot.tasks, ctx.snapshot.nodes));
	switch (key) {
		case 'scale': {
			const refused = canScale(service);
			if (refused) return {message: {text: refused, error: true}};
			const current = row.desired;
			const scale = (value: string) =>
				run({target: name, label: `scale to ${value.trim()}`, perform: () => actions.scale(service.ID, value), rollout: {kind: 'scale', targetId: service.ID}});
			return {
				dialog: {
					kind: 'prompt',
					title: `Scale ${name} (now ${current} replica${current === 1 ? '' : 's'})`,
					value: String(current),
					fresh: true,
					check: (value) => parseReplicas(value).error,
					submit: (value) => {
						const target = parseReplicas(value).value ?? 0;
						const yes = () => scale(value);
						if (target === 0 && current > 0) return {kind: 'confirm', title: `Scale ${name} to 0?`, lines: ['every task of the service stops'], yes};
						if (target > Math.max(current, 1) * 10) return {kind: 'confirm', title: `Scale ${name} from ${current} to ${target}?`, lines: ['that is more than 10 times as many'], yes};
						scale(value);
					},
				},
			};
		}
		case 'update':
			return {
				dialog: {
					kind: 'prompt',
					title: `Update the image of ${name} (rolling update, its own update config)`,
					value: shortImage(service.Spec?.TaskTemplate?.ContainerSpec?.Image),
					fresh: false,
					check: (value) => parseImage(value).error,
					submit: (value) =>
						run({target: name, label: `image ${value.trim()}`, perform: () => actions.updateImage(service.ID, value), rollout: {kind: 'update', targetId: service.ID}}),
				},
			};
		case 'rollback': {
			if (!service.PreviousSpec) return {message: {text: `${name} has no previous spec to roll back to`, error: true}};
			const diff = specDiff(service.Spec, service.PreviousSpec);
			return {
				dialog: {
					kind: 'confirm',
					title: `Roll back ${name} to its previous spec?`,
					lines: diff.length ? diff : ['(the previous spec is the same as the current one)'],
					yes: () => run({target: name, label: 'rollback', perform: () => actions.rollback(service.ID), rollout: {kind: 'rollback', targetId: service.ID}}),
				},
			};
		}
		case 'restart':
			return {
				dialog: {
					kind: 'confirm',
					title: `Restart every task of ${name}?`,
					lines: [`force update: all ${row.desired} task${row.desired === 1 ? '' : 's'} replaced per the update config`],
					yes: () => run({target: name, label: 'force restart', perform: () => actions.restart(service.ID), rollout: {kind: 'restart', targetId: service.ID}}),
				},
			};
		case 'remove':
			return {
				dialog: {
					kind: 'type',
					title: `Remove ${name}?`,
					lines: [`its ${row.running} running task${row.running === 1 ? '' : 's'} stop and the service is deleted`],
					expected: name,
					value: '',
					yes: () => run({target: name, label: 'remove', perform: () => actions.remove(service.ID, name)}),
				},
			};
	}
}

export function nodeOperation(ctx: OperationContext, key: NodeKey, node: ApiNode): Outcome {
	if (ctx.actions.readOnly) return readOnly;
	const {actions, run, snapshot} = ctx;
	const host = node.Description?.Hostname ?? node.ID.slice(0, 12);
	const availability = (value: 'active' | 'pause' | 'drain') => () =>
		run({
			target: host,
			label: value === 'active' ? 'activate' : value,
			perform: () => actions.setAvailability(node.ID, value),
			rollout: value === 'drain' ? {kind: 'drain', targetId: node.ID} : undefined,
			settled: (s) => s.nodes.get(node.ID)?.Spec?.Availability === value,
		});
	switch (key) {
		case 'drain': {
			if (node.Spec?.Availability === 'drain') return {message: {text: `${host} is already drained`}};
			const impact = drainImpact(snapshot, node.ID);
			const title = `Drain ${host}? Its tasks stop and are rescheduled elsewhere:`;
			if (impact.danger) return {dialog: {kind: 'type', title, lines: impact.lines, warnings: impact.warnings, expected: host, value: '', yes: availability('drain')}};
			return {dialog: {kind: 'confirm', title, lines: impact.lines, warnings: impact.warnings, yes: availability('drain')}};
		}
		case 'activate':
			if ((node.Spec?.Availability ?? 'active') === 'active') return {message: {text: `${host} is already active`}};
			return {dialog: {kind: 'confirm', title: `Activate ${host}?`, lines: ['new tasks may be scheduled on it again'], yes: availability('active')}};
		case 'pause':
			if (node.Spec?.Availability === 'pause') return {message: {text: `${host} is already paused`}};
			return {dialog: {kind: 'confirm', title: `Pause ${host}?`, lines: ['no new task is scheduled on it; running tasks stay'], yes: availability('pause')}};
		case 'promote': {
			if (node.Spec?.Role === 'manager') return {message: {text: `${host} is already a manager`}};
			const impact = promoteImpact(snapshot);
			const yes = () => run({target: host, label: 'promote', perform: () => actions.setRole(node.ID, 'manager'), settled: (s) => Boolean(s.nodes.get(node.ID)?.ManagerStatus)});
			return {dialog: {kind: 'confirm', title: `Promote ${host} to manager?`, lines: impact.lines, warnings: impact.warnings, yes}};
		}
		case 'demote': {
			if (node.Spec?.Role !== 'manager') return {message: {text: `${host} is not a manager`}};
			const impact = demoteImpact(snapshot, node.ID);
			const yes = () => run({target: host, label: 'demote', perform: () => actions.setRole(node.ID, 'worker'), settled: (s) => !s.nodes.get(node.ID)?.ManagerStatus && s.nodes.get(node.ID)?.Spec?.Role === 'worker'});
			const title = `Demote ${host} to worker?`;
			if (impact.danger) return {dialog: {kind: 'type', title, lines: impact.lines, warnings: impact.warnings, expected: host, value: '', yes}};
			return {dialog: {kind: 'confirm', title, lines: impact.lines, warnings: impact.warnings, yes}};
		}
	}
}

/** What an operation key leads to, on screen: its message, its dialog. */
export function showOutcome(ui: {say: (text: string, error?: boolean) => void; dialog: {set: (dialog: Dialog) => void}}, outcome: Outcome): void {
	if (outcome.message) ui.say(outcome.message.text, outcome.message.error);
	if (outcome.dialog) ui.dialog.set(outcome.dialog);
}

/** The operations' context for a screen: the cluster now, the actions, the runner. */
export const operationContext = (ui: {cluster: {get: () => ClusterSnapshot}; actions: Actions; runner: {run: (job: Job) => void}}): OperationContext => ({snapshot: ui.cluster.get(), actions: ui.actions, run: ui.runner.run});
