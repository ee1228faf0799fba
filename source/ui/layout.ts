// Pane sizes for a terminal size: side by side on wide terminals, stacked on narrow.
export const minColumns = 60;
export const minRows = 15;

export type Rect = {width: number; height: number};
export type Layout = {wide: boolean; nodes: Rect; services: Rect; tasks: Rect};

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** `nodesWidth`: what the nodes pane would like (its table's natural width plus borders). */
export function computeLayout(columns: number, rows: number, nodeRows: number, serviceRows: number, nodesWidth = 72): Layout | undefined {
	// `rows` is the frame's height, one less than the terminal's.
	if (columns < minColumns || rows + 1 < minRows) return undefined;
	const avail = rows - 2; // header and footer
	if (columns >= 120) {
		const top = clamp(Math.max(nodeRows, serviceRows) + 3, 6, Math.floor(avail * 0.6));
		const nodes = clamp(nodesWidth, 40, Math.floor(columns * 0.45));
		return {
			wide: true,
			nodes: {width: nodes, height: top},
			services: {width: columns - nodes, height: top},
			tasks: {width: columns, height: avail - top},
		};
	}
	const nodes = clamp(nodeRows + 3, 4, Math.floor(avail * 0.3));
	const rest = avail - nodes;
	const services = clamp(serviceRows + 3, 4, Math.floor(rest * 0.55));
	return {
		wide: false,
		nodes: {width: columns, height: nodes},
		services: {width: columns, height: services},
		tasks: {width: columns, height: rest - services},
	};
}
