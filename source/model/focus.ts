// The watcher's focus: which tasks are on screen, so that on a large cluster just those
// are read often. A selection (a service, a stack, a node) or an open rollout.
import type {ClusterSnapshot} from './snapshot.js';
import {stackServices} from './stacks.js';

export type Focus = {kind: 'service'; id: string} | {kind: 'node'; id: string} | {kind: 'stack'; name: string};
export type TaskFilter = {service?: string[]; node?: string[]};

/** A stable key for a focus (the watcher is told again only when it changes). */
export const focusKey = (focus: Focus | undefined): string => (!focus ? '' : focus.kind === 'stack' ? `stack:${focus.name}` : `${focus.kind}:${focus.id}`);

/** The task filter a focus asks the engine for. */
export function focusFilter(snapshot: Pick<ClusterSnapshot, 'services'>, focus: Focus | undefined): TaskFilter | undefined {
	if (!focus) return undefined;
	if (focus.kind === 'service') return {service: [focus.id]};
	if (focus.kind === 'node') return {node: [focus.id]};
	return {service: stackServices(snapshot, focus.name).map((s) => s.ID)};
}
