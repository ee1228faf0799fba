// Following logs of several services or tasks at once, and staying on them: a stream
// that ends (manager restart, engine hiccup) or goes silent while new tasks run is
// re-attached from the last line's timestamp, and lines already shown are skipped.
import type {LogQuery, LogSource, Subscription} from './client.js';
import {DockerError} from './errors.js';
import type {RawLogLine} from './logs.js';

export type LogTarget = {kind: 'service' | 'task'; id: string; name: string; tty: boolean};

export type FollowSink = {
	line(line: RawLogLine, target: LogTarget): void;
	notice(text: string, target?: LogTarget): void;
	/** Every stream ended for good (not following, or all targets gone). */
	done?(): void;
};

export type FollowOptions = {
	follow: boolean;
	/** Engine `since` (unix seconds, may be fractional, or an RFC 3339 time). */
	since?: string;
	/** Lines per task of history (the engine applies tail per task). */
	tail?: number;
	/** Whether a quiet stream should be re-attached: new tasks started since it opened. */
	stale?: (target: LogTarget, openedAt: number) => boolean;
	quietAfter?: number;
	/** Bytes of a line kept (the view's buffer); the rest is counted as cut. Default 8 KiB. */
	maxLineBytes?: number;
	/**
	 * The engine sends each task's history one task after the other: lines of the first
	 * `settle` ms after opening are held and given out in timestamp order, so history
	 * reads merged. Without follow, all lines are held until the end.
	 */
	settle?: number;
};

/** "2026-11-22T00:30:01.12Z" -> "2026-11-22T00:30:01.120000000": sortable as text. */
export function timestampKey(timestamp: string): string {
	// The engine's usual form (nine fraction digits) is already sortable.
	if (timestamp.length === 30 && timestamp[19] === '.' && timestamp[29] === 'Z') return timestamp.slice(0, 29);
	const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(timestamp);
	if (!match) return timestamp;
	return `${match[1]}.${(match[2] ?? '').padEnd(9, '0').slice(0, 9)}`;
}

/** The engine's `since` for a timestamp: "seconds.nanoseconds". */
export function sinceOf(timestamp: string): string | undefined {
	const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(timestamp);
	if (!match) return undefined;
	const seconds = Math.floor(Date.parse(`${match[1]}Z`) / 1000);
	return `${seconds}.${(match[2] ?? '').padEnd(9, '0').slice(0, 9)}`;
}

type Mark = {
	key: string;
	timestamp: string;
	/** Lines at that timestamp, to drop them when a re-attach sends them again. */
	atLast: Set<string>;
};

type State = {
	target: LogTarget;
	subscription?: Subscription;
	/** Per task: a service's stream interleaves tasks whose clocks do not agree. */
	marks: Map<string, Mark>;
	openedAt: number;
	lastLineAt: number;
	delay: number;
	timer?: NodeJS.Timeout;
	gone: boolean;
};

export type Follower = {stop(): void};

export function followLogs(api: LogSource, targets: readonly LogTarget[], options: FollowOptions, sink: FollowSink): Follower {
	let stopped = false;
	const states = targets.map<State>((target) => ({target, marks: new Map(), openedAt: 0, lastLineAt: 0, delay: 1000, gone: false}));
	const quietAfter = options.quietAfter ?? 10_000;
	const settle = options.settle ?? 300;
	// Held lines, across all targets, until the settle window closes.
	let held: Array<{line: RawLogLine; target: LogTarget; key: string}> | undefined = [];
	const release = () => {
		if (!held) return;
		const lines = held;
		held = undefined;
		lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		for (const {line, target} of lines) sink.line(line, target);
	};
	const settleTimer = options.follow ? setTimeout(release, settle) : undefined;
	const emit = (line: RawLogLine, target: LogTarget) => {
		if (held) held.push({line, target, key: timestampKey(line.timestamp)});
		else sink.line(line, target);
	};

	const checkDone = () => {
		if (!states.every((s) => s.gone)) return;
		release();
		sink.done?.();
	};

	const open = (state: State, resume: boolean) => {
		if (stopped) return;
		state.openedAt = Date.now();
		state.lastLineAt = Date.now();
		const query: LogQuery = {follow: options.follow, maxLineBytes: options.maxLineBytes};
		// From the oldest task that spoke in the last minute before the newest line: tasks
		// that stopped long ago must not pull their whole history back in.
		const marks = [...state.marks.values()].map((m) => ({...m, time: Date.parse(m.timestamp) || 0}));
		const newest = Math.max(0, ...marks.map((m) => m.time));
		const oldest = marks.filter((m) => m.time >= newest - 60_000).reduce<Mark | undefined>((a, b) => (!a || b.key < a.key ? b : a), undefined);
		if (resume && oldest) query.since = sinceOf(oldest.timestamp);
		else {
			if (options.since) query.since = options.since;
			if (options.tail !== undefined) query.tail = options.tail;
		}
		state.subscription = api.logs({kind: state.target.kind, id: state.target.id, tty: state.target.tty}, query, {
			onLine: (line) => {
				state.lastLineAt = Date.now();
				state.delay = 1000;
				if (line.timestamp) {
					const key = timestampKey(line.timestamp);
					const identity = `${line.stream}|${line.text}`;
					const mark = state.marks.get(line.taskId);
					if (!mark) state.marks.set(line.taskId, {key, timestamp: line.timestamp, atLast: new Set([identity])});
					else if (key < mark.key) return;
					else if (key === mark.key) {
						if (mark.atLast.has(identity)) return;
						mark.atLast.add(identity);
					} else {
						mark.key = key;
						mark.timestamp = line.timestamp;
						mark.atLast = new Set([identity]);
					}
				}
				emit(line, state.target);
			},
			onNotice: (text) => sink.notice(text, state.target),
			onEnd: (error) => {
				state.subscription = undefined;
				if (stopped) return;
				if (error instanceof DockerError && error.statusCode === 404) {
					sink.notice(`${state.target.name} no longer exists: stopped following it`, state.target);
					state.gone = true;
					return checkDone();
				}
				if (!options.follow) {
					if (error) sink.notice(`${state.target.name}: ${(error as Error).message}`, state.target);
					state.gone = true;
					return checkDone();
				}
				sink.notice(`${state.target.name}: log stream ${error ? `failed (${(error as Error).message})` : 'ended'}; re-attaching in ${Math.round(state.delay / 1000)}s`, state.target);
				state.timer = setTimeout(() => open(state, true), state.delay);
				state.delay = Math.min(state.delay * 2, 10_000);
			},
		});
	};

	for (const state of states) open(state, false);

	// Users report followed service streams that stop after task restarts: a stream that
	// has been quiet while new tasks of its service run is opened again.
	const watchdog = options.follow && options.stale
		? setInterval(() => {
				for (const state of states) {
					if (state.gone || !state.subscription) continue;
					const quiet = Date.now() - state.lastLineAt > quietAfter;
					if (quiet && options.stale?.(state.target, state.openedAt)) {
						state.subscription.close();
						state.subscription = undefined;
						open(state, true);
					}
				}
			}, Math.max(1000, quietAfter / 2))
		: undefined;

	return {
		stop() {
			stopped = true;
			if (settleTimer) clearTimeout(settleTimer);
			if (watchdog) clearInterval(watchdog);
			for (const state of states) {
				if (state.timer) clearTimeout(state.timer);
				state.subscription?.close();
			}
		},
	};
}
