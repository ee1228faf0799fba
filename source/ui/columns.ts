// Column layout for tables: which columns fit, and how wide each is. Pure, so it is
// tested without rendering. Lower priority numbers are kept longest.
import {displayWidth, sanitize} from './text.js';

export type Column<T> = {
	key: string;
	header: string;
	get: (row: T) => string;
	/** 0 is kept longest; higher numbers are dropped first when the terminal is narrow. */
	priority: number;
	minWidth?: number;
	maxWidth?: number;
	align?: 'left' | 'right';
	/** Free text (a message, an error): it gives up its width first, down to minWidth, so a long one never pushes the other columns out. */
	flex?: boolean;
};

export type LaidOut<T> = Column<T> & {width: number};

/** Widest value per column (0: empty in every row); over every row, so widths do not jump while scrolling. */
export function naturalWidths<T>(columns: readonly Column<T>[], rows: readonly T[]): number[] {
	return columns.map((column) => {
		let max = 0;
		for (const row of rows) {
			// As shown: a control character's marker is wider than the character.
			const w = displayWidth(sanitize(column.get(row)));
			if (w > max) max = w;
		}
		return max;
	});
}

export type Layout<T> = {columns: LaidOut<T>[]; gap: number};

/**
 * Fits columns into `width`: the least important column gives way first, shrinking
 * (with the first column's help) when that is enough and otherwise leaving, so every
 * column shown is wide enough to read (never below its minWidth).
 */
export function layoutColumns<T>(columns: readonly Column<T>[], natural: readonly number[], width: number): Layout<T> {
	let chosen = columns.map((column, index) => {
		const header = displayWidth(column.header);
		const want = Math.min(Math.max(header, natural[index] ?? header), column.maxWidth ?? Number.POSITIVE_INFINITY);
		const min = Math.min(want, column.minWidth ?? header);
		return {column, index, width: want, min, empty: natural[index] === 0};
	});
	const used = () => chosen.reduce((sum, c) => sum + c.width, 0) + Math.max(0, chosen.length - 1);
	// Short of room: first columns with nothing in them go, then long values of the less
	// important columns are cut to a readable 24 before any column is dropped.
	if (used() > width) chosen = chosen.filter((c) => !c.empty || c.column.priority === 0);
	// A long message is cut before any other column shrinks or goes.
	for (const c of chosen) {
		const over = used() - width;
		if (over <= 0) break;
		if (c.column.flex) c.width = Math.max(c.min, c.width - over);
	}
	for (const c of [...chosen].sort((a, b) => b.column.priority - a.column.priority)) {
		const over = used() - width;
		if (over <= 0) break;
		if (c.column.priority === 0) continue;
		const soft = Math.max(c.min, 24);
		if (c.width > soft) c.width = Math.max(soft, c.width - over);
	}
	while (chosen.length > 1 && used() > width) {
		const victim = chosen.reduce((a, b) => (b.column.priority > a.column.priority || (b.column.priority === a.column.priority && b.index > a.index) ? b : a));
		const over = used() - width;
		// The first (identity) column may give way too before anything is dropped.
		const primary = chosen.reduce((a, b) => (b.column.priority < a.column.priority ? b : a));
		const ownSlack = victim.width - victim.min;
		const primarySlack = primary === victim ? 0 : primary.width - primary.min;
		if (ownSlack + primarySlack >= over) {
			const own = Math.min(ownSlack, over);
			victim.width -= own;
			primary.width -= over - own;
			break;
		}
		chosen = chosen.filter((c) => c !== victim);
	}
	const only = chosen.length === 1 ? chosen[0] : undefined;
	if (only) only.width = Math.max(0, Math.min(only.width, width));
	// Two spaces between columns read better; one when space is short.
	const gap = used() + Math.max(0, chosen.length - 1) <= width ? 2 : 1;
	return {columns: chosen.map((c) => ({...c.column, width: c.width})), gap};
}
