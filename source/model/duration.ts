/** "2s", "500ms", "1m", or a bare number of seconds -> milliseconds; undefined if invalid. */
export function parseDuration(text: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
	if (!match) return undefined;
	const value = Number(match[1]);
	const unit = match[2] ?? 's';
	const factor = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}[unit] ?? 1000;
	return Math.round(value * factor);
}
