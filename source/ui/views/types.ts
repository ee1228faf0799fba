// What a view is: a module with its commands, breadcrumb, footer, action handlers and
// body. App composes them through the registry (views/registry.ts); the handler table
// is typed by the place's actions (keys/places.ts), so a view that forgets one does not
// compile, and a key never reaches a view that has no use for it.
import type {ReactNode} from 'react';
import type {HandOver} from '../sessions/terminal.js';
import type {ActionName} from '../../keys/actions.js';
import type {Keymap} from '../../keys/keymap.js';
import type {ActionOf, PaneName, Place} from '../../keys/places.js';
import type {KeyPress} from '../../keys/keymap.js';
import type {ContextsState} from './contexts/state.js';
import type {InspectState} from './inspect/InspectView.js';
import type {ObjectsState} from './objects/ObjectsView.js';
import type {Actions} from '../../actions/index.js';
import type {ActivityFeed} from '../../model/activity.js';
import type {ObjectKind} from '../../model/objects.js';
import type {Problem} from '../../model/problems.js';
import type {StackRow} from '../../model/services.js';
import type {ClusterSnapshot} from '../../model/snapshot.js';
import type {Dialog} from '../dialog.js';
import type {LogSession} from '../sessions/logSession.js';
import type {Messages} from '../sessions/messages.js';
import type {RolloutTracker} from '../sessions/rollouts.js';
import type {Runner} from '../sessions/runner.js';
import type {Readable, ValueStore} from '../state/valueStore.js';
import type {ContextAccess} from './contexts/state.js';
import type {Navigation} from './navigation.js';
import type {PaneData} from './panes/data.js';
import type {PanesStore} from './panes/state.js';

export type ViewState =
	| {kind: 'panes'}
	| {kind: 'logs'}
	| ({kind: 'inspect'} & InspectState)
	| {kind: 'rollout'; id: number}
	| {kind: 'activity'; index: number}
	| {kind: 'problems'; index: number}
	| {kind: 'stacks'; index: number}
	| ({kind: 'objects'} & ObjectsState)
	| ({kind: 'contexts'} & ContextsState);

export type ViewKind = ViewState['kind'];
export type StateOf<K extends ViewKind> = Extract<ViewState, {kind: K}>;

/** Where each view reads keys: the panes in the focused pane, every other view in its own place. */
export type PlaceOf = {
	panes: PaneName;
	logs: 'logs';
	inspect: 'inspect';
	rollout: 'rollout';
	activity: 'activity';
	problems: 'problems';
	stacks: 'stacks';
	objects: 'objects' | 'stores';
	contexts: 'contexts';
};

/** A handler does the action, or says in words why it cannot (shown in the footer). */
export type Handler<K extends ViewKind> = (ui: Ui, state: StateOf<K>) => void | string;

export type Command = {
	names: readonly string[];
	/** What may follow the name, for the hint: "[filter]", "NAME". */
	arg?: string;
	help: string;
	run: (ui: Ui, arg: string) => void | string;
	/** Values for the argument, for Tab. */
	complete?: (ui: Ui) => string[];
};

export type BodyProps<K extends ViewKind> = {ui: Ui; state: StateOf<K>; width: number; height: number};

export type ViewModule<K extends ViewKind> = {
	place: (state: StateOf<K>, ui: Ui) => PlaceOf[K];
	crumb: (state: StateOf<K>, ui: Ui) => string;
	commands?: readonly Command[];
	handle: {[A in ActionOf<PlaceOf[K]>]: Handler<K>};
	/** Why an action cannot be done here now (the footer leaves it out; the key says why). */
	unavailable?: (action: ActionName, state: StateOf<K>, ui: Ui) => string | undefined;
	/** Keys taken as text before they become actions (a filter being typed). True: taken. */
	text?: (press: KeyPress, state: StateOf<K>, ui: Ui) => boolean;
	/** Pasted text, where the view has a field for it. True: taken. */
	paste?: (text: string, state: StateOf<K>, ui: Ui) => boolean;
	/** Rows of one page, for PgUp and PgDn. */
	page?: (state: StateOf<K>, ui: Ui) => number;
	/** Replaces the footer (a filter being typed shows its field there). */
	footer?: (props: BodyProps<K>) => ReactNode | undefined;
	Body: (props: BodyProps<K>) => ReactNode;
};

// What every view is handed: the cluster, the operator's settings, where they are, and
// the long-lived sessions. Made once per screen (ui/App.tsx); nothing in it is React
// state, so a key's handler and the next render see the same thing.
/** Reads that views make on demand (never on the watcher's schedule). */
export type Reader = {
	/** Lists networks, secrets or configs. */
	listObjects?: (kind: ObjectKind) => Promise<unknown>;
	/** Reads one object in full for the inspect view. */
	inspect?: (kind: 'service' | 'node' | 'task', id: string) => Promise<unknown>;
};

export type Ui = {
	cluster: Readable<ClusterSnapshot>;
	activity: ActivityFeed;
	actions: Actions;
	reader: Reader;
	contexts?: ContextAccess;
	keymap: Keymap;
	readOnly: boolean;
	now: () => number;
	/** The body's size (the screen less header and footer). */
	body: () => {width: number; height: number};
	nav: Navigation<ViewState>;
	panes: PanesStore;
	/** The panes' rows for the current state (memoized). */
	paneData: () => PaneData;
	dialog: ValueStore<Dialog | undefined>;
	messages: Messages;
	say: (text: string, error?: boolean) => void;
	logs: LogSession;
	rollouts: RolloutTracker;
	runner: Runner;
	problems: () => Problem[];
	stacks: () => StackRow[];
	quit: () => void;
	/** Gives the terminal to a command and takes it back (sessions/terminal.ts); none in tests without a terminal. */
	handOver?: HandOver;
	/** The operator's editor on a text (the CLI's: source/editor.ts); undefined: dropped. */
	editText?: (text: string, name: string) => Promise<{text: string; written: boolean} | undefined>;
	/** The config's `shell` (words); none: the first of bash, ash, sh in the container. */
	shell?: string[];
};

export type {Keymap, Place};
