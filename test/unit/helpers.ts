import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {ApiInfo, ApiNode, ApiService, ApiTask} from '../../source/docker/types.js';
import {ClusterStore} from '../../source/model/store.js';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8')) as T;

/** Real answers captured from the lab swarm (3 nodes, shop stack, monitor, crashy). */
export const lab = {
	nodes: fixture<ApiNode[]>('lab-nodes.json'),
	services: fixture<ApiService[]>('lab-services.json'),
	tasks: fixture<ApiTask[]>('lab-tasks.json'),
	info: fixture<ApiInfo>('lab-info.json'),
};

export function labStore(): ClusterStore {
	const store = new ClusterStore();
	store.setIdentity(lab.info);
	store.setNodes(lab.nodes);
	store.setServices(lab.services);
	store.setTasks(lab.tasks);
	return store;
}

export const serviceId = (name: string): string => {
	const service = lab.services.find((s) => s.Spec?.Name === name);
	if (!service) throw new Error(`no ${name} in fixture`);
	return service.ID;
};
