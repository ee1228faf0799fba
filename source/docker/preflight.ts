// First contact with the engine: is it there, is it a swarm manager?
import type {SwarmReader} from './client.js';
import {DockerError} from './errors.js';
import type {ApiInfo, ApiVersionInfo} from './types.js';

export type EngineIdentity = {info: ApiInfo; version: ApiVersionInfo};

export async function preflight(api: SwarmReader): Promise<EngineIdentity> {
	const where = api.endpoint.host;
	const [info, version] = await Promise.all([api.info(), api.version()]);
	const swarm = info.Swarm ?? {};
	const state = swarm.LocalNodeState ?? 'inactive';
	if (state === 'inactive' || state === '') {
		throw new DockerError(
			`the engine at ${where} is not part of a swarm: run "docker swarm init" there, or point swarmtui at a manager (--host or --context)`,
		);
	}
	if (state === 'locked') {
		throw new DockerError(`the swarm at ${where} is locked: unlock it with "docker swarm unlock"`);
	}
	if (state === 'pending') {
		throw new DockerError(`the engine at ${where} is still joining the swarm: try again in a moment`);
	}
	if (state === 'error') {
		throw new DockerError(`the engine at ${where} reports a swarm error: ${swarm.Error || 'unknown'}`);
	}
	if (!swarm.ControlAvailable) {
		throw new DockerError(
			`the engine at ${where} is a swarm worker, which cannot show cluster state: connect to a manager (docker node ls --filter role=manager on one lists them)`,
		);
	}
	return {info, version};
}
