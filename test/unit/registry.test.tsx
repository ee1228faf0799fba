// The key registry is the one truth: every action a footer offers does something (or
// says why not) in its view, under the default keys and under a keymap where every
// rebindable action has moved; the old letters then do nothing; the README's tables are
// the registry's.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {actionDefs, type ActionName, rebindable} from '../../source/keys/actions.js';
import {actionKeys, buildKeymap, defaultKeys, type Keymap} from '../../source/keys/keymap.js';
import {type Place, placeActions, placeNames, places} from '../../source/keys/places.js';
import {keyTables} from '../../source/ui/keyhelp.js';
import {commands} from '../../source/ui/views/registry.js';
import type {FollowSink} from '../../source/docker/logfollow.js';
import {ActivityLog} from '../../source/model/activity.js';
import {renderApp, waitFrame} from './helpers.js';

/** What the terminal sends for a key as the registry writes it. */
const bytes: Record<string, string> = {
	'⏎': '\r',
	Esc: '\u001B',
	Tab: '\t',
	'Shift-Tab': '\u001B[Z',
	'↑': '\u001B[A',
	'↓': '\u001B[B',
	PgUp: '\u001B[5~',
	PgDn: '\u001B[6~',
	Home: '\u001B[H',
	End: '\u001B[F',
	'Ctrl-S': '\u0013',
	'Ctrl-D': '\u0004',
	'Ctrl-C': '\u0003',
	space: ' ',
};
const send = (key: string) => bytes[key] ?? key;

/** How to reach each place from the start (the services pane), in default keys. */
const reach: Record<Exclude<Place, 'help'>, string[]> = {
	services: ['j', 'j'],
	tasks: ['j', 'j', '\t'],
	nodes: ['\t', '\t'],
	logs: ['j', 'j', 'l'],
	inspect: ['j', 'j', 'i'],
	rollout: ['j', 'j', 's', '5', '\r'],
	activity: [':', 'events', '\r'],
	problems: [':', 'pb', '\r'],
	stacks: [':', 'st', '\r'],
	objects: [':', 'net', '\r'],
	stores: [':', 'sec', '\r'],
	contexts: [':', 'ctx', '\r'],
};

/**
 * Lists of one row (the lab has one stack and one problem) have nowhere to move: there
 * moving is rightly nothing. Everything else must show a change.
 */
const nowhere: Partial<Record<Place, ActionName[]>> = {stacks: ['down', 'up'], problems: ['down', 'up']};

/** Keys that make an action's effect visible first (the end of the log is where it already is). */
const before: Partial<Record<ActionName, ActionName[]>> = {logEnd: ['up'], up: ['down'], inspectSpec: ['inspectJson']};

function app(keymap: Keymap) {
	let quit = 0;
	const rendered = renderApp({
		keymap,
		onQuit: () => quit++,
		openLogs: (_targets, _options, sink: FollowSink) => {
			for (let i = 0; i < 60; i++) sink.line({stream: 'stdout', timestamp: `2026-12-01T10:00:${String(i).padStart(2, '0')}.000Z`, taskId: 't', nodeId: 'n', serviceId: 's', text: `line ${i} of the log, long enough ${'x'.repeat(i)}`, cut: 0}, {kind: 'service', id: 's', name: 'shop_web', tty: false});
			return {stop() {}};
		},
		inspect: async () => ({ID: 'abc', Spec: {Name: 'shop_web', Labels: Object.fromEntries(Array.from({length: 60}, (_, i) => [`label${i}`, `value ${i}`]))}}),
		activity: (() => {
			const log = new ActivityLog();
			for (let i = 0; i < 5; i++) log.add({source: 'action', target: `t${i}`, text: `entry ${i}`, outcome: 'ok'});
			return log;
		})(),
		listObjects: async () => [
			{ID: 'n1', Name: 'ingress', Driver: 'overlay', Scope: 'swarm'},
			{ID: 'n2', Name: 'shop_default', Driver: 'overlay', Scope: 'swarm'},
		],
		contexts: {
			list: async () => [
				{name: 'default', host: 'unix:///var/run/docker.sock', transport: 'unix', description: '', current: true},
				{name: 'lab', host: 'unix:///run/stlab/node1.sock', transport: 'unix', description: 'the lab', current: false},
			],
			names: () => ['default', 'lab'],
			current: () => 'default',
			describe: () => 'default → unix:///var/run/docker.sock',
			switchTo: async () => undefined,
			onSwitch: () => () => undefined,
		},
	});
	return {...rendered, quits: () => quit};
}

/** The same place reached under another keymap: its letters for the default ones. */
const translate = (keys: string[], keymap: Keymap) =>
	keys.map((key) => {
		const action = rebindable.find((a) => defaultKeys[a] === key && ['down', 'scale', 'logs', 'inspect', 'command'].includes(a));
		return action ? keymap[action] : key;
	});

