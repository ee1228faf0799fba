// Inspect: a summary, then the whole object as YAML-like text (secret-looking env
// values masked until m), raw JSON (J), or what a rollback would restore (d).
import {Text} from 'ink';
import {specDiff} from '../../../model/plan.js';
import type {ApiNode, ApiService} from '../../../docker/types.js';
import {maskDeep, nodeSummary, nodeTaskLines, serviceSummary, taskSummary, yamlLines} from '../../../model/inspect.js';
import {whyPending} from '../../../model/placement.js';
import type {ClusterSnapshot} from '../../../model/snapshot.js';
import {Pane} from '../../Pane.js';
import {fit, sanitize} from '../../text.js';
import {wrapPieces} from '../../wrap.js';
import {useTheme} from '../../theme.js';

export type InspectState = {
	target: 'service' | 'node' | 'task';
	id: string;
	title: string;
	data?: unknown;
	error?: string;
	mode: 'yaml' | 'json' | 'diff';
	masked: boolean;
	offset: number;
	/** Text searched with /, matching lines highlighted; n and N jump between them. */
	search?: string;
	/** Long lines wrapped (the default: a task's whole error, a long label), or cut. */
	wrap?: boolean;
};

/** The next line (after `from`, or before it going back) holding the search text. */
export function findLine(lines: readonly string[], search: string, from: number, back = false): number | undefined {
	const needle = search.toLowerCase();
	if (!needle) return undefined;
	for (let step = 1; step <= lines.length; step++) {
		const i = (((back ? from - step : from + step) % lines.length) + lines.length) % lines.length;
		if (lines[i]?.toLowerCase().includes(needle)) return i;
	}
	return undefined;
}

export function inspectText(state: InspectState, now: number, snapshot?: ClusterSnapshot): string[] {
	if (state.error) return [`could not read it: ${state.error}`];
	if (state.data === undefined) return ['reading…'];
	const data = state.data as Record<string, unknown>;
	if (state.mode === 'json') {
		return JSON.stringify(state.masked ? maskDeep(data) : data, null, 2).split('\n');
	}
	if (state.mode === 'diff') {
		if (state.target !== 'service') return ['only services have a previous spec'];
		const service = data as ApiService;
		if (!service.PreviousSpec) return ['no previous spec: a rollback has nothing to restore'];
		return ['current -> previous (what a rollback restores):', '', ...specDiff(service.Spec, service.PreviousSpec, 200)];
	}
	const nodeId = typeof data['NodeID'] === 'string' ? data['NodeID'] : '';
	const nodeName = snapshot?.nodes.get(nodeId)?.Description?.Hostname;
	const summary = state.target === 'service' ? serviceSummary(data as ApiService) : state.target === 'node' ? nodeSummary(data as ApiNode) : taskSummary(data, now, nodeName);
	if (state.target === 'node' && snapshot) {
		const tasks = nodeTaskLines(snapshot, state.id);
		summary.push('', `tasks on it (${tasks.length}):`, ...(tasks.length ? tasks.map((line) => `  ${line}`) : ['  none']));
	}
	const body = state.target === 'task' ? yamlLines(data, state.masked) : yamlLines((data as {Spec?: unknown}).Spec ?? data, state.masked);
	const status = (data['Status'] ?? {}) as {State?: string};
	if (state.target === 'task' && snapshot && status.State === 'pending' && typeof data['ServiceID'] === 'string') {
		// Why pending: per node, the placement rules it fails.
		const verdicts = whyPending(snapshot, data['ServiceID']);
		const why = verdicts.map((v) => `  ${v.fits ? '✔' : '✘'} ${v.node}: ${v.fits ? 'fits (the scheduler may still be catching up)' : v.reasons.join('; ')}`);
		return [...summary, '', 'why pending, node by node:', ...why, '', 'task:', ...body.map((line) => `  ${line}`)];
	}
	return [...summary, '', state.target === 'task' ? 'task:' : 'spec:', ...body.map((line) => `  ${line}`)];
}

export function InspectView({state, width, height, now, snapshot}: {state: InspectState; width: number; height: number; now: number; snapshot?: ClusterSnapshot}) {
	const theme = useTheme();
	const lines = inspectText(state, now, snapshot);
	const rows = Math.max(1, height - 3);
	const offset = Math.max(0, Math.min(state.offset, lines.length - rows));
	const modeNote = state.mode === 'json' ? 'raw JSON' : state.mode === 'diff' ? 'rollback diff' : 'spec';
	// From the line at the offset, the rows that fit: each line whole (wrapped by display
	// width) or cut at the edge.
	const shown: Array<{key: string; text: string; hit: boolean}> = [];
	for (let i = offset; i < lines.length && shown.length < rows; i++) {
		const line = sanitize(lines[i] ?? '');
		const hit = Boolean(state.search) && line.toLowerCase().includes(state.search!.toLowerCase());
		const parts = state.wrap === false ? [fit(line, width - 2).trimEnd()] : wrapPieces([{text: line, style: undefined}], width - 2).map((row) => row.map((p) => p.text).join(''));
		parts.forEach((text, r) => shown.length < rows && shown.push({key: `${i}:${r}`, text, hit}));
	}
	return (
		<Pane title={`Inspect · ${state.title} · ${modeNote}${state.masked ? '' : ' · secrets shown'}${state.wrap === false ? ' · long lines cut' : ''}`} width={width} height={height} focused>
			{shown.map(({key, text, hit}) => (
				<Text key={key} wrap="truncate" inverse={hit}>
					{text || ' '}
				</Text>
			))}
			{Array.from({length: Math.max(0, rows - shown.length)}, (_, i) => (
				<Text key={`pad${i}`}> </Text>
			))}
			<Text color={theme.dim} wrap="truncate">
				{`${offset + 1}-${Math.min(lines.length, offset + rows)} of ${lines.length}${state.search ? ` · /${state.search} (n N)` : ''}`}
			</Text>
		</Pane>
	);
}
