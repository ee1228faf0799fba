// The key map: one list that drives the help overlay and the footer.
export type PaneName = 'nodes' | 'services' | 'tasks';

export type Binding = {keys: string; label: string; panes?: readonly PaneName[]; footer?: boolean; writes?: boolean};

// Keys an operator can rebind in the config file, with where each one acts: node keys
// and service keys may share a letter (they live in different panes); the rest act
// everywhere in the panes, so a key may mean only one of them.
export const defaultKeys = {
	up: 'k',
	down: 'j',
	top: 'g',
	bottom: 'G',
	history: 'h',
	scale: 's',
	update: 'u',
	rollback: 'r',
	restart: 'R',
	remove: 'x',
	drain: 'd',
	activate: 'a',
	pause: 'p',
	promote: '+',
	demote: '-',
	inspect: 'i',
	logs: 'l',
	mark: ' ',
	rollout: 'o',
	command: ':',
	filter: '/',
	sort: 'S',
	help: '?',
	quit: 'q',
	// The log view.
	logFollow: 'f',
	logWrap: 'w',
	logTimestamps: 't',
	logPrefixes: 'p',
	logSearch: '/',
	logOlder: 'n',
	logNewer: 'N',
	logFilter: 'F',
	logClear: 'c',
	logEnd: 'G',
	// The inspect view.
	inspectSecrets: 'm',
	inspectJson: 'J',
	inspectDiff: 'd',
	inspectSpec: 'y',
	inspectSearch: '/',
	inspectNext: 'n',
	inspectPrevious: 'N',
	inspectWrap: 'w',
} as const;

export type Action = keyof typeof defaultKeys;
export type Keymap = Record<Action, string>;

const nodeActions: readonly Action[] = ['drain', 'activate', 'pause', 'promote', 'demote'];
const serviceActions: readonly Action[] = ['scale', 'update', 'rollback', 'restart', 'remove'];
// Where a key acts: the panes (all of them, or only nodes, or services and tasks), the
// log view, the inspect view. quit, help and command act in every one of them.
type Scope = 'all' | 'nodes' | 'services' | 'logs' | 'inspect';
const everywhere: readonly Action[] = ['quit', 'help', 'command'];
const scope = (action: Action): Scope =>
	action.startsWith('log') && action !== 'logs' ? 'logs' : action.startsWith('inspect') && action !== 'inspect' ? 'inspect' : nodeActions.includes(action) ? 'nodes' : serviceActions.includes(action) ? 'services' : 'all';
/** Whether two actions can be pressed in the same place. */
const meet = (a: Action, b: Action) => {
	if (everywhere.includes(a) || everywhere.includes(b)) return true;
	const [x, y] = [scope(a), scope(b)];
	if (x === y) return true;
	const panes = (z: Scope) => z === 'all' || z === 'nodes' || z === 'services';
	return panes(x) && panes(y) && (x === 'all' || y === 'all');
};

/** Where keys are read: a pane, or the log or inspect view. */
export type KeyPlace = PaneName | 'logs' | 'inspect';

/** How a key is written in the config file: one character, or "space". */
export const keyName = (key: string) => (key === ' ' ? 'space' : key);

/**
 * The keymap with the operator's changes, or what is wrong with them: unknown actions,
 * keys that are not one printable character, and two actions on one key.
 */
export function buildKeymap(changes: Record<string, unknown> = {}): {keymap: Keymap; errors: string[]} {
	const keymap: Keymap = {...defaultKeys};
	const errors: string[] = [];
	for (const [action, value] of Object.entries(changes)) {
		if (!(action in defaultKeys)) {
			errors.push(`keys: unknown action "${action}" (the actions: ${Object.keys(defaultKeys).join(', ')})`);
			continue;
		}
		const key = value === 'space' ? ' ' : value;
		if (typeof key !== 'string' || [...key].length !== 1 || /[\u0000-\u001f\u007f]/.test(key)) {
			errors.push(`keys: ${action} must be one printable character or "space" (got ${JSON.stringify(value)})`);
			continue;
		}
		keymap[action as Action] = key;
	}
	// Fixed keys: arrows, Tab, Enter, Esc, PgUp/PgDn, Ctrl-C, Ctrl-D are not letters.
	const actions = Object.keys(keymap) as Action[];
	for (let i = 0; i < actions.length; i++) {
		for (let j = i + 1; j < actions.length; j++) {
			const [a, b] = [actions[i] as Action, actions[j] as Action];
			if (keymap[a] === keymap[b] && meet(a, b)) errors.push(`keys: "${keyName(keymap[a])}" is bound to both ${a} and ${b}`);
		}
	}
	return {keymap, errors};
}

