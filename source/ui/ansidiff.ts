// Ink turns each row of cells back into text with ansi-tokenize's styledCharsToString,
// which asks diffAnsiCodes for the codes between every pair of neighbouring cells. The
// diff builds three Sets and two arrays each time: for a cold 140x40 frame, tens of
// thousands of allocations and most of its garbage collection. Neighbours almost always
// have the same styles, and then there is nothing to switch: answered here at once. The
// bundle wraps ansi-tokenize's diffAnsiCodes with this (scripts/build.mjs).

type Code = {code: string; endCode: string};

function same(a: readonly Code[], b: readonly Code[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
	return true;
}

export function withUnchangedFastPath<C extends Code>(diff: (from: C[], to: C[]) => C[]): (from: C[], to: C[]) => C[] {
	return (from, to) => (same(from, to) ? [] : diff(from, to));
}
