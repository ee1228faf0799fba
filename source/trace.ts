// A trace of what happened to each key (SWARMTUI_TRACE=FILE, set by the CLI): the bytes
// read, what reached Ink, the action a key resolved to, the view it led to and the
// sentence it said. The e2e harness turns it on for every terminal and prints its end
// when a screen never showed what a key should have brought, so a key that "did
// nothing" in CI says where it stopped. Off, it costs one check.
type Sink = (line: string) => void;

let sink: Sink | undefined;
const started = Date.now();
/** While a secret is typed, typed text is traced as dots (the value is never written). */
let hidden = false;

export function hideTyped(on: boolean): void {
	hidden = on;
}

/** Typed text as the trace may hold it. */
export function typed(text: string): string {
	// eslint-disable-next-line no-control-regex
	return hidden ? text.replace(/[^\u0000-\u001f\u007f]/g, '•') : text;
}

export function traceTo(write: Sink | undefined): void {
	sink = write;
}

export function trace(what: string, detail?: unknown): void {
	if (!sink) return;
	const text = detail === undefined ? '' : ` ${JSON.stringify(detail)}`;
	try {
		sink(`${String(Date.now() - started).padStart(7)} ${what}${text}\n`);
	} catch {
		sink = undefined; // a trace that cannot be written is no reason to stop
	}
}
