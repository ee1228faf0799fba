// :networks, :secrets, :configs — lists with the services using each, read when opened;
// secrets and configs are created, rotated and removed here (stores.ts).
import type {ObjectKind} from '../../../model/objects.js';
import {listMoves} from '../list.js';
import type {Command, ViewModule} from '../types.js';
import type {Ui} from '../types.js';
import {ObjectsView} from './ObjectsView.js';
import {readObjects} from './read.js';
import {createHere, removeHere, rotateHere} from './stores.js';
import type {StoreKind} from '../../../model/rotation.js';

function open(ui: Ui, objects: ObjectKind): void {
	ui.nav.go({kind: 'objects', objects, index: 0});
	if (objects !== 'networks') follow(ui, objects);
	readObjects(ui, objects);
}

/**
 * Secrets and configs stay live: an engine event of the list's kind (a rotation from
 * the docker CLI, another operator) reads the list again, the selection kept on its
 * name. Ends when the list is left.
 */
const following = new WeakMap<Ui, () => void>();
function follow(ui: Ui, kind: StoreKind): void {
	following.get(ui)?.();
	let seen = ui.cluster.get().objectEvents?.[kind] ?? 0;
	const stop = ui.cluster.subscribe(() => {
		const view = ui.nav.view();
		if (view.kind !== 'objects' || view.objects !== kind) return stop();
		const now = ui.cluster.get().objectEvents?.[kind] ?? 0;
		if (now === seen) return;
		seen = now;
		readObjects(ui, kind, view.rows?.[view.index]?.name);
	});
	following.set(ui, stop);
}

const command = (names: string[], objects: ObjectKind): Command => ({names, help: `the swarm's ${objects} and the services using each`, run: (ui) => open(ui, objects)});

export const objects: ViewModule<'objects'> = {
	place: (state) => (state.objects === 'networks' ? 'objects' : 'stores'),
	crumb: (state) => state.objects,
	commands: [command(['networks', 'net'], 'networks'), command(['secrets', 'sec'], 'secrets'), command(['configs', 'cfg'], 'configs')],
	handle: {
		...listMoves('objects', (_ui, state) => state.rows?.length ?? 0),
		create: createHere,
		rotate: rotateHere,
		remove: removeHere,
	},
	Body: ({state, width, height}) => <ObjectsView state={state} width={width} height={height} />,
};
