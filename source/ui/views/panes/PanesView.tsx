// The three panes: nodes and services (side by side when wide), tasks below.
import {Box} from 'ink';
import {stackCount} from '../../../model/services.js';
import type {PaneName} from '../../../keys/places.js';
import type {Layout} from '../../layout.js';
import {Pane} from '../../Pane.js';
import {nodeColumns, nodeColumnsWithLabels, serviceColumns, serviceColumnsFor, taskColumns} from './columns.js';
import {useMemo} from 'react';
import {Table} from '../../Table.js';
import {healthColor, useTheme} from '../../theme.js';
import type {PaneData, Sort} from './data.js';

export type PanesViewProps = {
	data: PaneData;
	layout: Layout;
	focus: PaneName;
	filters: Record<PaneName, string>;
	history: boolean;
	/** The nodes pane's labels column. */
	nodeLabels?: boolean;
	marked?: ReadonlySet<string>;
	/** The engine is out of reach: what is shown is the last known state. */
	stale?: boolean;
	sorts?: Record<PaneName, Sort>;
	/** Keys named in the titles, as the keymap has them. */
	keys?: {history: string; logs: string};
};

export function PanesView({data, layout, focus, filters, history, nodeLabels, marked, stale, sorts, keys = {history: 'h', logs: 'l'}}: PanesViewProps) {
	const theme = useTheme();
	const columnsOfServices = useMemo(() => (marked?.size ? serviceColumnsFor(marked) : serviceColumns), [marked]);
	const sortNote = (pane: PaneName) => {
		const sort = sorts?.[pane];
		const header = sort && [...nodeColumns, ...serviceColumns, ...taskColumns].find((c) => c.key === sort.column)?.header;
		return sort ? ` · sort ${header ?? sort.column} ${sort.descending ? '↓' : '↑'}` : '';
	};
	const filterNote = (pane: PaneName) => `${sortNote(pane)}${filters[pane] ? ` · /${filters[pane]}` : ''}${stale ? ' · stale' : ''}`;
	const {taskView, target} = data;
	const tasksTitle = target
		? `Tasks · ${data.targetName} · ${taskView.running}/${taskView.slots} running${history ? ` · history (${keys.history})` : ` (${keys.history} history)`}${filterNote('tasks')}`
		: 'Tasks';
	const stacks = stackCount(data.allServices);
	const markNote = marked?.size ? ` · ${marked.size} marked (${keys.logs} logs)` : '';

	const nodesPane = (
		<Pane title={`Nodes ${data.allNodes.length}${filterNote('nodes')}`} width={layout.nodes.width} height={layout.nodes.height} focused={focus === 'nodes'}>
			<Table
				data={data.nodes}
				measure={data.allNodes}
				columns={nodeLabels ? nodeColumnsWithLabels : nodeColumns}
				width={layout.nodes.width - 2}
				height={layout.nodes.height - 2}
				selected={data.index.nodes}
				focused={focus === 'nodes'}
				rowStyle={(r) => ({color: healthColor(theme, r.health)})}
				emptyText={filters.nodes ? 'no node matches the filter' : 'no nodes yet'}
			/>
		</Pane>
	);
	const servicesPane = (
		<Pane
			title={`Services ${data.allServices.length - stacks} · stacks ${stacks}${markNote}${filterNote('services')}`}
			width={layout.services.width}
			height={layout.services.height}
			focused={focus === 'services'}
		>
			<Table
				data={data.services}
				measure={data.allServices}
				columns={columnsOfServices}
				width={layout.services.width - 2}
				height={layout.services.height - 2}
				selected={data.index.services}
				focused={focus === 'services'}
				rowStyle={(r) => ({color: healthColor(theme, r.health), bold: r.kind === 'stack'})}
				emptyText={filters.services ? 'no service matches the filter' : 'no services'}
			/>
		</Pane>
	);
	const tasksPane = (
		<Pane title={tasksTitle} width={layout.tasks.width} height={layout.tasks.height} focused={focus === 'tasks'}>
			<Table
				data={data.tasks}
				columns={taskColumns}
				width={layout.tasks.width - 2}
				height={layout.tasks.height - 2}
				selected={data.index.tasks}
				focused={focus === 'tasks'}
				rowStyle={(r) => ({color: healthColor(theme, r.health), dim: r.earlier})}
				emptyText={target ? (filters.tasks ? 'no task matches the filter' : 'no tasks') : 'select a service or node'}
			/>
		</Pane>
	);
	if (layout.wide) {
		return (
			<>
				<Box>
					{nodesPane}
					{servicesPane}
				</Box>
				{tasksPane}
			</>
		);
	}
	return (
		<>
			{nodesPane}
			{servicesPane}
			{tasksPane}
		</>
	);
}
