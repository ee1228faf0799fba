// Every key action swarmtui has, in one registry: its default letter (if it has one the
// operator may rebind), the keys that are not letters (arrows, Enter, Esc…), what it
// does, and whether it changes the swarm. Where each action works is in places.ts.
// Help, footers, `--help`, completion and the README's key tables are made from these
// two tables; views handle action names, never letters.

export type ActionDef = {
	/** The default letter, rebindable in the config file's "keys". */
	key?: string;
	/** Keys that are not letters and are not rebound (shown as written here). */
	fixed?: readonly FixedKey[];
	/** What it does, for help (a place may say it in its own words). */
	label: string;
	/** The footer's word for it, where the label is too long. */
	short?: string;
	/** Changes the swarm: off in --read-only mode. */
	writes?: boolean;
};

/** Keys that are not printable letters, by the names help shows. */
export type FixedKey = '↑' | '↓' | 'PgUp' | 'PgDn' | 'Home' | 'End' | 'Tab' | 'Shift-Tab' | '⏎' | 'Esc' | 'Ctrl-C' | 'Ctrl-D' | 'Ctrl-S';

export const actionDefs = {
	// Moving.
	up: {key: 'k', fixed: ['↑'], label: 'up'},
	down: {key: 'j', fixed: ['↓'], label: 'down'},
	pageUp: {fixed: ['PgUp'], label: 'page up'},
	pageDown: {fixed: ['PgDn'], label: 'page down'},
	top: {key: 'g', fixed: ['Home'], label: 'first row'},
	bottom: {key: 'G', fixed: ['End'], label: 'last row'},
	nextPane: {fixed: ['Tab'], label: 'next pane', short: 'next pane'},
	previousPane: {fixed: ['Shift-Tab'], label: 'previous pane'},
	open: {fixed: ['⏎'], label: 'open'},
	back: {fixed: ['Esc'], label: 'back', short: 'back'},
	// The panes.
	history: {key: 'h', label: 'task history on / off', short: 'history'},
	filter: {key: '/', label: 'filter this pane', short: 'filter'},
	sort: {key: 'S', label: 'sort by the next column (↑, ↓, then the next)', short: 'sort'},
	mark: {key: ' ', label: 'mark a service (for logs of several)', short: 'mark'},
	inspect: {key: 'i', label: 'inspect'},
	logs: {key: 'l', label: 'logs (of the marked services, if any)', short: 'logs'},
	rollout: {key: 'o', label: 'rollout in progress', short: 'rollout'},
	edit: {key: 'e', label: 'edit the spec in $EDITOR (the changes shown first)', short: 'edit', writes: true},
	clone: {key: 'c', label: 'copy the service under a new name (its spec in $EDITOR first)', short: 'copy', writes: true},
	// A shell can change anything in the container: off in --read-only mode.
	exec: {key: 'E', label: 'shell in the task (a service: one of its running tasks)', short: 'shell', writes: true},
	// Services.
	scale: {key: 's', label: 'scale', writes: true},
	update: {key: 'u', label: 'update image', short: 'update', writes: true},
	rollback: {key: 'r', label: 'roll back', writes: true},
	restart: {key: 'R', label: 'force restart', short: 'restart', writes: true},
	remove: {key: 'x', fixed: ['Ctrl-D'], label: 'remove service', short: 'remove', writes: true},
	// Nodes.
	drain: {key: 'd', label: 'drain node', short: 'drain', writes: true},
	activate: {key: 'a', label: 'activate node', short: 'activate', writes: true},
	pause: {key: 'p', label: 'pause node', short: 'pause', writes: true},
	promote: {key: '+', label: 'promote to manager', writes: true},
	demote: {key: '-', label: 'demote to worker', writes: true},
	labelsColumn: {key: 'v', label: 'node labels column on / off', short: 'labels'},
	label: {key: 'L', label: 'add or change a node label (key=value), or remove one (-key)', short: 'label', writes: true},
	// Secrets and configs.
	create: {key: 'n', label: 'new one: its value from a file, or typed (hidden for a secret)', short: 'new', writes: true},
	rotate: {key: 'r', label: 'rotate: a new version, and every service using this one switched to it', short: 'rotate', writes: true},
	// Everywhere.
	command: {key: ':', label: 'command'},
	help: {key: '?', label: 'help'},
	quit: {key: 'q', fixed: ['Ctrl-C'], label: 'quit'},
	// The log view.
	logFollow: {key: 'f', label: 'follow on / off', short: 'follow'},
	logEnd: {key: 'G', fixed: ['End'], label: 'newest line, following again', short: 'end'},
	logWrap: {key: 'w', label: 'wrap long lines on / off', short: 'wrap'},
	logTimestamps: {key: 't', label: 'timestamps on / off', short: 'time'},
	logPrefixes: {key: 'p', label: 'task prefixes on / off', short: 'prefix'},
	logSearch: {key: '/', label: 'search (plain text, any case)', short: 'search'},
	logOlder: {key: 'n', label: 'older match'},
	logNewer: {key: 'N', label: 'newer match'},
	logFilter: {key: 'F', label: 'only matches, hide matches, all lines', short: 'filter'},
	logSave: {fixed: ['Ctrl-S'], label: 'save the lines to a file', short: 'save'},
	logClear: {key: 'c', label: 'clear the view', short: 'clear'},
	// The inspect view.
	inspectSearch: {key: '/', label: 'search'},
	inspectNext: {key: 'n', label: 'next match'},
	inspectPrevious: {key: 'N', label: 'previous match'},
	inspectSecrets: {key: 'm', label: 'show / mask secret-looking values', short: 'secrets'},
	inspectJson: {key: 'J', label: 'raw JSON'},
	inspectDiff: {key: 'd', label: 'what a rollback would restore', short: 'rollback diff'},
	inspectSpec: {key: 'y', label: 'the summary and spec again', short: 'spec'},
	inspectWrap: {key: 'w', label: 'wrap long lines on / off', short: 'wrap'},
} as const satisfies Record<string, ActionDef>;

export type ActionName = keyof typeof actionDefs;
export const actionNames = Object.keys(actionDefs) as ActionName[];

/** Actions that have a letter, the ones the config file may rebind. */
export type RebindableAction = {[A in ActionName]: (typeof actionDefs)[A] extends {key: string} ? A : never}[ActionName];
export const rebindable = actionNames.filter((action): action is RebindableAction => 'key' in actionDefs[action]);

/** Read and handled in every place, before the place's own actions. */
export const globalActions = ['quit', 'help', 'command'] as const satisfies readonly ActionName[];
