// :networks, :secrets, :configs — read-only lists with the services using each.
import {type ObjectKind, objectColumns, type ObjectRow} from '../model/objects.js';
import type {Column} from './columns.js';
import {Pane} from './Pane.js';
import {Table} from './Table.js';

export type ObjectsState = {objects: ObjectKind; rows?: ObjectRow[]; error?: string; index: number};

export function ObjectsView({state, width, height}: {state: ObjectsState; width: number; height: number}) {
	const columns: Column<ObjectRow>[] = [
		{key: 'name', header: 'NAME', get: (r) => r.name, priority: 0, maxWidth: 40},
		...objectColumns[state.objects].map((c, i) => ({key: c.key, header: c.header, get: (r: ObjectRow) => r.cells[c.key] ?? '', priority: 2 + i, maxWidth: 24})),
		{key: 'used', header: 'USED BY', get: (r) => r.usedBy.join(', ') || '-', priority: 1, minWidth: 10},
	];
	const empty = state.error ? `could not list them: ${state.error}` : state.rows ? `no ${state.objects}` : 'reading…';
	return (
		<Pane title={`${state.objects[0]?.toUpperCase()}${state.objects.slice(1)} · ${state.rows?.length ?? 0} (Esc back)`} width={width} height={height} focused>
			<Table data={state.rows ?? []} columns={columns} width={width - 2} height={height - 2} selected={state.index} focused emptyText={empty} />
		</Pane>
	);
}
