// Every byte the terminal sends passes here before Ink sees it, and leaves as one of
// three things: a key Ink knows, pasted text, or nothing.
//
// - Keys: printable text, control keys, and the escape sequences of the keys Ink names
//   (arrows, Home/End, PgUp/PgDn, Insert/Delete, F-keys, Shift-Tab). Any other escape
//   sequence (pasted coloured text brings `ESC[31m`, a terminal may answer a query with
//   `ESC]…BEL`) is dropped whole: Ink 6 turned `ESC[31m` into a "Ctrl" key without a
//   name and crashed on it.
// - Esc followed by anything but the start of a sequence is the Esc key, then the key:
//   Ink takes the two as Alt+key and, before "/", dropped the Esc ("Esc /web Enter"
//   became Enter on the view behind). swarmtui binds no Alt keys.
// - Bracketed paste (the terminal wraps pasted text in `ESC[200~ … ESC[201~` once
//   swarmtui asks for it, screen.ts): the text goes to `onPaste`, never to Ink, so a
//   pasted "y" or newline is never a key.
// Ink reads one part per turn, and a lone Esc reaches it as a whole sequence (see deliver).
import {EventEmitter} from 'node:events';
import {trace, typed} from '../trace.js';

const ESC = '\u001B';
const pasteStart = `${ESC}[200~`;
const pasteEnd = `${ESC}[201~`;
const kittyEscape = `${ESC}[27u`;
/** A paste is cut here: the fields it can land in hold 512 characters. */
const pasteLimit = 64 * 1024;

