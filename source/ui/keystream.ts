// Esc and a key typed right after it (fast typing, or a slow ssh link) reach Ink in one
// read, and Ink takes them as Alt+key; for a key like "/" it drops the Esc altogether,
// so "Esc /web Enter" became Enter on whatever the view behind had selected. swarmtui
// binds no Alt keys: an Esc followed by anything but the start of an escape sequence
// ("[" or "O") is the Esc key, then the key. This stream, given to Ink as its stdin,
// hands Ink such an Esc on its own and the rest a turn later, once Ink has taken the
// lone Esc as the Escape key. Everything else passes as it was read.
import {EventEmitter} from 'node:events';

/** A read split before every Esc that is a key of its own, and after it. */
export function splitReads(text: string): string[] {
	const parts: string[] = [];
	let start = 0;
	for (let i = 0; i < text.length - 1; i++) {
		if (text.charCodeAt(i) !== 0x1b) continue;
		const next = text[i + 1];
		if (next === '[' || next === 'O') continue;
		if (i > start) parts.push(text.slice(start, i));
		parts.push('\u001B');
		start = i + 1;
	}
	if (start < text.length) parts.push(text.slice(start));
	return parts;
}

type Source = NodeJS.ReadStream;

/** What Ink uses of its stdin, over the real one, one split read per turn. */
export class KeyStream extends EventEmitter {
	private readonly waiting: string[] = [];
	private ready: string | undefined;
	private scheduled = false;
	private readonly onReadable = () => {
		for (let chunk = this.source.read(); chunk !== null; chunk = this.source.read()) this.waiting.push(...splitReads(String(chunk)));
		this.deliver();
	};

	constructor(private readonly source: Source) {
		super();
		// Follow the real stdin only while Ink listens, so it can pause and let the process end.
		this.on('newListener', (event: string) => {
			if (event === 'readable' && this.listenerCount('readable') === 0) source.on('readable', this.onReadable);
		});
		this.on('removeListener', (event: string) => {
			if (event === 'readable' && this.listenerCount('readable') === 0) source.removeListener('readable', this.onReadable);
		});
	}

	get isTTY(): boolean {
		return Boolean(this.source.isTTY);
	}

	setRawMode(on: boolean): this {
		this.source.setRawMode?.(on);
		return this;
	}

	setEncoding(encoding: BufferEncoding): this {
		this.source.setEncoding(encoding);
		return this;
	}

	ref(): this {
		this.source.ref();
		return this;
	}

	unref(): this {
		this.source.unref();
		return this;
	}

	/** One part per turn: Ink reads until null. */
	read(): string | null {
		const part = this.ready;
		this.ready = undefined;
		return part ?? null;
	}

	private deliver(): void {
		if (this.scheduled || this.waiting.length === 0) return;
		this.ready = this.waiting.shift();
		this.emit('readable');
		if (this.waiting.length === 0) return;
		// After Ink's own turn for a lone Esc (it waits one setImmediate for more).
		this.scheduled = true;
		setImmediate(() => {
			this.scheduled = false;
			this.deliver();
		});
	}
}
