// Ink's frame output (ansi-tokenize, slice-ansi) splits every line into graphemes with
// Intl.Segmenter: the first one made loads ICU's break rules (~15 ms at start), and
// walking segments costs more than walking characters. In a string made only of
// characters that are each a grapheme of their own (the one-column set of fastwidth.ts,
// and the escape character of colour codes) the graphemes are its characters, given
// here without asking ICU. The bundle hands both libraries this in place of their
// segmenter (scripts/build.mjs).
import {narrow} from './fastwidth.js';

type Segment = {segment: string; index: number; input: string};

function plain(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (!narrow(code) && code !== 0x1b) return false;
	}
	return true;
}

/** What Intl.Segmenter's segment() returns, for a plain string. */
class PlainSegments {
	constructor(private readonly input: string) {}

	containing(index = 0): Segment | undefined {
		if (index < 0 || index >= this.input.length) return undefined;
		const at = Math.floor(index);
		return {segment: this.input[at]!, index: at, input: this.input};
	}

	*[Symbol.iterator](): Iterator<Segment> {
		for (let index = 0; index < this.input.length; index++) yield {segment: this.input[index]!, index, input: this.input};
	}
}

/** A grapheme segmenter that makes the real one only for a string that needs it. */
export function graphemeSegmenter(make: () => Intl.Segmenter): {segment(input: string): PlainSegments | Intl.Segments} {
	let real: Intl.Segmenter | undefined;
	return {
		segment: (input) => (plain(input) ? new PlainSegments(input) : (real ??= make()).segment(input)),
	};
}
