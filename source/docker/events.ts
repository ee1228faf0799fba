// Splits the engine's newline-delimited JSON events stream into objects.
import type {ApiEvent} from './types.js';

export class NdjsonSplitter {
	private rest = '';

	constructor(private readonly onValue: (value: ApiEvent) => void) {}

	push(chunk: Buffer | string): void {
		const text = this.rest + chunk.toString();
		const lines = text.split('\n');
		this.rest = lines.pop() ?? '';
		// A runaway line without newline must not grow forever.
		if (this.rest.length > 1_000_000) this.rest = '';
		for (const line of lines) {
			const trimmed = line.trim();
			if (!trimmed) continue;
			try {
				const value = JSON.parse(trimmed) as unknown;
				if (value && typeof value === 'object') this.onValue(value as ApiEvent);
			} catch {
				// Not JSON: skip; a resync will catch whatever it described.
			}
		}
	}
}
