// The three panes: nodes, services (grouped by stack) and the tasks of the selection.
import {actionKeys} from '../../../keys/keymap.js';
import type {PaneName} from '../../../keys/places.js';
import {paneNames} from '../../../keys/places.js';
import {moveIndex} from '../../../model/selection.js';
import {sanitize} from '../../text.js';
import {openInspect} from '../inspect/open.js';
import {openLogs} from '../logs/open.js';
import {openRollout} from '../rollout/open.js';
import type {Handler, ViewModule} from '../types.js';
import type {Ui} from '../types.js';
import {nodeColumns, serviceColumns, taskColumns} from './columns.js';
import {FilterBar} from './FilterBar.js';
import {focusPane, move, panesLayout, selected, selectedServiceId} from './moves.js';
import {nodeOperation, type NodeKey, operationContext, serviceOperation, type ServiceKey, showOutcome} from './operations.js';
import {PanesView} from './PanesView.js';
import {cloneHere, editHere, newService} from './edit.js';
import {labelNode} from './label.js';
import {shellHere} from './shell.js';
import type {Sort} from './state.js';
import {useStore} from '../../state/valueStore.js';

const page = (ui: Ui) => {
	const layout = panesLayout(ui);
	return layout ? Math.max(1, layout[ui.panes.get().nav.focus].height - 3) : 10;
};


/** A service action on the selected service (or the selected task's service). */
const onService =
	(key: ServiceKey): Handler<'panes'> =>
	(ui) => {
		const offline = ui.runner.offline();
		if (offline) return ui.say(offline, true);
		const chosen = selectedServiceId(ui);
		if ('why' in chosen) return chosen.why;
		const service = ui.cluster.get().services.get(chosen.id);
		if (!service) return 'select a service first';
		showOutcome(ui, serviceOperation(operationContext(ui), key, service));
	};

const onNode =
	(key: NodeKey): Handler<'panes'> =>
	(ui) => {
		const offline = ui.runner.offline();
		if (offline) return ui.say(offline, true);
		const row = selected(ui, 'nodes');
		const node = row ? ui.cluster.get().nodes.get(row.id) : undefined;
		if (!node) return 'select a node first';
		showOutcome(ui, nodeOperation(operationContext(ui), key, node));
	};

const sortable: Record<PaneName, readonly {key: string}[]> = {nodes: nodeColumns, services: serviceColumns, tasks: taskColumns};

/** Sort cycles: each column ascending, then descending, then the natural order. */
function nextSort(keys: string[], sort: Sort): Sort {
	if (!sort) return {column: keys[0] as string, descending: false};
	if (!sort.descending) return {...sort, descending: true};
	const at = keys.indexOf(sort.column) + 1;
	return at < keys.length ? {column: keys[at] as string, descending: false} : undefined;
}

const paneCommand = (pane: PaneName, names: string[]) => ({
	names,
	arg: '[filter]',
	help: `the ${pane} pane (filtered, as if typed after /)`,
	run: (ui: Ui, arg: string) => {
		if (ui.nav.view().kind !== 'panes') ui.nav.go({kind: 'panes'});
		focusPane(ui, () => pane);
		if (arg) ui.panes.filter(pane, sanitize(arg));
	},
});

