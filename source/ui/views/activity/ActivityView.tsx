// What this session did, and what the cluster reported, newest first.
import figures from 'figures';
import {Box, Text} from 'ink';
import type {Activity} from '../../../model/activity.js';
import type {Column} from '../../columns.js';
import {ListView} from '../../ListView.js';
import {displayWidth, sanitize} from '../../text.js';
import {useTheme} from '../../theme.js';

const clock = (time: number) => new Date(time).toTimeString().slice(0, 8);
const marks: Record<Activity['outcome'], string> = {ok: figures.tick, error: figures.cross, pending: figures.ellipsis, info: ' '};

type Row = Omit<Activity, 'id'> & {id: string};

const columns: Column<Row>[] = [
	{key: 'time', header: 'TIME', get: (a) => clock(a.time), priority: 0},
	{key: 'who', header: 'BY', get: (a) => (a.source === 'action' ? 'you' : 'swarm'), priority: 2},
	{key: 'target', header: 'TARGET', get: (a) => a.target, priority: 1, maxWidth: 40},
	{key: 'what', header: 'WHAT', get: (a) => `${marks[a.outcome]} ${a.text}`, priority: 0, minWidth: 20, flex: true},
];

export function ActivityView({entries, width, height, selected}: {entries: readonly Activity[]; width: number; height: number; selected: number}) {
	const theme = useTheme();
	const rows: Row[] = [...entries].reverse().map((a) => ({...a, id: String(a.id)}));
	// The selected entry whole, under the list: its row is cut to the column, and an
	// error's sentence ends with what to do (a command to copy, a setting to add).
	const chosen = rows[Math.min(selected, rows.length - 1)];
	const detail = chosen ? sanitize(`${chosen.target}: ${chosen.text}`) : '';
	const detailLines = detail ? Math.min(4, Math.ceil(displayWidth(detail) / Math.max(1, width - 2))) : 0;
	const listHeight = detailLines && height - detailLines >= 6 ? height - detailLines : height;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<ListView
				title={`Activity · ${entries.length} (Esc back)`}
				data={rows}
				columns={columns}
				width={width}
				height={listHeight}
				selected={selected}
				rowStyle={(a) => ({color: a.outcome === 'error' ? theme.error : a.source === 'cluster' ? undefined : theme.accent})}
				emptyText="nothing yet: actions you take and the cluster's service and node events show here"
			/>
			{listHeight < height ? (
				<Box paddingX={1} height={height - listHeight}>
					<Text color={chosen?.outcome === 'error' ? theme.error : undefined} wrap="wrap">
						{detail}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}
