// Reads a JSON array of objects as it arrives, one element at a time. The full task
// list of a large swarm is tens of megabytes of JSON: buffered whole, then parsed whole,
// it held the raw bytes, the string and every field of every task at once, when the
// store keeps a few fields of each.

const quote = 0x22;
const backslash = 0x5c;
const open = 0x7b;
const close = 0x7d;
const openList = 0x5b;
const closeList = 0x5d;

export class JsonArraySplitter {
	private depth = 0;
	private inString = false;
	private escaped = false;
	private started = false;
	private ended = false;
	private parts: Buffer[] = [];

	constructor(private readonly onElement: (element: unknown) => void) {}

	push(chunk: Buffer): void {
		let from = -1; // where the element in progress starts in this chunk
		if (this.depth >= 2) from = 0;
		for (let i = 0; i < chunk.length; i++) {
			const byte = chunk[i] as number;
			if (this.inString) {
				if (this.escaped) this.escaped = false;
				else if (byte === backslash) this.escaped = true;
				else if (byte === quote) this.inString = false;
				continue;
			}
			if (byte === quote) {
				if (this.depth < 2) throw new Error('expected a list of objects from the engine');
				this.inString = true;
			} else if (byte === open || byte === openList) {
				if (!this.started) {
					if (byte !== openList) throw new Error('expected a list from the engine');
					this.started = true;
				} else if (this.ended) {
					throw new Error('unexpected data after the list');
				}
				this.depth++;
				if (this.depth === 2) {
					if (byte !== open) throw new Error('expected a list of objects from the engine');
					from = i;
				}
			} else if (this.depth === 1 && byte !== 0x2c && byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && byte !== closeList) {
				throw new Error('expected a list of objects from the engine');
			} else if (byte === close || byte === closeList) {
				this.depth--;
				if (this.depth === 1 && from >= 0) {
					this.parts.push(chunk.subarray(from, i + 1));
					this.emit();
					from = -1;
				} else if (this.depth === 0) {
					this.ended = true;
				} else if (this.depth < 0) {
					throw new Error('unbalanced JSON from the engine');
				}
			}
		}
		// Keep the unfinished element's bytes (copied: the chunk's memory is not ours).
		if (from >= 0 && this.depth >= 2) this.parts.push(Buffer.from(chunk.subarray(from)));
	}

	/** The list must have been complete. */
	end(): void {
		if (!this.ended) throw new Error('the engine\'s answer ended early');
	}

	private emit(): void {
		const text = this.parts.length === 1 ? (this.parts[0] as Buffer).toString('utf8') : Buffer.concat(this.parts).toString('utf8');
		this.parts = [];
		this.onElement(JSON.parse(text));
	}
}
