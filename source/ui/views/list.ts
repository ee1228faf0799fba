// The moves every full-screen list shares: a selection index moved by the usual keys,
// and Esc back.
import {moveIndex} from '../../model/selection.js';
import type {Handler, StateOf, ViewKind} from './types.js';
import type {Ui} from './types.js';

type Listed = Extract<ViewKind, 'activity' | 'problems' | 'stacks' | 'objects' | 'contexts'>;
type Moves = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'back';

/** Rows of a page in a list as tall as the body (border and header off). */
export const listPage = (ui: Ui) => Math.max(1, ui.body().height - 3);

export function listMoves<K extends Listed>(kind: K, length: (ui: Ui, state: StateOf<K>) => number): Record<Moves, Handler<K>> {
	const step = (delta: (ui: Ui, n: number) => number): Handler<K> => (ui, state) => {
		const n = length(ui, state);
		ui.nav.update(kind, (old) => ({...old, index: moveIndex((old as {index: number}).index, delta(ui, n), n)}));
	};
	return {
		up: step(() => -1),
		down: step(() => 1),
		pageUp: step((ui) => -listPage(ui)),
		pageDown: step((ui) => listPage(ui)),
		top: step((_ui, n) => -n),
		bottom: step((_ui, n) => n),
		back: (ui) => ui.nav.back(),
	};
}
