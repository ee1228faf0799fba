// Every view, by kind. The type makes it exhaustive: a view kind without a module, or a
// module without a handler for one of its place's actions, does not compile. Adding a
// view: its folder under views/, its state in types.ts, its place in keys/places.ts, and
// one line here.
import {activity} from './activity/index.js';
import {contexts} from './contexts/index.js';
import {inspect} from './inspect/index.js';
import {logs} from './logs/index.js';
import {objects} from './objects/index.js';
import {panes} from './panes/index.js';
import {problems} from './problems/index.js';
import {rollout} from './rollout/index.js';
import {stacks} from './stacks/index.js';
import type {Command, ViewKind, ViewModule} from './types.js';

export const views: {[K in ViewKind]: ViewModule<K>} = {panes, logs, inspect, rollout, activity, problems, stacks, objects, contexts};

/** The `:` commands, from every view, and quit. */
export const commands: readonly Command[] = [
	...Object.values(views).flatMap((view) => (view as ViewModule<ViewKind>).commands ?? []),
	{names: ['quit', 'q'], help: 'quit swarmtui', run: (ui) => ui.quit()},
];
