// What every view is handed: the cluster, the operator's settings, where they are, and
// the long-lived sessions. Made once per screen (ui/App.tsx); nothing here is React
// state, so a key's handler and the next render see the same thing.
import {findProblems, type Problem} from '../../model/problems.js';
import type {ClusterSnapshot} from '../../model/snapshot.js';
import {type Readable, ValueStore} from '../state/valueStore.js';

export type {Reader, Ui} from './types.js';

/** Problems, recomputed when the data changes and once a minute (the crash-loop window), not on every tick. */
export function problemsOf(cluster: Readable<ClusterSnapshot>, now: () => number): () => Problem[] {
	let last: {nodes: unknown; services: unknown; tasks: unknown; minute: number; problems: Problem[]} | undefined;
	return () => {
		const s = cluster.get();
		const minute = Math.floor(now() / 60_000);
		if (last && last.nodes === s.nodes && last.services === s.services && last.tasks === s.tasks && last.minute === minute) return last.problems;
		last = {nodes: s.nodes, services: s.services, tasks: s.tasks, minute, problems: findProblems(s, now())};
		return last.problems;
	};
}

export {ValueStore};
