// Log text is untrusted: it may carry any escape sequence. This turns a line into
// plain segments with an optional style taken from SGR colour codes only. Everything
// else (cursor moves, screen clears, titles, OSC 8 links, OSC 52 clipboard, DCS, APC,
// bells, other controls) never reaches the terminal: dropped, or shown as a visible
// placeholder. Nothing of a line's style carries into the next one.
import {marker, needsMarker} from './visible.js';

export type Style = {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dim?: boolean;
	italic?: boolean;
	underline?: boolean;
	inverse?: boolean;
};

export type Segment = {text: string; style?: Style};

const basic = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const bright = ['gray', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright'];

function color256(n: number): string | undefined {
	if (n < 8) return basic[n];
	if (n < 16) return bright[n - 8];
	if (n < 232) {
		const v = n - 16;
		const c = (x: number) => [0, 95, 135, 175, 215, 255][x] ?? 0;
		return `#${[c(Math.floor(v / 36)), c(Math.floor(v / 6) % 6), c(v % 6)].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
	}
	if (n < 256) {
		const g = 8 + (n - 232) * 10;
		return `#${g.toString(16).padStart(2, '0').repeat(3)}`;
	}
	return undefined;
}

function applySgr(style: Style, params: number[]): Style {
	const next = {...style};
	if (params.length === 0) return {};
	for (let i = 0; i < params.length; i++) {
		const p = params[i] ?? 0;
		if (p === 0) Object.keys(next).forEach((k) => delete next[k as keyof Style]);
		else if (p === 1) next.bold = true;
		else if (p === 2) next.dim = true;
		else if (p === 3) next.italic = true;
		else if (p === 4) next.underline = true;
		else if (p === 7) next.inverse = true;
		else if (p === 22) {
			delete next.bold;
			delete next.dim;
		} else if (p === 23) delete next.italic;
		else if (p === 24) delete next.underline;
		else if (p === 27) delete next.inverse;
		else if (p >= 30 && p <= 37) next.color = basic[p - 30];
		else if (p === 39) delete next.color;
		else if (p >= 40 && p <= 47) next.backgroundColor = basic[p - 40];
		else if (p === 49) delete next.backgroundColor;
		else if (p >= 90 && p <= 97) next.color = bright[p - 90];
		else if (p >= 100 && p <= 107) next.backgroundColor = bright[p - 100];
		else if (p === 38 || p === 48) {
			const key = p === 38 ? 'color' : 'backgroundColor';
			if (params[i + 1] === 5) {
				const c = color256(params[i + 2] ?? -1);
				if (c) next[key] = c;
				i += 2;
			} else if (params[i + 1] === 2) {
				const [r, g, b] = [params[i + 2] ?? 0, params[i + 3] ?? 0, params[i + 4] ?? 0].map((x) => Math.max(0, Math.min(255, x)));
				next[key] = `#${[r, g, b].map((x) => (x ?? 0).toString(16).padStart(2, '0')).join('')}`;
				i += 4;
			}
		}
	}
	return next;
}

/** A visible stand-in for a control character (the one rendering, model/visible.ts). */
export function placeholder(code: number): string {
	return marker(String.fromCodePoint(code));
}

const empty = (style: Style) => Object.keys(style).length === 0;

/**
 * Parses one log line. `colors: false` drops the SGR styles too. Tabs become spaces.
 * Stops after `max` visible characters (a 1 MB line costs no more than a screenful).
 */
export function toSegments(text: string, colors = true, max = 4096): Segment[] {
	const segments: Segment[] = [];
	let style: Style = {};
	let current = '';
	let visible = 0;
	const flush = () => {
		if (!current) return;
		segments.push(colors && !empty(style) ? {text: current, style} : {text: current});
		current = '';
	};
	const add = (s: string) => {
		current += s;
		visible += s.length;
	};
	let i = 0;
	while (i < text.length && visible < max) {
		const code = text.charCodeAt(i);
		if (code === 0x1b) {
			const next = text[i + 1];
			if (next === '[') {
				// CSI: parameters, intermediates, one final byte. Only SGR ("m") is kept.
				let j = i + 2;
				while (j < text.length && /[0-?]/.test(text[j] as string)) j++;
				const paramsEnd = j;
				while (j < text.length && /[ -/]/.test(text[j] as string)) j++;
				const final = text[j];
				if (final === undefined) break;
				if (final === 'm' && paramsEnd === j) {
					const raw = text.slice(i + 2, paramsEnd);
					if (/^[\d;]*$/.test(raw)) {
						flush();
						style = applySgr(style, raw === '' ? [] : raw.split(';').map((x) => (x === '' ? 0 : Number(x))));
					}
				}
				i = j + 1;
				continue;
			}
			if (next === ']' || next === 'P' || next === '_' || next === '^' || next === 'X') {
				// OSC, DCS, APC, PM, SOS: swallowed up to BEL or ST (ESC \).
				let j = i + 2;
				while (j < text.length && text.charCodeAt(j) !== 0x07 && !(text.charCodeAt(j) === 0x1b && text[j + 1] === '\\')) j++;
				i = j < text.length && text.charCodeAt(j) === 0x07 ? j + 1 : j + 2;
				continue;
			}
			// Any other ESC x (charset switches, save cursor, reset…): dropped with its byte.
			i += next === undefined ? 1 : 2;
			continue;
		}
		if (code === 0x09) {
			add('    '.slice(visible % 4));
			i++;
			continue;
		}
		if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)) {
			add(placeholder(code));
			i++;
			continue;
		}
		// Everything printable passes as it is; a surrogate pair as one character.
		const char = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : (text[i] as string);
		add(code >= 0xa0 && needsMarker(char) ? marker(char) : char);
		i += char.length;
	}
	flush();
	return segments;
}

/** The text of a line with every escape sequence removed (for search and saving). */
export function plainText(text: string): string {
	return toSegments(text, false, Number.POSITIVE_INFINITY)
		.map((s) => s.text)
		.join('');
}
