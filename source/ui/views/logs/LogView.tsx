// Aggregated logs: the newest lines at the bottom, each prefixed with its task and
// node, coloured per task. Only the lines that fit are laid out, whatever the buffer
// holds; log text goes through toSegments, so no byte of it reaches the terminal raw.
import figures from 'figures';
import {Box, Text} from 'ink';
import {type Segment, toSegments} from '../../../model/ansi.js';
import type {LogBuffer, LogLine} from '../../../model/logbuffer.js';
import {type FilterMode, visibleIndexes} from '../../../model/logsearch.js';
import {taskColor} from '../../../model/logtasks.js';
import {Pane} from '../../Pane.js';
import {sanitize} from '../../text.js';
import {useTheme} from '../../theme.js';
import {type Piece, wrapPieces} from '../../wrap.js';

/** Characters of a line shown at most (a 1 MB line costs no more than a few screens). */
const shownLimit = 4096;

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
	/** The key that resumes following, as the keymap has it. */
	endKey?: string;
	width: number;
	height: number;
};

const clock = (timestamp: string) => (timestamp ? (/T(\d\d:\d\d:\d\d(?:\.\d{1,3})?)/.exec(timestamp)?.[1] ?? timestamp).padEnd(12, '0') : ''.padEnd(12));

function highlight(segments: Segment[], query: string, color: string): Segment[] {
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
			out.push({text: segment.text.slice(found, found + needle.length), style: {...segment.style, inverse: true, color}});
			start = found + needle.length;
		}
		if (start < segment.text.length) out.push({text: segment.text.slice(start), style: segment.style});
	}
	return out;
}

export function LogView({buffer, state, label, width, height, endKey = 'G'}: LogViewProps) {
	const theme = useTheme();
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

	// Every line as pieces of styled text: timestamp, prefix, stderr mark, the text, a note.
	type Look = {color?: string; backgroundColor?: string; bold?: boolean; dim?: boolean; italic?: boolean; underline?: boolean; inverse?: boolean};
	const piecesOf = (line: LogLine, labelWidth: number): Array<Piece<Look>> => {
		const isNotice = line.stream === 'notice';
		const pieces: Array<Piece<Look>> = [];
		if (state.timestamps) pieces.push({text: `${clock(line.timestamp)} `, style: {color: theme.dim}});
		if (state.prefixes) pieces.push({text: `${sanitize(isNotice ? label(line) : label(line).padEnd(labelWidth))} `, style: {color: isNotice ? theme.warn : taskColor(line.taskId)}});
		if (line.stream === 'stderr') pieces.push({text: figures.pointerSmall, style: {color: 'red'}});
		const segments = isNotice ? [{text: `» ${sanitize(line.text)}`}] : highlight(toSegments(line.text, state.colors, shownLimit), state.search, theme.warn);
		for (const segment of segments) pieces.push({text: segment.text, style: isNotice ? {color: theme.warn} : (segment.style ?? {})});
		if (line.cut) pieces.push({text: ` … (${line.cut} bytes cut)`, style: {color: theme.dim}});
		else if (!isNotice && line.text.length > shownLimit) pieces.push({text: ' … (the line goes on: Ctrl-S saves it whole)', style: {color: theme.dim}});
		return pieces;
	};

	// Lines from the bottom up, each as the rows it takes, until the view is full: a
	// wrapped line that does not fit whole shows its last rows.
	const picked: LogLine[] = [];
	for (let position = bottom; position >= 0 && picked.length < rows; position--) {
		const line = buffer.at(at(position) ?? -1);
		if (line) picked.unshift(line);
	}
	// Prefixes padded to the widest one on screen, so messages line up.
	const labelWidth = state.prefixes ? Math.max(0, ...picked.map((line) => (line.stream === 'notice' ? 0 : label(line).length))) : 0;
	const shown: Array<{key: string; pieces: Array<Piece<Look>>; current: boolean}> = [];
	for (let i = picked.length - 1; i >= 0 && shown.length < rows; i--) {
		const line = picked[i] as LogLine;
		const pieces = piecesOf(line, labelWidth);
		const lineRows = state.wrap ? wrapPieces(pieces, inner) : [pieces];
		for (let r = lineRows.length - 1; r >= 0 && shown.length < rows; r--) shown.unshift({key: `${line.seq}:${r}`, pieces: lineRows[r] as Array<Piece<Look>>, current: state.match === line.seq});
	}

	const status = [
		state.follow ? `${figures.play} following` : `${figures.squareSmallFilled} paused (${endKey} resumes)`,
		`${buffer.size} lines${buffer.dropped ? ` · ${buffer.dropped} dropped (oldest)` : ''}`,
		state.search ? `/${state.search}${state.filter === 'only' ? ' · only matches' : state.filter === 'except' ? ' · hiding matches' : ''}` : '',
		[state.wrap && 'wrap', state.timestamps && 'timestamps', !state.prefixes && 'no prefixes'].filter(Boolean).join(' '),
	]
		.filter(Boolean)
		.join(' · ');

	return (
		<Pane title={`Logs · ${state.title}`} width={width} height={height} focused>
			<Box flexDirection="column" height={rows} overflow="hidden">
				{shown.map(({key, pieces, current}) => (
					<Text key={key} wrap="truncate" inverse={current}>
						{pieces.map((piece, i) => (
							<Text key={i} color={piece.style.color} backgroundColor={piece.style.backgroundColor} bold={piece.style.bold} dimColor={piece.style.dim} italic={piece.style.italic} underline={piece.style.underline} inverse={piece.style.inverse}>
								{piece.text}
							</Text>
						))}
					</Text>
				))}
			</Box>
			<Text color={theme.dim} wrap="truncate">
				{status.length > inner ? status.slice(0, inner) : status}
			</Text>
		</Pane>
	);
}
