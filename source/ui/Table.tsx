// A windowed table: only the rows that fit are rendered, so 50,000 rows cost the same
// as 50. Props follow ink-table's (`data`, `columns`); ink-table itself cannot load
// under Ink 4+ and renders every row.
import {Box, Text} from 'ink';
import {useMemo, useRef} from 'react';
import {type Column, layoutColumns, naturalWidths} from './columns.js';
import {fit, sanitize} from './text.js';
import {useTheme} from './theme.js';

export type RowStyle = {color?: string; dim?: boolean; bold?: boolean};

export type TableProps<T> = {
	data: readonly T[];
	columns: readonly Column<T>[];
	width: number;
	/** Lines available, the header line included. */
	height: number;
	selected: number;
	focused: boolean;
	rowStyle?: (row: T) => RowStyle;
	emptyText?: string;
	/** Rows to size the columns by (default: data). The unfiltered list keeps widths steady while filtering, and is measured once. */
	measure?: readonly T[];
};

/** First visible row: keeps `selected` in view and moves as little as possible. */
export function windowStart(previous: number, selected: number, visible: number, total: number): number {
	if (visible <= 0 || total <= visible) return 0;
	let start = Math.min(previous, total - visible);
	if (selected >= 0 && selected < start) start = selected;
	if (selected >= start + visible) start = selected - visible + 1;
	return Math.max(0, start);
}

export function Table<T>({data, columns, width, height, selected, focused, rowStyle, emptyText, measure}: TableProps<T>) {
	const theme = useTheme();
	const inner = Math.max(0, width - 1); // one column for the selection marker
	const sized = measure ?? data;
	const natural = useMemo(() => naturalWidths(columns, sized), [columns, sized]);
	const laid = useMemo(() => layoutColumns(columns, natural, inner), [columns, natural, inner]);
	const visible = Math.max(0, height - 1);
	const startRef = useRef(0);
	const start = windowStart(startRef.current, selected, visible, data.length);
	startRef.current = start;

	const separator = ' '.repeat(laid.gap);
	const line = (cells: string[]) => cells.join(separator);
	const header = line(laid.columns.map((column) => fit(column.header, column.width, column.align)));
	const rows = data.slice(start, start + visible);

	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color={theme.dim} wrap="truncate">
				{' '}
				{header}
			</Text>
			{data.length === 0 && emptyText ? (
				<Text color={theme.dim} wrap="truncate">
					{' '}
					{emptyText}
				</Text>
			) : null}
			{rows.map((row, i) => {
				const index = start + i;
				const isSelected = index === selected;
				const style = rowStyle?.(row) ?? {};
				const text = line(laid.columns.map((column) => fit(sanitize(column.get(row)), column.width, column.align)));
				return (
					<Text
						key={index}
						wrap="truncate"
						color={style.color}
						dimColor={(style.dim ?? false) || (isSelected && !focused)}
						bold={style.bold}
						inverse={isSelected}
					>
						{isSelected ? (focused ? '▌' : '›') : ' '}
						{text}
					</Text>
				);
			})}
		</Box>
	);
}
