// :networks, :secrets, :configs — read-only lists with the services using each.
import {type ObjectKind, objectColumns, type ObjectRow} from '../../../model/objects.js';
import type {Column} from '../../columns.js';
import {ListView} from '../../ListView.js';

export type ObjectsState = {objects: ObjectKind; rows?: ObjectRow[]; error?: string; index: number};

export function ObjectsView({state, width, height}: {state: ObjectsState; width: number; height: number}) {
	const columns: Column<ObjectRow>[] = [
		{key: 'name', header: 'NAME', get: (r) => r.name, priority: 0, maxWidth: 40},
		...objectColumns[state.objects].map((c, i) => ({key: c.key, header: c.header, get: (r: ObjectRow) => r.cells[c.key] ?? '', priority: 2 + i, maxWidth: 24})),
		{key: 'used', header: 'USED BY', get: (r) => r.usedBy.join(', ') || '-', priority: 1, minWidth: 10},
	];
	const empty = state.error ? `could not list them: ${state.error}` : state.rows ? `no ${state.objects}` : 'reading…';
	const title = `${state.objects[0]?.toUpperCase()}${state.objects.slice(1)} · ${state.rows?.length ?? 0} (Esc back)`;
	return <ListView title={title} data={state.rows ?? []} columns={columns} width={width} height={height} selected={state.index} emptyText={empty} />;
}
