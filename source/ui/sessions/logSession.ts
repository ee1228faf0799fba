// The log session: the buffer, the streams that fill it, the view's state (follow,
// wrap, search…) and the notices of tasks joining and leaving. It lives outside React:
// lines arrive far faster than frames, so the view is told at most ~30 times a second
// that the buffer moved.
import type {FollowOptions, FollowSink, Follower, LogTarget} from '../../docker/logfollow.js';
import {LogBuffer, type LogLine} from '../../model/logbuffer.js';
import {followedTasks, LogLabels, taskChanges, taskLabel, type TaskPresence} from '../../model/logtasks.js';
import type {ClusterSnapshot} from '../../model/snapshot.js';
import {type Readable, ValueStore} from '../state/valueStore.js';
import {initialLogState, type LogState} from '../views/logs/LogView.js';

export type OpenLogs = (targets: LogTarget[], options: FollowOptions, sink: FollowSink) => Follower;
export type LogOptions = {buffer: number; tail: number; colors: boolean};

export class LogSession {
	readonly state: ValueStore<LogState>;
	/** Bumps when the buffer moved (at most ~30 times a second). */
	readonly version = new ValueStore(0);
	buffer: LogBuffer | undefined;
	private follower: Follower | undefined;
	private followed: {services: Set<string>; tasks: Set<string>; present: TaskPresence} = {services: new Set(), tasks: new Set(), present: new Map()};
	private labels = new LogLabels();
	private ticker: ReturnType<typeof setInterval> | undefined;
	private stopWatching: (() => void) | undefined;

	constructor(
		private readonly cluster: Readable<ClusterSnapshot>,
		private readonly open: OpenLogs | undefined,
		private readonly options: LogOptions = {buffer: 10_000, tail: 200, colors: true},
	) {
		this.state = new ValueStore(initialLogState('', options.colors));
	}

	get active(): boolean {
		return this.buffer !== undefined;
	}

	/** Starts following; says why not when logs cannot be read here. */
	start = (targets: LogTarget[], title: string): string | undefined => {
		if (!this.open) return 'logs are not available here';
		this.stop();
		const buffer = new LogBuffer(this.options.buffer);
		this.buffer = buffer;
		const services = new Set(targets.filter((t) => t.kind === 'service').map((t) => t.id));
		const tasks = new Set(targets.filter((t) => t.kind === 'task').map((t) => t.id));
		this.followed = {services, tasks, present: followedTasks(this.cluster.get(), services, tasks)};
		this.labels = new LogLabels();
		const sink: FollowSink = {
			line: (line, target) => buffer.push({...line, source: target.name, label: this.labels.label(this.cluster.get(), line.taskId, line.serviceId, line.nodeId)}),
			notice: (text, target) => this.notice(text, target?.name ?? ''),
		};
		// A quiet stream is re-opened when tasks of its service started after it opened.
		const stale = (target: LogTarget, openedAt: number) =>
			target.kind === 'service' &&
			[...this.cluster.get().tasks.values()].some((t) => t.ServiceID === target.id && t.Status?.State === 'running' && Date.parse(t.Status?.Timestamp ?? '') > openedAt);
		this.follower = this.open(targets, {follow: true, tail: this.options.tail, stale}, sink);
		this.state.set(initialLogState(title, this.options.colors));
		this.ticker = setInterval(() => this.version.set(buffer.version), 33);
		this.ticker.unref?.();
		// Tasks joining and leaving the followed services, as notice lines.
		let tasksSeen = this.cluster.get().tasks;
		this.stopWatching = this.cluster.subscribe(() => {
			const snapshot = this.cluster.get();
			if (snapshot.tasks === tasksSeen) return;
			tasksSeen = snapshot.tasks;
			const now = followedTasks(snapshot, this.followed.services, this.followed.tasks);
			for (const text of taskChanges(this.followed.present, now)) this.notice(text);
			this.followed.present = now;
		});
		return undefined;
	};

	stop = (): void => {
		this.follower?.stop();
		this.follower = undefined;
		this.buffer = undefined;
		clearInterval(this.ticker);
		this.stopWatching?.();
		this.stopWatching = undefined;
	};

	notice = (text: string, source = ''): void => {
		this.buffer?.push({stream: 'notice', timestamp: new Date().toISOString(), taskId: '', nodeId: '', serviceId: '', source, text, cut: 0});
	};

	clear = (): void => {
		this.buffer?.clear();
		this.version.set(this.buffer?.version ?? 0);
	};

	/** A line's prefix: its task (slot and node) as it was when the line arrived. */
	label = (line: LogLine): string => (line.stream === 'notice' ? line.source : (line.label ?? taskLabel(this.cluster.get(), line.taskId, line.serviceId, line.nodeId)));
}
