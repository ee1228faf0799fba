// A service spec as the operator edits it: YAML out (the engine's own field names, the
// `yaml` package), YAML back in with its errors named by line and field, and the
// changes between two specs as field paths, with list items that are really sets
// (env entries, ports, constraints, mounts, secrets, configs, networks) compared as
// set items, not by their position. The edit flow (editor, confirm, apply) builds on
// these; nothing here does I/O.
import {parseDocument, stringify} from 'yaml';

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

/** The spec as YAML, under a comment header (each line prefixed with "# "). */
export function specToYaml(spec: unknown, header: readonly string[] = []): string {
	const body = stringify(spec ?? {}, {lineWidth: 0, aliasDuplicateObjects: false, indentSeq: true});
	return `${header.map((line) => (line ? `# ${line}` : '#')).join('\n')}${header.length ? '\n' : ''}${body}`;
}

export type ParsedSpec = {ok: true; spec: {[key: string]: Json}} | {ok: false; error: string};

export type SpecKind = 'service' | 'node';

/** Parses what the operator saved: YAML errors with their line, then the spec's shape. */
export function parseSpecYaml(text: string, kind: SpecKind = 'service'): ParsedSpec {
	const doc = parseDocument(text, {uniqueKeys: true, prettyErrors: true});
	const first = doc.errors[0];
	if (first) {
		const line = first.linePos?.[0]?.line;
		const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
		return {ok: false, error: `${line ? `line ${line}: ` : ''}${message}`};
	}
	const value = doc.toJS({maxAliasCount: 0}) as Json;
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		return {ok: false, error: `the file must hold the spec as a mapping (${kind === 'service' ? 'Name:, TaskTemplate:, …' : 'Labels:, Role:, Availability:'})`};
	const problems = checkShape(value, kind === 'service' ? serviceSpec : nodeSpec, '');
	if (kind === 'node') problems.push(...nodeValues(value));
	if (problems.length) return {ok: false, error: problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '')};
	return {ok: true, spec: value};
}

// The fields of a ServiceSpec (Engine API 1.41+) and their kinds. Objects listed as
// 'object' are passed through unchecked inside (the engine checks them).
type Kind = 'string' | 'number' | 'boolean' | 'strings' | 'labels' | 'object' | 'objects' | Shape;
type Shape = {[field: string]: Kind};
const updateConfig: Shape = {Parallelism: 'number', Delay: 'number', FailureAction: 'string', Monitor: 'number', MaxFailureRatio: 'number', Order: 'string'};
const serviceSpec: Shape = {
	Name: 'string',
	Labels: 'labels',
	TaskTemplate: {
		ContainerSpec: {
			Image: 'string', Labels: 'labels', Command: 'strings', Args: 'strings', Hostname: 'string', Env: 'strings', Dir: 'string', User: 'string',
			Groups: 'strings', Privileges: 'object', TTY: 'boolean', OpenStdin: 'boolean', ReadOnly: 'boolean', Mounts: 'objects', StopSignal: 'string',
			StopGracePeriod: 'number', HealthCheck: 'object', Hosts: 'strings', DNSConfig: 'object', Secrets: 'objects', Configs: 'objects',
			Isolation: 'string', Init: 'boolean', Sysctls: 'labels', CapabilityAdd: 'strings', CapabilityDrop: 'strings', Ulimits: 'objects',
		},
		PluginSpec: 'object', NetworkAttachmentSpec: 'object',
		Resources: {Limits: 'object', Reservations: 'object'},
		RestartPolicy: {Condition: 'string', Delay: 'number', MaxAttempts: 'number', Window: 'number'},
		Placement: {Constraints: 'strings', Preferences: 'objects', MaxReplicas: 'number', Platforms: 'objects'},
		ForceUpdate: 'number', Runtime: 'string', Networks: 'objects', LogDriver: 'object',
	},
	Mode: {Replicated: {Replicas: 'number'}, Global: 'object', ReplicatedJob: 'object', GlobalJob: 'object'},
	UpdateConfig: updateConfig,
	RollbackConfig: updateConfig,
	Networks: 'objects',
	EndpointSpec: {Mode: 'string', Ports: 'objects'},
};

// A node's spec: what `docker node update` changes.
const nodeSpec: Shape = {Name: 'string', Labels: 'labels', Role: 'string', Availability: 'string'};
function nodeValues(value: {[key: string]: Json}): string[] {
	const problems: string[] = [];
	const role = value['Role'];
	const availability = value['Availability'];
	if (role === undefined || role === null) problems.push('Role is needed (worker or manager)');
	else if (role !== 'worker' && role !== 'manager') problems.push(`Role must be worker or manager (got ${describe(role)})`);
	if (availability === undefined || availability === null) problems.push('Availability is needed (active, pause or drain)');
	else if (!['active', 'pause', 'drain'].includes(String(availability))) problems.push(`Availability must be active, pause or drain (got ${describe(availability)})`);
	return problems;
}

