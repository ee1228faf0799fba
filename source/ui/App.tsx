// The screen: header, the view on screen (views/registry.ts), footer, and dialogs and
// help on top. App composes; the views hold the behaviour, the sessions hold what lives
// longer than a frame. A key is resolved once into an action of the place it was read
// in (keys/), then handled by the view; nothing here compares a key with a letter.
import {Box, type Key, Text} from 'ink';
import {useEffect, useRef} from 'react';
import type {Actions} from '../actions/index.js';
import {actionDefs, type ActionName} from '../keys/actions.js';
import {actionKeys, defaultKeys, type Keymap, resolveKey} from '../keys/keymap.js';
import type {ActivityFeed} from '../model/activity.js';
import {focusFilter, focusKey, type Focus, type TaskFilter} from '../model/focus.js';
import type {StackRow} from '../model/services.js';
import type {ClusterSnapshot} from '../model/snapshot.js';
import {commandPrompt} from './commandPrompt.js';
import {type Dialog, dialogKey} from './dialog.js';
import {DialogBox} from './DialogBox.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import {Help, helpRows} from './Help.js';
import {pastedText, plainKey} from './input.js';
import {footerKeys, helpLines} from './keyhelp.js';
import {useKeyQueue} from './keyQueue.js';
import {minColumns, minRows} from './layout.js';
import {LogSession, type LogOptions, type OpenLogs} from './sessions/logSession.js';
import {Messages} from './sessions/messages.js';
import {RolloutTracker} from './sessions/rollouts.js';
import {Runner} from './sessions/runner.js';
import {type Readable, useStore, ValueStore} from './state/valueStore.js';
import {useTheme} from './theme.js';
import {useNow} from './useNow.js';
import {useTerminalSize} from './useTerminalSize.js';
import type {ContextAccess} from './views/contexts/state.js';
import {type Crumb, Navigation} from './views/navigation.js';
import {panesData} from './views/panes/data.js';
import {panesLayout} from './views/panes/moves.js';
import {PanesStore} from './views/panes/state.js';
import {commands, views} from './views/registry.js';
import type {ViewKind, ViewModule, ViewState} from './views/types.js';
import {problemsOf, type Reader, type Ui} from './views/ui.js';

export type StoreView = Readable<ClusterSnapshot>;
export type {ActivityFeed};

export type AppProps = {
	store: StoreView;
	endpoint: string;
	actions: Actions;
	activity: ActivityFeed;
	/** Starts following logs (the docker layer's followLogs, bound to the engine). */
	openLogs?: OpenLogs;
	logOptions?: LogOptions;
	/** The tasks on screen, so the watcher can poll just those often on a large cluster. */
	onFocus?: (filter: TaskFilter | undefined) => void;
	onQuit: () => void;
	listObjects?: Reader['listObjects'];
	inspect?: Reader['inspect'];
	/** Docker contexts: listed by :ctx, switched to live. */
	contexts?: ContextAccess & {onSwitch: (listener: () => void) => () => void; describe: () => string};
	/** Shown in the header all along (TLS without verification). */
	warnings?: string[];
	clock?: () => number;
	/** The operator's key bindings (config file); the defaults otherwise. */
	keymap?: Keymap;
	/** Fixed terminal size (tests); otherwise the real terminal's, updated on resize. */
	size?: {columns: number; rows: number};
	/** The task poll interval (the header warns when answers stop coming). */
	refresh?: number;
	/** The service whose rollout is on screen (the watcher reads its up-to-date tasks). */
	onRollout?: (serviceId: string | undefined) => void;
	/** Pasted text (bracketed paste, from the key stream): goes into a field as text, never as keys. */
	onPaste?: (listener: (text: string) => void) => () => void;
};

type Help = {open: boolean; offset: number};

