// Where the operator is: the view on screen and the trail back. Esc goes back a step,
// to the view as it was left (the panes with their selection and filters).
import {ValueStore} from '../state/valueStore.js';
import type {PanesPlace} from './panes/state.js';

type View = {kind: string};
type StateOf<V extends View, K extends V['kind']> = Extract<V, {kind: K}>;

export type Crumb<V extends View = View> = {view: V; panes?: PanesPlace};
export type Where<V extends View = View> = {view: V; trail: readonly Crumb<V>[]};

/** The views' states are a union V with a `kind`; "panes" is the one the trail ends in. */
export class Navigation<V extends View> extends ValueStore<Where<V>> {
	constructor(
		private readonly panes: {place: () => PanesPlace; restore: (place: PanesPlace) => void},
		/** Called with a view that leaves the screen and the trail for good. */
		private readonly dropped: (view: V) => void = () => undefined,
	) {
		super({view: {kind: 'panes'} as V, trail: []});
	}

	view = (): V => this.get().view;

	go = (next: V): void => {
		const {view: from, trail} = this.get();
		if (from.kind === next.kind && from.kind !== 'panes') return this.set({view: next, trail});
		const crumb: Crumb<V> = from.kind === 'panes' ? {view: from, panes: this.panes.place()} : {view: from};
		// The view being left is already on the way back: the way back returns to that
		// point instead of growing (":pb", Enter, ":pb", Enter… made "services › problems ›
		// services › problems …" without end). Each view is on the trail at most once.
		const earlier = trail.findIndex((c) => c.view.kind === from.kind);
		const kept = earlier >= 0 ? trail.slice(0, earlier) : trail;
		for (const c of trail.slice(kept.length)) if (c.view.kind !== from.kind) this.dropped(c.view);
		this.set({view: next, trail: [...kept, crumb]});
	};

	back = (): void => {
		const {view, trail} = this.get();
		const last = trail.at(-1);
		if (!last) return view.kind === 'panes' ? undefined : this.set({view: {kind: 'panes'} as V, trail});
		if (last.panes) this.panes.restore(last.panes);
		this.set({view: last.view, trail: trail.slice(0, -1)});
	};

	/** Changes the view on screen if it is still of that kind (answers arrive late). */
	update = <K extends V['kind']>(kind: K, change: (state: StateOf<V, K>) => StateOf<V, K>, only?: (state: StateOf<V, K>) => boolean): void => {
		this.set((old) => (old.view.kind === kind && (!only || only(old.view as StateOf<V, K>)) ? {...old, view: change(old.view as StateOf<V, K>)} : old));
	};

	/** Back to the panes with an empty trail (a new cluster: nothing on the trail is true any more). */
	reset = (): void => {
		for (const c of this.get().trail) this.dropped(c.view);
		this.dropped(this.get().view);
		this.set({view: {kind: 'panes'} as V, trail: []});
	};
}