/** Every rebindable action on its own character, none of them a default letter. */
function movedKeymap(): Keymap {
	const pool = [...'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģ'];
	const changes = Object.fromEntries(rebindable.map((action, i) => [action, pool[i]]));
	const {keymap, errors} = buildKeymap(changes);
	expect(errors).toEqual([]);
	return keymap;
}

const footerActions = (place: Place): ActionName[] => places[place].footer.flatMap((item) => (typeof item === 'string' ? [item] : [item[0], item[1]]));

for (const [name, keymapOf] of [
	['default keys', () => defaultKeys],
	['every action rebound', movedKeymap],
] as const) {
	describe(`every action a footer offers does something, ${name}`, () => {
		for (const place of placeNames.filter((p): p is Exclude<Place, 'help'> => p !== 'help')) {
			it(`${place}`, async () => {
				const keymap = keymapOf();
				for (const action of footerActions(place).filter((a) => !nowhere[place]?.includes(a))) {
					const {app: ink, press, frame, quits} = app(keymap);
					for (const key of translate(reach[place], keymap)) await press(key);
					expect(frame(), `${place} reached`).not.toMatch(/^$/);
					for (const setup of before[action] ?? []) await press(send(actionKeys(setup, keymap)[0] as string));
					const shown = frame();
					await press(send(actionKeys(action, keymap)[0] as string));
					if (action === 'quit') expect(quits(), `${place}: ${action}`).toBe(1);
					else expect(frame(), `${place}: ${action} (${actionKeys(action, keymap)[0]}) changed nothing`).not.toBe(shown);
					ink.unmount();
				}
				// Every footer action of a place, each on a fresh app: seconds, not one.
			}, 30_000);
		}
	});
}

describe('the registry', () => {
	it('footers show the operator\'s keys and only actions of their place', () => {
		for (const place of placeNames) {
			const own = new Set([...placeActions(place), 'quit', 'help', 'command']);
			for (const action of footerActions(place)) expect(own.has(action), `${place} footer offers ${action}`).toBe(true);
		}
	});

	it('under a moved keymap the old letters do nothing in the panes', async () => {
		const keymap = movedKeymap();
		const {app: ink, press, frame} = app(keymap);
		await press(keymap.down, keymap.down);
		const shown = frame();
		for (const letter of ['s', 'u', 'r', 'R', 'x', 'l', 'i', 'o', '/', 'h', 'S', 'j', 'k']) {
			await press(letter);
			expect(frame(), `old letter ${letter}`).toBe(shown);
		}
		expect(shown).toContain(`${keymap.scale} scale`);
		ink.unmount();
	});

	it('the README\'s key tables are the registry\'s', () => {
		const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
		const start = readme.indexOf('<!-- keys:start -->');
		const end = readme.indexOf('<!-- keys:end -->');
		expect(start, 'README has <!-- keys:start --> … <!-- keys:end -->').toBeGreaterThan(0);
		const tables = keyTables(commands.map((c) => c.names[0]).join(' '));
		// On a mismatch: `npm run readme-keys` prints the tables to paste.
		expect(readme.slice(start + '<!-- keys:start -->'.length, end).trim()).toBe(tables.trim());
	});

	it('every action is somewhere, with a label', () => {
		const used = new Set(placeNames.flatMap(placeActions));
		for (const action of Object.keys(actionDefs) as ActionName[]) {
			if (['quit', 'help', 'command'].includes(action)) continue;
			expect(used.has(action), `${action} is in no place`).toBe(true);
		}
	});
});

describe('footers offer only what the view can do now', () => {
	it('a drain\'s rollout view offers no roll back, and the key says why', async () => {
		const {press, frame} = app(defaultKeys);
		await press('\t', '\t', 'j', 'd'); // node2: drain asks first
		expect(frame()).toMatch(/Drain node2/);
		await press('y');
		await waitFrame(frame, 'Rollout');
		expect(frame()).not.toMatch(/r roll back/);
		await press('r');
		await waitFrame(frame, 'a drain has no rollback');
	});

	it('a task\'s inspect offers no rollback diff, and d says why', async () => {
		const {press, frame} = app(defaultKeys);
		await press('j', 'j', '\t', 'i');
		await waitFrame(frame, 'Inspect · task');
		expect(frame()).not.toContain('d rollback diff');
		await press('d');
		await waitFrame(frame, 'only services have a previous spec');
	});

	it('a service\'s inspect offers it', async () => {
		const {press, frame} = app(defaultKeys);
		await press('j', 'j', 'i');
		await waitFrame(frame, 'Inspect · service');
		expect(frame()).toContain('d rollback diff');
	});
});