function checkShape(value: Json, shape: Shape, at: string): string[] {
	const top = shape === nodeSpec ? 'a NodeSpec' : 'a ServiceSpec';
	const problems: string[] = [];
	for (const [field, inner] of Object.entries(value as {[key: string]: Json})) {
		const path = at ? `${at}.${field}` : field;
		const kind = shape[field];
		if (kind === undefined) {
			problems.push(`unknown field ${path}${at ? '' : ` (${top} has: ${Object.keys(shape).join(', ')})`}`);
			continue;
		}
		if (inner === null) continue; // unset
		const wrong = (expected: string) => problems.push(`${path} must be ${expected} (got ${describe(inner)})`);
		if (typeof kind === 'object') {
			if (typeof inner !== 'object' || Array.isArray(inner)) wrong('a mapping');
			else problems.push(...checkShape(inner, kind, path));
		} else if (kind === 'string' || kind === 'number' || kind === 'boolean') {
			if (typeof inner !== kind) wrong(`a ${kind}`);
		} else if (kind === 'strings') {
			if (!Array.isArray(inner) || inner.some((item) => typeof item !== 'string')) wrong('a list of strings');
		} else if (kind === 'labels') {
			if (typeof inner !== 'object' || Array.isArray(inner) || Object.values(inner).some((item) => typeof item !== 'string')) wrong('a mapping of strings');
		} else if (kind === 'objects') {
			if (!Array.isArray(inner) || inner.some((item) => item === null || typeof item !== 'object' || Array.isArray(item))) wrong('a list of mappings');
		} else if (kind === 'object') {
			if (typeof inner !== 'object' || Array.isArray(inner)) wrong('a mapping');
		}
	}
	return problems;
}

function describe(value: Json): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'nothing';
	if (typeof value === 'object') return 'a mapping';
	return `${typeof value} ${JSON.stringify(value)}`;
}

export type Change = {path: string; from?: string; to?: string};

// Lists whose order means nothing, and what names an item in each.
const sets: Array<[RegExp, (item: Json) => string]> = [
	[/^TaskTemplate\.ContainerSpec\.Env$/, (item) => `env ${String(item).split('=')[0]}`],
	[/^TaskTemplate\.Placement\.Constraints$/, (item) => `constraint ${String(item)}`],
	[/^EndpointSpec\.Ports$/, (item) => `port ${field(item, 'TargetPort')}/${field(item, 'Protocol') || 'tcp'}${field(item, 'PublishedPort') ? ` (published ${field(item, 'PublishedPort')})` : ''}`],
	[/^TaskTemplate\.ContainerSpec\.Mounts$/, (item) => `mount ${field(item, 'Target')}`],
	[/^TaskTemplate\.ContainerSpec\.Secrets$/, (item) => `secret ${field(item, 'SecretName')} -> ${fileName(item)}`],
	[/^TaskTemplate\.ContainerSpec\.Configs$/, (item) => `config ${field(item, 'ConfigName')} -> ${fileName(item)}`],
	[/^(TaskTemplate\.)?Networks$/, (item) => `network ${field(item, 'Target')}`],
];

const field = (item: Json, name: string): string => {
	const value = item && typeof item === 'object' && !Array.isArray(item) ? item[name] : undefined;
	return value === undefined || value === null ? '' : String(value);
};
const fileName = (item: Json): string => {
	const file = item && typeof item === 'object' && !Array.isArray(item) ? item['File'] : undefined;
	return file && typeof file === 'object' && !Array.isArray(file) ? String(file['Name'] ?? '') : '';
};

/** The changes from `before` to `after`, as field paths with old and new values. */
export function specChanges(before: unknown, after: unknown): Change[] {
	const itemsA = new Map<string, Json>();
	const itemsB = new Map<string, Json>();
	const a = flat(before as Json, '', new Map(), itemsA);
	const b = flat(after as Json, '', new Map(), itemsB);
	const changes: Change[] = [];
	// An empty mapping that the other side fills (Labels: {} -> Labels.zone), or empty
	// labels against none, is no change of its own.
	const filled = (path: string, value: string, other: Map<string, string>) =>
		value === '{}' && (/Labels$/.test(path) || [...other.keys()].some((key) => key.startsWith(`${path}.`)));
	for (const [path, value] of a) {
		if (!b.has(path)) {
			if (!filled(path, value, b)) changes.push({path, from: value});
		} else if (b.get(path) !== value) changes.push({path, ...fieldsChanged(itemsA.get(path), itemsB.get(path), value, b.get(path) as string)});
	}
	for (const [path, value] of b) if (!a.has(path) && !filled(path, value, a)) changes.push({path, to: value});
	return changes;
}

/** A set item that changed: only the fields that differ (`ReadOnly=false -> ReadOnly=true`). */
function fieldsChanged(before: Json | undefined, after: Json | undefined, from: string, to: string): {from: string; to: string} {
	if (!isMap(before) || !isMap(after)) return {from, to};
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !same(before[key], after[key]));
	const side = (item: {[key: string]: Json}) => compact(Object.fromEntries(keys.filter((key) => item[key] !== undefined).map((key) => [key, item[key] as Json]))) || '(unset)';
	return {from: side(before), to: side(after)};
}