/**
 * Turns a key the operator pressed in a pane into the key the panes understand (the
 * default one for its action); a default key whose action moved elsewhere means nothing.
 */
export function keyTranslator(keymap: Keymap): (input: string, place: KeyPlace) => string {
	const moved = (Object.keys(keymap) as Action[]).filter((action) => keymap[action] !== defaultKeys[action]);
	if (moved.length === 0) return (input) => input;
	const forPlace = (place: KeyPlace) => {
		const where: Scope = place === 'logs' || place === 'inspect' ? place : place === 'nodes' ? 'nodes' : 'services';
		const acts = (action: Action) =>
			everywhere.includes(action) || scope(action) === where || (scope(action) === 'all' && where !== 'logs' && where !== 'inspect');
		const here = moved.filter(acts);
		const to = new Map<string, string>(here.map((action) => [keymap[action], defaultKeys[action]]));
		const freed = new Set<string>(here.map((action) => defaultKeys[action] as string).filter((key) => !to.has(key)));
		return (input: string) => to.get(input) ?? (freed.has(input) ? '' : input);
	};
	const places = {nodes: forPlace('nodes'), services: forPlace('services'), tasks: forPlace('tasks'), logs: forPlace('logs'), inspect: forPlace('inspect')};
	return (input, place) => places[place](input);
}

/** A binding's keys as the operator's keymap has them. */
export function shownKeys(binding: Binding, keymap?: Keymap): string {
	if (!keymap) return binding.keys;
	const byDefault = new Map<string, string>();
	for (const action of Object.keys(keymap) as Action[]) if (keymap[action] !== defaultKeys[action]) byDefault.set(defaultKeys[action], keyName(keymap[action]));
	if (byDefault.size === 0) return binding.keys;
	return binding.keys
		.split(' ')
		.map((token) => byDefault.get(token) ?? token)
		.join(' ');
}

export const bindings: readonly Binding[] = [
	{keys: 'Tab', label: 'next pane', footer: true},
	{keys: 'Shift-Tab', label: 'previous pane'},
	{keys: '↑↓ j k', label: 'move'},
	{keys: 'g G', label: 'first / last row'},
	{keys: 'PgUp PgDn', label: 'page up / down'},
	{keys: '⏎', label: 'tasks of the selection', panes: ['nodes', 'services'], footer: true},
	{keys: 'h', label: 'task history on/off', panes: ['tasks'], footer: true},
	{keys: 's', label: 'scale', panes: ['services', 'tasks'], footer: true, writes: true},
	{keys: 'u', label: 'update image', panes: ['services', 'tasks'], footer: true, writes: true},
	{keys: 'r', label: 'roll back', panes: ['services', 'tasks'], footer: true, writes: true},
	{keys: 'R', label: 'force restart', panes: ['services', 'tasks'], footer: true, writes: true},
	{keys: 'x Ctrl-D', label: 'remove service', panes: ['services', 'tasks'], writes: true},
	{keys: 'd', label: 'drain node', panes: ['nodes'], footer: true, writes: true},
	{keys: 'a', label: 'activate node', panes: ['nodes'], footer: true, writes: true},
	{keys: 'p', label: 'pause node', panes: ['nodes'], footer: true, writes: true},
	{keys: '+', label: 'promote to manager', panes: ['nodes'], writes: true},
	{keys: '-', label: 'demote to worker', panes: ['nodes'], writes: true},
	{keys: 'i', label: 'inspect (m secrets, J raw JSON, d rollback diff)', footer: true},
	{keys: 'l', label: 'logs (space marks services)', panes: ['services', 'tasks'], footer: true},
	{keys: 'o', label: 'rollout in progress'},
	{keys: ':', label: 'command: problems stacks networks secrets configs events rollout quit'},
	{keys: '/', label: 'filter this pane', footer: true},
	{keys: 'S', label: 'sort by the next column (↑, ↓, then the next)'},
	{keys: 'Esc', label: 'back / clear filter / close'},
	{keys: '?', label: 'help', footer: true},
	{keys: 'q Ctrl-C', label: 'quit', footer: true},
];