export const panes: ViewModule<'panes'> = {
	place: (_state, ui) => ui.panes.get().nav.focus,
	crumb: (_state, ui) => {
		const {nav, filters} = ui.panes.get();
		return `${nav.focus}${filters[nav.focus] ? ` /${filters[nav.focus]}` : ''}`;
	},
	commands: [
		paneCommand('nodes', ['nodes', 'no']),
		paneCommand('services', ['services', 'svc']),
		paneCommand('tasks', ['tasks', 'ts']),
		{
			names: ['new'],
			arg: 'service',
			help: 'a new service: a template spec in $EDITOR, created after the spec is shown',
			complete: () => ['service'],
			run: (ui, arg) => {
				if (arg.trim() && arg.trim() !== 'service') return `:new makes services only (:new service); secrets and configs: :secrets, :configs`;
				if (ui.nav.view().kind !== 'panes') ui.nav.go({kind: 'panes'});
				return newService(ui);
			},
		},
		{
			names: ['exec'],
			arg: 'CMD',
			help: 'run CMD on a terminal in the selected task (or a running task of the selected service)',
			run: (ui, arg) => {
				const words = arg.trim().split(/\s+/).filter(Boolean);
				if (ui.nav.view().kind !== 'panes') ui.nav.go({kind: 'panes'});
				return shellHere(ui, words.length ? words : undefined);
			},
		},
	],
	page: (_state, ui) => page(ui),
	handle: {
		up: (ui) => move(ui, (i, n) => moveIndex(i, -1, n)),
		down: (ui) => move(ui, (i, n) => moveIndex(i, 1, n)),
		pageUp: (ui) => move(ui, (i, n) => moveIndex(i, -page(ui), n)),
		pageDown: (ui) => move(ui, (i, n) => moveIndex(i, page(ui), n)),
		top: (ui) => move(ui, (_i, n) => moveIndex(0, 0, n)),
		bottom: (ui) => move(ui, (_i, n) => moveIndex(n - 1, 0, n)),
		nextPane: (ui) => focusPane(ui, (old) => paneNames[(paneNames.indexOf(old) + 1) % paneNames.length] as PaneName),
		previousPane: (ui) => focusPane(ui, (old) => paneNames[(paneNames.indexOf(old) + paneNames.length - 1) % paneNames.length] as PaneName),
		open: (ui) => focusPane(ui, () => 'tasks'),
		filter: (ui) => ui.panes.set((old) => ({...old, editing: old.nav.focus})),
		sort: (ui) => {
			const pane = ui.panes.get().nav.focus;
			ui.panes.set((old) => ({...old, sorts: {...old.sorts, [pane]: nextSort(sortable[pane].map((c) => c.key), old.sorts[pane])}}));
		},
		history: (ui) => {
			const on = !ui.panes.get().history;
			ui.panes.set((old) => ({...old, history: on}));
			ui.say(on ? 'task history on' : 'task history off');
		},
		labelsColumn: (ui) => {
			const on = !ui.panes.get().nodeLabels;
			ui.panes.set((old) => ({...old, nodeLabels: on}));
			ui.say(on ? 'node labels shown' : 'node labels hidden');
		},
		mark: (ui) => {
			const row = selected(ui, 'services');
			if (!row || row.kind === 'stack') return 'mark a service, not a stack: its services are all in the stack\'s logs';
			ui.panes.set((old) => {
				const marked = new Set(old.marked);
				if (marked.has(row.id)) marked.delete(row.id);
				else marked.add(row.id);
				return {...old, marked};
			});
			move(ui, (i, n) => moveIndex(i, 1, n));
		},
		back: (ui) => {
			if (ui.nav.get().trail.length) return ui.nav.back();
			const pane = ui.panes.get().nav.focus;
			if (ui.panes.get().filters[pane]) ui.panes.filter(pane, '');
		},
		inspect: openInspect,
		logs: openLogs,
		rollout: openRollout,
		exec: (ui) => shellHere(ui),
		edit: (ui) => editHere(ui),
		clone: (ui) => cloneHere(ui),
		scale: onService('scale'),
		update: onService('update'),
		rollback: onService('rollback'),
		restart: onService('restart'),
		remove: onService('remove'),
		drain: onNode('drain'),
		activate: onNode('activate'),
		pause: onNode('pause'),
		promote: onNode('promote'),
		demote: onNode('demote'),
		label: (ui) => labelNode(ui),
	},
	// The filter is typed here, not in a separate input, so a burst like "/mon" arriving
	// in one read lands in the filter whole.
	text: (press, _state, ui) => {
		const typing = ui.panes.get().editing;
		if (!typing) return false;
		if (press.escape || press.return) {
			if (press.escape) ui.panes.filter(typing, '');
			ui.panes.set((old) => ({...old, editing: undefined}));
		} else if (press.backspace || press.delete) {
			ui.panes.filter(typing, ui.panes.get().filters[typing].slice(0, -1));
		} else if (press.input && !press.ctrl && !press.meta) {
			ui.panes.filter(typing, ui.panes.get().filters[typing] + sanitize(press.input));
		}
		return true;
	},
	paste: (text, _state, ui) => {
		const typing = ui.panes.get().editing;
		if (!typing) return false;
		ui.panes.filter(typing, ui.panes.get().filters[typing] + text);
		return true;
	},
	footer: ({ui, width}) => {
		const {editing, filters} = ui.panes.get();
		return editing ? <FilterBar pane={editing} value={filters[editing]} width={width} /> : undefined;
	},
	Body: ({ui}) => {
		const state = useStore(ui.panes);
		const snapshot = useStore(ui.cluster);
		const layout = panesLayout(ui);
		if (!layout) return null;
		return (
			<PanesView
				data={ui.paneData()}
				layout={layout}
				focus={state.nav.focus}
				filters={state.filters}
				history={state.history}
				nodeLabels={state.nodeLabels}
				marked={state.marked}
				stale={snapshot.connection === 'disconnected' || snapshot.connection === 'error'}
				sorts={state.sorts}
				keys={{history: actionKeys('history', ui.keymap)[0] as string, logs: actionKeys('logs', ui.keymap)[0] as string}}
			/>
		);
	},
};
