// Inspect views as text: a short summary of what matters first, then the object as
// YAML-like lines. Values of environment variables whose names look secret are masked
// until the operator asks to see them.
import type {ApiNode, ApiService, ApiTask} from '../docker/types.js';
import {list, num, record, str} from './coerce.js';
import {formatPorts, humanDuration, shortImage} from './format.js';
import {serviceMode} from './services.js';

const secretName = /PASS|SECRET|TOKEN|KEY|CREDENTIAL|PRIVATE|AUTH/i;

export function maskEnv(entry: string): string {
	const eq = entry.indexOf('=');
	if (eq < 0) return entry;
	const name = entry.slice(0, eq);
	return secretName.test(name) ? `${name}=••••••` : entry;
}

/** A copy with every Env list masked, for the raw JSON view. */
export function maskDeep(value: unknown, key = ''): unknown {
	if (Array.isArray(value)) return value.map((item) => (key === 'Env' && typeof item === 'string' ? maskEnv(item) : maskDeep(item)));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, k)]));
	return value;
}

const scalar = (value: unknown): string => {
	// Quoted when it needs to be, but not escaped: its control characters are shown by
	// the one rendering every view uses (model/visible.ts), not as \u0007 here and ␇ there.
	if (typeof value === 'string') return /^[\w./:@=,+-]*$/.test(value) && value !== '' ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
	return String(value);
};

/** Object -> YAML-like lines. Env arrays are masked when `mask` is on. */
export function yamlLines(value: unknown, mask: boolean, indent = '', key = ''): string[] {
	const lines: string[] = [];
	if (Array.isArray(value)) {
		if (value.length === 0) return [`${indent}${key}: []`];
		if (key) lines.push(`${indent}${key}:`);
		for (const item of value) {
			if (item && typeof item === 'object') {
				const inner = yamlLines(item, mask, `${indent}  `);
				if (inner[0]) inner[0] = `${indent}- ${inner[0].trimStart()}`;
				lines.push(...inner);
			} else {
				const text = typeof item === 'string' && key === 'Env' && mask ? maskEnv(item) : scalar(item);
				lines.push(`${indent}- ${text}`);
			}
		}
		return lines;
	}
	if (value && typeof value === 'object') {
		const entries = Object.entries(value);
		if (entries.length === 0) return key ? [`${indent}${key}: {}`] : [];
		if (key) lines.push(`${indent}${key}:`);
		const inner = key ? `${indent}  ` : indent;
		for (const [k, v] of entries) {
			if (v && typeof v === 'object') lines.push(...yamlLines(v, mask, inner, k));
			else if (v !== undefined) lines.push(`${inner}${k}: ${scalar(v)}`);
		}
		return lines;
	}
	return [`${indent}${key}: ${scalar(value)}`];
}

