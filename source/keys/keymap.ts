// The keymap: the operator's letters for the rebindable actions, checked once when the
// config loads, and resolved once per key press into an action name for the place the
// key was read in. Nothing else in swarmtui compares a key with a letter.
import {type ActionName, actionDefs, type FixedKey, globalActions, type RebindableAction, rebindable} from './actions.js';
import {type Place, placeActions, placeNames, places} from './places.js';

export type Keymap = Record<RebindableAction, string>;

export const defaultKeys: Keymap = Object.fromEntries(rebindable.map((action) => [action, actionDefs[action].key])) as Keymap;

/** How a key is written in the config file and shown: one character, or "space". */
export const keyName = (key: string) => (key === ' ' ? 'space' : key);

/** The keys of an action as the keymap has them: its letter first, then the fixed ones. */
export function actionKeys(action: ActionName, keymap: Keymap = defaultKeys): string[] {
	const def = actionDefs[action] as {key?: string; fixed?: readonly FixedKey[]};
	const letter = def.key === undefined ? [] : [keyName(keymap[action as RebindableAction] ?? def.key)];
	return [...letter, ...(def.fixed ?? [])];
}

/** Every action that can be pressed in a place: its own and the global ones. */
export function actionsIn(place: Place): ActionName[] {
	return [...new Set<ActionName>([...placeActions(place), ...globalActions])];
}

/**
 * The keymap with the operator's changes, or what is wrong with them: unknown actions,
 * actions without a letter, keys that are not one printable character, and two actions
 * of one place on one key.
 */
export function buildKeymap(changes: Record<string, unknown> = {}): {keymap: Keymap; errors: string[]} {
	const keymap: Keymap = {...defaultKeys};
	const errors: string[] = [];
	for (const [action, value] of Object.entries(changes)) {
		if (!(action in actionDefs)) {
			errors.push(`keys: unknown action "${action}" (the actions: ${rebindable.join(', ')})`);
			continue;
		}
		if (!(rebindable as readonly string[]).includes(action)) {
			errors.push(`keys: ${action} is on ${actionKeys(action as ActionName).join(' ')}, which cannot be rebound`);
			continue;
		}
		const key = value === 'space' ? ' ' : value;
		if (typeof key !== 'string' || [...key].length !== 1 || /[\u0000-\u001f\u007f]/.test(key)) {
			errors.push(`keys: ${action} must be one printable character or "space" (got ${JSON.stringify(value)})`);
			continue;
		}
		keymap[action as RebindableAction] = key;
	}
	const seen = new Set<string>();
	for (const place of placeNames) {
		const here = actionsIn(place);
		for (let i = 0; i < here.length; i++) {
			for (let j = i + 1; j < here.length; j++) {
				const [a, b] = [here[i] as ActionName, here[j] as ActionName];
				const shared = actionKeys(a, keymap).find((key) => actionKeys(b, keymap).includes(key));
				const pair = [a, b].sort().join(' ');
				if (shared === undefined || seen.has(pair)) continue;
				seen.add(pair);
				errors.push(`keys: "${shared}" is bound to both ${a} and ${b} (in ${places[place].title})`);
			}
		}
	}
	return {keymap, errors};
}

/** What a key press was, as the registry writes keys: a letter, or a fixed key's name. */
export type KeyPress = {
	input: string;
	upArrow?: boolean;
	downArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	tab?: boolean;
	shift?: boolean;
	return?: boolean;
	escape?: boolean;
	backspace?: boolean;
	delete?: boolean;
	ctrl?: boolean;
	meta?: boolean;
};

export function keyToken(press: KeyPress): string | undefined {
	if (press.upArrow) return '↑';
	if (press.downArrow) return '↓';
	if (press.pageUp) return 'PgUp';
	if (press.pageDown) return 'PgDn';
	if (press.home) return 'Home';
	if (press.end) return 'End';
	if (press.tab) return press.shift ? 'Shift-Tab' : 'Tab';
	if (press.return) return '⏎';
	if (press.escape) return 'Esc';
	if (press.ctrl) return ['c', 'd', 's'].includes(press.input) ? `Ctrl-${press.input.toUpperCase()}` : undefined;
	if (press.meta || !press.input) return undefined;
	return keyName(press.input);
}

const resolvers = new WeakMap<Keymap, Map<Place, Map<string, ActionName>>>();

/** The action a key press means in a place, or nothing. */
export function resolveKey(keymap: Keymap, place: Place, press: KeyPress): ActionName | undefined {
	let byPlace = resolvers.get(keymap);
	if (!byPlace) {
		byPlace = new Map();
		for (const p of placeNames) {
			const map = new Map<string, ActionName>();
			// The place's own actions first: a global one never hides them (the config check
			// refuses such a keymap anyway).
			for (const action of actionsIn(p)) for (const key of actionKeys(action, keymap)) if (!map.has(key)) map.set(key, action);
			byPlace.set(p, map);
		}
		resolvers.set(keymap, byPlace);
	}
	const token = keyToken(press);
	return token === undefined ? undefined : byPlace.get(place)?.get(token);
}
