// Styled text cut into rows of an exact width, by display columns. The log view lays out
// wrapped lines itself instead of leaving it to Ink's word wrap: it must know how many
// rows each line takes before drawing (a 1 MB line, guessed by its length, overflowed
// the pane: the status line landed inside it and old characters stayed on screen).
import {narrow} from './fastwidth.js';
import {displayWidth} from './text.js';

export type Piece<S> = {text: string; style: S};

/** `pieces` as rows no wider than `width`; a wide character never straddles two rows. */
export function wrapPieces<S>(pieces: ReadonlyArray<Piece<S>>, width: number, maxRows = Number.POSITIVE_INFINITY): Array<Array<Piece<S>>> {
	const rows: Array<Array<Piece<S>>> = [[]];
	let used = 0;
	const room = Math.max(1, width);
	for (const piece of pieces) {
		let start = 0;
		let i = 0;
		const push = (end: number) => {
			if (end > start) (rows[rows.length - 1] as Array<Piece<S>>).push({text: piece.text.slice(start, end), style: piece.style});
			start = end;
		};
		while (i < piece.text.length) {
			const code = piece.text.codePointAt(i) ?? 0;
			const size = code > 0xffff ? 2 : 1;
			const w = narrow(code) ? 1 : displayWidth(piece.text.slice(i, i + size));
			if (used + w > room && used > 0) {
				push(i);
				if (rows.length >= maxRows) return rows;
				rows.push([]);
				used = 0;
			}
			used += w;
			i += size;
		}
		push(piece.text.length);
	}
	return rows;
}
