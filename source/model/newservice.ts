// Specs for services that do not exist yet: `:new service`'s template (the fields an
// operator sets first, and commented hints for the next ones), and `c`'s copy of a
// service under a new name (without the stack's label: a `docker stack deploy --prune`
// of that stack would otherwise remove the copy as a stray).
import type {ApiServiceSpec} from '../docker/types.js';

export const stackLabel = 'com.docker.stack.namespace';

export function newServiceTemplate(image = 'nginx:alpine'): string {
	return [
		'# A new service. Set what it needs, then save and quit: the spec is shown',
		'# before anything is sent; quit without saving to create nothing.',
		'# Needed: Name and Image. Field names are the Engine API\'s, as',
		'# `docker service inspect` shows them; fields you do not need may go.',
		'Name: new-service',
		'TaskTemplate:',
		'  ContainerSpec:',
		`    Image: ${image}`,
		'    Env:',
		'      - LOG_LEVEL=info',
		'    # Command: [sh, -c, "exec my-server"]',
		'    # Mounts: [{Type: volume, Source: data, Target: /data}]',
		'    # Secrets:',
		'    #   - SecretName: db_password',
		'    #     SecretID: <its ID, from :secrets>',
		'    #     File: {Name: db_password, UID: "0", GID: "0", Mode: 292}',
		'  # Placement: {Constraints: [node.role==worker, node.labels.zone==a]}',
		'  # Resources: {Limits: {NanoCPUs: 500000000, MemoryBytes: 268435456}}',
		'  # RestartPolicy: {Condition: on-failure, MaxAttempts: 3}',
		'Mode:',
		'  Replicated:',
		'    Replicas: 1',
		'  # Global: {}   (instead of Replicated: one task on every node)',
		'# UpdateConfig: {Parallelism: 1, Delay: 10000000000, Order: start-first,',
		'#                FailureAction: rollback}',
		'EndpointSpec:',
		'  Ports:',
		'    - Protocol: tcp',
		'      TargetPort: 80',
		'      PublishedPort: 8080',
		'      PublishMode: ingress',
		'',
	].join('\n');
}

/** A copy of a service's spec under a new name, and what the operator should know about it. */
export function cloneSpec(spec: ApiServiceSpec, name: string): {spec: ApiServiceSpec; notes: string[]} {
	const copy = structuredClone(spec);
	copy.Name = name;
	const notes: string[] = [];
	const drop = (labels: Record<string, string> | undefined) => {
		if (!labels || !(stackLabel in labels)) return false;
		delete labels[stackLabel];
		return true;
	};
	const dropped = drop(copy.Labels);
	drop(copy.TaskTemplate?.ContainerSpec?.Labels);
	if (dropped) notes.push(`without the stack label ${stackLabel} (a stack deploy --prune would remove the copy)`);
	const published = (copy.EndpointSpec?.Ports ?? []).filter((port) => port.PublishedPort).map((port) => `${port.PublishedPort}/${port.Protocol ?? 'tcp'}`);
	if (published.length) notes.push(`published ports ${published.join(', ')} are ${spec.Name ?? 'the original'}'s: change or remove them (the engine refuses a port in use)`);
	return {spec: copy, notes};
}
