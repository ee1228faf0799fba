// A full-screen list: a titled pane with one table (activity, problems, stacks,
// networks, secrets, configs).
import type {Column} from './columns.js';
import {Pane} from './Pane.js';
import {type RowStyle, Table} from './Table.js';

export type ListViewProps<T> = {
	title: string;
	data: readonly T[];
	columns: readonly Column<T>[];
	width: number;
	height: number;
	selected: number;
	rowStyle?: (row: T) => RowStyle;
	emptyText: string;
};

export function ListView<T>({title, data, columns, width, height, selected, rowStyle, emptyText}: ListViewProps<T>) {
	return (
		<Pane title={title} width={width} height={height} focused>
			<Table data={data} columns={columns} width={width - 2} height={height - 2} selected={selected} focused rowStyle={rowStyle} emptyText={emptyText} />
		</Pane>
	);
}
