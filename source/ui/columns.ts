// Column layout for tables: which columns fit, and how wide each is. Pure, so it is
// tested without rendering. Lower priority numbers are kept longest.
import {displayWidth} from './text.js';

export type Column<T> = {
	key: string;
	header: string;
	get: (row: T) => string;
	/** 0 is kept longest; higher numbers are dropped first when the terminal is narrow. */
	priority: number;
	minWidth?: number;
	maxWidth?: number;
	align?: 'left' | 'right';
};

export type LaidOut<T> = Column<T> & {width: number};

/** Widest value per column; over every row, so widths do not jump while scrolling. */
export function naturalWidths<T>(columns: readonly Column<T>[], rows: readonly T[]): number[] {
	return columns.map((column) => {
		let max = displayWidth(column.header);
		for (const row of rows) {
			const w = displayWidth(column.get(row));
			if (w > max) max = w;
		}
		return max;
	});
}

export type Layout<T> = {columns: LaidOut<T>[]; gap: number};

export function layoutColumns<T>(columns: readonly Column<T>[], natural: readonly number[], width: number): Layout<T> {
	const specs = columns.map((column, index) => {
		const header = displayWidth(column.header);
		const want = Math.min(Math.max(header, natural[index] ?? header), column.maxWidth ?? Number.POSITIVE_INFINITY);
		const min = Math.min(want, column.minWidth ?? header);
		return {column, index, want, min};
	});
	// Keep columns by priority while their minimum widths (and one-space gaps) fit.
	const kept = new Set<number>();
	let used = 0;
	for (const spec of [...specs].sort((a, b) => a.column.priority - b.column.priority || a.index - b.index)) {
		const cost = spec.min + (kept.size > 0 ? 1 : 0);
		if (used + cost > width) continue;
		kept.add(spec.index);
		used += cost;
	}
	const chosen = specs.filter((spec) => kept.has(spec.index));
	const widths = chosen.map((spec) => spec.want);
	const gaps = Math.max(0, chosen.length - 1);
	// Two spaces between columns read better; one when space is short.
	const gap = widths.reduce((sum, w) => sum + w, 0) + 2 * gaps <= width ? 2 : 1;
	let over = widths.reduce((sum, w) => sum + w, 0) + gaps * gap - width;
	// Shrink the widest shrinkable column first, one column step at a time.
	while (over > 0) {
		let widest = -1;
		for (let i = 0; i < chosen.length; i++) {
			if ((widths[i] ?? 0) > (chosen[i]?.min ?? 0) && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0))) widest = i;
		}
		if (widest < 0) break;
		const next = Math.max(...widths.filter((_, i) => i !== widest && (widths[i] ?? 0) < (widths[widest] ?? 0)), chosen[widest]?.min ?? 0);
		const step = Math.max(1, Math.min(over, (widths[widest] ?? 0) - next));
		widths[widest] = (widths[widest] ?? 0) - step;
		over -= step;
	}
	return {columns: chosen.map((spec, i) => ({...spec.column, width: widths[i] ?? spec.min})), gap};
}
