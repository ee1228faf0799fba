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
