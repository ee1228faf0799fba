// Secrets and configs: create (from a file, or from text typed in a masked prompt),
// rotate (a new version, every service that used the old one switched to it with the
// same file name, owner and mode), and remove (refused while a service uses it). A
// secret's value is read here, sent to the engine, and never kept, shown or written.
import {readFileSync, statSync} from 'node:fs';
import type {SwarmWriter} from '../docker/client.js';
import type {ApiService} from '../docker/types.js';
import {switchReferences, type StoreKind} from '../model/rotation.js';
import {describeFailure, readModifyWrite} from './apply.js';
import {checkObjectName} from './edit.js';
import {ActionError, ReadOnlyError} from './errors.js';
import type {Done} from './service.js';

export type ObjectSource = {file: string} | {text: string};

// The engine's limit for a secret's or a config's data.
const maxBytes = 500 * 1024;
const singular = (kind: StoreKind) => (kind === 'secrets' ? 'secret' : 'config');

/** Why a path cannot be a secret's or config's value (not a file, empty, too big), checked when it is given. */
export function fileProblem(file: string): string | undefined {
	const path = file.trim();
	if (!path) return 'give a file\'s path';
	try {
		const stat = statSync(path);
		if (!stat.isFile()) return `${path} is not a file`;
		if (stat.size === 0) return `${path} is empty`;
		if (stat.size > maxBytes) return `${path} is ${Math.ceil(stat.size / 1024)} KB: the engine takes at most 500 KB`;
		return undefined;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT' ? `no file ${path}` : code === 'EACCES' ? `${path}: permission denied` : `${path}: ${(error as Error).message}`;
	}
}

/** The bytes a secret or config would hold, or why not. */
export function readSource(source: ObjectSource): Buffer {
	if ('text' in source) {
		if (!source.text) throw new ActionError('the value is empty');
		return Buffer.from(source.text, 'utf8');
	}
	const path = source.file.trim();
	const problem = fileProblem(path);
	if (problem) throw new ActionError(problem);
	try {
		return readFileSync(path);
	} catch (error) {
		throw new ActionError(`${path}: ${(error as Error).message}`);
	}
}

export async function createObject(api: SwarmWriter, readOnly: boolean, kind: StoreKind, name: string, source: ObjectSource): Promise<Done & {id: string}> {
	if (readOnly) throw new ReadOnlyError();
	const problem = checkObjectName(name, `a ${singular(kind)}`);
	if (problem) throw new ActionError(problem);
	const data = readSource(source);
	try {
		const {ID} = await api.createObject(kind, {Name: name, Data: data.toString('base64')});
		data.fill(0);
		return {id: ID, message: `${singular(kind)} ${name} created (${data.length} bytes)`};
	} catch (error) {
		data.fill(0);
		if (error instanceof Error && /already exists|name conflicts/i.test(error.message)) throw new ActionError(`a ${singular(kind)} named ${name} exists already`);
		throw describeFailure(`${singular(kind)} ${name}`, error);
	}
}

export type StoredObject = {id: string; name: string};

/**
 * Rotation: the new version is created, then each service that uses the old one is
 * switched to it (read-modify-write with its version: the same target file, uid, gid
 * and mode), which replaces its tasks. A failure part-way says which were switched.
 */
export async function rotateObject(
	api: SwarmWriter,
	readOnly: boolean,
	kind: StoreKind,
	old: StoredObject,
	newName: string,
	source: ObjectSource,
	serviceIds: readonly string[],
): Promise<Done & {id: string; switched: string[]}> {
	if (readOnly) throw new ReadOnlyError();
	const created = await createObject(api, readOnly, kind, newName, source);
	const fresh = {id: created.id, name: newName};
	const switched: string[] = [];
	for (const serviceId of serviceIds) {
		let name = serviceId.slice(0, 12);
		let changed = false;
		try {
			await readModifyWrite(
				() => api.inspectService(serviceId),
				async (service: ApiService) => {
					name = service.Spec?.Name ?? name;
					const spec = switchReferences(service.Spec ?? {}, kind, old, fresh);
					changed = spec !== service.Spec;
					// No longer uses it (changed meanwhile): nothing to switch.
					if (changed) await api.updateService(serviceId, service.Version?.Index ?? 0, spec);
				},
			);
			if (changed) switched.push(name);
		} catch (error) {
			const done = switched.length ? `; switched: ${switched.join(', ')}` : '';
			throw new ActionError(`${singular(kind)} ${newName} created, but ${describeFailure(name, error).message}${done}`);
		}
	}
	const to = switched.length ? `; ${switched.join(', ')} switched to it (their tasks are replaced)` : '; no service used the old one';
	return {id: created.id, switched, message: `${singular(kind)} ${newName} created${to}`};
}

export async function removeObject(api: SwarmWriter, readOnly: boolean, kind: StoreKind, object: StoredObject, usedBy: readonly string[]): Promise<Done> {
	if (readOnly) throw new ReadOnlyError();
	if (usedBy.length) throw new ActionError(`${singular(kind)} ${object.name} is used by ${usedBy.join(', ')}: switch them first (rotate) or remove them`);
	try {
		await api.removeObject(kind, object.id);
	} catch (error) {
		if (error instanceof Error && /in use/i.test(error.message)) throw new ActionError(`${singular(kind)} ${object.name}: ${error.message.replace(/^.*desc = /, '')}`);
		throw describeFailure(`${singular(kind)} ${object.name}`, error);
	}
	return {message: `${singular(kind)} ${object.name} removed`};
}
