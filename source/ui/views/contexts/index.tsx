// :ctx — the docker contexts, the one in use marked; Enter (or `:ctx NAME`) switches to
// one live: connected and checked first, and only then the old connection is dropped,
// every view and stream reset and the new cluster shown. A failure keeps the old one.
import type {Column} from '../../columns.js';
import {ListView} from '../../ListView.js';
import {listMoves} from '../list.js';
import type {ViewModule} from '../types.js';
import type {Ui} from '../types.js';
import type {ContextRow} from './state.js';

const columns: Column<ContextRow & {id: string}>[] = [
	{key: 'current', header: ' ', get: (r) => (r.current ? '*' : ' '), priority: 0},
	{key: 'name', header: 'CONTEXT', get: (r) => r.name, priority: 0, maxWidth: 30},
	{key: 'transport', header: 'VIA', get: (r) => r.transport, priority: 1},
	{key: 'host', header: 'ENDPOINT', get: (r) => r.host, priority: 1, maxWidth: 50},
	{key: 'description', header: 'DESCRIPTION', get: (r) => r.description, priority: 2, minWidth: 10, flex: true},
];

function load(ui: Ui): void {
	const access = ui.contexts;
	if (!access) return ui.nav.update('contexts', (old) => ({...old, error: 'contexts are not available here'}));
	access.list().then(
		(rows) => ui.nav.update('contexts', (old) => ({...old, rows, error: undefined, index: Math.max(0, rows.findIndex((r) => r.current))})),
		(error: unknown) => ui.nav.update('contexts', (old) => ({...old, error: error instanceof Error ? error.message : String(error)})),
	);
}

/** Switches to a context; the old one stays if the new one fails. */
export function switchContext(ui: Ui, name: string): void | string {
	const access = ui.contexts;
	if (!access) return 'contexts are not available here';
	if (name === access.current()) return `already on context ${name}`;
	ui.say(`connecting to context ${name}…`);
	ui.nav.update('contexts', (old) => ({...old, switching: name}));
	access.switchTo(name).then(
		() => {
			ui.activity.add({source: 'action', target: 'context', text: `switched to context ${name}`, outcome: 'ok'});
			ui.say(`on context ${name}`);
		},
		(error: unknown) => {
			const text = `still on ${access.current()}: context ${name} failed: ${error instanceof Error ? error.message : String(error)}`;
			ui.activity.add({source: 'action', target: 'context', text, outcome: 'error'});
			ui.say(text, true);
			ui.nav.update('contexts', (old) => ({...old, switching: undefined}));
		},
	);
}

export const contexts: ViewModule<'contexts'> = {
	place: () => 'contexts',
	crumb: () => 'contexts',
	commands: [
		{
			names: ['ctx', 'contexts', 'context'],
			arg: '[NAME]',
			help: 'the docker contexts; with a name, switch to it',
			run: (ui, arg) => {
				if (arg) return switchContext(ui, arg.trim());
				ui.nav.go({kind: 'contexts', index: 0});
				load(ui);
			},
			complete: (ui) => ui.contexts?.names() ?? [],
		},
	],
	handle: {
		...listMoves('contexts', (_ui, state) => state.rows?.length ?? 0),
		open: (ui, state) => {
			const row = state.rows?.[state.index];
			if (!row) return 'no context selected';
			return switchContext(ui, row.name);
		},
	},
	Body: ({ui, state, width, height}) => {
		const empty = state.error ? `could not read the contexts: ${state.error}` : state.rows ? 'no contexts' : 'reading…';
		const title = `Contexts · ${state.rows?.length ?? 0} · in use: ${ui.contexts?.current() ?? '?'}${state.switching ? ` · connecting to ${state.switching}…` : ''} (⏎ switch, Esc back)`;
		return <ListView title={title} data={(state.rows ?? []).map((r) => ({...r, id: r.name}))} columns={columns} width={width} height={height} selected={state.index} emptyText={empty} />;
	},
};
