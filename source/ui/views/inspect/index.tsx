// Inspect: a summary, then the whole object as YAML-like text, raw JSON, or what a
// rollback would restore.
import {actionKeys} from '../../../keys/keymap.js';
import {useStore} from '../../state/valueStore.js';
import {sanitize} from '../../text.js';
import type {Handler, StateOf, ViewModule} from '../types.js';
import type {Ui} from '../types.js';
import {findLine, inspectText, InspectView} from './InspectView.js';

const page = (ui: Ui) => Math.max(1, ui.body().height - 3);

const change =
	(to: (old: StateOf<'inspect'>, ui: Ui) => StateOf<'inspect'>): Handler<'inspect'> =>
	(ui) =>
		ui.nav.update('inspect', (old) => to(old, ui));
const scroll = (delta: (ui: Ui) => number) => change((old, ui) => ({...old, offset: Math.max(0, Math.min(old.offset + delta(ui), 100_000))}));
const lines = (ui: Ui, state: StateOf<'inspect'>) => inspectText(state, ui.now(), ui.cluster.get());

const jump =
	(back: boolean): Handler<'inspect'> =>
	(ui, state) => {
		if (!state.search) return `no search: press ${actionKeys('inspectSearch', ui.keymap)[0]} first`;
		const at = findLine(lines(ui, state), state.search, state.offset, back);
		if (at !== undefined) ui.nav.update('inspect', (old) => ({...old, offset: at}));
	};

export const inspect: ViewModule<'inspect'> = {
	place: () => 'inspect',
	crumb: (state) => state.title,
	page: (_state, ui) => page(ui),
	unavailable: (action, state) => (action === 'inspectDiff' && state.target !== 'service' ? `only services have a previous spec to roll back to; this is a ${state.target}` : undefined),
	handle: {
		up: scroll(() => -1),
		down: scroll(() => 1),
		pageUp: scroll((ui) => -page(ui)),
		pageDown: scroll(page),
		top: scroll(() => -1e9),
		bottom: scroll(() => 1e9),
		back: (ui) => ui.nav.back(),
		inspectSecrets: change((old) => ({...old, masked: !old.masked})),
		inspectJson: change((old) => ({...old, mode: old.mode === 'json' ? 'yaml' : 'json', offset: 0})),
		inspectDiff: change((old) => ({...old, mode: old.mode === 'diff' ? 'yaml' : 'diff', offset: 0})),
		inspectSpec: change((old) => ({...old, mode: 'yaml', offset: 0})),
		inspectWrap: change((old) => ({...old, wrap: old.wrap === false})),
		inspectNext: jump(false),
		inspectPrevious: jump(true),
		inspectSearch: (ui, state) =>
			ui.dialog.set({
				kind: 'prompt',
				title: 'Search (plain text, any case; n next, N previous)',
				value: state.search ?? '',
				fresh: true,
				check: () => undefined,
				submit: (value) => {
					const text = sanitize(value.trim());
					const current = ui.nav.view();
					if (current.kind !== 'inspect') return;
					const at = findLine(lines(ui, current), text, current.offset - 1);
					ui.nav.update('inspect', (old) => ({...old, search: text || undefined, offset: at ?? old.offset}));
					if (text && at === undefined) ui.say(`"${text}" is not in this view`);
				},
			}),
	},
	Body: ({ui, state, width, height}) => <InspectView state={state} width={width} height={height} now={ui.now()} snapshot={useStore(ui.cluster)} />,
};
