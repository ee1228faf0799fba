// The screen: header, the view on screen (views/registry.ts), footer, and dialogs and
// help on top. App composes; the views hold the behaviour, the sessions hold what lives
// longer than a frame. A key is resolved once into an action of the place it was read
// in (keys/), then handled by the view; nothing here compares a key with a letter.
import {Box, type Key, Text} from 'ink';
import {useEffect, useRef} from 'react';
import {actionDefs, type ActionName} from '../keys/actions.js';
import {actionKeys, defaultKeys, resolveKey} from '../keys/keymap.js';
import type {ActivityFeed} from '../model/activity.js';
import {focusFilter, focusKey, type Focus} from '../model/focus.js';
import {commandPrompt} from './commandPrompt.js';
import {dialogKey} from './dialog.js';
import {DialogBox} from './DialogBox.js';
import {Footer, footerExtra} from './Footer.js';
import {Header} from './Header.js';
import {Help, helpRows} from './Help.js';
import {pastedText, plainKey} from './input.js';
import {footerKeys, helpLines} from './keyhelp.js';
import {useKeyQueue} from './keyQueue.js';
import {minColumns, minRows} from './layout.js';
import {useStore} from './state/valueStore.js';
import {useTheme} from './theme.js';
import {useNow} from './useNow.js';
import {useTerminalSize} from './useTerminalSize.js';
import type {Crumb} from './views/navigation.js';
import {panesLayout} from './views/panes/moves.js';
import {initialPanes} from './views/panes/state.js';
import {commands, views} from './views/registry.js';
import type {ViewKind, ViewModule, ViewState} from './views/types.js';
import type {Ui} from './views/ui.js';
import type {AppProps} from './appProps.js';
import {createUi} from './createUi.js';
import {hideTyped, trace} from '../trace.js';

export type {AppProps, StoreView} from './appProps.js';
export type {ActivityFeed};

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
	// The footer's place follows the focused pane.
	useStore(ui.panes);
	const dialog = useStore(ui.dialog);
	const help = useStore(ui.help);
	const message = useStore(ui.messages);
	useStore(ui.rollouts);
	const module = moduleOf(view);
	const place = module.place(view, ui);
	hideTyped(dialog?.kind === 'prompt' && Boolean(dialog.secret));
	useEffect(() => trace('view', {view: view.kind, help: help.open, dialog: dialog?.kind ?? null}), [view.kind, help.open, dialog?.kind]);

	// A new context: every view and stream of the old cluster goes.
	useEffect(
		() =>
			props.contexts?.onSwitch(() => {
				ui.dialog.set(undefined);
				ui.logs.stop();
				ui.rollouts.set([]);
				ui.nav.reset();
				ui.panes.set((old) => ({...old, nav: initialPanes().nav, marked: new Set()}));
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

	/** Why an action cannot be done in a view now: the footer leaves it out, the key says it. */
	const refusal = (on: ViewModule<ViewKind>, state: ViewState, action: ActionName): string | undefined =>
		ui.readOnly && 'writes' in actionDefs[action] ? 'read-only mode: nothing can be changed' : on.unavailable?.(action, state, ui);

	const onKey = (input: string, key: Key) => {
		const press = {...key, input};
		const open = ui.dialog.get();
		if (open) {
			trace('to dialog', open.kind);
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
			trace('in help', action ?? null);
			if (action === 'back' || action === 'help' || action === 'quit') return ui.help.set({open: false, offset: 0});
			const page = helpRows(size.current.rows - 2);
			const step = {up: -1, down: 1, pageUp: -page, pageDown: page, top: -1e6, bottom: 1e6}[action as string] ?? 0;
			const total = helpLines(here.place(current, ui), keymap, '').length;
			if (step) ui.help.set((old) => ({...old, offset: Math.max(0, Math.min(old.offset + step, total - page))}));
			return;
		}
		if (here.text?.(press, current, ui)) return trace('typed', current.kind);
		const action = resolveKey(keymap, here.place(current, ui), press);
		trace('action', {view: current.kind, place: here.place(current, ui), action: action ?? null});
		if (!action) return;
		if (action === 'quit') return ui.quit();
		if (action === 'help') return ui.help.set({open: true, offset: 0});
		if (action === 'command') return ui.dialog.set(commandPrompt(ui, commands));
		const refused = refusal(here, current, action);
		if (refused) return ui.say(refused, true);
		const handler = (here.handle as Record<string, (u: Ui, s: ViewState) => void | string>)[action];
		const said = handler?.(ui, current);
		if (typeof said === 'string') ui.say(said);
	};

	/** Pasted text: typed into the open field; anywhere else it does nothing (it is never keys). */
	const onPasted = (text: string) => {
		const value = pastedText(text);
		const open = ui.dialog.get();
		// A value of several lines (a key, a certificate) would lose its line breaks here.
		if (open?.kind === 'prompt' && open.secret && /[\r\n]/.test(text.replace(/[\r\n]+$/, '')))
			return ui.say('a value of several lines cannot be typed: save it to a file and give its path instead', true);
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

	const bodyHeight = rows - 2 - footerExtra(message, columns, rows);
	const crumb = (c: Crumb<ViewState>) => (c.panes ? `${c.panes.nav.focus}${c.panes.filters[c.panes.nav.focus] ? ` /${c.panes.filters[c.panes.nav.focus]}` : ''}` : moduleOf(c.view).crumb(c.view, ui));
	const crumbs = trail.length ? [...trail.map(crumb), module.crumb(view, ui)].join(' › ') : undefined;
	const commandNames = commands.map((c) => c.names[0]).join(' ');
	const Body = module.Body;
	const bodyProps = {ui, state: view, width: columns, height: bodyHeight};
	const footer = module.footer?.(bodyProps);

	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Header
				endpoint={props.contexts?.describe() ?? props.endpoint}
				snapshot={snapshot}
				now={now}
				width={columns}
				problems={ui.problems().length}
				readOnly={ui.readOnly}
				warnings={typeof warnings === 'function' ? warnings() : warnings}
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
			{footer ?? <Footer width={columns} message={message} status={ui.rollouts.status(snapshot)} keys={footerKeys(place, keymap, (action) => refusal(module, view, action) !== undefined)} />}
		</Box>
	);
}