const bytes = (n: number | undefined) => (n === undefined ? '?' : n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(1)} GiB` : `${Math.round(n / (1 << 20))} MiB`);

export function serviceSummary(service: ApiService): string[] {
	const spec = service.Spec ?? {};
	const template = record(spec.TaskTemplate);
	const container = record(template['ContainerSpec']);
	const mode = serviceMode(service);
	const update = service.UpdateStatus;
	return [
		`name: ${str(spec.Name) ?? service.ID}`,
		`image: ${shortImage(str(container['Image']))}`,
		`mode: ${mode}${mode === 'replicated' ? ` (${num(spec.Mode?.Replicated?.Replicas) ?? '?'} replicas)` : ''}`,
		`ports: ${formatPorts(service.Endpoint?.Ports ?? spec.EndpointSpec?.Ports) || 'none'}`,
		`update: ${update?.State ?? 'none'}${update?.Message ? ` (${update.Message})` : ''}`,
		`previous spec: ${service.PreviousSpec ? 'yes (d shows what a rollback restores)' : 'none'}`,
	];
}

export function nodeSummary(node: ApiNode): string[] {
	const description = node.Description ?? {};
	const resources = description.Resources ?? {};
	return [
		`hostname: ${description.Hostname ?? node.ID}`,
		`role: ${node.Spec?.Role ?? '?'}${node.ManagerStatus ? ` (${node.ManagerStatus.Leader ? 'leader' : (node.ManagerStatus.Reachability ?? '?')}, ${node.ManagerStatus.Addr ?? ''})` : ''}`,
		`state: ${node.Status?.State ?? '?'}${node.Status?.Message ? ` (${node.Status.Message})` : ''}, availability ${node.Spec?.Availability ?? '?'}`,
		`address: ${node.Status?.Addr ?? '?'}`,
		`resources: ${num(resources.NanoCPUs) !== undefined ? (num(resources.NanoCPUs) as number) / 1e9 : '?'} CPUs, ${bytes(num(resources.MemoryBytes))}`,
		`platform: ${description.Platform?.OS ?? '?'}/${description.Platform?.Architecture ?? '?'}, engine ${description.Engine?.EngineVersion ?? '?'}`,
		...plugins(record(description.Engine)['Plugins']),
		`node labels: ${labels(node.Spec?.Labels) || 'none'}`,
		`engine labels: ${labels(description.Engine?.Labels) || 'none'}`,
		`TLS: ${tls(record(description)['TLSInfo'])}`,
	];
}

const labels = (value: unknown) =>
	Object.entries(record(value))
		.map(([k, v]) => `${k}=${str(v) ?? ''}`)
		.join(', ');

/** One line per plugin type ("  Network: bridge, overlay") from the engine's plugin list. */
function plugins(value: unknown): string[] {
	const byType = new Map<string, string[]>();
	for (const plugin of list<Record<string, unknown>>(value)) {
		const type = str(record(plugin)['Type']) ?? '?';
		byType.set(type, [...(byType.get(type) ?? []), str(record(plugin)['Name']) ?? '?']);
	}
	if (byType.size === 0) return ['engine plugins: none'];
	return ['engine plugins:', ...[...byType].map(([type, names]) => `  ${type}: ${names.join(', ')}`)];
}

function tls(value: unknown): string {
	const info = record(value);
	const subject = str(info['CertIssuerSubject']);
	if (!str(info['TrustRoot']) && !subject) return 'no certificate information';
	// The issuer subject is base64 DER; its readable part is the CN, e.g. "swarm-ca".
	let issuer = '';
	try {
		issuer = /swarm-ca|[\w.-]{3,}/.exec(Buffer.from(subject ?? '', 'base64').toString('latin1'))?.[0] ?? '';
	} catch {
		issuer = '';
	}
	return `mutual TLS, certificate issued by ${issuer || 'the swarm CA'}`;
}

/** The tasks a node runs now (desired running), for the node's inspect view. */
export function nodeTaskLines(snapshot: {tasks: ReadonlyMap<string, ApiTask>; services: ReadonlyMap<string, ApiService>}, nodeId: string): string[] {
	const lines: string[] = [];
	for (const task of snapshot.tasks.values()) {
		if (task.NodeID !== nodeId || task.DesiredState !== 'running') continue;
		const service = snapshot.services.get(task.ServiceID ?? '')?.Spec?.Name ?? (task.ServiceID ?? '?').slice(0, 12);
		const name = task.Slot ? `${service}.${task.Slot}` : service;
		lines.push(`${name}  ${task.Status?.State ?? '?'}  ${shortImage(task.Spec?.ContainerSpec?.Image)}`);
	}
	return lines.sort();
}

export function taskSummary(task: Record<string, unknown>, now: number, nodeName?: string): string[] {
	const status = record(task['Status']);
	const container = record(status['ContainerStatus']);
	const since = str(status['Timestamp']);
	const age = since && !Number.isNaN(Date.parse(since)) ? `${humanDuration(now - Date.parse(since)).toLowerCase()} ago` : '';
	const ports = list<Record<string, unknown>>(record(status['PortStatus'])['Ports'])
		.map((p) => `${num(p['PublishedPort']) ?? '?'}->${num(p['TargetPort']) ?? '?'}/${str(p['Protocol']) ?? 'tcp'}`)
		.join(', ');
	return [
		`task: ${str(task['ID']) ?? '?'}`,
		`state: ${str(status['State']) ?? '?'} ${age}, desired ${str(task['DesiredState']) ?? '?'}`,
		`error: ${str(status['Err']) ?? 'none'}`,
		`exit code: ${num(container['ExitCode']) ?? '-'}, container ${str(container['ContainerID']) ?? '-'}${num(container['PID']) ? `, pid ${num(container['PID'])}` : ''}`,
		`message: ${str(status['Message']) ?? ''}`,
		`times: created ${str(task['CreatedAt']) ?? '?'}, state since ${since ?? '?'}, updated ${str(task['UpdatedAt']) ?? '?'}`,
		`ports: ${ports || 'none published on the host'}`,
		`node: ${nodeName ?? str(task['NodeID']) ?? 'not assigned yet'}`,
		`networks: ${list<Record<string, unknown>>(task['NetworksAttachments']).map((n) => `${str(record(n['Network'])['Spec'] && record(record(n['Network'])['Spec'])['Name']) ?? '?'} ${list<string>(n['Addresses']).join(',')}`).join('; ') || 'none'}`,
	];
}
