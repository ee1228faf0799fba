// Service and task log streams, read by hand: dockerode's demuxStream switches to raw
// passthrough on a type-3 (system error) frame and then writes frame headers into the
// output. Lines come out parsed: stream, timestamp, the task/node/service from
// `details=true`, and the message as bytes decoded (never interpreted).
import type {IncomingMessage} from 'node:http';

import type {LogStream} from './types.js';

export type {LogStream} from './types.js';

export type RawLogLine = {
	stream: LogStream;
	/** RFC 3339 timestamp as the engine wrote it ('' if absent). */
	timestamp: string;
	taskId: string;
	nodeId: string;
	serviceId: string;
	text: string;
	/** Bytes cut from an over-long line. */
	cut: number;
};

/** Longest line kept; the rest is counted, not stored (a 1 MB line must not stall the UI). */
export const maxLineBytes = 8192;

/**
 * Splits the engine's multiplexed frames ([type, 0, 0, 0, size32] + payload) into
 * per-stream payloads; in raw mode (TTY services) everything is stdout.
 */
export class Demuxer {
	private pending: Buffer = Buffer.alloc(0);

	constructor(
		private readonly onPayload: (type: number, payload: Buffer) => void,
		private readonly raw = false,
	) {}

	push(chunk: Buffer): void {
		if (this.raw) {
			this.onPayload(1, chunk);
			return;
		}
		let buffer = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
		let offset = 0;
		while (buffer.length - offset >= 8) {
			const type = buffer[offset] ?? 0;
			const size = buffer.readUInt32BE(offset + 4);
			if (buffer.length - offset - 8 < size) break;
			this.onPayload(type, buffer.subarray(offset + 8, offset + 8 + size));
			offset += 8 + size;
		}
		buffer = buffer.subarray(offset);
		this.pending = buffer.length ? Buffer.from(buffer) : Buffer.alloc(0);
	}
}

/** Splits a byte stream into lines, keeping at most `limit` bytes of each (the rest is counted as cut). */
export class LineSplitter {
	private parts: Buffer[] = [];
	private size = 0;
	private cut = 0;

	constructor(
		private readonly onLine: (line: Buffer, cut: number) => void,
		private readonly limit = maxLineBytes,
	) {}

	push(chunk: Buffer): void {
		let start = 0;
		for (;;) {
			const end = chunk.indexOf(0x0a, start);
			if (end < 0) break;
			this.append(chunk.subarray(start, end));
			this.flush();
			start = end + 1;
		}
		if (start < chunk.length) this.append(chunk.subarray(start));
	}

	/** Whether a line has begun and not ended (the last chunk had no newline). */
	get open(): boolean {
		return this.size > 0 || this.cut > 0;
	}

	/** The stream ended: a last line without newline still counts. */
	end(): void {
		if (this.size || this.cut) this.flush();
	}

	private append(bytes: Buffer): void {
		const room = this.limit - this.size;
		// Views into the chunks, no copies: a line is turned into a string as soon as it ends.
		if (bytes.length <= room) {
			if (bytes.length) this.parts.push(bytes);
			this.size += bytes.length;
		} else {
			if (room > 0) this.parts.push(bytes.subarray(0, room));
			this.size += Math.max(0, room);
			this.cut += bytes.length - Math.max(0, room);
		}
	}

	private flush(): void {
		const line = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts);
		const cut = this.cut;
		this.parts = [];
		this.size = 0;
		this.cut = 0;
		this.onLine(line, cut);
	}
}

const timestampPattern = /^\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d) /;

/**
 * "<timestamp> <details> <message>": details are `k=v,k=v` (URL-escaped) with the swarm
 * IDs, as `docker service logs` reads them.
 */
export function parseLine(stream: LogStream, bytes: Buffer, cut: number, withDetails: boolean): RawLogLine {
	let text = bytes.toString('utf8');
	if (text.endsWith('\r')) text = text.slice(0, -1);
	let timestamp = '';
	const ts = timestampPattern.exec(text);
	if (ts) {
		timestamp = ts[0].slice(0, -1);
		text = text.slice(ts[0].length);
	}
	let taskId = '';
	let nodeId = '';
	let serviceId = '';
	if (withDetails) {
		const space = text.indexOf(' ');
		const details = space < 0 ? text : text.slice(0, space);
		if (/^[\w.-]+=/.test(details) || details === '') {
			for (const pair of details.split(',')) {
				const eq = pair.indexOf('=');
				if (eq < 0) continue;
				const key = pair.slice(0, eq);
				let value = pair.slice(eq + 1);
				if (value.includes('%')) {
					try {
						value = decodeURIComponent(value);
					} catch {
						// keep it as it came
					}
				}
				if (key === 'com.docker.swarm.task.id') taskId = value;
				else if (key === 'com.docker.swarm.node.id') nodeId = value;
				else if (key === 'com.docker.swarm.service.id') serviceId = value;
			}
			text = space < 0 ? '' : text.slice(space + 1);
		}
	}
	return {stream, timestamp, taskId, nodeId, serviceId, text, cut};
}

const fragmentPrefix = /^\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d) (?:[\w.-]+=[^ ]*,?)* ?/;

/** A frame without its leading "timestamp details " (a fragment continuing a line). */
function withoutPrefix(payload: Buffer): Buffer {
	const head = payload.subarray(0, 512).toString('latin1');
	const match = fragmentPrefix.exec(head);
	return match ? payload.subarray(match[0].length) : payload;
}

export type LogHandlers = {
	onLine: (line: RawLogLine) => void;
	/** An error frame from the engine ("error grabbing logs: …"), as a notice. */
	onNotice: (text: string) => void;
	onEnd: (error?: unknown) => void;
};

/** Wires a response stream to handlers: demux, split, parse. */
export function readLogStream(response: NodeJS.ReadableStream, handlers: LogHandlers, options: {raw: boolean; details: boolean; maxLineBytes?: number}): () => void {
	const headers = (response as Partial<IncomingMessage>).headers ?? {};
	// API 1.42+ says which it is; older engines only by the service's TTY setting.
	const type = String(headers['content-type'] ?? '');
	const raw = type.includes('raw-stream') ? true : type.includes('multiplexed-stream') ? false : options.raw;
	const splitters = new Map<number, LineSplitter>();
	const splitter = (kind: number) => {
		let found = splitters.get(kind);
		if (!found) {
			const stream: LogStream = kind === 2 ? 'stderr' : 'stdout';
			found = new LineSplitter((bytes, cut) => handlers.onLine(parseLine(stream, bytes, cut, options.details)), options.maxLineBytes);
			splitters.set(kind, found);
		}
		return found;
	};
	const demuxer = new Demuxer((kind, payload) => {
		if (kind === 3) return handlers.onNotice(payload.toString('utf8').trim());
		const lines = splitter(kind === 2 ? 2 : 1);
		// The engine sends a line over 16 KiB as fragments, each frame with its own
		// timestamp and details: those of a fragment that continues a line are not text
		// (they ended up in the middle of long lines).
		lines.push(lines.open && !raw ? withoutPrefix(payload) : payload);
	}, raw);
	let ended = false;
	const end = (error?: unknown) => {
		if (ended) return;
		ended = true;
		for (const s of splitters.values()) s.end();
		handlers.onEnd(error);
	};
	response.on('data', (chunk: Buffer) => demuxer.push(chunk));
	response.on('end', () => end());
	response.on('close', () => end());
	response.on('error', (error) => end(error));
	return () => {
		ended = true;
		(response as {destroy?: () => void}).destroy?.();
	};
}
