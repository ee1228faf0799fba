// A rollout in progress, like the CLI's "overall progress: 2 out of 3 tasks", slot by
// slot: old task -> new task.
import figures from 'figures';
import {Text} from 'ink';
import type {ApiService, ApiTask, ApiUpdateConfig} from '../../../docker/types.js';
import {ago, capitalize} from '../../../model/format.js';
import type {Progress, Rollout, SlotProgress} from '../../../model/rollout.js';
import type {ClusterSnapshot} from '../../../model/snapshot.js';
import type {Column} from '../../columns.js';
import {Pane} from '../../Pane.js';
import {Table} from '../../Table.js';
import {sanitize} from '../../text.js';
import {useTheme} from '../../theme.js';

const seconds = (ns?: number) => `${Math.round((ns ?? 0) / 1e9)}s`;

export function describeUpdateConfig(config: ApiUpdateConfig | undefined): string {
	const c = config ?? {};
	return [
		`parallelism ${c.Parallelism ?? 1}`,
		`delay ${seconds(c.Delay)}`,
		`on failure ${c.FailureAction ?? 'pause'}`,
		`monitor ${seconds(c.Monitor ?? 5e9)}`,
		`order ${c.Order ?? 'stop-first'}`,
	].join(' · ');
}

/** A plain bar: @inkjs/ui's ProgressBar measures itself after the first frame and
 * draws over the next line until then. */
function bar(percent: number, width: number): string {
	const full = Math.round((percent / 100) * width);
	return '█'.repeat(full) + '░'.repeat(width - full);
}

export type RolloutViewProps = {
	rollout: Rollout;
	progress: Progress;
	snapshot: ClusterSnapshot;
	width: number;
	height: number;
	now: number;
	/** The roll back key as the keymap has it; none when it does not apply here. */
	rollbackKey?: string;
};

export function RolloutView({rollout, progress, snapshot, width, height, now, rollbackKey}: RolloutViewProps) {
	const theme = useTheme();
	const service: ApiService | undefined = snapshot.services.get(rollout.targetId);
	const host = (task?: ApiTask) => (task?.NodeID ? (snapshot.nodes.get(task.NodeID)?.Description?.Hostname ?? task.NodeID.slice(0, 12)) : '');
	const describe = (task?: ApiTask) =>
		task ? `${host(task)}  ${capitalize(task.Status?.State ?? '?')} ${ago(task.Status?.Timestamp, now)}${task.Status?.Err ? `  ${task.Status.Err}` : ''}` : '';
	const rollingBack = progress.direction === 'rollback';
	const columns: Column<SlotProgress & {id: string}>[] = [
		{key: 'slot', header: rollout.kind === 'drain' ? 'TASK' : 'SLOT', get: (s) => s.slot, priority: 0, maxWidth: 40},
		{key: 'old', header: 'OLD TASK', get: (s) => describe(s.old), priority: 2, minWidth: 12, maxWidth: 60},
		{key: 'arrow', header: ' ', get: (s) => (s.new ? '→' : ''), priority: 1},
		{key: 'new', header: 'NEW TASK', get: (s) => describe(s.new), priority: 1, minWidth: 12, maxWidth: 60},
	];
	const state = progress.state.replace(/_/g, ' ');
	const mark = progress.paused ? figures.cross : progress.finished ? figures.tick : figures.play;
	const color = progress.paused ? theme.error : progress.finished ? theme.ok : theme.warn;
	const percent = progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : progress.finished ? 100 : 0;
	const verb = rollout.kind === 'drain' ? 'tasks moved off' : rollingBack ? 'tasks rolled back' : 'tasks';
	const info = [
		progress.direction === 'update' || rollingBack ? `${rollingBack ? 'rollback' : 'update'} config: ${describeUpdateConfig(progress.config)}` : '',
		progress.message ? `engine: ${progress.message}` : '',
	].filter(Boolean);
	const rows = progress.slots.map((s) => ({...s, id: s.slot}));
	// The pane has height - 2 lines inside: state, bar, info, table, key hint.
	const tableHeight = Math.max(2, height - 5 - info.length);
	return (
		<Pane title={`Rollout · ${rollingBack ? 'rollback' : rollout.kind} ${service?.Spec?.Name ?? rollout.name}`} width={width} height={height} focused>
			<Text color={color} wrap="truncate">
				{mark} {state} · overall progress: {progress.done} out of {progress.total} {verb}
			</Text>
			<Text color={color} wrap="truncate">
				{bar(percent, Math.max(10, Math.min(60, width - 10)))} {percent}%
			</Text>
			{info.map((line) => (
				<Text key={line} color={theme.dim} wrap="truncate">
					{sanitize(line)}
				</Text>
			))}
			<Table data={rows} columns={columns} width={width - 2} height={tableHeight} selected={-1} focused={false} emptyText="no tasks yet" />
			<Text color={theme.dim} wrap="truncate">
				Esc back{rollbackKey ? ` · ${rollbackKey} roll back` : ''} · the rollout stays tracked in the footer
			</Text>
		</Pane>
	);
}
