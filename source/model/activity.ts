// The activity list: what the operator did this session, and what the cluster reported
// (service and node events), newest last, bounded.
import type {ApiEvent} from '../docker/types.js';

export type Activity = {
	id: number;
	time: number;
	source: 'action' | 'cluster';
	target: string;
	text: string;
	outcome: 'ok' | 'error' | 'pending' | 'info';
};

export class ActivityLog {
	private entries: Activity[] = [];
	private next = 1;
	private readonly listeners = new Set<() => void>();

	constructor(private readonly capacity = 500) {}

	get = (): readonly Activity[] => this.entries;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	add(entry: Omit<Activity, 'id' | 'time'> & {time?: number}): number {
		const id = this.next++;
		this.entries = [...this.entries.slice(-(this.capacity - 1)), {id, time: entry.time ?? Date.now(), ...entry}];
		this.emit();
		return id;
	}

	/** Settles a pending entry (an action that finished). */
	settle(id: number, outcome: Activity['outcome'], text: string): void {
		this.entries = this.entries.map((entry) => (entry.id === id ? {...entry, outcome, text} : entry));
		this.emit();
	}

	addEvent(event: ApiEvent): void {
		const entry = describeEvent(event);
		if (entry) this.add(entry);
	}

	private emit(): void {
		for (const listener of this.listeners) listener();
	}
}

/** "service update shop_web (replicas 2 -> 3)". */
export function describeEvent(event: ApiEvent): (Omit<Activity, 'id' | 'time'> & {time?: number}) | undefined {
	if (event.Type !== 'service' && event.Type !== 'node' && event.Type !== 'secret' && event.Type !== 'config') return undefined;
	const attributes = event.Actor?.Attributes ?? {};
	const name = attributes['name'] ?? event.Actor?.ID?.slice(0, 12) ?? '?';
	const changes: string[] = [];
	for (const [key, value] of Object.entries(attributes)) {
		if (!key.endsWith('.new')) continue;
		const field = key.slice(0, -'.new'.length);
		const old = attributes[`${field}.old`];
		changes.push(old === undefined ? `${field} ${value}` : `${field} ${old} -> ${value}`);
	}
	const time = event.timeNano ? Math.floor(event.timeNano / 1e6) : event.time ? event.time * 1000 : undefined;
	return {
		time,
		source: 'cluster',
		target: `${event.Type} ${name}`,
		text: `${event.Action ?? 'event'}${changes.length ? ` (${changes.join(', ')})` : ''}`,
		outcome: 'info',
	};
}

/** What a screen needs of the activity list. */
export type ActivityFeed = Pick<ActivityLog, 'get' | 'subscribe' | 'add' | 'settle'>;
