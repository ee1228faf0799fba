// What an action will do, worked out before the operator confirms it. Pure: reads the
// model's snapshot, never the engine.
import type {ApiServiceSpec} from '../docker/types.js';
import {managerSummary} from './nodes.js';
import {changeLines, specChanges} from './specedit.js';
import type {ClusterSnapshot} from './snapshot.js';
import {serviceMode} from './services.js';

export type Impact = {lines: string[]; warnings: string[]; danger: boolean};

const hostnameOf = (snapshot: ClusterSnapshot, id: string) => snapshot.nodes.get(id)?.Description?.Hostname ?? id.slice(0, 12);

/** Tasks that must leave a node when it is drained, and why that could hurt. */
export function drainImpact(snapshot: ClusterSnapshot, nodeId: string): Impact {
	const lines: string[] = [];
	const warnings: string[] = [];
	for (const task of snapshot.tasks.values()) {
		if (task.NodeID !== nodeId || task.DesiredState !== 'running') continue;
		const service = snapshot.services.get(task.ServiceID ?? '');
		const name = service?.Spec?.Name ?? task.ServiceID?.slice(0, 12) ?? '?';
		const global = service ? serviceMode(service).startsWith('global') : false;
		lines.push(global ? `${name} (global): stops on this node` : `${name}.${task.Slot ?? '?'}: moves to another node`);
	}
	lines.sort();
	if (lines.length === 0) lines.push('no task runs there now');
	const node = snapshot.nodes.get(nodeId);
	const otherActive = [...snapshot.nodes.values()].filter(
		(n) => n.ID !== nodeId && (n.Spec?.Availability ?? 'active') === 'active' && n.Status?.State === 'ready',
	);
	if (otherActive.length === 0) warnings.push('no other node is active and ready: its tasks will have nowhere to go');
	if (node?.Spec?.Role === 'manager') warnings.push(`${hostnameOf(snapshot, nodeId)} is a manager: it stays one (raft is not affected), only its tasks leave`);
	return {lines, warnings, danger: otherActive.length === 0};
}

/** Demoting a manager: does a majority of reachable managers remain? */
export function demoteImpact(snapshot: ClusterSnapshot, nodeId: string): Impact {
	const {managers, reachable} = managerSummary(snapshot);
	const node = snapshot.nodes.get(nodeId);
	const isReachable = node?.ManagerStatus?.Leader || node?.ManagerStatus?.Reachability === 'reachable';
	const after = managers - 1;
	const reachableAfter = reachable - (isReachable ? 1 : 0);
	const majority = Math.floor(after / 2) + 1;
	const tolerates = (n: number) => Math.max(0, Math.floor((n - 1) / 2));
	const lines = [`managers: ${managers} -> ${after} (tolerates ${tolerates(managers)} -> ${tolerates(after)} failed)`];
	const warnings: string[] = [];
	let danger = false;
	if (after < 1) {
		warnings.push('this is the last manager: the swarm would have none');
		danger = true;
	} else if (reachableAfter < majority) {
		warnings.push(`only ${reachableAfter} of ${after} managers would be reachable, less than the majority of ${majority}: the swarm would lose quorum`);
		danger = true;
	} else if (tolerates(after) < tolerates(managers)) {
		warnings.push(`the swarm would tolerate ${tolerates(after)} failed manager${tolerates(after) === 1 ? '' : 's'} instead of ${tolerates(managers)}`);
	}
	return {lines, warnings, danger};
}

export function promoteImpact(snapshot: ClusterSnapshot): Impact {
	const {managers} = managerSummary(snapshot);
	const after = managers + 1;
	const warnings = after % 2 === 0 ? [`${after} managers tolerate no more failures than ${after - 1}; an odd number is better`] : [];
	return {lines: [`managers: ${managers} -> ${after}`], warnings, danger: false};
}

/** The short diff a rollback would apply: current spec -> previous spec. */
export function specDiff(current: ApiServiceSpec | undefined, previous: ApiServiceSpec | undefined, max = 12): string[] {
	// The same derivation as the edit's confirmation: field paths, set lists by item.
	const lines = changeLines(specChanges(current ?? {}, previous ?? {}));
	return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`] : lines;
}