function createUi(props: AppProps, size: {current: {columns: number; rows: number}}, now: {current: number}): Ui & {help: ValueStore<Help>; dispose: () => void} {
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
		body: () => ({width: size.current.columns, height: size.current.rows - 2}),
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

const moduleOf = (view: ViewState) => views[view.kind] as unknown as ViewModule<ViewKind>;

export function App(props: AppProps) {
	const {store, onFocus, onRollout, onPaste, clock, warnings, refresh, keymap = defaultKeys} = props;
	const theme = useTheme();
	// Ages and the header's "live Ns" move every 2 s: a redraw a second would be most of
	// the idle CPU on a big screen.
	const now = useNow(2000, clock);
	const terminal = useTerminalSize();
	const columns = props.size?.columns ?? terminal.columns;
	// One line short of the terminal: a frame as tall as the terminal makes Ink clear the
	// whole screen on every render, which flickers over ssh.
	const rows = (props.size?.rows ?? terminal.rows) - 1;
	const size = useRef({columns, rows});
	size.current = {columns, rows};
	const nowRef = useRef(now);
	nowRef.current = now;
	const made = useRef<ReturnType<typeof createUi>>(undefined);
	made.current ??= createUi(props, size, nowRef);
	const ui = made.current;
	useEffect(() => () => ui.dispose(), []);

	const snapshot = useStore(store);
	const {view, trail} = useStore(ui.nav);
	const panes = useStore(ui.panes);
	const dialog = useStore(ui.dialog);
	const help = useStore(ui.help);
	const message = useStore(ui.messages);
	useStore(ui.rollouts);
	const module = moduleOf(view);
	const place = module.place(view, ui);

	// A new context: every view and stream of the old cluster goes.
	useEffect(
		() =>
			props.contexts?.onSwitch(() => {
				ui.dialog.set(undefined);
				ui.logs.stop();
				ui.rollouts.set([]);
				ui.nav.reset();
				ui.panes.set((old) => ({...old, nav: {focus: 'services', master: 'services', places: {nodes: {index: 0}, services: {index: 0}, tasks: {index: 0}}}, marked: new Set()}));
			}),
		[],
	);

	// Tell the watcher which tasks are on screen: the open rollout's, or the selection's
	// (and, for a service's rollout, which of them the engine calls up to date).
	const shown = view.kind === 'rollout' ? ui.rollouts.find(view.id) : undefined;
	const rolloutService = shown && shown.kind !== 'drain' ? shown.targetId : undefined;
	useEffect(() => onRollout?.(rolloutService), [rolloutService]);
	const target = ui.paneData().target;
	const focus: Focus | undefined = shown ? {kind: shown.kind === 'drain' ? 'node' : 'service', id: shown.targetId} : target;
	const focusText = focusKey(focus);
	const focusTold = useRef(false);
	useEffect(() => {
		if (!onFocus) return;
		const tell = () => onFocus(focusFilter(store.get(), focus));
		// The first at once (the first frame waits for it); later ones once the selection
		// rests, not on every key while the operator moves.
		if (!focusTold.current) {
			focusTold.current = true;
			return tell();
		}
		const timer = setTimeout(tell, 150);
		return () => clearTimeout(timer);
	}, [focusText]);

	const writes = (action: ActionName) => 'writes' in actionDefs[action];
	const why = (action: ActionName): string | undefined => {
		if (ui.readOnly && writes(action)) return 'read-only mode: nothing can be changed';
		return module.unavailable?.(action, view, ui);
	};

	const onKey = (input: string, key: Key) => {
		const press = {...key, input};
		const open = ui.dialog.get();
		if (open) {
			const step = dialogKey(open, input, key);
			ui.dialog.set(step.dialog);
			const next = step.run?.();
			if (next) ui.dialog.set(next);
			return;
		}
		const current = ui.nav.view();
		const here = moduleOf(current);
		if (ui.help.get().open) {
			const action = resolveKey(keymap, 'help', press);
			if (action === 'back' || action === 'help' || action === 'quit') return ui.help.set({open: false, offset: 0});
			const page = helpRows(size.current.rows - 2);
			const step = {up: -1, down: 1, pageUp: -page, pageDown: page, top: -1e6, bottom: 1e6}[action as string] ?? 0;
			const total = helpLines(here.place(current, ui), keymap, '').length;
			if (step) ui.help.set((old) => ({...old, offset: Math.max(0, Math.min(old.offset + step, total - page))}));
			return;
		}
		if (here.text?.(press, current, ui)) return;
		const action = resolveKey(keymap, here.place(current, ui), press);
		if (!action) return;
		if (action === 'quit') return ui.quit();
		if (action === 'help') return ui.help.set({open: true, offset: 0});
		if (action === 'command') return ui.dialog.set(commandPrompt(ui, commands));
		const refused = (ui.readOnly && writes(action) ? 'read-only mode: nothing can be changed' : undefined) ?? here.unavailable?.(action, current, ui);
		if (refused) return ui.say(refused, true);
		const handler = (here.handle as Record<string, (u: Ui, s: ViewState) => void | string>)[action];
		const said = handler?.(ui, current);
		if (typeof said === 'string') ui.say(said);
	};

	/** Pasted text: typed into the open field; anywhere else it does nothing (it is never keys). */
	const onPasted = (text: string) => {
		const value = pastedText(text);
		const open = ui.dialog.get();
		if (open?.kind === 'prompt' || open?.kind === 'type') return ui.dialog.set(dialogKey(open, value, plainKey).dialog);
		if (open) return ui.say('a paste does not answer a confirmation: press y to confirm, any other key to cancel');
		const current = ui.nav.view();
		if (moduleOf(current).paste?.(value, current, ui)) return;
		ui.say('pasted text is ignored here: paste into a filter (/) or a prompt');
	};

	useKeyQueue(
		{
			key: onKey,
			paste: onPasted,
			typing: () => {
				const open = ui.dialog.get();
				return Boolean(ui.panes.get().editing) || open?.kind === 'prompt' || open?.kind === 'type';
			},
			fault: (error) => {
				const text = `that key failed: ${error instanceof Error ? error.message : String(error)}`;
				ui.activity.add({source: 'action', target: 'keys', text, outcome: 'error'});
				ui.say(text, true);
			},
		},
		onPaste,
	);

	if (columns < minColumns || rows + 1 < minRows || (view.kind === 'panes' && !panesLayout(ui))) {
		return (
			<Box width={columns} height={rows} alignItems="center" justifyContent="center">
				<Text color={theme.warn}>
					terminal too small ({columns}x{rows + 1}): need {minColumns}x{minRows}
				</Text>
			</Box>
		);
	}

	const bodyHeight = rows - 2;
	const crumb = (c: Crumb<ViewState>) => (c.panes ? `${c.panes.nav.focus}${c.panes.filters[c.panes.nav.focus] ? ` /${c.panes.filters[c.panes.nav.focus]}` : ''}` : moduleOf(c.view).crumb(c.view, ui));
	const crumbs = trail.length ? [...trail.map(crumb), module.crumb(view, ui)].join(' › ') : undefined;
	const commandNames = commands.map((c) => c.names[0]).join(' ');
	const Body = module.Body;
	const bodyProps = {ui, state: view, width: columns, height: bodyHeight};
	const footer = module.footer?.(bodyProps);
	void panes;

	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Header
				endpoint={props.contexts?.describe() ?? props.endpoint}
				snapshot={snapshot}
				now={now}
				width={columns}
				problems={ui.problems().length}
				readOnly={ui.readOnly}
				warnings={warnings}
				crumbs={crumbs}
				refresh={refresh}
			/>
			{dialog ? (
				<Box flexDirection="column" height={bodyHeight} justifyContent="center" alignItems="center">
					<DialogBox dialog={dialog} width={Math.min(columns, 100)} />
				</Box>
			) : help.open ? (
				<Help width={columns} height={bodyHeight} readOnly={ui.readOnly} lines={helpLines(place, keymap, commandNames)} closeKey={actionKeys('help', keymap)[0] as string} offset={help.offset} />
			) : (
				<Body {...bodyProps} />
			)}
			{footer ?? <Footer width={columns} message={message} status={ui.rollouts.status(snapshot)} keys={footerKeys(place, keymap, (action) => why(action) !== undefined)} />}
		</Box>
	);
}
