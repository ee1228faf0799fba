// Filtering for panes: a plain case-insensitive substring match over a row's text,
// never a regex, so any input is safe and linear in the row's length.

export function matches(query: string, fields: readonly string[]): boolean {
	const needle = query.trim().toLowerCase();
	if (!needle) return true;
	return fields.some((field) => field.toLowerCase().includes(needle));
}
