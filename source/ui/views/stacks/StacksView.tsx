// :stacks — each stack with its services and replica health; Enter shows its services.
import type {StackRow} from '../../../model/services.js';
import type {Column} from '../../columns.js';
import {ListView} from '../../ListView.js';
import {healthColor, marks, useTheme} from '../../theme.js';

const columns: Column<StackRow>[] = [
	{key: 'mark', header: ' ', get: (r) => marks[r.health], priority: 0},
	{key: 'name', header: 'STACK', get: (r) => r.name, priority: 0, maxWidth: 40},
	{key: 'services', header: 'SERVICES', get: (r) => String(r.services), priority: 1, align: 'right'},
	{key: 'replicas', header: 'REPLICAS', get: (r) => `${r.running}/${r.desired}`, priority: 1, align: 'right'},
];

export function StacksView({stacks, width, height, selected}: {stacks: StackRow[]; width: number; height: number; selected: number}) {
	const theme = useTheme();
	return (
		<ListView
			title={`Stacks · ${stacks.length} (⏎ its services, Esc back)`}
			data={stacks}
			columns={columns}
			width={width}
			height={height}
			selected={selected}
			rowStyle={(r) => ({color: healthColor(theme, r.health)})}
			emptyText="no stacks: services deployed with docker stack deploy carry the label com.docker.stack.namespace"
		/>
	);
}
