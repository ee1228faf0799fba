// Starting a process holds this one until the child has called exec: ~10 ms for a
// 300 MB swarmtui on an idle machine, a second and more on a loaded one. Twenty log
// streams over ssh opened by one key were twenty ssh processes started in that key's
// turn, and the screen stood still for 19 s (seen in CI). So the processes behind
// connections start one per turn of the event loop: keys and frames go in between, and
// a connection no longer wanted by the time its turn comes starts nothing.
const waiting: Array<() => void> = [];
let scheduled = false;

/** Runs `start` (which starts one process) in a later turn, after those asked for before it. */
export function spawnSoon(start: () => void): void {
	waiting.push(start);
	if (scheduled) return;
	scheduled = true;
	setImmediate(next);
}

function next(): void {
	const start = waiting.shift();
	try {
		start?.();
	} finally {
		if (waiting.length) setImmediate(next);
		else scheduled = false;
	}
}
