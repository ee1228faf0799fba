// Search and filter over log lines: plain, case-insensitive text (no regex, so no
// catastrophic backtracking on long lines), over the text without escape sequences.
import {plainText} from './ansi.js';
import type {LogBuffer, LogLine} from './logbuffer.js';

export type FilterMode = 'off' | 'only' | 'except';

export function plainOf(line: LogLine): string {
	if (line.plain === undefined) line.plain = plainText(line.text).toLowerCase();
	return line.plain;
}

/** Whether a log line matches; swarmtui's own notices (tasks joining, leaving) never do. */
export function lineMatches(line: LogLine, query: string): boolean {
	return query !== '' && line.stream !== 'notice' && plainOf(line).includes(query.toLowerCase());
}

/** Buffer indexes the view shows, oldest first. */
export function visibleIndexes(buffer: LogBuffer, query: string, mode: FilterMode): number[] | undefined {
	if (mode === 'off' || !query) return undefined; // all of them
	const out: number[] = [];
	for (let i = 0; i < buffer.size; i++) {
		const line = buffer.at(i);
		if (!line) continue;
		if (lineMatches(line, query) === (mode === 'only')) out.push(i);
	}
	return out;
}

/** The next match from `from` in a direction (1 newer, -1 older), or -1. */
export function nextMatch(buffer: LogBuffer, query: string, from: number, direction: 1 | -1): number {
	if (!query) return -1;
	for (let i = from + direction; i >= 0 && i < buffer.size; i += direction) {
		const line = buffer.at(i);
		if (line && lineMatches(line, query)) return i;
	}
	return -1;
}
