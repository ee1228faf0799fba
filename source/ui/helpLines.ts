// What help shows: the keys of the place it was opened from first (the log view's in
// the log view, not the panes'), then the keys that work everywhere. Pure, so it is
// tested without rendering; the keys are the operator's (the keymap in force).
import {type Action, bindings, type Keymap, keyName, shownKeys} from './keys.js';

export type HelpPlace = 'panes' | 'logs' | 'inspect' | 'rollout' | 'list';
export type HelpLine = {heading?: string; keys?: string; label?: string; writes?: boolean};

const placeNames: Record<HelpPlace, string> = {
	panes: 'the panes',
	logs: 'the log view',
	inspect: 'the inspect view',
	rollout: 'the rollout view',
	list: 'this list',
};

export function helpLines(place: HelpPlace, keymap: Keymap): HelpLine[] {
	const k = (action: Action) => keyName(keymap[action]);
	const own: Record<HelpPlace, HelpLine[]> = {
		panes: bindings.map((binding) => ({keys: shownKeys(binding, keymap), label: `${binding.label}${binding.panes ? ` (${binding.panes.join(', ')})` : ''}`, writes: binding.writes})),
		logs: [
			{keys: `${k('logFollow')}`, label: 'follow on / off'},
			{keys: `${k('logEnd')} End`, label: 'newest line, following again'},
			{keys: '↑↓ j k', label: 'scroll a line (pauses following)'},
			{keys: 'PgUp PgDn', label: 'scroll a page'},
			{keys: 'g Home', label: 'oldest line'},
			{keys: `${k('logWrap')}`, label: 'wrap long lines on / off'},
			{keys: `${k('logTimestamps')}`, label: 'timestamps on / off'},
			{keys: `${k('logPrefixes')}`, label: 'task prefixes on / off'},
			{keys: `${k('logSearch')}`, label: 'search (plain text, any case)'},
			{keys: `${k('logOlder')} ${k('logNewer')}`, label: 'older / newer match'},
			{keys: `${k('logFilter')}`, label: 'only matches, hide matches, all lines'},
			{keys: 'Ctrl-S', label: 'save the lines to a file'},
			{keys: `${k('logClear')}`, label: 'clear the view'},
			{keys: 'Esc', label: 'back, closing the log streams'},
		],
		inspect: [
			{keys: '↑↓ j k', label: 'scroll'},
			{keys: 'PgUp PgDn g G', label: 'page, top, bottom'},
			{keys: `${k('inspectSearch')}`, label: 'search'},
			{keys: `${k('inspectNext')} ${k('inspectPrevious')}`, label: 'next / previous match'},
			{keys: `${k('inspectSecrets')}`, label: 'show / mask secret-looking values'},
			{keys: `${k('inspectJson')}`, label: 'raw JSON'},
			{keys: `${k('inspectDiff')}`, label: 'what a rollback would restore (services)'},
			{keys: `${k('inspectSpec')}`, label: 'the summary and spec again'},
			{keys: `${k('inspectWrap')}`, label: 'wrap long lines on / off'},
			{keys: 'Esc', label: 'back'},
		],
		rollout: [
			{keys: `${k('rollback')}`, label: 'roll back (asks first)', writes: true},
			{keys: 'Esc', label: 'back'},
		],
		list: [
			{keys: '↑↓ j k', label: 'move'},
			{keys: 'PgUp PgDn g G', label: 'page, first, last'},
			{keys: '⏎', label: 'go to it (problems, stacks)'},
			{keys: 'Esc', label: 'back'},
		],
	};
	const lines: HelpLine[] = [{heading: `keys of ${placeNames[place]}`}, ...own[place]];
	if (place !== 'panes') {
		lines.push({}, {heading: 'everywhere'});
		lines.push({keys: k('command'), label: 'command: problems stacks networks secrets configs events rollout nodes services tasks quit'});
		lines.push({keys: k('help'), label: 'help'});
		lines.push({keys: `${k('quit')} Ctrl-C`, label: 'quit'});
	}
	return lines;
}
