// The screen: header, the main panes (or a rollout, or the activity list), footer,
// and dialogs on top. It renders the store's snapshot and keeps the operator's place;
// it never fetches, and it changes the swarm only through the actions it is given.
import {Box, type Key, Text, useInput} from 'ink';
import {useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import type {Actions} from '../actions/index.js';
import {checkPath} from '../actions/savelogs.js';
import type {FollowOptions, FollowSink, Follower, LogTarget} from '../docker/logfollow.js';
import {plainText} from '../model/ansi.js';
import {LogBuffer, type LogLine} from '../model/logbuffer.js';
import {followedTasks, LogLabels, taskChanges, taskLabel, type TaskPresence} from '../model/logtasks.js';
import {serviceStack} from '../model/services.js';
import type {ActivityLog} from '../model/activity.js';
import {type Progress, type Rollout, rolloutEnded, rolloutProgress, rolloutsInProgress, startRollout} from '../model/rollout.js';
import {moveIndex, selectedIndex} from '../model/selection.js';
import type {ClusterSnapshot} from '../model/store.js';
import {ActivityView} from './ActivityView.js';
import {naturalWidths} from './columns.js';
import {type Dialog, dialogKey} from './dialog.js';
import {DialogBox} from './DialogBox.js';
import {FilterBar} from './FilterBar.js';
import {Footer, type FooterMessage} from './Footer.js';
import {Header} from './Header.js';
import {Help, helpRows} from './Help.js';
import {type HelpPlace, helpLines} from './helpLines.js';
import {pastedText, plainKey, splitKeys} from './input.js';
import {commandError, commandHint, completeCommand, defaultKeys, type Keymap, keyName, keyTranslator, parseCommand, type PaneName} from './keys.js';
import {computeLayout, minColumns, minRows} from './layout.js';
import {MainView} from './MainView.js';
import {type Job, nodeKeys, nodeOperation, type NodeKey, type Outcome, serviceKeys, serviceOperation, type ServiceKey} from './operations.js';
import {nodeColumns} from './paneColumns.js';
import {RolloutView} from './RolloutView.js';
import {ProblemsView} from './ProblemsView.js';
import {StacksView} from './StacksView.js';
import {type ObjectsState, ObjectsView} from './ObjectsView.js';
import {type ObjectKind, objectRows} from '../model/objects.js';
import type {StackRow} from '../model/services.js';
import {findProblems} from '../model/problems.js';
import {findLine, type InspectState, inspectText, InspectView} from './InspectView.js';
import {initialLogState, type LogState, LogView} from './LogView.js';
import {logKey, startSearch} from './logKeys.js';
import {sanitize} from './text.js';
import {type Nav, type Sort, usePanes} from './usePanes.js';
import {nodeColumns as sortableNodes, serviceColumns as sortableServices, taskColumns as sortableTasks} from './paneColumns.js';
import {useNow} from './useNow.js';
import {useTerminalSize} from './useTerminalSize.js';
import {theme} from './theme.js';

export type StoreView = {get: () => ClusterSnapshot; subscribe: (listener: () => void) => () => void};
export type ActivityFeed = Pick<ActivityLog, 'get' | 'subscribe' | 'add' | 'settle'>;

export type AppProps = {
	store: StoreView;
	endpoint: string;
	actions: Actions;
	activity: ActivityFeed;
	/** Starts following logs (the docker layer's followLogs, bound to the engine). */
	openLogs?: (targets: LogTarget[], options: FollowOptions, sink: FollowSink) => Follower;
	logOptions?: {buffer: number; tail: number; colors: boolean};
	/** The tasks on screen, so the watcher can poll just those often on a large cluster. */
	onFocus?: (filter: {service?: string[]; node?: string[]} | undefined) => void;
	onQuit: () => void;
	/** Lists networks, secrets or configs (read-only views). */
	listObjects?: (kind: ObjectKind) => Promise<unknown>;
	/** Reads one object in full for the inspect view. */
	inspect?: (kind: 'service' | 'node' | 'task', id: string) => Promise<unknown>;
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

type View = {kind: 'main'} | {kind: 'rollout'; id: number} | {kind: 'activity'; index: number} | {kind: 'problems'; index: number} | {kind: 'stacks'; index: number} | ({kind: 'objects'} & ObjectsState) | {kind: 'logs'} | ({kind: 'inspect'} & InspectState);
type Tracked = Rollout & {ended?: string};
type Crumb = {view: View; nav?: Nav; filters?: Record<PaneName, string>};

/** A view's name in the breadcrumbs. */
function crumbName(view: View, nav?: Nav, filters?: Record<PaneName, string>): string {
	if (view.kind === 'main') return nav ? `${nav.focus}${filters?.[nav.focus] ? ` /${filters[nav.focus]}` : ''}` : 'panes';
	if (view.kind === 'inspect') return view.title;
	if (view.kind === 'objects') return view.objects;
	if (view.kind === 'activity') return 'events';
	return view.kind;
}

const panes: PaneName[] = ['nodes', 'services', 'tasks'];

/** Whose keys help shows: the view it was opened from. */
const helpPlace = (kind: View['kind']): HelpPlace => (kind === 'main' ? 'panes' : kind === 'logs' || kind === 'inspect' || kind === 'rollout' ? kind : 'list');

/** The footer's keys outside the main panes, as the keymap has them. */
function viewKeys(kind: View['kind'], k: Keymap): string[] | undefined {
	const n = (action: keyof Keymap) => keyName(k[action]);
	const common = [`${n('command')} command`, `${n('help')} help`];
	return {
		main: undefined,
		logs: ['Esc back', `${n('logFollow')} follow`, `${n('logEnd')} end`, `${n('logWrap')} wrap`, `${n('logTimestamps')} time`, `${n('logPrefixes')} prefix`, `${n('logSearch')} search`, `${n('logOlder')} ${n('logNewer')} match`, `${n('logFilter')} filter`, '^S save', `${n('logClear')} clear`],
		rollout: ['Esc back', `${n('rollback')} roll back`, ...common],
		activity: ['Esc back', 'j k move', ...common],
		inspect: ['Esc back', 'j k scroll', `${n('inspectSearch')} search`, `${n('inspectSecrets')} secrets`, `${n('inspectJson')} raw JSON`, `${n('inspectDiff')} rollback diff`, `${n('inspectSpec')} spec`, `${n('inspectWrap')} wrap`],
		problems: ['⏎ go to it', 'Esc back', 'j k move', ...common],
		stacks: ['⏎ services of the stack', 'Esc back', 'j k move', `${n('command')} command`],
		objects: ['Esc back', 'j k move', ...common],
	}[kind];
}

/** A ref and a state in one: keys of one burst see each other's changes at once. */
function useSyncedState<T>(initial: T): [T, () => T, (change: (old: T) => T) => void] {
	const [value, setValue] = useState(initial);
	const ref = useRef(value);
	ref.current = value;
	const update = (change: (old: T) => T) => {
		ref.current = change(ref.current);
		setValue(ref.current);
	};
	return [value, () => ref.current, update];
}

export function App({store, endpoint, actions, activity, openLogs, logOptions, onFocus, onQuit, warnings, inspect, listObjects, clock, size, onPaste, refresh, onRollout, keymap = defaultKeys}: AppProps) {
	const translate = useMemo(() => keyTranslator(keymap), [keymap]);
	const snapshot = useSyncExternalStore(store.subscribe, store.get);
	const entries = useSyncExternalStore(activity.subscribe, activity.get);
	// Ages and the header's "live Ns" move every 2 s: a redraw a second would be most of
	// the idle CPU on a big screen.
	const now = useNow(2000, clock);
	const terminal = useTerminalSize();
	const columns = size?.columns ?? terminal.columns;
	// One line short of the terminal: a frame as tall as the terminal makes Ink clear the
	// whole screen on every render, which flickers over ssh.
	const rows = (size?.rows ?? terminal.rows) - 1;

	const [nav, getNav, updateNav] = useSyncedState<Nav>({
		focus: 'services',
		master: 'services',
		places: {nodes: {index: 0}, services: {index: 0}, tasks: {index: 0}},
	});
	const [filters, getFilters, setFilters] = useSyncedState<Record<PaneName, string>>({nodes: '', services: '', tasks: ''});
	const [editing, getEditing, updateEditing] = useSyncedState<PaneName | undefined>(undefined);
	const [dialog, getDialog, updateDialog] = useSyncedState<Dialog | undefined>(undefined);
	const [view, getView, updateView] = useSyncedState<View>({kind: 'main'});
	// Where the operator came from: Esc goes back a step, to the view as it was left
	// (the panes with their selection and filters).
	const [trail, getTrail, updateTrail] = useSyncedState<Crumb[]>([]);
	const go = (next: View) => {
		const from = getView();
		if (from.kind === next.kind && from.kind !== 'main') return updateView(() => next);
		const crumb: Crumb = from.kind === 'main' ? {view: from, nav: getNav(), filters: getFilters()} : {view: from};
		// The view being left is already on the way back: the way back returns to that
		// point instead of growing (":pb", Enter, ":pb", Enter… made "services › problems ›
		// services › problems …" without end). Each view is on the trail at most once.
		updateTrail((old) => {
			const earlier = old.findIndex((c) => c.view.kind === from.kind);
			return [...(earlier >= 0 ? old.slice(0, earlier) : old), crumb];
		});
		updateView(() => next);
	};
	const back = () => {
		const last = getTrail().at(-1);
		if (!last) return updateView(() => ({kind: 'main'}));
		updateTrail((old) => old.slice(0, -1));
		if (last.nav) updateNav(() => last.nav as Nav);
		if (last.filters) setFilters(() => last.filters as Record<PaneName, string>);
		updateView(() => last.view);
	};
	const [history, setHistory] = useState(false);
	const [help, getHelp, updateHelp] = useSyncedState(false);
	const [helpOffset, setHelpOffset] = useState(0);
	const setHelp = (on: boolean) => {
		setHelpOffset(0);
		updateHelp(() => on);
	};
	const [message, setMessage] = useState<FooterMessage | undefined>();
	const [rollouts, setRollouts] = useState<Tracked[]>([]);
	const nextRollout = useRef(1);
	const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
	// Logs: the buffer and the streams live in refs, never in React state; the view
	// redraws at most ~30 times a second when the buffer moved.
	const [logState, getLogState, updateLogState] = useSyncedState<LogState>(initialLogState('', logOptions?.colors ?? true));
	const logBuffer = useRef<LogBuffer | undefined>(undefined);
	const follower = useRef<Follower | undefined>(undefined);
	const followed = useRef<{services: Set<string>; tasks: Set<string>; present: TaskPresence}>({services: new Set(), tasks: new Set(), present: new Map()});
	const [logVersion, setLogVersion] = useState(0);
	useEffect(() => {
		if (view.kind !== 'logs') return;
		const timer = setInterval(() => {
			const version = logBuffer.current?.version ?? 0;
			setLogVersion((old) => (old === version ? old : version));
		}, 33);
		return () => clearInterval(timer);
	}, [view.kind]);
	useEffect(() => () => follower.current?.stop(), []);
	// Tasks joining and leaving the followed services, as notice lines.
	useEffect(() => {
		if (view.kind !== 'logs' || !logBuffer.current) return;
		const now = followedTasks(snapshot, followed.current.services, followed.current.tasks);
		for (const text of taskChanges(followed.current.present, now)) pushNotice(text);
		followed.current.present = now;
	}, [snapshot.tasks, view.kind]);

	useEffect(() => {
		if (!message) return;
		const timer = setTimeout(() => setMessage(undefined), message.error ? 8000 : 5000);
		return () => clearTimeout(timer);
	}, [message]);

	const {focus} = nav;
	const [sorts, setSorts] = useState<Record<PaneName, Sort>>({nodes: undefined, services: undefined, tasks: undefined});
	const data = usePanes(snapshot, nav, filters, history, now, sorts);
	const nodesWidth = useMemo(() => {
		const widths = naturalWidths(nodeColumns, data.allNodes).map((w, i) => Math.max(w, nodeColumns[i]?.header.length ?? 0));
		return widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1) + 3; // gaps, marker, borders
	}, [data.allNodes]);
	const layout = computeLayout(columns, rows, data.allNodes.length, data.allServices.length, nodesWidth);

	// Rollouts: progress from the snapshot; the end of each goes to the activity list.
	const progress = useMemo(() => new Map<number, Progress>(rollouts.map((r) => [r.id, rolloutProgress(snapshot, r)])), [rollouts, snapshot]);
	useEffect(() => {
		const ended = rollouts.filter((r) => !r.ended && rolloutEnded(snapshot, r, progress.get(r.id) as Progress));
		if (ended.length === 0) return;
		for (const r of ended) {
			const p = progress.get(r.id);
			const text = `${p?.direction === 'rollback' ? 'rollback' : r.kind} ${p?.paused ? 'paused' : 'finished'}: ${p?.state.replace(/_/g, ' ')}${p?.message ? ` (${p.message})` : ''}`;
			activity.add({source: 'action', target: r.name, text, outcome: p?.paused ? 'error' : 'ok'});
		}
		setRollouts((old) => old.map((r) => (ended.some((e) => e.id === r.id) ? {...r, ended: progress.get(r.id)?.state ?? 'ended'} : r)));
	}, [progress]);
	const running = rollouts.filter((r) => !r.ended);
	// Recomputed when the data changes, and once a minute for the crash-loop window; not
	// on every clock tick (it walks every task).
	const minute = Math.floor(now / 60_000);
	const problems = useMemo(() => findProblems(snapshot, now), [snapshot.nodes, snapshot.services, snapshot.tasks, minute]);
	const stacks = useMemo(() => data.allServices.filter((r): r is StackRow => r.kind === 'stack'), [data.allServices]);

	// Tell the watcher which tasks are on screen: the selection's, or the open rollout's
	// (and, for a service's rollout, which of them the engine calls up to date).
	const shown = view.kind === 'rollout' ? rollouts.find((r) => r.id === view.id) : undefined;
	const rolloutService = shown && shown.kind !== 'drain' ? shown.targetId : undefined;
	useEffect(() => onRollout?.(rolloutService), [rolloutService]);
	const focusKey = shown
		? `${shown.kind === 'drain' ? 'node' : 'service'}:${shown.targetId}`
		: data.target
			? data.target.kind === 'stack'
				? `stack:${data.target.name}`
				: `${data.target.kind}:${data.target.id}`
			: '';
	const focusTold = useRef(false);
	useEffect(() => {
		if (!onFocus) return;
		// The first at once (the first frame waits for it); later ones once the selection
		// rests, not on every key while the operator moves.
		if (!focusTold.current) {
			focusTold.current = true;
			return tellFocus(focusKey);
		}
		const timer = setTimeout(() => tellFocus(focusKey), 150);
		return () => clearTimeout(timer);
	}, [focusKey]);
	const tellFocus = (key: string) => {
		if (!onFocus) return;
		const [kind, value = ''] = key.split(/:(.*)/s);
		if (kind === 'service') onFocus({service: [value]});
		else if (kind === 'node') onFocus({node: [value]});
		else if (kind === 'stack') onFocus({service: [...store.get().services.values()].filter((s) => serviceStack(s) === value).map((s) => s.ID)});
		else onFocus(undefined);
	};
	// Rollouts in progress, whoever started them: the engine's updates and rollbacks, and
	// this session's drains.
	const engineRollouts = useMemo(() => rolloutsInProgress(snapshot), [snapshot.services]);
	const statusParts = [
		...engineRollouts.map((s) => `${String(s.UpdateStatus?.State).startsWith('rollback') ? 'rollback' : 'update'} ${s.Spec?.Name ?? String(s.ID).slice(0, 12)} ${s.UpdateStatus?.State === 'paused' || s.UpdateStatus?.State === 'rollback_paused' ? 'paused' : ''}`.trim()),
		...running.filter((r) => r.kind === 'drain').map((r) => `drain ${r.name} ${progress.get(r.id)?.done ?? 0}/${progress.get(r.id)?.total ?? 0}`),
	];
	const status = statusParts.length ? statusParts.join(' · ') : undefined;

	const run = (job: Job) => {
		const pending = activity.add({source: 'action', target: job.target, text: `${job.label}…`, outcome: 'pending'});
		setMessage({text: `${job.target}: ${job.label}…`});
		// Taken before the change, so the rollout knows which tasks are the old ones.
		const rollout = job.rollout ? startRollout(store.get(), nextRollout.current++, job.rollout.kind, job.rollout.targetId) : undefined;
		job.perform().then(
			(done) => {
				const warning = done.warnings?.length ? ` (${done.warnings.join('; ')})` : '';
				const finish = () => {
					activity.settle(pending, 'ok', `${job.label}: ${done.message}${warning}`);
					setMessage({text: `${done.message}${warning}`, error: false});
				};
				if (job.settled && !job.settled(store.get())) {
					// Accepted, not yet shown by the cluster: under way until it is.
					setMessage({text: `${job.target}: ${job.label} accepted; waiting for the cluster to show it…`});
					const stopWatching = store.subscribe(() => {
						if (!job.settled?.(store.get())) return;
						stopWatching();
						clearTimeout(timer);
						finish();
					});
					const timer = setTimeout(() => {
						stopWatching();
						activity.settle(pending, 'error', `${job.label}: accepted by the engine, but the cluster does not show it after 60 s`);
					}, 60_000);
					timer.unref?.();
				} else finish();
				if (rollout) {
					setRollouts((old) => [...old.filter((r) => !(r.targetId === rollout.targetId && !r.ended)), rollout]);
					go({kind: 'rollout', id: rollout.id});
				}
			},
			(error: unknown) => {
				const text = error instanceof Error ? error.message : String(error);
				activity.settle(pending, 'error', `${job.label}: ${text}`);
				setMessage({text, error: true});
			},
		);
	};

	// Acting on stale data is how mistakes happen during an incident: nothing is sent
	// while the engine cannot be reached.
	const offline = (): boolean => {
		if (store.get().connection !== 'disconnected') return false;
		setMessage({text: 'disconnected from the engine: actions are refused until it is back', error: true});
		return true;
	};

	const apply = (outcome: Outcome) => {
		if (outcome.message) setMessage(outcome.message);
		if (outcome.dialog) updateDialog(() => outcome.dialog);
	};

	const context = () => ({snapshot: store.get(), actions, run});

	const serviceAction = (key: ServiceKey) => {
		if (offline()) return;
		const current = getNav();
		let id: string | undefined;
		if (current.focus === 'services') {
			const row = data.services[selectedIndex(data.services, current.places.services.id, current.places.services.index)];
			if (row?.kind === 'stack') return setMessage({text: `select a service: this row is the stack ${row.name}`});
			id = row?.id;
		} else if (current.focus === 'tasks') {
			id = data.tasks[selectedIndex(data.tasks, current.places.tasks.id, current.places.tasks.index)]?.serviceId;
		}
		const service = id ? store.get().services.get(id) : undefined;
		if (!service) return setMessage({text: 'select a service first'});
		apply(serviceOperation(context(), key, service));
	};

	const nodeAction = (key: NodeKey) => {
		if (offline()) return;
		const current = getNav();
		const row = data.nodes[selectedIndex(data.nodes, current.places.nodes.id, current.places.nodes.index)];
		const node = row ? store.get().nodes.get(row.id) : undefined;
		if (!node) return setMessage({text: 'select a node first'});
		apply(nodeOperation(context(), key, node));
	};

	const move = (to: (index: number, length: number) => number) =>
		updateNav((old) => {
			const pane = old.focus;
			const list = data.rows[pane];
			const current = selectedIndex(list, old.places[pane].id, old.places[pane].index);
			const index = to(current, list.length);
			const places = {...old.places, [pane]: {id: list[index]?.id, index: Math.max(0, index)}};
			if (pane !== 'tasks' && index !== current) places.tasks = {index: 0};
			return {...old, places};
		});

	const focusPane = (step: (focus: PaneName) => PaneName) =>
		updateNav((old) => {
			const next = step(old.focus);
			if (next === 'tasks' || next === old.master) return {...old, focus: next};
			return {focus: next, master: next, places: {...old.places, tasks: {index: 0}}};
		});

	/** The panes, one step further on the trail: `id` selected in `pane`, filtered by `filter`. */
	const showIn = (pane: 'nodes' | 'services', id: string, filter: string) => {
		go({kind: 'main'});
		setFilters((old) => ({...old, [pane]: filter}));
		updateNav((old) => ({focus: pane, master: pane, places: {...old.places, [pane]: {id, index: 0}, tasks: {index: 0}}}));
	};

	/** `o`: the selected service's update or rollback (whoever started it), else one in progress, else this session's last. */
	const openRollout = () => {
		const snap = store.get();
		const current = getNav();
		let selected: string | undefined;
		if (current.focus === 'services') {
			const row = data.services[selectedIndex(data.services, current.places.services.id, current.places.services.index)];
			if (row?.kind === 'service') selected = row.id;
		} else if (current.focus === 'tasks') selected = data.tasks[selectedIndex(data.tasks, current.places.tasks.id, current.places.tasks.index)]?.serviceId;
		const withUpdate = selected && snap.services.get(selected)?.UpdateStatus ? selected : undefined;
		const serviceId = withUpdate ?? rolloutsInProgress(snap)[0]?.ID;
		if (serviceId) {
			const tracked = rollouts.find((r) => r.targetId === serviceId && r.kind !== 'drain' && !r.ended);
			if (tracked) return go({kind: 'rollout', id: tracked.id});
			const opened = {...startRollout(snap, nextRollout.current++, 'update', serviceId), versionBefore: (snap.services.get(serviceId)?.Version?.Index ?? 1) - 1};
			setRollouts((old) => [...old, opened]);
			return go({kind: 'rollout', id: opened.id});
		}
		const latest = running[running.length - 1] ?? rollouts[rollouts.length - 1];
		if (!latest) return setMessage({text: 'no update or rollback in progress, and no rollout this session'});
		go({kind: 'rollout', id: latest.id});
	};

	const runCommand = (text: string) => {
		const {command, arg} = parseCommand(text);
		if (!command) return;
		if (command.run === 'quit') return onQuit();
		if (command.run === 'activity') return go({kind: 'activity', index: 0});
		if (command.run === 'problems') return go({kind: 'problems', index: 0});
		if (command.run === 'stacks') return go({kind: 'stacks', index: 0});
		if (command.run === 'networks' || command.run === 'secrets' || command.run === 'configs') {
			const objects = command.run;
			go({kind: 'objects', objects, index: 0});
			if (!listObjects) return;
			return void listObjects(objects).then(
				(raw) => updateView((old) => (old.kind === 'objects' && old.objects === objects ? {...old, rows: objectRows(objects, raw, store.get())} : old)),
				(error: unknown) => updateView((old) => (old.kind === 'objects' && old.objects === objects ? {...old, error: error instanceof Error ? error.message : String(error)} : old)),
			);
		}
		if (command.run === 'rollout') return openRollout();
		const pane = command.run;
		if (getView().kind !== 'main') go({kind: 'main'});
		focusPane(() => pane);
		// `:svc shop`: the pane filtered, as if typed after /.
		if (arg) setFilters((old) => ({...old, [pane]: sanitize(arg).slice(0, 200)}));
	};

	const page = layout ? Math.max(1, layout[focus].height - 3) : 10;

	const pushNotice = (text: string, source = '') =>
		logBuffer.current?.push({stream: 'notice', timestamp: new Date().toISOString(), taskId: '', nodeId: '', serviceId: '', source, text, cut: 0});

	const labels = useRef(new LogLabels());
	const lineLabel = (line: LogLine) => (line.stream === 'notice' ? line.source : (line.label ?? taskLabel(store.get(), line.taskId, line.serviceId, line.nodeId)));

	const startLogs = (targets: LogTarget[], title: string) => {
		if (!openLogs) return setMessage({text: 'logs are not available here', error: true});
		follower.current?.stop();
		const buffer = new LogBuffer(logOptions?.buffer ?? 10_000);
		logBuffer.current = buffer;
		const services = new Set(targets.filter((t) => t.kind === 'service').map((t) => t.id));
		const tasks = new Set(targets.filter((t) => t.kind === 'task').map((t) => t.id));
		followed.current = {services, tasks, present: followedTasks(store.get(), services, tasks)};
		labels.current = new LogLabels();
		const sink: FollowSink = {
			line: (line, target) => buffer.push({...line, source: target.name, label: labels.current.label(store.get(), line.taskId, line.serviceId, line.nodeId)}),
			notice: (text, target) => buffer.push({stream: 'notice', timestamp: new Date().toISOString(), taskId: '', nodeId: '', serviceId: '', source: target?.name ?? '', text, cut: 0}),
		};
		// A quiet stream is re-opened when tasks of its service started after it opened.
		const stale = (target: LogTarget, openedAt: number) =>
			target.kind === 'service' &&
			[...store.get().tasks.values()].some((t) => t.ServiceID === target.id && t.Status?.State === 'running' && Date.parse(t.Status?.Timestamp ?? '') > openedAt);
		follower.current = openLogs(targets, {follow: true, tail: logOptions?.tail ?? 200, stale}, sink);
		updateLogState(() => initialLogState(title, logOptions?.colors ?? true));
		if (getView().kind === 'logs') updateView(() => ({kind: 'logs'}));
		else go({kind: 'logs'});
	};

	const stopLogs = () => {
		follower.current?.stop();
		follower.current = undefined;
		logBuffer.current = undefined;
		back();
	};

	const logsAction = () => {
		const current = getNav();
		const snap = store.get();
		const tty = (serviceId: string) => Boolean(snap.services.get(serviceId)?.Spec?.TaskTemplate?.ContainerSpec?.TTY);
		const serviceTarget = (id: string): LogTarget => ({kind: 'service', id, name: snap.services.get(id)?.Spec?.Name ?? id.slice(0, 12), tty: tty(id)});
		if (current.focus === 'tasks') {
			const row = data.tasks[selectedIndex(data.tasks, current.places.tasks.id, current.places.tasks.index)];
			if (!row) return setMessage({text: 'select a task first'});
			return startLogs([{kind: 'task', id: row.id, name: row.name.replace(/^ \\_ /, ''), tty: tty(row.serviceId)}], `task ${row.name.replace(/^ \\_ /, '')}`);
		}
		if (current.focus !== 'services') return setMessage({text: 'logs: select a service, a stack or a task'});
		if (marked.size) {
			const ids = [...marked].filter((id) => snap.services.has(id));
			return startLogs(ids.map(serviceTarget), ids.map((id) => snap.services.get(id)?.Spec?.Name ?? id).join(', '));
		}
		const row = data.services[selectedIndex(data.services, current.places.services.id, current.places.services.index)];
		if (!row) return setMessage({text: 'select a service first'});
		if (row.kind === 'stack') {
			const ids = [...snap.services.values()].filter((s) => serviceStack(s) === row.name).map((s) => s.ID);
			return startLogs(ids.map(serviceTarget), `stack ${row.name}`);
		}
		startLogs([serviceTarget(row.id)], row.name);
	};

	const openInspect = () => {
		if (!inspect) return;
		const current = getNav();
		let target: {target: InspectState['target']; id: string; title: string} | undefined;
		if (current.focus === 'services') {
			const row = data.services[selectedIndex(data.services, current.places.services.id, current.places.services.index)];
			if (row?.kind === 'stack') return setMessage({text: `select a service: this row is the stack ${row.name}`});
			if (row) target = {target: 'service', id: row.id, title: `service ${row.name}`};
		} else if (current.focus === 'nodes') {
			const row = data.nodes[selectedIndex(data.nodes, current.places.nodes.id, current.places.nodes.index)];
			if (row) target = {target: 'node', id: row.id, title: `node ${row.hostname}`};
		} else {
			const row = data.tasks[selectedIndex(data.tasks, current.places.tasks.id, current.places.tasks.index)];
			if (row) target = {target: 'task', id: row.id, title: `task ${row.name.trim().replace(/^\\_ /, '')}`};
		}
		if (!target) return setMessage({text: 'select something to inspect'});
		const opened = {...target};
		go({kind: 'inspect', ...opened, mode: 'yaml', masked: true, offset: 0});
		inspect(opened.target, opened.id).then(
			(value) => updateView((old) => (old.kind === 'inspect' && old.id === opened.id ? {...old, data: value} : old)),
			(error: unknown) => updateView((old) => (old.kind === 'inspect' && old.id === opened.id ? {...old, error: error instanceof Error ? error.message : String(error)} : old)),
		);
	};

	const toggleMark = () => {
		const current = getNav();
		if (current.focus !== 'services') return;
		const row = data.services[selectedIndex(data.services, current.places.services.id, current.places.services.index)];
		if (!row || row.kind === 'stack') return;
		setMarked((old) => {
			const next = new Set(old);
			if (next.has(row.id)) next.delete(row.id);
			else next.add(row.id);
			return next;
		});
		move((i, n) => moveIndex(i, 1, n));
	};

	const onLogKey = (input: string, key: Key) => {
		const buffer = logBuffer.current;
		if (!buffer) return stopLogs();
		const step = logKey(getLogState(), input, key, buffer, Math.max(1, rows - 5));
		if (step.state) updateLogState(() => step.state as LogState);
		if (step.message) setMessage({text: step.message});
		if (step.command === 'exit') return stopLogs();
		if (step.command === 'clear') {
			buffer.clear();
			return updateLogState((old) => ({...old, follow: true, anchor: undefined, match: undefined}));
		}
		if (step.command === 'search') {
			return updateDialog(() => ({
				kind: 'prompt',
				title: 'Search the logs (plain text, any case; n older, N newer, F filter)',
				value: getLogState().search,
				fresh: true,
				check: () => undefined,
				submit: (value) => {
					const found = startSearch(getLogState(), value, buffer);
					if (found.state) updateLogState(() => found.state as LogState);
					if (found.message) setMessage({text: found.message});
				},
			}));
		}
		if (step.command === 'save') {
			const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
			return updateDialog(() => ({
				kind: 'prompt',
				title: `Save ${buffer.size} lines to a file`,
				value: `swarmtui-logs-${stamp}.log`,
				fresh: false,
				check: checkPath,
				submit: (path) => {
					const lines = buffer.toArray().map((line) => `${line.timestamp} ${lineLabel(line)} ${line.stream === 'stderr' ? '(stderr) ' : ''}${plainText(line.text)}`);
					run({target: 'logs', label: 'save', perform: () => actions.saveLogs(path, lines)});
				},
			}));
		}
	};

	const onKey = (input: string, key: Key) => {
		const open = getDialog();
		if (open) {
			const step = dialogKey(open, input, key);
			updateDialog(() => step.dialog);
			const next = step.run?.();
			if (next) updateDialog(() => next);
			return;
		}
		const typing = getEditing();
		if (typing) {
			// The filter is typed here, not in a separate input, so a burst like "/mon"
			// arriving in one read lands in the filter whole.
			if (key.escape || key.return) {
				if (key.escape) setFilters((old) => ({...old, [typing]: ''}));
				updateEditing(() => undefined);
			} else if (key.backspace || key.delete) {
				setFilters((old) => ({...old, [typing]: old[typing].slice(0, -1)}));
			} else if (input && !key.ctrl && !key.meta) {
				setFilters((old) => ({...old, [typing]: (old[typing] + sanitize(input)).slice(0, 200)}));
			}
			return;
		}
		if (getHelp()) {
			if (key.escape || input === '?' || input === keymap.help || input === 'q') return setHelp(false);
			const shown = helpRows(rows - 2);
			const step = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : key.pageUp ? -shown : key.pageDown ? shown : input === 'g' || key.home ? -1e6 : input === 'G' || key.end ? 1e6 : 0;
			if (step) setHelpOffset((old) => Math.max(0, Math.min(old + step, helpLines(helpPlace(getView().kind), keymap).length - shown)));
			return;
		}
		// Rebound keys become the defaults the code below knows: here for the panes and the
		// keys that work everywhere; the log and inspect views translate their own below.
		const mapped = key.ctrl || key.meta ? input : translate(input, getNav().focus);
		if (mapped === 'q' || (key.ctrl && input === 'c')) return onQuit();
		if (mapped === '?') return setHelp(true);
		if (mapped === ':') {
			return updateDialog(() => ({
				kind: 'prompt',
				title: 'Command (problems, stacks, networks, secrets, configs, events, rollout, nodes, services, tasks, quit)',
				value: '',
				fresh: false,
				check: commandError,
				complete: completeCommand,
				hint: commandHint,
				submit: (value) => runCommand(value),
			}));
		}
		const current = getView();
		// The log and inspect views' own letters, as the keymap has them.
		const here = (place: 'logs' | 'inspect') => (key.ctrl || key.meta ? input : translate(input, place));
		if (current.kind === 'logs') return onLogKey(here('logs'), key);
		if (current.kind === 'inspect') {
			if (key.escape || input === '-') return back();
			input = here('inspect');
			if (input === '/') {
				return updateDialog(() => ({
					kind: 'prompt',
					title: 'Search (plain text, any case; n next, N previous)',
					value: current.search ?? '',
					fresh: true,
					check: () => undefined,
					submit: (value) => {
						const text = sanitize(value.trim());
						const at = findLine(inspectText(current, now, store.get()), text, current.offset - 1);
						updateView((old) => (old.kind === 'inspect' ? {...old, search: text || undefined, offset: at ?? old.offset} : old));
						if (text && at === undefined) setMessage({text: `"${text}" is not in this view`});
					},
				}));
			}
			if ((input === 'n' || input === 'N') && current.search) {
				const at = findLine(inspectText(current, now, store.get()), current.search, current.offset, input === 'N');
				if (at !== undefined) updateView((old) => (old.kind === 'inspect' ? {...old, offset: at} : old));
				return;
			}
			const scroll = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : key.pageUp ? -page : key.pageDown ? page : input === 'g' ? -1e9 : input === 'G' ? 1e9 : 0;
			updateView((old) => {
				if (old.kind !== 'inspect') return old;
				if (scroll) return {...old, offset: Math.max(0, Math.min(old.offset + scroll, 100_000))};
				if (input === 'm') return {...old, masked: !old.masked};
				if (input === 'J') return {...old, mode: old.mode === 'json' ? 'yaml' : 'json', offset: 0};
				if (input === 'd') return {...old, mode: old.mode === 'diff' ? 'yaml' : 'diff', offset: 0};
				if (input === 'y') return {...old, mode: 'yaml', offset: 0};
				if (input === 'w') return {...old, wrap: old.wrap === false};
				return old;
			});
			return;
		}
		if (current.kind === 'rollout') {
			if (key.escape || input === '-') return back();
			const rollout = rollouts.find((r) => r.id === current.id);
			const service = rollout && rollout.kind !== 'drain' ? store.get().services.get(rollout.targetId) : undefined;
			if (input === 'r' && service && !offline()) apply(serviceOperation(context(), 'r', service));
			return;
		}
		if (current.kind === 'objects' || current.kind === 'stacks' || current.kind === 'problems' || current.kind === 'activity') {
			// The list views: Esc back, and a selection to move.
			if (key.escape || input === '-') return back();
			const length = {objects: current.kind === 'objects' ? (current.rows?.length ?? 0) : 0, stacks: stacks.length, problems: problems.length, activity: entries.length}[current.kind];
			const step = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : key.pageUp ? -page : key.pageDown ? page : input === 'g' ? -length : input === 'G' ? length : 0;
			if (step) return updateView((old) => ('index' in old ? ({...old, index: moveIndex(old.index, step, length)} as View) : old));
		}
		if (current.kind === 'stacks') {
			const chosen = stacks[current.index];
			if (key.return && chosen) {
				// Its services: the services pane, filtered to the stack, its header selected.
				showIn('services', chosen.id, chosen.name);
			}
			return;
		}
		if (current.kind === 'problems') {
			// Enter: the service or node the problem is about, selected in its pane.
			const of = problems[current.index]?.of;
			if (key.return && of) showIn(of.kind === 'node' ? 'nodes' : 'services', of.id, '');
			return;
		}
		if (current.kind === 'objects' || current.kind === 'activity') return;
		const pane = getNav().focus;
		input = mapped;
		if (key.tab) {
			const step = key.shift ? panes.length - 1 : 1;
			return focusPane((old) => panes[(panes.indexOf(old) + step) % panes.length] as PaneName);
		}
		if (key.upArrow || input === 'k') return move((i, n) => moveIndex(i, -1, n));
		if (key.downArrow || input === 'j') return move((i, n) => moveIndex(i, 1, n));
		if (key.pageUp) return move((i, n) => moveIndex(i, -page, n));
		if (key.pageDown) return move((i, n) => moveIndex(i, page, n));
		if (input === 'g' || key.home) return move((_i, n) => moveIndex(0, 0, n));
		if (input === 'G' || key.end) return move((_i, n) => moveIndex(n - 1, 0, n));
		if (key.return) return focusPane(() => 'tasks');
		if (input === '/') return updateEditing(() => pane);
		if (input === 'o') return openRollout();
		if (input === 'S') {
			// Cycles: each column ascending, then descending, then the natural order.
			const keys = {nodes: sortableNodes, services: sortableServices, tasks: sortableTasks}[pane].map((c) => c.key);
			return setSorts((old) => {
				const sort = old[pane];
				let next: Sort;
				if (!sort) next = {column: keys[0] as string, descending: false};
				else if (!sort.descending) next = {...sort, descending: true};
				else {
					const at = keys.indexOf(sort.column) + 1;
					next = at < keys.length ? {column: keys[at] as string, descending: false} : undefined;
				}
				return {...old, [pane]: next};
			});
		}
		if (input === 'l') return logsAction();
		if (input === 'i') return openInspect();
		if (input === ' ') return toggleMark();
		if (input === 'h') {
			setHistory((on) => !on);
			return setMessage({text: history ? 'task history off' : 'task history on'});
		}
		if (key.escape) {
			if (getTrail().length) return back();
			return setFilters((old) => (old[pane] ? {...old, [pane]: ''} : old));
		}
		const serviceKey: ServiceKey | undefined = key.ctrl && input === 'd' ? 'ctrl-d' : (serviceKeys as readonly string[]).includes(input) && !key.ctrl ? (input as ServiceKey) : undefined;
		if (pane === 'nodes' && (nodeKeys as readonly string[]).includes(input) && !key.ctrl) return nodeAction(input as NodeKey);
		if (pane !== 'nodes' && serviceKey) return serviceAction(serviceKey);
	};

	/** Pasted text: typed into the open field; anywhere else it does nothing (it is never keys). */
	const onPasted = (text: string) => {
		const value = pastedText(text);
		const open = getDialog();
		if (open?.kind === 'prompt' || open?.kind === 'type') return updateDialog(() => dialogKey(open, value, plainKey).dialog);
		if (open) return setMessage({text: 'a paste does not answer a confirmation: press y to confirm, any other key to cancel'});
		const typing = getEditing();
		if (typing) return setFilters((old) => ({...old, [typing]: (old[typing] + value).slice(0, 200)}));
		setMessage({text: 'pasted text is ignored here: paste into a filter (/) or a prompt'});
	};

	// Keys that arrive together ("/web⏎l" in one read over ssh) are handled one per
	// render, so each key sees the screen the previous one produced (a filter typed in
	// the same burst has narrowed the list before `l` picks the selected row). A paste
	// waits its turn among them (paste: true), so "/" then a paste lands in the filter.
	const queue = useRef<Array<[string, Key, paste?: boolean]>>([]);
	const [keyTurn, setKeyTurn] = useState(0);
	const typingInto = () => {
		const open = getDialog();
		return Boolean(getEditing()) || open?.kind === 'prompt' || open?.kind === 'type';
	};
	// A key is handled with what its render shows: one handled since the last commit may
	// have changed it, so the next waits for that render (and its keyTurn effect).
	const unrendered = useRef(false);
	const nextKey = () => {
		// Text typed into a field depends on nothing else on screen: take it all at once.
		while (queue.current.length) {
			const [input, key, paste] = queue.current.shift() as [string, Key, boolean?];
			const plain = !key.return && !key.escape && !key.tab && !key.upArrow && !key.downArrow && !key.pageUp && !key.pageDown;
			const wasTyping = typingInto() && plain;
			// No key may end the program: a fault in a handler is reported, the place kept.
			try {
				if (paste) onPasted(input);
				else onKey(input, key);
			} catch (error) {
				const text = `that key failed: ${error instanceof Error ? error.message : String(error)}`;
				activity.add({source: 'action', target: 'keys', text, outcome: 'error'});
				setMessage({text, error: true});
			}
			unrendered.current = true;
			if (!wasTyping || !typingInto()) break;
		}
		if (queue.current.length) setKeyTurn((turn) => turn + 1);
	};
	useEffect(nextKey, [keyTurn]);
	// Ink calls the handler it subscribed in an effect, and reads stdin between a render
	// and that effect: a key read then (or before the render) would meet an older render
	// and act on what was on screen then, like Enter on a filter and then "l" on the row
	// the filter hid. So the handler Ink holds only queues, and keys are handled from the
	// latest commit.
	const takeKey = useRef<(input: string, key: Key, paste?: boolean) => void>(() => undefined);
	useLayoutEffect(() => {
		unrendered.current = false;
		takeKey.current = (input, key, paste) => {
			const waiting = queue.current.length > 0;
			if (paste) queue.current.push([input, plainKey, true]);
			else queue.current.push(...splitKeys(input, key));
			if (waiting) return; // its turn is coming
			if (unrendered.current) setKeyTurn((turn) => turn + 1);
			else nextKey();
		};
	});
	useInput((input, key) => takeKey.current(input, key));
	useEffect(() => onPaste?.((text) => takeKey.current(text, plainKey, true)), [onPaste]);

	if (!layout) {
		return (
			<Box width={columns} height={rows} alignItems="center" justifyContent="center">
				<Text color={theme.warn}>
					terminal too small ({columns}x{rows + 1}): need {minColumns}x{minRows}
				</Text>
			</Box>
		);
	}


	const bodyHeight = rows - 2;
	const crumbs = trail.length ? [...trail.map((c) => crumbName(c.view, c.nav, c.filters)), crumbName(view, nav, filters)].join(' › ') : undefined;
	const shownRollout = view.kind === 'rollout' ? rollouts.find((r) => r.id === view.id) : undefined;
	const shownProgress = shownRollout ? progress.get(shownRollout.id) : undefined;

	let body;
	if (help) body = <Help width={columns} height={bodyHeight} readOnly={actions.readOnly} keymap={keymap} place={helpPlace(view.kind)} offset={helpOffset} />;
	else if (shownRollout && shownProgress)
		body = (
			<RolloutView rollout={shownRollout} progress={shownProgress} snapshot={snapshot} width={columns} height={bodyHeight} now={now} readOnly={actions.readOnly} />
		);
	else if (view.kind === 'activity') body = <ActivityView entries={entries} width={columns} height={bodyHeight} selected={view.index} />;
	else if (view.kind === 'objects') body = <ObjectsView state={view} width={columns} height={bodyHeight} />;
	else if (view.kind === 'stacks') body = <StacksView stacks={stacks} width={columns} height={bodyHeight} selected={view.index} />;
	else if (view.kind === 'problems') body = <ProblemsView problems={problems} width={columns} height={bodyHeight} selected={view.index} now={now} />;
	else if (view.kind === 'inspect') body = <InspectView state={view} width={columns} height={bodyHeight} now={now} snapshot={snapshot} />;
	else if (view.kind === 'logs' && logBuffer.current)
		body = <LogView buffer={logBuffer.current} version={logVersion} state={logState} label={lineLabel} width={columns} height={bodyHeight} />;
	else body = <MainView data={data} layout={layout} focus={focus} filters={filters} history={history} marked={marked} stale={snapshot.connection === 'disconnected' || snapshot.connection === 'error'} sorts={sorts} />;

	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Header endpoint={endpoint} snapshot={snapshot} now={now} width={columns} problems={problems.length} readOnly={actions.readOnly} warnings={warnings} crumbs={crumbs} refresh={refresh} />
			{dialog ? (
				<Box flexDirection="column" height={bodyHeight} justifyContent="center" alignItems="center">
					<DialogBox dialog={dialog} width={Math.min(columns, 100)} />
				</Box>
			) : (
				body
			)}
			{editing ? (
				<FilterBar pane={editing} value={filters[editing]} width={columns} />
			) : (
				<Footer pane={focus} width={columns} message={message} status={status} readOnly={actions.readOnly} keys={viewKeys(view.kind, keymap)} keymap={keymap} />
			)}
		</Box>
	);
}

