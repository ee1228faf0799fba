// :problems — everything that looks wrong, worst first.
import {ago} from '../../../model/format.js';
import type {Problem} from '../../../model/problems.js';
import type {Column} from '../../columns.js';
import {ListView} from '../../ListView.js';
import {healthColor, marks, useTheme} from '../../theme.js';

const columnsAt = (now: number): Column<Problem>[] => [
	{key: 'mark', header: ' ', get: (p) => marks[p.severity], priority: 0},
	{key: 'target', header: 'WHAT', get: (p) => p.target, priority: 0, maxWidth: 40},
	{key: 'text', header: 'PROBLEM', get: (p) => (p.newest ? `${p.text}, the newest ${ago(p.newest, now)}` : p.text), priority: 0, minWidth: 20, flex: true},
];

export function ProblemsView({problems, width, height, selected, now}: {problems: Problem[]; width: number; height: number; selected: number; now: number}) {
	const theme = useTheme();
	const columns = columnsAt(now);
	return (
		<ListView
			title={`Problems · ${problems.length} (Esc back)`}
			data={problems}
			columns={columns}
			width={width}
			height={height}
			selected={selected}
			rowStyle={(p) => ({color: healthColor(theme, p.severity)})}
			emptyText="no problems: every service has its replicas, no node is down, managers have quorum"
		/>
	);
}
