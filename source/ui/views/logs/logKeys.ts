// The log view's actions, as a pure step: the new view state, or a command for the
// session (exit, search, save, clear), or a sentence.
import type {ActionOf} from '../../../keys/places.js';
import type {LogBuffer} from '../../../model/logbuffer.js';
import {nextMatch} from '../../../model/logsearch.js';
import {indexOfSeq, type LogState} from './LogView.js';

export type LogCommand = 'exit' | 'search' | 'save' | 'clear';
export type LogStep = {state?: LogState; command?: LogCommand; message?: string};
export type LogAction = ActionOf<'logs'>;

const filters = ['off', 'only', 'except'] as const;

export function logStep(state: LogState, action: LogAction, buffer: LogBuffer, page: number): LogStep {
	const last = buffer.at(buffer.size - 1)?.seq;
	const bottomSeq = state.follow || state.anchor === undefined ? last : state.anchor;
	const scroll = (delta: number): LogStep => {
		if (bottomSeq === undefined) return {};
		const first = buffer.at(0)?.seq ?? 0;
		const anchor = Math.max(first, Math.min(last ?? first, bottomSeq + delta));
		// Scrolling up pauses following; reaching the bottom does not resume it (G does).
		return {state: {...state, follow: false, anchor}};
	};
	const match = (direction: -1 | 1): LogStep => {
		if (!state.search) return {message: 'no search yet: search first'};
		const from = state.match !== undefined ? indexOfSeq(buffer, state.match) : bottomSeq !== undefined ? indexOfSeq(buffer, bottomSeq) + 1 : buffer.size;
		const found = nextMatch(buffer, state.search, from, direction);
		if (found < 0) return {message: `no ${direction < 0 ? 'older' : 'newer'} match for "${state.search}"`};
		const seq = buffer.at(found)?.seq;
		return {state: {...state, match: seq, follow: false, anchor: seq}};
	};
	switch (action) {
		case 'back':
			return {command: 'exit'};
		case 'logSave':
			return {command: 'save'};
		case 'logSearch':
			return {command: 'search'};
		case 'logClear':
			return {command: 'clear'};
		case 'up':
			return scroll(-1);
		case 'down':
			return scroll(1);
		case 'pageUp':
			return scroll(-page);
		case 'pageDown':
			return scroll(page);
		case 'top':
			return buffer.size ? {state: {...state, follow: false, anchor: buffer.at(0)?.seq}} : {};
		case 'logEnd':
			return {state: {...state, follow: true, anchor: undefined}};
		case 'logFollow':
			return {state: state.follow ? {...state, follow: false, anchor: last} : {...state, follow: true, anchor: undefined}};
		case 'logWrap':
			return {state: {...state, wrap: !state.wrap}};
		case 'logTimestamps':
			return {state: {...state, timestamps: !state.timestamps}};
		case 'logPrefixes':
			return {state: {...state, prefixes: !state.prefixes}};
		case 'logFilter': {
			if (!state.search) return {message: 'search first; then this shows only matching lines, then only the others'};
			const next = filters[(filters.indexOf(state.filter) + 1) % filters.length] ?? 'off';
			return {state: {...state, filter: next}};
		}
		// n goes to older matches (up), N to newer ones.
		case 'logOlder':
			return match(-1);
		case 'logNewer':
			return match(1);
	}
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
