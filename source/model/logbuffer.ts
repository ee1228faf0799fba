// The log lines on hand: a ring of fixed size, so memory does not grow with what was
// received; when it is full the oldest go, and the count of dropped lines is kept.
import type {LogStream} from '../docker/types.js';

export type LogLine = {
	seq: number;
	stream: LogStream | 'notice';
	timestamp: string;
	taskId: string;
	nodeId: string;
	serviceId: string;
	/** Which followed target it came from (a service or task name). */
	source: string;
	/** Its prefix (`service.slot@node`), fixed when it arrived: it never changes on screen. */
	label?: string;
	text: string;
	cut: number;
	/** The text without escape sequences, made when first searched. */
	plain?: string;
};

export class LogBuffer {
	private readonly ring: Array<LogLine | undefined>;
	private start = 0;
	private count = 0;
	private seq = 0;
	/** Lines pushed out of the ring since the last clear. */
	dropped = 0;
	/** Changes on every push and clear: the view redraws when it moved. */
	version = 0;

	constructor(readonly capacity = 10_000) {
		this.ring = new Array(capacity);
	}

	get size(): number {
		return this.count;
	}

	push(line: Omit<LogLine, 'seq'>): void {
		const entry = line as LogLine;
		entry.seq = ++this.seq;
		if (this.count < this.capacity) {
			this.ring[(this.start + this.count) % this.capacity] = entry;
			this.count++;
		} else {
			this.ring[this.start] = entry;
			this.start = (this.start + 1) % this.capacity;
			this.dropped++;
		}
		this.version++;
	}

	/** The i-th line, oldest first. */
	at(index: number): LogLine | undefined {
		if (index < 0 || index >= this.count) return undefined;
		return this.ring[(this.start + index) % this.capacity];
	}

	clear(): void {
		this.ring.fill(undefined);
		this.start = 0;
		this.count = 0;
		this.dropped = 0;
		this.version++;
	}

	toArray(): LogLine[] {
		const out: LogLine[] = [];
		for (let i = 0; i < this.count; i++) out.push(this.at(i) as LogLine);
		return out;
	}
}
