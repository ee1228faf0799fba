// Specs the operator edited in their editor, applied as a whole with the version they
// were read at: if the object changed meanwhile, the engine's "update out of sequence"
// comes back as what the other change did (with the object as it is now, so the edit
// can be carried onto it), and nothing of the edit is sent over it. New services are
// created from a spec the same way.
import type {SwarmWriter} from '../docker/client.js';
import type {ApiNode, ApiService, ApiServiceSpec} from '../docker/types.js';
import {plural} from '../model/format.js';
import {changeLines, specChanges} from '../model/specedit.js';
import {describeFailure, isOutOfSequence} from './apply.js';
import {ActionError, ReadOnlyError} from './errors.js';
import type {Done} from './service.js';

type Current = {kind: 'service'; object: ApiService} | {kind: 'node'; object: ApiNode};

export class ChangedMeanwhile extends ActionError {
	/** The object as it is now, and the other change as lines ("+ Labels.team: ops"). */
	constructor(
		readonly current: Current,
		readonly theirs: string[],
		name: string,
	) {
		super(`${name} changed while you edited it (not applied): ${theirs.slice(0, 3).join('; ')}${theirs.length > 3 ? `; and ${theirs.length - 3} more` : ''}`);
	}
}


export async function applySpec(api: SwarmWriter, readOnly: boolean, read: ApiService, spec: ApiServiceSpec): Promise<Done> {
	if (readOnly) throw new ReadOnlyError();
	const name = read.Spec?.Name ?? read.ID.slice(0, 12);
	try {
		const answer = await api.updateService(read.ID, read.Version?.Index ?? 0, spec);
		const warnings = answer?.Warnings?.filter(Boolean) ?? [];
		return {message: `${name}: spec updated (${plural(specChanges(read.Spec, spec).length, 'change')})`, ...(warnings.length ? {warnings} : {})};
	} catch (error) {
		if (!isOutOfSequence(error)) throw describeFailure(name, error);
		const current = await api.inspectService(read.ID);
		throw new ChangedMeanwhile({kind: 'service', object: current}, changeLines(specChanges(read.Spec, current.Spec)), name);
	}
}

export async function applyNodeSpec(api: SwarmWriter, readOnly: boolean, read: ApiNode, spec: NonNullable<ApiNode['Spec']>): Promise<Done> {
	if (readOnly) throw new ReadOnlyError();
	const name = read.Description?.Hostname ?? read.ID.slice(0, 12);
	try {
		await api.updateNode(read.ID, read.Version?.Index ?? 0, spec);
	} catch (error) {
		if (!isOutOfSequence(error)) throw describeFailure(name, error);
		const current = await api.inspectNode(read.ID);
		throw new ChangedMeanwhile({kind: 'node', object: current}, changeLines(specChanges(read.Spec, current.Spec)), name);
	}
	return {message: `${name}: spec updated (${plural(specChanges(read.Spec, spec).length, 'change')})`};
}

// The engine's rule for service names (and secrets and configs): letters, digits, and
// inner - _ . ; at most 63 characters.
const namePattern = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]*[a-zA-Z0-9])?$/;

export function checkObjectName(name: unknown, what: string): string | undefined {
	if (typeof name !== 'string' || !name) return `${what} needs a name`;
	if (name.length > 63) return `${what} name is at most 63 characters (got ${name.length})`;
	if (!namePattern.test(name)) return `${what} name "${name}" may hold only letters, digits and inner - _ . characters`;
	return undefined;
}

/** What a new service's spec lacks before the engine is asked (its name, its image). */
export function newServiceProblem(spec: ApiServiceSpec): string | undefined {
	return checkObjectName(spec.Name, 'a service') ?? (spec.TaskTemplate?.ContainerSpec?.Image ? undefined : 'a service needs TaskTemplate.ContainerSpec.Image');
}

export async function createService(api: SwarmWriter, readOnly: boolean, spec: ApiServiceSpec): Promise<Done & {id: string}> {
	if (readOnly) throw new ReadOnlyError();
	const problem = newServiceProblem(spec);
	if (problem) throw new ActionError(problem);
	const name = spec.Name as string;
	try {
		const answer = await api.createService(spec);
		const warnings = answer.Warnings?.filter(Boolean) ?? [];
		return {id: answer.ID, message: `${name}: service created (${answer.ID.slice(0, 12)})`, ...(warnings.length ? {warnings} : {})};
	} catch (error) {
		if (error instanceof Error && /already exists|name conflicts/i.test(error.message)) throw new ActionError(`${name}: a service of that name exists already`);
		throw describeFailure(name, error);
	}
}
