// Stacks: the label `docker stack deploy` puts on each service, and the lookups from a
// stack to its services (the panes, logs of a stack, the watcher's focus use them).
import type {ApiService} from '../docker/types.js';
import type {ClusterSnapshot} from './snapshot.js';

export const stackLabel = 'com.docker.stack.namespace';

export function serviceStack(service: ApiService): string | undefined {
	return service.Spec?.Labels?.[stackLabel] || undefined;
}

/** The services of a stack, in the snapshot's order. */
export function stackServices(snapshot: Pick<ClusterSnapshot, 'services'>, stack: string): ApiService[] {
	return [...snapshot.services.values()].filter((service) => serviceStack(service) === stack);
}
