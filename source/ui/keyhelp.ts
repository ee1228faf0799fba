// Help, footers and the README's key tables, all made from the registry (keys/): what
// they show is what the keys do, in the operator's keymap.
import {type ActionName, actionDefs, globalActions} from '../keys/actions.js';
import {actionKeys, defaultKeys, type Keymap} from '../keys/keymap.js';
import {type Place, placeActions, placeLabel, placeNames, places} from '../keys/places.js';

export type HelpLine = {heading?: string; keys?: string; label?: string; writes?: boolean};

const label = (place: Place, action: ActionName) => placeLabel(place, action, actionDefs[action].label);

/** The footer's keys for a place; `hide` leaves out what cannot be done there now. */
export function footerKeys(place: Place, keymap: Keymap, hide: (action: ActionName) => boolean): string[] {
	const out: string[] = [];
	for (const item of places[place].footer) {
		if (typeof item === 'string') {
			if (hide(item)) continue;
			const def = actionDefs[item] as {short?: string; label: string};
			const own = (places[place] as {short?: Partial<Record<ActionName, string>>}).short?.[item];
			out.push(`${actionKeys(item, keymap)[0]} ${own ?? def.short ?? label(place, item)}`);
		} else {
			const [a, b, words] = item;
			if (hide(a)) continue;
			out.push(`${actionKeys(a, keymap)[0]} ${actionKeys(b, keymap)[0]} ${words}`);
		}
	}
	return out;
}

/** Help for a place: its own keys first, then the ones that work everywhere. */
export function helpLines(place: Place, keymap: Keymap, commands: string): HelpLine[] {
	const lines: HelpLine[] = [{heading: `keys of ${places[place].title}`}];
	for (const action of placeActions(place)) lines.push({keys: actionKeys(action, keymap).join(' '), label: label(place, action), writes: 'writes' in actionDefs[action]});
	lines.push({}, {heading: 'everywhere'});
	for (const action of globalActions) lines.push({keys: actionKeys(action, keymap).join(' '), label: action === 'command' ? `command: ${commands}` : actionDefs[action].label});
	return lines;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The README's key tables (its "Keys" section is checked against this by a test). */
export function keyTables(commands: string): string {
	const out: string[] = [];
	const shown = placeNames.filter((place) => place !== 'help');
	for (const place of shown) {
		out.push(`**${places[place].title[0]?.toUpperCase()}${places[place].title.slice(1)}**`, '', '| keys | action | config name |', '|---|---|---|');
		for (const action of placeActions(place)) {
			const keys = actionKeys(action, defaultKeys).map((k) => `\`${k}\``).join(' ');
			out.push(`| ${cell(keys)} | ${cell(label(place, action))}${'writes' in actionDefs[action] ? ' (changes the swarm)' : ''} | ${'key' in actionDefs[action] ? `\`${action}\`` : ''} |`);
		}
		out.push('');
	}
	out.push('**Everywhere**', '', '| keys | action | config name |', '|---|---|---|');
	for (const action of globalActions) out.push(`| ${cell(actionKeys(action, defaultKeys).map((k) => `\`${k}\``).join(' '))} | ${cell(action === 'command' ? `command: ${commands}` : actionDefs[action].label)} | \`${action}\` |`);
	return out.join('\n');
}