/** The CSI sequences Ink names (parse-keypress.js), with or without a modifier. */
const csiKey = /^\u001B\[(?:\[[A-E]|\[[56]~|(?:1;\d+)?[A-FHZa-e]|(\d+)(?:;\d+)?~|([235678])(?:;\d+)?[$^])$/;
const csiNumbered = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '11', '12', '13', '14', '15', '17', '18', '19', '20', '21', '23', '24']);
const ss3Key = /^\u001BO[A-FHP-Sa-e]$/;

export type Token = {kind: 'keys'; text: string} | {kind: 'paste'; text: string};

function isKeySequence(sequence: string): boolean {
	if (ss3Key.test(sequence)) return true;
	const match = csiKey.exec(sequence);
	if (!match) return false;
	return match[1] === undefined || csiNumbered.has(match[1]);
}

/** Where the escape sequence starting at `at` ends (exclusive); 'pending' if the read stops inside it. */
function sequenceEnd(text: string, at: number): number | 'pending' {
	const kind = text[at + 1];
	if (kind === undefined) return 'pending';
	if (kind === '[') {
		// CSI: parameter and intermediate bytes, then one final byte. A legacy "ESC[[A" too.
		let i = at + 2;
		if (text[i] === '[') i++;
		for (; i < text.length; i++) {
			const code = text.charCodeAt(i);
			// rxvt ends Shift+Insert and the like with "$" (ESC[2$), an intermediate byte elsewhere.
			if (code === 0x24 && /^\d$/.test(text[i - 1] ?? '')) return i + 1;
			if (code >= 0x20 && code <= 0x3f) continue;
			// A final byte ends it; anything else (a control character) ends it as malformed.
			return code >= 0x40 && code <= 0x7e ? i + 1 : i;
		}
		return 'pending';
	}
	if (kind === 'O') return at + 2 < text.length ? at + 3 : 'pending';
	if (kind === ']' || kind === 'P' || kind === 'X' || kind === '^' || kind === '_') {
		// OSC, DCS, SOS, PM, APC: up to BEL or ST (ESC \).
		for (let i = at + 2; i < text.length; i++) {
			if (text[i] === '\u0007') return i + 1;
			if (text[i] === ESC) return text[i + 1] === undefined ? 'pending' : text[i + 1] === '\\' ? i + 2 : i;
		}
		return 'pending';
	}
	return at + 1;
}

/**
 * Cuts what the terminal sent into keys and pastes. `pending` is what an earlier read
 * left unfinished; the answer's `rest` is what this one leaves (an escape sequence or a
 * paste cut by the read), to be put before the next read.
 */
export function tokenize(text: string): {tokens: Token[]; rest: string} {
	const tokens: Token[] = [];
	let keys = '';
	const flush = () => {
		if (keys) tokens.push({kind: 'keys', text: keys});
		keys = '';
	};
	let i = 0;
	while (i < text.length) {
		const at = text.indexOf(ESC, i);
		if (at < 0) {
			keys += text.slice(i);
			break;
		}
		keys += text.slice(i, at);
		if (text.startsWith(pasteStart, at) || (text.length - at < pasteStart.length && pasteStart.startsWith(text.slice(at)) && text.length - at > 1)) {
			if (text.length - at < pasteStart.length) {
				flush();
				return {tokens, rest: text.slice(at)};
			}
			const end = text.indexOf(pasteEnd, at + pasteStart.length);
			if (end < 0) {
				flush();
				// Unfinished: wait for the rest, but never hold more than the limit.
				const body = text.slice(at + pasteStart.length);
				if (body.length > pasteLimit) return {tokens: [...tokens, {kind: 'paste', text: body.slice(0, pasteLimit)}], rest: ''};
				return {tokens, rest: text.slice(at)};
			}
			flush();
			tokens.push({kind: 'paste', text: text.slice(at + pasteStart.length, end).slice(0, pasteLimit)});
			i = end + pasteEnd.length;
			continue;
		}
		const next = text[at + 1];
		if (next === undefined) {
			// A lone Esc at the end of a read is the Esc key.
			flush();
			tokens.push({kind: 'keys', text: ESC});
			i = at + 1;
			continue;
		}
		if (next !== '[' && next !== 'O' && next !== ']' && next !== 'P' && next !== 'X' && next !== '^' && next !== '_') {
			// The Esc key, then whatever follows as keys of its own.
			flush();
			tokens.push({kind: 'keys', text: ESC});
			i = at + 1;
			continue;
		}
		const end = sequenceEnd(text, at);
		if (end === 'pending') {
			flush();
			return {tokens, rest: text.slice(at)};
		}
		const sequence = text.slice(at, end);
		if (isKeySequence(sequence)) keys += sequence;
		i = end;
	}
	flush();
	return {tokens, rest: ''};
}

/** Old name kept for the reads' split: the key parts of a read, in order. */
export function splitReads(text: string): string[] {
	return tokenize(text).tokens.filter((t) => t.kind === 'keys').map((t) => t.text);
}

type Source = NodeJS.ReadStream;

/** What Ink uses of its stdin, over the real one, one part per turn; pastes go to `paste` listeners. */
export class KeyStream extends EventEmitter {
	private readonly waiting: string[] = [];
	private ready: string | undefined;
	private scheduled = false;
	private rest = '';
	private restTimer: NodeJS.Timeout | undefined;
	private readonly onReadable = () => {
		for (let chunk = this.source.read(); chunk !== null; chunk = this.source.read()) this.take(String(chunk));
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

	/** Pasted text (bracketed paste), whole. */
	onPaste(listener: (text: string) => void): () => void {
		this.on('paste', listener);
		return () => this.removeListener('paste', listener);
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

	private take(chunk: string): void {
		trace('read', typed(chunk));
		clearTimeout(this.restTimer);
		const {tokens, rest} = tokenize(this.rest + chunk);
		this.rest = rest;
		for (const token of tokens) {
			if (token.kind === 'paste') {
				if (this.listenerCount('paste')) this.emit('paste', token.text);
			} else this.waiting.push(token.text);
		}
		// A sequence cut by the read is finished by the next one, normally at once. One
		// that never finishes was no key: after a moment it is dropped (a paste cut off
		// is delivered as far as it came).
		if (this.rest) {
			this.restTimer = setTimeout(() => {
				const held = this.rest;
				this.rest = '';
				if (held.startsWith(pasteStart)) this.emit('paste', held.slice(pasteStart.length));
				else if (held === ESC) this.waiting.push(ESC);
				this.deliver();
			}, held(this.rest));
			this.restTimer.unref?.();
		}
	}

	private deliver(): void {
		if (this.scheduled || this.waiting.length === 0) return;
		const part = this.waiting.shift();
		if (this.ready !== undefined) trace('unread by ink', typed(this.ready));
		// Ink 7 holds a lone Esc for 20 ms and joins it to what comes next ("Esc /" became
		// Alt+/). Given as the kitty keyboard protocol's Escape (ESC[27u), a whole sequence
		// Ink names "escape" whatever follows, it is the key at once.
		this.ready = part === ESC ? kittyEscape : part;
		trace('to ink', {part: typed(part as string), listening: this.listenerCount('readable')});
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

/** How long an unfinished sequence is waited for: a paste gets longer than a key. */
function held(rest: string): number {
	return rest.startsWith(pasteStart) ? 500 : 50;
}
