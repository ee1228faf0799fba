// "Why is this task pending?": for each node, which placement rule of the service it
// fails — constraints, platform, reserved CPU and memory against what the node has
// left, and max replicas per node — worked out from the specs, beside the engine's
// own error text.
import type {ApiNode, ApiService} from '../docker/types.js';
import {list, num, record, str} from './coerce.js';
import type {ClusterSnapshot} from './snapshot.js';

export type NodeVerdict = {node: string; fits: boolean; reasons: string[]};

type Reservation = {cpu: number; memory: number};

function reservation(service: ApiService | undefined): Reservation {
	const reservations = record(record(record(service?.Spec?.TaskTemplate)['Resources'])['Reservations']);
	return {cpu: num(reservations['NanoCPUs']) ?? 0, memory: num(reservations['MemoryBytes']) ?? 0};
}

/** The value a constraint's left side names on a node. */
function nodeValue(node: ApiNode, key: string): string | undefined {
	const spec = record(node.Spec);
	const description = record(node.Description);
	if (key === 'node.id') return node.ID;
	if (key === 'node.hostname') return str(description['Hostname']);
	if (key === 'node.role') return str(spec['Role']);
	if (key === 'node.platform.os') return str(record(description['Platform'])['OS']);
	if (key === 'node.platform.arch') return str(record(description['Platform'])['Architecture']);
	if (key.startsWith('node.labels.')) return str(record(spec['Labels'])[key.slice('node.labels.'.length)]);
	if (key.startsWith('engine.labels.')) return str(record(record(description['Engine'])['Labels'])[key.slice('engine.labels.'.length)]);
	return undefined;
}

export function checkConstraint(node: ApiNode, constraint: string): string | undefined {
	const match = /^\s*([\w.-]+)\s*(==|!=)\s*(.*?)\s*$/.exec(constraint);
	if (!match) return `cannot read constraint "${constraint}"`;
	const [, key = '', op, expected = ''] = match;
	const actual = nodeValue(node, key);
	const equal = actual !== undefined && actual.toLowerCase() === expected.toLowerCase();
	if (op === '==' && !equal) return `${constraint} (it has ${actual === undefined ? 'none' : actual})`;
	if (op === '!=' && equal) return constraint;
	return undefined;
}

const gib = (bytes: number) => `${(bytes / (1 << 30)).toFixed(1)} GiB`;

export function whyPending(snapshot: ClusterSnapshot, serviceId: string): NodeVerdict[] {
	const service = snapshot.services.get(serviceId);
	if (!service) return [];
	const template = record(service.Spec?.TaskTemplate);
	const placement = record(template['Placement']);
	const constraints = list<string>(placement['Constraints']).filter((c) => typeof c === 'string');
	const platforms = list<Record<string, unknown>>(placement['Platforms']);
	const maxReplicas = num(placement['MaxReplicas']) ?? 0;
	const wanted = reservation(service);
	// What the running tasks already reserve on each node, and this service's tasks there.
	const reserved = new Map<string, Reservation>();
	const mine = new Map<string, number>();
	for (const task of snapshot.tasks.values()) {
		if (task.DesiredState !== 'running' || !task.NodeID) continue;
		const r = reservation(snapshot.services.get(task.ServiceID ?? ''));
		const sum = reserved.get(task.NodeID) ?? {cpu: 0, memory: 0};
		reserved.set(task.NodeID, {cpu: sum.cpu + r.cpu, memory: sum.memory + r.memory});
		if (task.ServiceID === serviceId) mine.set(task.NodeID, (mine.get(task.NodeID) ?? 0) + 1);
	}
	const verdicts: NodeVerdict[] = [];
	for (const node of snapshot.nodes.values()) {
		const reasons: string[] = [];
		const host = str(node.Description?.Hostname) ?? String(node.ID).slice(0, 12);
		if (node.Status?.State !== 'ready') reasons.push(`node is ${node.Status?.State ?? 'unknown'}`);
		if ((node.Spec?.Availability ?? 'active') !== 'active') reasons.push(`availability ${node.Spec?.Availability}`);
		for (const constraint of constraints) {
			const failed = checkConstraint(node, constraint);
			if (failed) reasons.push(`constraint ${failed}`);
		}
		if (platforms.length) {
			const os = node.Description?.Platform?.OS ?? '';
			const arch = node.Description?.Platform?.Architecture ?? '';
			const ok = platforms.some((p) => (!str(p['OS']) || str(p['OS']) === os) && (!str(p['Architecture']) || [arch, arch === 'x86_64' ? 'amd64' : arch].includes(str(p['Architecture']) ?? '')));
			if (!ok) reasons.push(`platform ${os}/${arch} is not one the image supports`);
		}
		const capacity = {cpu: num(node.Description?.Resources?.NanoCPUs) ?? 0, memory: num(node.Description?.Resources?.MemoryBytes) ?? 0};
		const used = reserved.get(node.ID) ?? {cpu: 0, memory: 0};
		if (wanted.cpu && capacity.cpu - used.cpu < wanted.cpu) reasons.push(`CPU: needs ${wanted.cpu / 1e9}, ${Math.max(0, (capacity.cpu - used.cpu) / 1e9).toFixed(2)} of ${capacity.cpu / 1e9} free`);
		if (wanted.memory && capacity.memory - used.memory < wanted.memory) reasons.push(`memory: needs ${gib(wanted.memory)}, ${gib(Math.max(0, capacity.memory - used.memory))} of ${gib(capacity.memory)} free`);
		if (maxReplicas && (mine.get(node.ID) ?? 0) >= maxReplicas) reasons.push(`already runs ${mine.get(node.ID)} of at most ${maxReplicas} per node`);
		verdicts.push({node: host, fits: reasons.length === 0, reasons});
	}
	return verdicts.sort((a, b) => Number(a.fits) - Number(b.fits) || a.node.localeCompare(b.node));
}
