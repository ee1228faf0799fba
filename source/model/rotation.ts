// Rotating a secret or config: the next version's name, the services that use one, and
// a service spec with its references switched to the new version (the file name,
// uid, gid and mode kept: the container sees the same file with the new content).
import type {ApiServiceSpec} from '../docker/types.js';
import {list, record, str} from './coerce.js';
import type {ClusterSnapshot} from './snapshot.js';

export type StoreKind = 'secrets' | 'configs';
type Ref = {id: string; name: string};

const fields = (kind: StoreKind) => (kind === 'secrets' ? {list: 'Secrets', id: 'SecretID', name: 'SecretName'} : {list: 'Configs', id: 'ConfigID', name: 'ConfigName'});

/** `db_password` -> `db_password.v2`, `db_password.v2` -> `db_password.v3`, skipping names taken. */
export function nextVersionName(name: string, taken: Iterable<string>): string {
	const names = new Set(taken);
	const match = /^(.*)\.v(\d+)$/.exec(name);
	const stem = match ? (match[1] as string) : name;
	let version = match ? Number(match[2]) + 1 : 2;
	while (names.has(`${stem}.v${version}`)) version++;
	return `${stem}.v${version}`;
}

/** The services whose spec names the object (by ID, or by name for specs that only carry one). */
export function servicesUsing(snapshot: ClusterSnapshot, kind: StoreKind, object: Ref): Ref[] {
	const f = fields(kind);
	const out: Ref[] = [];
	for (const service of snapshot.services.values()) {
		const refs = list<Record<string, unknown>>(record(record(service.Spec?.TaskTemplate)['ContainerSpec'])[f.list]);
		if (refs.some((ref) => str(ref[f.id]) === object.id || (!str(ref[f.id]) && str(ref[f.name]) === object.name)))
			out.push({id: service.ID, name: service.Spec?.Name ?? service.ID.slice(0, 12)});
	}
	return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The spec with every reference to `old` naming `fresh` instead; the same object when none did. */
export function switchReferences(spec: ApiServiceSpec, kind: StoreKind, old: Ref, fresh: Ref): ApiServiceSpec {
	const f = fields(kind);
	const container = record(spec.TaskTemplate?.ContainerSpec);
	const refs = list<Record<string, unknown>>(container[f.list]);
	const uses = (ref: Record<string, unknown>) => str(ref[f.id]) === old.id || (!str(ref[f.id]) && str(ref[f.name]) === old.name);
	if (!refs.some(uses)) return spec;
	const next = refs.map((ref) => (uses(ref) ? {...ref, [f.id]: fresh.id, [f.name]: fresh.name} : ref));
	return {...spec, TaskTemplate: {...spec.TaskTemplate, ContainerSpec: {...spec.TaskTemplate?.ContainerSpec, [f.list]: next}}};
}
