// Networks, secrets and configs as rows, each with the services that use it. Secrets
// carry no value here: the Engine API never returns one.
import {list, record, str} from './coerce.js';
import {servicesUsing, type StoreKind} from './rotation.js';
import type {ClusterSnapshot} from './snapshot.js';

export type ObjectKind = 'networks' | 'secrets' | 'configs';
export type ObjectRow = {id: string; name: string; cells: Record<string, string>; usedBy: string[]};

export const objectColumns: Record<ObjectKind, Array<{key: string; header: string}>> = {
	networks: [
		{key: 'driver', header: 'DRIVER'},
		{key: 'scope', header: 'SCOPE'},
		{key: 'attachable', header: 'ATTACHABLE'},
		{key: 'subnet', header: 'SUBNET'},
	],
	secrets: [
		{key: 'created', header: 'CREATED'},
		{key: 'updated', header: 'UPDATED'},
	],
	configs: [
		{key: 'created', header: 'CREATED'},
		{key: 'updated', header: 'UPDATED'},
	],
};

const day = (value: unknown) => (str(value) ?? '').replace('T', ' ').slice(0, 16);

/** Which services use each network, from the services' specs and endpoints. */
function networkUsers(snapshot: ClusterSnapshot): Map<string, string[]> {
	const map = new Map<string, string[]>();
	const add = (key: string | undefined, service: string) => {
		if (!key) return;
		const names = map.get(key) ?? [];
		if (!names.includes(service)) names.push(service);
		map.set(key, names);
	};
	for (const service of snapshot.services.values()) {
		const name = service.Spec?.Name ?? service.ID.slice(0, 12);
		const template = record(service.Spec?.TaskTemplate);
		for (const net of list<Record<string, unknown>>(template['Networks'])) add(str(net['Target']), name);
		for (const vip of list<Record<string, unknown>>(record(service.Endpoint)['VirtualIPs'])) add(str(vip['NetworkID']), name);
	}
	return map;
}

export function objectRows(kind: ObjectKind, raw: unknown, snapshot: ClusterSnapshot): ObjectRow[] {
	const usedBy = kind === 'networks' ? networkUsers(snapshot) : undefined;
	return list<Record<string, unknown>>(raw)
		.filter((item) => item && typeof item === 'object')
		.map((item) => {
			const id = str(item['ID']) ?? str(item['Id']) ?? '';
			const spec = record(item['Spec']);
			const name = str(item['Name']) ?? str(spec['Name']) ?? id.slice(0, 12);
			const cells: Record<string, string> =
				kind === 'networks'
					? {
							driver: str(item['Driver']) ?? '',
							scope: str(item['Scope']) ?? '',
							attachable: item['Attachable'] ? 'yes' : item['Ingress'] ? 'ingress' : 'no',
							subnet: list<Record<string, unknown>>(record(item['IPAM'])['Config']).map((c) => str(c['Subnet']) ?? '').filter(Boolean).join(','),
						}
					: {created: day(item['CreatedAt']), updated: day(item['UpdatedAt'])};
			// Secrets and configs: the same derivation that refuses a removal and lists a rotation's services.
			const names = usedBy ? [...new Set([...(usedBy.get(id) ?? []), ...(usedBy.get(name) ?? [])])].sort() : servicesUsing(snapshot, kind as StoreKind, {id, name}).map((user) => user.name);
			return {id, name, cells, usedBy: names};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
