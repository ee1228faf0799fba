// The operations the UI can ask for, bound to one engine and the --read-only flag.
import type {SwarmWriter} from '../docker/client.js';
import type {NodeConnections} from '../docker/nodes.js';
import type {ApiNode, ApiService, ApiServiceSpec} from '../docker/types.js';
import type {StoreKind} from '../model/rotation.js';
import {type Availability, type Role, setAvailability, setNodeLabel, setRole} from './node.js';
import {applyNodeSpec, applySpec, checkObjectName, createService, newServiceProblem} from './edit.js';
import {createObject, fileProblem, type ObjectSource, removeObject, rotateObject, type StoredObject} from './objects.js';
import {saveLines} from './savelogs.js';
import {type OpenedShell, openShell, type ShellRequest, type ShellTarget} from './shell.js';
import {type Done, removeService, restartService, rollbackService, scaleService, updateImage} from './service.js';

export type Actions = {
	readOnly: boolean;
	scale(serviceId: string, replicas: string): Promise<Done>;
	updateImage(serviceId: string, image: string): Promise<Done>;
	rollback(serviceId: string): Promise<Done>;
	restart(serviceId: string): Promise<Done>;
	remove(serviceId: string, typedName: string): Promise<Done>;
	setAvailability(nodeId: string, availability: Availability): Promise<Done>;
	setRole(nodeId: string, role: Role): Promise<Done>;
	/** `key=value` adds or changes a node label, `-key` removes it. */
	setNodeLabel(nodeId: string, input: string): Promise<Done>;
	/** Writes lines to a new file (allowed in read-only mode: the swarm is not touched). */
	saveLogs(path: string, lines: readonly string[]): Promise<Done>;
	/** The service's whole spec as the operator edited it, with the version it was read at. */
	applySpec(read: ApiService, spec: ApiServiceSpec): Promise<Done>;
	/** A node's spec (labels, role, availability) as the operator edited it, with the version it was read at. */
	applyNodeSpec(read: ApiNode, spec: NonNullable<ApiNode['Spec']>): Promise<Done>;
	/** What a new service's spec lacks (its name, its image), checked before the engine is asked. */
	newServiceProblem(spec: ApiServiceSpec): string | undefined;
	createService(spec: ApiServiceSpec): Promise<Done>;
	/** A secret or config from a file or typed text (the value is never kept). */
	createObject(kind: StoreKind, name: string, source: ObjectSource): Promise<Done>;
	/** A new version, and every service using the old one switched to it. */
	rotateObject(kind: StoreKind, old: StoredObject, newName: string, source: ObjectSource, serviceIds: readonly string[]): Promise<Done>;
	/** Why a file cannot be a secret's or config's value (checked when its path is given). */
	fileProblem(path: string): string | undefined;
	/** Why a name cannot be a service's, secret's or config's ("a secret", "a service"…). */
	nameProblem(name: string, what: string): string | undefined;
	/** Refused while services use it (usedBy: their names). */
	removeObject(kind: StoreKind, object: StoredObject, usedBy: readonly string[]): Promise<Done>;
	/** A command on a TTY in a task's container, on its node (refused in read-only mode). */
	openShell(target: ShellTarget, request: ShellRequest): Promise<OpenedShell>;
};

export function createActions(api: SwarmWriter, readOnly: boolean, nodes?: NodeConnections): Actions {
	const options = {readOnly};
	return {
		readOnly,
		scale: (id, replicas) => scaleService(api, options, id, replicas),
		updateImage: (id, image) => updateImage(api, options, id, image),
		rollback: (id) => rollbackService(api, options, id),
		restart: (id) => restartService(api, options, id),
		remove: (id, typed) => removeService(api, options, id, typed),
		setAvailability: (id, availability) => setAvailability(api, options, id, availability),
		setRole: (id, role) => setRole(api, options, id, role),
		setNodeLabel: (id, input) => setNodeLabel(api, options, id, input),
		saveLogs: async (path, lines) => ({message: `saved ${lines.length} lines to ${saveLines(path, lines)}`}),
		applySpec: (read, spec) => applySpec(api, readOnly, read, spec),
		applyNodeSpec: (read, spec) => applyNodeSpec(api, readOnly, read, spec),
		newServiceProblem,
		fileProblem,
		nameProblem: checkObjectName,
		createService: (spec) => createService(api, readOnly, spec),
		createObject: (kind, name, source) => createObject(api, readOnly, kind, name, source),
		rotateObject: (kind, old, name, source, ids) => rotateObject(api, readOnly, kind, old, name, source, ids),
		removeObject: (kind, object, usedBy) => removeObject(api, readOnly, kind, object, usedBy),
		openShell: async (target, request) => {
			if (!nodes) throw new ActionError('no way to reach the nodes\' engines here');
			return openShell(nodes, readOnly, target, request);
		},
	};
}

export type {Availability, Done, Role};
export type {OpenedShell, ShellRequest, ShellTarget};
export type {ObjectSource, StoredObject};
export {ChangedMeanwhile} from './edit.js';
export {shellCandidates, shellRefusal} from './shell.js';
export {parseLabelChange} from './node.js';
import {ActionError} from './errors.js';
export {ActionError, ReadOnlyError} from './errors.js';