function flat(value: Json | undefined, at: string, out: Map<string, string>, items?: Map<string, Json>): Map<string, string> {
	if (value === undefined || value === null) return out;
	if (Array.isArray(value)) {
		const named = sets.find(([pattern]) => pattern.test(at));
		if (named) {
			const counts = new Map<string, number>();
			for (const item of value) {
				let name = named[1](item);
				// Two items of one name (two mounts on one target are the engine's to refuse) stay apart.
				const seen = counts.get(name) ?? 0;
				counts.set(name, seen + 1);
				if (seen) name = `${name} #${seen + 1}`;
				out.set(name, item && typeof item === 'object' ? compact(item) : String(item));
				items?.set(name, item);
			}
		} else if (value.every((item) => item === null || typeof item !== 'object')) {
			out.set(at, value.map((item) => String(item)).join(' '));
		} else {
			value.forEach((item, index) => flat(item, `${at}[${index}]`, out, items));
		}
		return out;
	}
	if (typeof value === 'object') {
		const keys = Object.keys(value);
		// Kept: an empty mapping can mean something (Mode.Global: {}).
		if (keys.length === 0 && at) out.set(at, '{}');
		for (const key of keys) flat(value[key], at ? `${at}.${key}` : key, out, items);
		return out;
	}
	out.set(at, typeof value === 'string' ? value : JSON.stringify(value));
	return out;
}

/** A set item as `Field=value` pairs (easier to read in a confirmation than JSON). */
function compact(item: Json): string {
	if (!item || typeof item !== 'object' || Array.isArray(item)) return JSON.stringify(item);
	return Object.entries(item)
		.map(([key, value]) => `${key}=${value !== null && typeof value === 'object' ? JSON.stringify(value).replace(/"/g, '') : String(value)}`)
		.join(' ');
}

/** One line per change, for the confirmation: "env LOG_LEVEL: info -> debug". */
export function changeLines(changes: readonly Change[]): string[] {
	return changes.map(({path, from, to}) => {
		const name = path.replace(/^TaskTemplate\.ContainerSpec\./, '').replace(/^TaskTemplate\./, '');
		if (from === undefined) return `+ ${name}${to && !name.startsWith('env ') && !name.startsWith('constraint ') ? `: ${to}` : to && name.startsWith('env ') ? `=${to.slice(to.indexOf('=') + 1)}` : ''}`;
		if (to === undefined) return `- ${name}`;
		return `${name}: ${name.startsWith('env ') ? from.slice(from.indexOf('=') + 1) : from} -> ${name.startsWith('env ') ? to.slice(to.indexOf('=') + 1) : to}`;
	});
}

export type Merged = {spec: {[key: string]: Json}; conflicts: string[]};

/**
 * The operator's edit (base -> mine) carried onto a spec that changed meanwhile (base ->
 * theirs): what only one side changed is taken from that side; set lists (env, ports,
 * constraints, mounts, secrets, configs, networks) merge item by item; where both changed
 * one field differently the operator's value is kept and the field named, so the
 * editor that opens next can say so.
 */
export function mergeSpecs(base: unknown, mine: unknown, theirs: unknown): Merged {
	const conflicts: string[] = [];
	const spec = merge(base as Json, mine as Json, theirs as Json, '', conflicts);
	return {spec: (spec && typeof spec === 'object' && !Array.isArray(spec) ? spec : {}) as {[key: string]: Json}, conflicts};
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const isMap = (value: Json | undefined): value is {[key: string]: Json} => value !== null && typeof value === 'object' && !Array.isArray(value);

function merge(base: Json | undefined, mine: Json | undefined, theirs: Json | undefined, at: string, conflicts: string[]): Json | undefined {
	if (same(mine, base)) return theirs;
	if (same(theirs, base) || same(mine, theirs)) return mine;
	if (isMap(mine) && isMap(theirs)) {
		const from = isMap(base) ? base : {};
		const out: {[key: string]: Json} = {};
		// Their order first (the engine's), then fields only the operator added.
		for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
			const value = merge(from[key], mine[key], theirs[key], at ? `${at}.${key}` : key, conflicts);
			if (value !== undefined) out[key] = value;
		}
		return out;
	}
	const named = sets.find(([pattern]) => pattern.test(at));
	if (named && Array.isArray(mine) && Array.isArray(theirs)) {
		const keyed = (items: Json[] | undefined) => new Map((items ?? []).map((item) => [named[1](item), item] as const));
		const b = keyed(Array.isArray(base) ? base : []);
		const m = keyed(mine);
		const t = keyed(theirs);
		const out: Json[] = [];
		for (const key of new Set([...t.keys(), ...m.keys()])) {
			const value = merge(b.get(key), m.get(key), t.get(key), `${at} ${key}`, conflicts);
			if (value !== undefined) out.push(value);
		}
		return out;
	}
	conflicts.push(at.replace(/^TaskTemplate\.ContainerSpec\./, '').replace(/^TaskTemplate\./, '') || 'the whole spec');
	return mine;
}
