// Keys of the log view, as a pure step: the new view state, or a command for the App.
import type {Key} from 'ink';
import type {LogBuffer} from '../model/logbuffer.js';
import {nextMatch} from '../model/logsearch.js';
import {indexOfSeq, type LogState} from './LogView.js';

export type LogCommand = 'exit' | 'search' | 'save' | 'clear';
export type LogStep = {state?: LogState; command?: LogCommand; message?: string};

const filters = ['off', 'only', 'except'] as const;

export function logKey(state: LogState, input: string, key: Key, buffer: LogBuffer, page: number): LogStep {
	const last = buffer.at(buffer.size - 1)?.seq;
	const bottomSeq = state.follow || state.anchor === undefined ? last : state.anchor;
	const scroll = (delta: number): LogStep => {
		if (bottomSeq === undefined) return {};
		const first = buffer.at(0)?.seq ?? 0;
		const anchor = Math.max(first, Math.min(last ?? first, bottomSeq + delta));
		// Scrolling up pauses following; reaching the bottom does not resume it (G does).
		return {state: {...state, follow: false, anchor}};
	};
	if (key.escape || input === '-') return {command: 'exit'};
	if (key.ctrl && input === 's') return {command: 'save'};
	if (key.upArrow || input === 'k') return scroll(-1);
	if (key.downArrow || input === 'j') return scroll(1);
	if (key.pageUp) return scroll(-page);
	if (key.pageDown) return scroll(page);
	if (input === 'g' || key.home) return buffer.size ? {state: {...state, follow: false, anchor: buffer.at(0)?.seq}} : {};
	if (input === 'G' || key.end) return {state: {...state, follow: true, anchor: undefined}};
	if (input === 'f') return {state: state.follow ? {...state, follow: false, anchor: last} : {...state, follow: true, anchor: undefined}};
	if (input === 'w') return {state: {...state, wrap: !state.wrap}};
	if (input === 't') return {state: {...state, timestamps: !state.timestamps}};
	if (input === 'p') return {state: {...state, prefixes: !state.prefixes}};
	if (input === '/') return {command: 'search'};
	if (input === 'c') return {command: 'clear'};
	if (input === 'F') {
		if (!state.search) return {message: 'search first (/), then F shows only matching lines, then only the others'};
		const next = filters[(filters.indexOf(state.filter) + 1) % filters.length] ?? 'off';
		return {state: {...state, filter: next}};
	}
	if (input === 'n' || input === 'N') {
		if (!state.search) return {message: 'no search: press / first'};
		const from = state.match !== undefined ? indexOfSeq(buffer, state.match) : bottomSeq !== undefined ? indexOfSeq(buffer, bottomSeq) + 1 : buffer.size;
		// n goes to older matches (up), N to newer ones.
		const found = nextMatch(buffer, state.search, from, input === 'n' ? -1 : 1);
		if (found < 0) return {message: `no ${input === 'n' ? 'older' : 'newer'} match for "${state.search}"`};
		const seq = buffer.at(found)?.seq;
		return {state: {...state, match: seq, follow: false, anchor: seq}};
	}
	return {};
}

/** After a search is typed: jump to the newest match. */
export function startSearch(state: LogState, query: string, buffer: LogBuffer): LogStep {
	const trimmed = query.slice(0, 200);
	if (!trimmed) return {state: {...state, search: '', filter: 'off', match: undefined}};
	const found = nextMatch(buffer, trimmed, buffer.size, -1);
	if (found < 0) return {state: {...state, search: trimmed, match: undefined}, message: `no line matches "${trimmed}" yet`};
	const seq = buffer.at(found)?.seq;
	return {state: {...state, search: trimmed, match: seq, follow: false, anchor: seq}};
}
