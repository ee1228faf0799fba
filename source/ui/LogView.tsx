// Aggregated logs: the newest lines at the bottom, each prefixed with its task and
// node, coloured per task. Only the lines that fit are laid out, whatever the buffer
// holds; log text goes through toSegments, so no byte of it reaches the terminal raw.
import figures from 'figures';
import {Box, Text} from 'ink';
import {type Segment, toSegments} from '../model/ansi.js';
import type {LogBuffer, LogLine} from '../model/logbuffer.js';
import {type FilterMode, visibleIndexes} from '../model/logsearch.js';
import {taskColor} from '../model/logtasks.js';
import {Pane} from './Pane.js';
import {sanitize} from './text.js';
import {theme} from './theme.js';

export type LogState = {
	title: string;
	follow: boolean;
	wrap: boolean;
	timestamps: boolean;
	prefixes: boolean;
	colors: boolean;
	search: string;
	filter: FilterMode;
	/** The line at the bottom of the view when not following (its seq). */
	anchor?: number;
	/** The match the cursor is on (its seq). */
	match?: number;
};

export const initialLogState = (title: string, colors: boolean): LogState => ({
	title,
	follow: true,
	wrap: false,
	timestamps: false,
	prefixes: true,
	colors,
	search: '',
	filter: 'off',
});

/** Where a line with a given seq sits in the buffer (seqs are consecutive). */
export function indexOfSeq(buffer: LogBuffer, seq: number): number {
	const first = buffer.at(0);
	if (!first) return -1;
	return Math.max(0, Math.min(buffer.size - 1, seq - first.seq));
}

export type LogViewProps = {
	buffer: LogBuffer;
	/** Bumps when the buffer changed (the view is throttled to ~30 frames/s). */
	version: number;
	state: LogState;
	label: (line: LogLine) => string;
	width: number;
	height: number;
};

const clock = (timestamp: string) => (timestamp ? (/T(\d\d:\d\d:\d\d(?:\.\d{1,3})?)/.exec(timestamp)?.[1] ?? timestamp).padEnd(12, '0') : ''.padEnd(12));

function highlight(segments: Segment[], query: string): Segment[] {
	if (!query) return segments;
	const needle = query.toLowerCase();
	const out: Segment[] = [];
	for (const segment of segments) {
		const lower = segment.text.toLowerCase();
		let start = 0;
		for (;;) {
			const found = lower.indexOf(needle, start);
			if (found < 0) break;
			if (found > start) out.push({text: segment.text.slice(start, found), style: segment.style});
			out.push({text: segment.text.slice(found, found + needle.length), style: {...segment.style, inverse: true, color: theme.warn}});
			start = found + needle.length;
		}
		if (start < segment.text.length) out.push({text: segment.text.slice(start), style: segment.style});
	}
	return out;
}

export function LogView({buffer, state, label, width, height}: LogViewProps) {
	const inner = width - 2;
	const rows = Math.max(1, height - 3); // top line, status line, bottom border
	const indexes = visibleIndexes(buffer, state.search, state.filter);
	const total = indexes ? indexes.length : buffer.size;
	const at = (position: number) => (indexes ? indexes[position] : position);
	let bottom = total - 1;
	if (!state.follow && state.anchor !== undefined) {
		const target = indexOfSeq(buffer, state.anchor);
		if (indexes) {
			// The last shown line at or before the anchor.
			let lo = 0;
			let hi = indexes.length - 1;
			bottom = -1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				if ((indexes[mid] ?? 0) <= target) {
					bottom = mid;
					lo = mid + 1;
				} else hi = mid - 1;
			}
		} else bottom = target;
	}

	const lines: Array<{line: LogLine; height: number}> = [];
	let used = 0;
	for (let position = bottom; position >= 0 && used < rows; position--) {
		const line = buffer.at(at(position) ?? -1);
		if (!line) continue;
		const length = (state.prefixes ? label(line).length + 1 : 0) + (state.timestamps ? 13 : 0) + Math.min(line.text.length, 4096);
		const h = state.wrap ? Math.max(1, Math.ceil(length / inner)) : 1;
		lines.unshift({line, height: Math.min(h, rows)});
		used += h;
	}
	// A wrapped first line that does not fit whole is cut from the top.
	const overflow = Math.max(0, used - rows);
	// Prefixes padded to the widest one on screen, so messages line up.
	const labelWidth = state.prefixes ? Math.max(0, ...lines.map(({line}) => (line.stream === 'notice' ? 0 : label(line).length))) : 0;

	const status = [
		state.follow ? `${figures.play} following` : `${figures.squareSmallFilled} paused (G resumes)`,
		`${buffer.size} lines${buffer.dropped ? ` · ${buffer.dropped} dropped (oldest)` : ''}`,
		state.search ? `/${state.search}${state.filter === 'only' ? ' · only matches' : state.filter === 'except' ? ' · hiding matches' : ''}` : '',
		[state.wrap && 'wrap', state.timestamps && 'timestamps', !state.prefixes && 'no prefixes'].filter(Boolean).join(' '),
	]
		.filter(Boolean)
		.join(' · ');

	return (
		<Pane title={`Logs · ${state.title}`} width={width} height={height} focused>
			<Box flexDirection="column" height={rows} overflow="hidden" marginTop={-overflow}>
				{lines.map(({line}) => {
					const isNotice = line.stream === 'notice';
					const prefix = state.prefixes ? (isNotice ? label(line) : label(line).padEnd(labelWidth)) : '';
					const segments = isNotice ? [{text: `» ${sanitize(line.text)}`}] : highlight(toSegments(line.text, state.colors), state.search);
					const current = state.match === line.seq;
					return (
						<Text key={line.seq} wrap={state.wrap ? 'wrap' : 'truncate'} inverse={current}>
							{state.timestamps ? <Text color={theme.dim}>{clock(line.timestamp)} </Text> : null}
							{prefix ? <Text color={isNotice ? theme.warn : taskColor(line.taskId)}>{sanitize(prefix)} </Text> : null}
							{line.stream === 'stderr' ? <Text color="red">{figures.pointerSmall}</Text> : null}
							{segments.map((segment, i) => (
								<Text key={i} color={isNotice ? theme.warn : segment.style?.color} backgroundColor={segment.style?.backgroundColor} bold={segment.style?.bold} dimColor={segment.style?.dim} italic={segment.style?.italic} underline={segment.style?.underline} inverse={segment.style?.inverse}>
									{segment.text}
								</Text>
							))}
							{line.cut ? <Text color={theme.dim}> … ({line.cut} bytes cut)</Text> : null}
						</Text>
					);
				})}
			</Box>
			<Text color={theme.dim} wrap="truncate">
				{status.length > inner ? status.slice(0, inner) : status}
			</Text>
		</Pane>
	);
}