export function footerBindings(pane: PaneName, readOnly = false): Binding[] {
	return bindings.filter((binding) => binding.footer && (!binding.panes || binding.panes.includes(pane)) && !(readOnly && binding.writes));
}

export type Command = {names: readonly string[]; run: 'activity' | 'rollout' | 'problems' | 'stacks' | 'networks' | 'secrets' | 'configs' | 'quit' | PaneName};

export const commands: readonly Command[] = [
	{names: ['events', 'ev', 'activity'], run: 'activity'},
	{names: ['rollout', 'ro'], run: 'rollout'},
	{names: ['problems', 'pb'], run: 'problems'},
	{names: ['stacks', 'st'], run: 'stacks'},
	{names: ['networks', 'net'], run: 'networks'},
	{names: ['secrets', 'sec'], run: 'secrets'},
	{names: ['configs', 'cfg'], run: 'configs'},
	{names: ['nodes', 'no'], run: 'nodes'},
	{names: ['services', 'svc'], run: 'services'},
	{names: ['tasks', 'ts'], run: 'tasks'},
	{names: ['quit', 'q'], run: 'quit'},
];

/** `:svc shop` -> the services command with "shop" as its filter. */
export function parseCommand(text: string): {command?: Command; word: string; arg: string} {
	const [first = '', ...rest] = text.trim().replace(/^:/, '').split(/\s+/);
	const word = first.toLowerCase();
	return {command: commands.find((command) => command.names.includes(word)), word, arg: rest.join(' ')};
}

const allNames = commands.flatMap((command) => command.names);

function distance(a: string, b: string): number {
	const row = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0] as number;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j] as number;
			row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length] as number;
}

/** Commands whose names start with the word, else those within two typos of it. */
function suggestCommands(word: string): string[] {
	const w = word.toLowerCase();
	const name = (command: Command) => command.names[0] as string;
	const byPrefix = commands.filter((command) => command.names.some((n) => n.startsWith(w)));
	if (w && byPrefix.length) return byPrefix.map(name);
	return commands.filter((command) => command.names.some((n) => distance(w, n) <= 2)).map(name);
}

/** Tab in the command prompt: the whole name when one fits, else the common start. */
export function completeCommand(value: string): string {
	const text = value.trimStart().replace(/^:/, '');
	if (/\s/.test(text)) return value;
	const matches = allNames.filter((n) => n.startsWith(text.toLowerCase()));
	const full = commands.filter((command) => command.names.some((n) => n.startsWith(text.toLowerCase())));
	if (full.length === 1) return `${full[0]!.names[0]} `;
	if (matches.length === 0) return value;
	let common = matches[0] as string;
	for (const m of matches) while (!m.startsWith(common)) common = common.slice(0, -1);
	return common.length > text.length ? common : value;
}

/** What the command prompt says under the field as the operator types. */
export function commandHint(value: string): string {
	const {command, word} = parseCommand(value);
	if (command) return `${command.names.join(' ')}${['nodes', 'services', 'tasks'].includes(command.run) ? ' [filter]' : ''}`;
	const matches = suggestCommands(word);
	return matches.length ? `Tab completes: ${matches.join('  ')}` : '';
}

export function commandError(value: string): string | undefined {
	const {command, word} = parseCommand(value);
	if (command) return undefined;
	if (!word) return 'type a command';
	const near = suggestCommands(word);
	return `unknown command "${word}"${near.length ? `; did you mean ${near.slice(0, 4).join(', ')}?` : ''}`;
}
