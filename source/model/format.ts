// Small formatters shared by the views: durations, image names, ports.
import type {ApiPort} from '../docker/types.js';
import {list} from './coerce.js';

/** Like Go's units.HumanDuration, which the docker CLI uses ("5 minutes", "About an hour"). */
export function humanDuration(ms: number): string {
	// Go truncates seconds and minutes and rounds hours; so do we.
	const seconds = Math.floor(ms / 1000);
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${seconds} seconds`;
	const minutes = Math.floor(ms / 60_000);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return `${minutes} minutes`;
	const hours = Math.round(ms / 3_600_000);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return `${hours} hours`;
	if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
	if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
	if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
	return `${Math.floor(hours / 24 / 365)} years`;
}

export function ago(timestamp: string | undefined, now: number): string {
	if (typeof timestamp !== 'string' || !timestamp) return '';
	const t = Date.parse(timestamp);
	if (Number.isNaN(t) || t <= 0) return '';
	return `${humanDuration(Math.max(0, now - t)).toLowerCase()} ago`;
}

/** "docker.io/library/nginx:1.25@sha256:…" -> "nginx:1.25": tag shown, digest hidden. */
export function shortImage(image: string | undefined): string {
	if (typeof image !== 'string' || !image) return '';
	let name = image.split('@')[0] ?? image;
	name = name.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
	return name;
}

export function formatPorts(ports: readonly ApiPort[] | undefined): string {
	const all = list<ApiPort>(ports).filter((port) => port && typeof port === 'object');
	if (!all.length) return '';
	return all
		.map((port) => {
			const proto = port.Protocol ?? 'tcp';
			const published = port.PublishedPort ? String(port.PublishedPort) : '';
			const host = port.PublishMode === 'host' ? 'host:' : '*:';
			return published ? `${host}${published}->${port.TargetPort ?? '?'}/${proto}` : `${port.TargetPort ?? '?'}/${proto}`;
		})
		.join(',');
}

/** "1 change", "3 changes". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function capitalize(text: string): string {
	return typeof text === 'string' && text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

// Natural order is Intl.Collator's (numeric, base strength), but making one loads ICU's
// collation data (~15 ms of start-up). Names are nearly always printable ASCII, where
// ICU's root order is a fixed table: those are compared here, the rest by ICU.
// test/unit/format.test.ts holds this to Intl.Collator's answers.
const icuAsciiOrder = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const digitRank = 40;
const ranks = (() => {
	const table = new Int8Array(128).fill(-1);
	for (let i = 0; i < icuAsciiOrder.length; i++) table[icuAsciiOrder.charCodeAt(i)] = i;
	for (let c = 0; c < 26; c++) table[0x41 + c] = table[0x61 + c] = 50 + c;
	return table;
})();
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const known = (text: string, from: number) => {
	for (let k = from; k < text.length; k++) {
		const code = text.charCodeAt(k);
		if (!isDigit(code) && !(code < 128 && ranks[code]! >= 0)) return false;
	}
	return true;
};
let collator: Intl.Collator | undefined;

function asciiCompare(a: string, b: string): number | undefined {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const ca = a.charCodeAt(i);
		const cb = b.charCodeAt(j);
		if (isDigit(ca) && isDigit(cb)) {
			// Numbers by value: leading zeros do not count, a longer number is larger.
			while (a.charCodeAt(i) === 0x30) i++;
			while (b.charCodeAt(j) === 0x30) j++;
			let ea = i;
			let eb = j;
			while (isDigit(a.charCodeAt(ea))) ea++;
			while (isDigit(b.charCodeAt(eb))) eb++;
			if (ea - i > 30 || eb - j > 30) return undefined;
			if (ea - i !== eb - j) return ea - i < eb - j ? -1 : 1;
			for (; i < ea; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) < b.charCodeAt(j) ? -1 : 1;
			continue;
		}
		const ra = isDigit(ca) ? digitRank : ca < 128 ? ranks[ca]! : -1;
		const rb = isDigit(cb) ? digitRank : cb < 128 ? ranks[cb]! : -1;
		if (ra < 0 || rb < 0) return undefined;
		if (ra !== rb) return ra < rb ? -1 : 1;
		i++;
		j++;
	}
	// One is a prefix of the other: the longer is larger, if what is left counts in ICU.
	if (!known(a, i) || !known(b, j)) return undefined;
	return i < a.length ? 1 : j < b.length ? -1 : 0;
}

/** Natural order, as `docker node ls` sorts host names: node2 before node10. */
export function naturalCompare(a: string, b: string): number {
	const fast = typeof a === 'string' && typeof b === 'string' ? asciiCompare(a, b) : undefined;
	return fast ?? (collator ??= new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'})).compare(a, b);
}
