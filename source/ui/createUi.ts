// Makes what a screen's views share (views/types.ts's Ui): the stores and sessions that
// outlive frames, made once per App and disposed with it.
import {defaultKeys} from '../keys/keymap.js';
import type {StackRow} from '../model/services.js';
import type {AppProps} from './appProps.js';
import type {Dialog} from './dialog.js';
import {LogSession} from './sessions/logSession.js';
import {footerExtra} from './Footer.js';
import {Messages} from './sessions/messages.js';
import {RolloutTracker} from './sessions/rollouts.js';
import {Runner} from './sessions/runner.js';
import {ValueStore} from './state/valueStore.js';
import {Navigation} from './views/navigation.js';
import {panesData} from './views/panes/data.js';
import {PanesStore} from './views/panes/state.js';
import type {ViewState} from './views/types.js';
import {problemsOf, type Ui} from './views/ui.js';

export type Help = {open: boolean; offset: number};

export function createUi(props: AppProps, size: {current: {columns: number; rows: number}}, now: {current: number}): Ui & {help: ValueStore<Help>; dispose: () => void} {
	const {store: cluster, activity, actions, keymap = defaultKeys} = props;
	const messages = new Messages();
	const say = (text: string, error = false) => messages.say(text, error);
	const panes = new PanesStore();
	const logs = new LogSession(cluster, props.openLogs, props.logOptions);
	const rollouts = new RolloutTracker(cluster, activity);
	// A view that leaves the trail for good takes its streams with it.
	const nav = new Navigation<ViewState>(panes, (view) => view.kind === 'logs' && logs.stop());
	const runner = new Runner({cluster, activity, rollouts, say, show: (rollout) => nav.go({kind: 'rollout', id: rollout.id})});
	const data = panesData();
	const problems = problemsOf(cluster, () => now.current);
	let stacksCache: {rows: unknown; stacks: StackRow[]} | undefined;
	const ui: Ui & {help: ValueStore<Help>; dispose: () => void} = {
		cluster,
		activity,
		actions,
		reader: {listObjects: props.listObjects, inspect: props.inspect},
		contexts: props.contexts,
		keymap,
		readOnly: actions.readOnly,
		now: () => now.current,
		body: () => ({width: size.current.columns, height: size.current.rows - 2 - footerExtra(messages.get(), size.current.columns, size.current.rows)}),
		nav,
		panes,
		paneData: () => data(cluster.get(), panes.get(), now.current),
		dialog: new ValueStore<Dialog | undefined>(undefined),
		messages,
		say,
		logs,
		rollouts,
		runner,
		problems,
		stacks: () => {
			const all = ui.paneData().allServices;
			if (stacksCache?.rows !== all) stacksCache = {rows: all, stacks: all.filter((r): r is StackRow => r.kind === 'stack')};
			return stacksCache.stacks;
		},
		quit: props.onQuit,
		handOver: props.handOver,
		shell: props.shell,
		editText: props.editText,
		help: new ValueStore<Help>({open: false, offset: 0}),
		dispose: () => {
			logs.stop();
			rollouts.dispose();
			runner.dispose();
			messages.dispose();
		},
	};
	return ui;
}

