// Where each action works. A place is where keys are read: a pane, or a view. Its
// actions are the only ones its keys resolve to (so `d` in the rollout view is nothing,
// not a drain of a node that is not on screen), the view for that place must handle
// every one of them (the compiler checks: ui/views/registry.ts), and its footer offers a
// subset. Two actions of one place may not share a key (checked when the config loads).
import type {ActionName} from './actions.js';

export type FooterItem = ActionName | readonly [ActionName, ActionName, string];

export type PlaceDef = {
	/** For help: "keys of …". */
	title: string;
	/** The place's actions; a text replaces the action's label here. */
	actions: Partial<Record<ActionName, string | true>>;
	/** The footer's word for an action here, where the place's label is too long. */
	short?: Partial<Record<ActionName, string>>;
	/** What the footer offers, in this order (when it fits); a pair shows two keys with one word. */
	footer: readonly FooterItem[];
};

const move = {up: true, down: true, pageUp: true, pageDown: true, top: true, bottom: true} as const;
const panes = {...move, nextPane: true, previousPane: true, filter: true, sort: true, history: true, inspect: true, rollout: true, back: 'back a step / clear the filter'} as const;
const serviceActions = {scale: true, update: true, rollback: true, restart: true, remove: true, logs: true, exec: true, edit: true, clone: true} as const;
const list = {...move, back: true} as const;

export const places = {
	nodes: {
		title: 'the nodes pane',
		actions: {open: 'tasks of the node', drain: true, activate: true, pause: true, promote: true, demote: true, label: true, labelsColumn: true, edit: 'edit the node\'s labels, role and availability in $EDITOR', ...panes},
		short: {open: 'tasks'},
		footer: ['nextPane', 'open', 'drain', 'activate', 'pause', 'inspect', 'filter', 'help', 'quit'],
	},
	services: {
		title: 'the services pane',
		actions: {open: 'tasks of the service or stack', ...serviceActions, mark: true, ...panes},
		short: {open: 'tasks'},
		footer: ['nextPane', 'open', 'scale', 'update', 'rollback', 'restart', 'logs', 'inspect', 'filter', 'help', 'quit'],
	},
	tasks: {
		title: 'the tasks pane',
		actions: {...serviceActions, ...panes},
		footer: ['nextPane', 'history', 'logs', 'exec', 'scale', 'update', 'rollback', 'restart', 'inspect', 'filter', 'help', 'quit'],
	},
	logs: {
		title: 'the log view',
		actions: {
			up: 'scroll a line (pauses following)',
			down: 'scroll a line',
			pageUp: true,
			pageDown: true,
			top: 'oldest line',
			logEnd: true,
			logFollow: true,
			logWrap: true,
			logTimestamps: true,
			logPrefixes: true,
			logSearch: true,
			logOlder: true,
			logNewer: true,
			logFilter: true,
			logSave: true,
			logClear: true,
			back: 'back, closing the log streams',
		},
		footer: ['back', 'logFollow', 'logEnd', 'logWrap', 'logTimestamps', 'logPrefixes', 'logSearch', ['logOlder', 'logNewer', 'match'], 'logFilter', 'logSave', 'logClear', 'help'],
	},
	inspect: {
		title: 'the inspect view',
		actions: {
			...move,
			up: 'scroll up',
			down: 'scroll down',
			inspectSearch: true,
			inspectNext: true,
			inspectPrevious: true,
			inspectSecrets: true,
			inspectJson: true,
			inspectDiff: true,
			inspectSpec: true,
			inspectWrap: true,
			back: true,
		},
		footer: ['back', ['down', 'up', 'scroll'], 'inspectSearch', 'inspectSecrets', 'inspectJson', 'inspectDiff', 'inspectSpec', 'inspectWrap', 'help'],
	},
	rollout: {
		title: 'the rollout view',
		actions: {rollback: 'roll back (asks first)', back: true},
		footer: ['back', 'rollback', 'command', 'help'],
	},
	activity: {title: 'the events list', actions: list, footer: ['back', ['down', 'up', 'move'], 'command', 'help']},
	problems: {title: 'the problems list', actions: {...list, open: 'go to it'}, footer: ['open', 'back', ['down', 'up', 'move'], 'command', 'help']},
	stacks: {title: 'the stacks list', actions: {...list, open: 'services of the stack'}, footer: ['open', 'back', ['down', 'up', 'move'], 'command', 'help']},
	objects: {title: 'this list', actions: list, footer: ['back', ['down', 'up', 'move'], 'command', 'help']},
	stores: {
		title: 'the secrets or configs list',
		actions: {...list, create: true, rotate: true, remove: 'remove (refused while a service uses it)'},
		short: {remove: 'remove'},
		footer: ['create', 'rotate', 'remove', 'back', ['down', 'up', 'move'], 'command', 'help'],
	},
	contexts: {title: 'the contexts list', actions: {...list, open: 'switch to this context'}, footer: ['open', 'back', ['down', 'up', 'move'], 'command', 'help']},
	help: {title: 'help', actions: {...move, back: 'close help'}, footer: []},
} as const satisfies Record<string, PlaceDef>;

export type Place = keyof typeof places;
export const placeNames = Object.keys(places) as Place[];
/** The actions of a place, as a type: a view's handler table must have each one. */
export type ActionOf<P extends Place> = P extends Place ? keyof (typeof places)[P]['actions'] & ActionName : never;
export type PaneName = 'nodes' | 'services' | 'tasks';
export const paneNames: readonly PaneName[] = ['nodes', 'services', 'tasks'];

export function placeActions(place: Place): ActionName[] {
	return Object.keys(places[place].actions) as ActionName[];
}

/** The action's words in a place. */
export function placeLabel(place: Place, action: ActionName, fallback: string): string {
	const own = (places[place].actions as Partial<Record<ActionName, string | true>>)[action];
	return typeof own === 'string' ? own : fallback;
}
