// Node operations: availability (active / pause / drain) and role (promote / demote).
import type {SwarmWriter} from '../docker/client.js';
import type {ApiNode} from '../docker/types.js';
import {describeFailure, readModifyWrite} from './apply.js';
import {ActionError, ReadOnlyError} from './errors.js';
import type {ActionOptions, Done} from './service.js';

export type Availability = 'active' | 'pause' | 'drain';
export type Role = 'manager' | 'worker';

const hostname = (node: ApiNode) => node.Description?.Hostname ?? node.ID.slice(0, 12);

async function changeNode(
	api: SwarmWriter,
	options: ActionOptions,
	id: string,
	change: (node: ApiNode) => NonNullable<ApiNode['Spec']>,
): Promise<ApiNode> {
	if (options.readOnly) throw new ReadOnlyError();
	let name = id;
	try {
		return await readModifyWrite(
			() => api.inspectNode(id),
			async (node) => {
				name = hostname(node);
				await api.updateNode(id, node.Version?.Index ?? 0, change(node));
			},
		);
	} catch (error) {
		throw describeFailure(name, error);
	}
}

export async function setAvailability(api: SwarmWriter, options: ActionOptions, id: string, availability: Availability): Promise<Done> {
	const node = await changeNode(api, options, id, (current) => ({...current.Spec, Availability: availability}));
	const verb = {active: 'activated', pause: 'paused', drain: 'draining'}[availability];
	return {message: `${hostname(node)} ${verb}`};
}

export async function setRole(api: SwarmWriter, options: ActionOptions, id: string, role: Role): Promise<Done> {
	const node = await changeNode(api, options, id, (current) => {
		if (current.Spec?.Role === role) throw new ActionError(`${hostname(current)} is already a ${role}`);
		return {...current.Spec, Role: role};
	});
	return {message: `${hostname(node)} ${role === 'manager' ? 'promoted to manager' : 'demoted to worker'}`};
}

export type LabelChange = {key: string; value?: string};

/** `key=value` sets a label, `-key` removes one; anything else is an error in words. */
export function parseLabelChange(input: string): LabelChange | {error: string} {
	const text = input.trim();
	if (text.startsWith('-')) {
		const key = text.slice(1).trim();
		return key && !/[\s=]/.test(key) ? {key} : {error: 'to remove a label: -key (no spaces, no =)'};
	}
	const at = text.indexOf('=');
	if (at <= 0) return {error: 'key=value to add or change a label, -key to remove one'};
	const key = text.slice(0, at).trim();
	if (/\s/.test(key)) return {error: `a label key has no spaces (got "${key}")`};
	return {key, value: text.slice(at + 1)};
}

export async function setNodeLabel(api: SwarmWriter, options: ActionOptions, id: string, input: string): Promise<Done> {
	const change = parseLabelChange(input);
	if ('error' in change) throw new ActionError(change.error);
	const node = await changeNode(api, options, id, (current) => {
		const labels = {...(current.Spec?.Labels ?? {})};
		if (change.value === undefined) {
			if (!(change.key in labels)) throw new ActionError(`${hostname(current)} has no label ${change.key}`);
			delete labels[change.key];
		} else labels[change.key] = change.value;
		return {...current.Spec, Labels: labels};
	});
	return {message: change.value === undefined ? `${hostname(node)}: label ${change.key} removed` : `${hostname(node)}: label ${change.key}=${change.value} set`};
}
