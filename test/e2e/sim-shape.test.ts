// The benchmark's simulated engine must answer like the real one: the same fields, of
// the same types, where swarmtui reads them. Compared here with the lab swarm.
import {request} from 'node:http';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {SimEngine} from '../../bench/sim.js';
import {socket} from './lab.js';

const simSocket = `/tmp/swarmtui-sim-shape-${process.pid}.sock`;
const sim = new SimEngine({nodes: 3, services: 6, tasks: 30});

function get(path: string, via: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const req = request({socketPath: via, path, method: 'GET'}, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
		});
		req.on('error', reject);
		req.end();
	});
}

/** "Status.State: string", for every leaf down to `depth`. */
function shape(value: unknown, prefix = '', depth = 4, out = new Map<string, string>()): Map<string, string> {
	if (value && typeof value === 'object' && !Array.isArray(value) && depth > 0) {
		if (prefix) out.set(prefix, 'object');
		for (const [key, inner] of Object.entries(value)) shape(inner, prefix ? `${prefix}.${key}` : key, depth - 1, out);
	} else {
		out.set(prefix, Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
	}
	return out;
}

// What swarmtui reads (source/docker/types.ts), per collection.
const read: Record<string, string[]> = {
	'/nodes': ['ID', 'Version.Index', 'Spec.Role', 'Spec.Availability', 'Description.Hostname', 'Description.Engine.EngineVersion', 'Status.State', 'Status.Addr'],
	'/services?status=true': ['ID', 'Version.Index', 'Spec.Name', 'Spec.Labels', 'Spec.TaskTemplate.ContainerSpec.Image', 'Spec.Mode.Replicated.Replicas', 'ServiceStatus.RunningTasks', 'ServiceStatus.DesiredTasks'],
	'/tasks': ['ID', 'Version.Index', 'CreatedAt', 'ServiceID', 'Slot', 'NodeID', 'DesiredState', 'Status.State', 'Status.Timestamp', 'Status.ContainerStatus.ExitCode', 'Spec.ContainerSpec.Image'],
	'/info': ['Swarm.NodeID', 'Swarm.LocalNodeState', 'Swarm.ControlAvailable', 'Swarm.Cluster.ID', 'ServerVersion'],
	'/version': ['Version', 'ApiVersion'],
};

beforeAll(() => sim.listen(simSocket));
afterAll(() => sim.close());

describe('the simulated engine answers like the lab swarm', () => {
	for (const [path, fields] of Object.entries(read)) {
		it(path, async () => {
			const real = await get(`/v1.41${path}`, socket(1));
			const fake = await get(`/v1.41${path}`, simSocket);
			// The fullest item of each list (a running replicated task, a service with update config).
			const first = (v: unknown) =>
				Array.isArray(v) ? v.filter((x: {Slot?: number}) => path !== '/tasks' || x.Slot).reduce((a, b) => (shape(b).size > shape(a).size ? b : a)) : v;
			const realShape = shape(first(real));
			const fakeShape = shape(first(fake));
			for (const field of fields) {
				expect(realShape.get(field), `lab ${path} ${field}`).toBeDefined();
				expect(fakeShape.get(field), `sim ${path} ${field}`).toBe(realShape.get(field));
			}
			// The simulator invents no top-level field the engine does not have.
			const top = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.split('.')[0]));
			const realTop = top(realShape);
			for (const key of top(fakeShape)) if (!['ManagerStatus', 'UpdateStatus', 'PreviousSpec'].includes(key ?? '')) expect(realTop.has(key), `${path}: ${key}`).toBe(true);
		});
	}
});
