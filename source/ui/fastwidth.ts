// string-width's first call on a non-ASCII string compiles its emoji regex and the
// grapheme segmenter (~35 ms), and every later one walks graphemes. A frame is full of
// box-drawing characters, selection marks and figures symbols that are one column wide
// for certain; this answers for strings made only of those, and remembers the rest.
// The bundle routes every copy of string-width through here (scripts/build.mjs).

/** Characters one column wide in any terminal: no emoji presentation, no combining. */
export function narrow(code: number): boolean {
	return (
		(code >= 0x20 && code <= 0x7e) ||
		(code >= 0xa0 && code <= 0xff && code !== 0xad) ||
		(code >= 0x2010 && code <= 0x2027) || // dashes, quotes, bullet, ellipsis
		(code >= 0x2030 && code <= 0x205e) || // per mille, primes, ‹ ›
		(code >= 0x2190 && code <= 0x21ff) || // arrows
		(code >= 0x2500 && code <= 0x25fc) || // box drawing, blocks, geometric shapes (◽◾ are wide)
		code === 0x2139 || // ℹ
		code === 0x23ce || // ⏎
		(code >= 0x2400 && code <= 0x2426) || // control pictures: ␛ ␡
		code === 0x2605 ||
		code === 0x2606 || // ★ ☆
		code === 0x26a0 || // ⚠ (without VS16)
		code === 0x2714 ||
		code === 0x2716 ||
		code === 0x2718 || // ✔ ✖ ✘
		code === 0x276f // ❯
	);
}

/**
 * The width when every character is surely narrow, else undefined. Colour and style
 * codes (SGR: ESC [ digits and ; m, what chalk writes) count nothing, as string-width
 * strips them; any other escape is left to string-width.
 */
export function narrowWidth(text: string): number | undefined {
	let width = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (narrow(code)) {
			width++;
			continue;
		}
		if (code !== 0x1b || text.charCodeAt(i + 1) !== 0x5b) return undefined;
		let end = i + 2;
		for (let c = text.charCodeAt(end); (c >= 0x30 && c <= 0x39) || c === 0x3b; c = text.charCodeAt(++end));
		if (text.charCodeAt(end) !== 0x6d) return undefined;
		i = end;
	}
	return width;
}

type Measure = (text: string, options?: {countAnsiEscapeCodes?: boolean; ambiguousIsNarrow?: boolean}) => number;

/** string-width with the fast answer first and a bounded memory of slow ones. */
export function withFastPath(slow: Measure): Measure {
	const known = new Map<string, number>();
	return (text, options) => {
		if (typeof text !== 'string') return slow(text, options);
		if (options && (options.countAnsiEscapeCodes || options.ambiguousIsNarrow === false)) return slow(text, options);
		const fast = narrowWidth(text);
		if (fast !== undefined) return fast;
		let width = known.get(text);
		if (width === undefined) {
			width = slow(text, options);
			if (known.size > 10_000) known.clear();
			known.set(text, width);
		}
		return width;
	};
}
