// Keeping the operator's place: the selection follows an object by ID when the list
// changes under it, and falls back to the nearest row when that object is gone.

export function selectedIndex(rows: readonly {id: string}[], selectedId: string | undefined, lastIndex: number): number {
	if (rows.length === 0) return -1;
	if (selectedId !== undefined) {
		const index = rows.findIndex((row) => row.id === selectedId);
		if (index >= 0) return index;
	}
	return Math.max(0, Math.min(lastIndex, rows.length - 1));
}

export function moveIndex(index: number, delta: number, length: number): number {
	if (length === 0) return -1;
	return Math.max(0, Math.min(length - 1, index + delta));
}
