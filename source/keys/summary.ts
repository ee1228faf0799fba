// The keys for `swarmtui --help`, from the registry (the same one help, footers and the
// README's tables come from), wrapped for an 80-column terminal.
import {actionDefs, globalActions} from './actions.js';
import {actionKeys, defaultKeys, type Keymap} from './keymap.js';
import {placeActions, placeLabel, placeNames, places} from './places.js';

export function keySummary(keymap: Keymap = defaultKeys, width = 78): string[] {
	const lines: string[] = [];
	const add = (title: string, items: string[]) => {
		let line = `    ${title}:`;
		for (const item of items) {
			if (line.length + item.length + 2 > width) {
				lines.push(`${line},`);
				line = `      ${item}`;
			} else line = line.endsWith(':') ? `${line} ${item}` : `${line}, ${item}`;
		}
		lines.push(line);
	};
	for (const place of placeNames.filter((p) => p !== 'help')) {
		const items = placeActions(place).map((action) => `${actionKeys(action, keymap).join('/')} ${(actionDefs[action] as {short?: string}).short ?? placeLabel(place, action, actionDefs[action].label)}`);
		add(places[place].title.replace(/^the /, ''), items);
	}
	add('everywhere', globalActions.map((action) => `${actionKeys(action, keymap).join('/')} ${actionDefs[action].label}`));
	return lines;
}
