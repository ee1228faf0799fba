// Service operations: scale, update image, rollback, force restart, remove.
import type {SwarmWriter} from '../docker/client.js';
import type {ApiService, ApiServiceSpec} from '../docker/types.js';
import {serviceMode} from '../model/services.js';
import {describeFailure, readModifyWrite} from './apply.js';
import {ActionError, ReadOnlyError} from './errors.js';
import {parseImage, parseReplicas} from './validate.js';

export type ActionOptions = {readOnly: boolean};
export type Done = {message: string; warnings?: string[]};

const clone = <T>(value: T): T => structuredClone(value);

function writable(options: ActionOptions): void {
	if (options.readOnly) throw new ReadOnlyError();
}

function nameOf(service: ApiService): string {
	return service.Spec?.Name ?? service.ID.slice(0, 12);
}

/**
 * Applies `change` to the service's current spec (read-modify-write, one retry on
 * "out of sequence"); failures come back worded with the service's name.
 */
async function update(
	api: SwarmWriter,
	id: string,
	change: (spec: ApiServiceSpec, service: ApiService) => ApiServiceSpec,
	options: {rollback?: 'previous'} = {},
): Promise<ApiService> {
	let name = id;
	try {
		return await readModifyWrite(
			() => api.inspectService(id),
			async (service) => {
				name = nameOf(service);
				const spec = change(clone(service.Spec ?? {}), service);
				await api.updateService(id, service.Version?.Index ?? 0, spec, options);
			},
		);
	} catch (error) {
		throw describeFailure(name, error);
	}
}

export function canScale(service: ApiService): string | undefined {
	const mode = serviceMode(service);
	if (mode === 'replicated' || mode === 'replicated job') return undefined;
	return `${nameOf(service)} is a ${mode} service: it runs one task per node and cannot be scaled`;
}

export async function scaleService(api: SwarmWriter, options: ActionOptions, id: string, input: string): Promise<Done> {
	writable(options);
	const replicas = parseReplicas(input);
	if (replicas.error !== undefined) throw new ActionError(replicas.error);
	const service = await update(api, id, (spec, current) => {
		const refused = canScale(current);
		if (refused) throw new ActionError(refused);
		// As `docker service scale`: replicas, or a job's total completions.
		if (spec.Mode?.ReplicatedJob) spec.Mode.ReplicatedJob.TotalCompletions = replicas.value;
		else spec.Mode = {...spec.Mode, Replicated: {Replicas: replicas.value}};
		return spec;
	});
	return {message: `${nameOf(service)} scaled to ${replicas.value}`};
}

/** Pins the image's digest through the registry, like the docker CLI; falls back to the tag. */
async function resolveImage(api: SwarmWriter, image: string): Promise<{image: string; warning?: string}> {
	if (image.includes('@sha256:')) return {image};
	try {
		const digest = (await api.distribution(image)).Descriptor?.digest;
		if (digest) return {image: `${image}@${digest}`};
		return {image, warning: 'the registry gave no digest: using the tag as it is'};
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		return {image, warning: `could not pin a digest (${reason}): using the tag, as --no-resolve-image does`};
	}
}

export async function updateImage(api: SwarmWriter, options: ActionOptions, id: string, input: string): Promise<Done> {
	writable(options);
	const checked = parseImage(input);
	if (checked.error !== undefined) throw new ActionError(checked.error);
	const resolved = await resolveImage(api, checked.value);
	const service = await update(api, id, (spec) => {
		spec.TaskTemplate = {...spec.TaskTemplate, ContainerSpec: {...spec.TaskTemplate?.ContainerSpec, Image: resolved.image}};
		return spec;
	});
	return {message: `${nameOf(service)}: updating to ${checked.value}`, warnings: resolved.warning ? [resolved.warning] : undefined};
}

export async function rollbackService(api: SwarmWriter, options: ActionOptions, id: string): Promise<Done> {
	writable(options);
	// The engine restores PreviousSpec itself; the body is the current spec, as the CLI sends it.
	const service = await update(
		api,
		id,
		(spec, current) => {
			if (!current.PreviousSpec) throw new ActionError(`${nameOf(current)} has no previous spec to roll back to`);
			return spec;
		},
		{rollback: 'previous'},
	);
	return {message: `${nameOf(service)}: rolling back`};
}

export async function restartService(api: SwarmWriter, options: ActionOptions, id: string): Promise<Done> {
	writable(options);
	const service = await update(api, id, (spec) => {
		// ForceUpdate + 1 replaces every task even though nothing else changed.
		spec.TaskTemplate = {...spec.TaskTemplate, ForceUpdate: (spec.TaskTemplate?.ForceUpdate ?? 0) + 1};
		return spec;
	});
	return {message: `${nameOf(service)}: restarting all tasks`};
}

export async function removeService(api: SwarmWriter, options: ActionOptions, id: string, typedName: string): Promise<Done> {
	writable(options);
	let name = id;
	try {
		const service = await api.inspectService(id);
		name = nameOf(service);
		if (typedName.trim() !== name) throw new ActionError(`type the service name "${name}" to remove it`);
		await api.removeService(id);
		return {message: `${name} removed`};
	} catch (error) {
		throw describeFailure(name, error);
	}
}
