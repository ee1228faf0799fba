// The panes' state, kept outside React: which pane has the focus, each pane's
// selection, filters, sorts, task history, marked services, the filter being typed.
import type {PaneName} from '../../../keys/places.js';
import {ValueStore} from '../../state/valueStore.js';

export type Selection = {id?: string; index: number};
export type Nav = {focus: PaneName; master: 'nodes' | 'services'; places: Record<PaneName, Selection>};
/** A pane's sort: a column and a direction; none keeps the natural order (stacks grouped). */
export type Sort = {column: string; descending: boolean} | undefined;

export type PanesState = {
	nav: Nav;
	filters: Record<PaneName, string>;
	sorts: Record<PaneName, Sort>;
	history: boolean;
	/** The nodes pane shows a labels column. */
	nodeLabels: boolean;
	marked: ReadonlySet<string>;
	/** The pane whose filter is being typed. */
	editing?: PaneName;
};

/** What the way back restores. */
export type PanesPlace = Pick<PanesState, 'nav' | 'filters'>;

export const initialPanes = (): PanesState => ({
	nav: {focus: 'services', master: 'services', places: {nodes: {index: 0}, services: {index: 0}, tasks: {index: 0}}},
	filters: {nodes: '', services: '', tasks: ''},
	sorts: {nodes: undefined, services: undefined, tasks: undefined},
	history: false,
	nodeLabels: false,
	marked: new Set(),
});

export class PanesStore extends ValueStore<PanesState> {
	constructor() {
		super(initialPanes());
	}
	place = (): PanesPlace => ({nav: this.get().nav, filters: this.get().filters});
	restore = (place: PanesPlace): void => this.set((old) => ({...old, ...place}));
	nav = (change: (nav: Nav) => Nav): void => this.set((old) => ({...old, nav: change(old.nav)}));
	filter = (pane: PaneName, value: string): void => this.set((old) => ({...old, filters: {...old.filters, [pane]: value.slice(0, 200)}}));
}
