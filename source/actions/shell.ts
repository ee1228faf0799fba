// A shell (or any command) in a task's container, on whichever node it runs: checked
// here (read-only mode, a running task with a container), then reached through the
// node's own engine (docker/nodes.ts). The terminal hand-over is the UI's.
import type {ExecSession, TerminalSize} from '../docker/exec.js';
import {type NodeConnections, type NodeRef, NodeUnreachable} from '../docker/nodes.js';
import type {ApiTask} from '../docker/types.js';
import {ActionError, ReadOnlyError} from './errors.js';

/** Tried in this order when no shell is set: the first the container has. */
export const shellCandidates = ['bash', 'ash', 'sh'] as const;

export type ShellTarget = {task: ApiTask; taskName: string; node: NodeRef};
/** command: what to run (:exec); else shell (the config's, as words); else the first shell the container has. */
export type ShellRequest = {command?: readonly string[]; shell?: readonly string[]; size: TerminalSize};
export type OpenedShell = {session: ExecSession; command: string[]; how: string; containerId: string; release(): void};

/** What stops a shell in this task, before anything is asked of the engine (undefined: nothing). */
export function shellRefusal(task: ApiTask | undefined, taskName: string, readOnly: boolean): string | undefined {
	if (readOnly) return new ReadOnlyError('a shell can change anything in the container').message;
	if (!task) return 'select a task first';
	const state = task.Status?.State ?? 'unknown';
	if (task.DesiredState !== 'running' || state !== 'running') return `${taskName} is not running (it is ${state}${task.DesiredState && task.DesiredState !== 'running' ? `, wanted ${task.DesiredState}` : ''}): a shell needs a running container`;
	if (!task.Status?.ContainerStatus?.ContainerID) return `${taskName} has no container yet`;
	return undefined;
}

export async function openShell(nodes: NodeConnections, readOnly: boolean, target: ShellTarget, request: ShellRequest): Promise<OpenedShell> {
	const refusal = shellRefusal(target.task, target.taskName, readOnly);
	if (refusal) throw new ActionError(refusal);
	const containerId = target.task.Status?.ContainerStatus?.ContainerID as string;
	let route;
	try {
		route = await nodes.acquire(target.node, containerId.slice(0, 12));
	} catch (error) {
		throw new ActionError(error instanceof NodeUnreachable ? error.message : `node ${target.node.hostname}: ${error instanceof Error ? error.message : String(error)}`);
	}
	try {
		let command = request.command ? [...request.command] : undefined;
		if (!command) {
			const shell = request.shell ? undefined : await route.api.findShell(containerId, shellCandidates);
			if (!request.shell && !shell) throw new ActionError(`no shell in ${target.taskName}'s container (tried ${shellCandidates.join(', ')}): set "shell" in the config file, or run a command with :exec`);
			command = request.shell ? [...request.shell] : [shell as string];
		}
		const session = await route.api.openExec(containerId, command, request.size);
		return {session, command, how: route.how, containerId, release: route.release};
	} catch (error) {
		route.release();
		if (error instanceof ActionError) throw error;
		throw new ActionError(`${target.taskName} on ${target.node.hostname}: ${error instanceof Error ? error.message : String(error)}`);
	}
}
