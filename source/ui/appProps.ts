// What the CLI hands the screen: the cluster, the operator's settings, and the engine's
// reads and streams (bound to the connection in use).
import type {Actions} from '../actions/index.js';
import type {Keymap} from '../keys/keymap.js';
import type {ActivityFeed} from '../model/activity.js';
import type {TaskFilter} from '../model/focus.js';
import type {ClusterSnapshot} from '../model/snapshot.js';
import type {LogOptions, OpenLogs} from './sessions/logSession.js';
import type {HandOver} from './sessions/terminal.js';
import type {Readable} from './state/valueStore.js';
import type {ContextAccess} from './views/contexts/state.js';
import type {Reader} from './views/ui.js';

export type StoreView = Readable<ClusterSnapshot>;

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
	warnings?: string[] | (() => string[]);
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
	/** Gives the terminal to a command (a shell in a container) and takes it back. */
	handOver?: HandOver;
	/** The operator's editor on a text ($VISUAL, $EDITOR, vi): the saved text, or undefined. */
	editText?: (text: string, name: string) => Promise<{text: string; written: boolean} | undefined>;
	/** What `E` runs in a container (the config's `shell`). */
	shell?: string[];
};

