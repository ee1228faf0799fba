// A service spec edited by the operator, applied as a whole with the version it was
// read at: if the service changed meanwhile, the engine's "update out of sequence"
// comes back as what the other change did, and nothing of the edit is sent over it.
import type {SwarmWriter} from '../docker/client.js';
import type {ApiService, ApiServiceSpec} from '../docker/types.js';
import {changeLines, specChanges} from '../model/specedit.js';
import {describeFailure, isOutOfSequence} from './apply.js';
import {ActionError, ReadOnlyError} from './errors.js';
import type {Done} from './service.js';

export class ChangedMeanwhile extends ActionError {
	constructor(current: ApiService, theirs: string[]) {
		const name = current.Spec?.Name ?? current.ID.slice(0, 12);
		super(`${name} changed while you edited it (not applied): ${theirs.slice(0, 3).join('; ')}${theirs.length > 3 ? `; and ${theirs.length - 3} more` : ''}`);
	}
}

export async function applySpec(api: SwarmWriter, readOnly: boolean, read: ApiService, spec: ApiServiceSpec): Promise<Done> {
	if (readOnly) throw new ReadOnlyError();
	const name = read.Spec?.Name ?? read.ID.slice(0, 12);
	try {
		await api.updateService(read.ID, read.Version?.Index ?? 0, spec);
	} catch (error) {
		if (!isOutOfSequence(error)) throw describeFailure(name, error);
		const current = await api.inspectService(read.ID);
		throw new ChangedMeanwhile(current, changeLines(specChanges(read.Spec, current.Spec)));
	}
	const changes = specChanges(read.Spec, spec).length;
	return {message: `${name}: spec updated (${changes} change${changes === 1 ? '' : 's'})`};
}
