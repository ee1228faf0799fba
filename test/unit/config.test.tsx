import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConfigError, configPath, printable, readConfigFile, resolveSettings} from '../../source/config.js';
import {buildKeymap, defaultKeys, resolveKey} from '../../source/keys/keymap.js';
import {themes} from '../../source/themes.js';
import {renderApp} from './helpers.js';

const path = '/home/op/.config/swarmtui/config.json';
const problem = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ConfigError);
		return (error as Error).message;
	}
	return '';
};

describe('the config file', () => {
	it('lives under XDG_CONFIG_HOME, else ~/.config', () => {
		expect(configPath({XDG_CONFIG_HOME: '/x', HOME: '/home/op'})).toBe('/x/swarmtui/config.json');
		expect(configPath({HOME: '/home/op'})).toBe(path);
	});

	it('flags win over the file, the file over the defaults', () => {
		const settings = resolveSettings({refresh: '5s', logTail: 50, theme: 'light'}, {refresh: '1s'}, path);
		expect(settings).toMatchObject({refresh: 1000, logTail: 50, theme: 'light', timeout: 15_000, logBuffer: 10_000, readOnly: false});
		expect(settings.keymap).toEqual(defaultKeys);
	});

	it('names every bad value with where it came from', () => {
		const message = problem(() => resolveSettings({refresh: 'soon', logBuffer: 5, theme: 'pink', colour: true} as never, {timeout: '1h'}, path));
		expect(message).toContain('5 problems');
		expect(message).toContain(`unknown setting "colour" in ${path}`);
		expect(message).toContain(`"refresh" in ${path} must be a duration`);
		expect(message).toContain(`"logBuffer" in ${path} must be a whole number from 100`);
		expect(message).toContain(`"theme" in ${path} must be one of dark, light (got "pink")`);
		expect(message).toContain('--timeout must be a duration between 500ms and 10m');
		expect(problem(() => resolveSettings({}, {}, path))).toBe('');
	});

	it('shell and nodeHosts: words of a command; hostnames to docker hosts or contexts', () => {
		const settings = resolveSettings({shell: 'bash -l', nodeHosts: {worker1: 'ssh://ops@10.0.0.12', worker2: 'unix:///run/w2.sock', worker3: 'w3-tls'}}, {}, path);
		expect(settings.shell).toEqual(['bash', '-l']);
		expect(settings.nodeHosts).toEqual({worker1: 'ssh://ops@10.0.0.12', worker2: 'unix:///run/w2.sock', worker3: 'w3-tls'});
		expect(resolveSettings({shell: 'bash'}, {shell: 'sh'}, path).shell).toEqual(['sh']);
		expect(resolveSettings({}, {}, path)).toMatchObject({shell: undefined, nodeHosts: {}});
		const message = problem(() => resolveSettings({shell: ' ', nodeHosts: {worker1: 'ftp://x', worker2: 3}} as never, {}, path));
		expect(message).toContain('3 problems');
		expect(message).toContain(`"shell" in ${path} must be a command`);
		expect(message).toContain(`"nodeHosts" in ${path}: "worker1" must name a docker host`);
		expect(problem(() => resolveSettings({nodeHosts: ['x']} as never, {}, path))).toContain('"nodeHosts" in');
		expect(printable(settings)).toContain('"shell": "bash -l"');
	});

	it('a missing file is the defaults; a broken one says so', () => {
		const dir = mkdtempSync(join(tmpdir(), 'swarmtui-config-'));
		expect(readConfigFile(join(dir, 'none.json'))).toEqual({});
		writeFileSync(join(dir, 'bad.json'), '{"refresh": ');
		expect(problem(() => readConfigFile(join(dir, 'bad.json')))).toMatch(/bad\.json is not valid JSON/);
		writeFileSync(join(dir, 'list.json'), '[]');
		expect(problem(() => readConfigFile(join(dir, 'list.json')))).toMatch(/must hold a JSON object/);
	});

	it('--print-config prints the settings in effect as a file that reads back the same', () => {
		const settings = resolveSettings({keys: {scale: 'z', mark: 'space'}}, {refresh: '500ms'}, path);
		const text = printable(settings);
		const again = resolveSettings(JSON.parse(text), {}, path);
		expect(again).toEqual(settings);
		expect(JSON.parse(text)).toMatchObject({refresh: '500ms', keys: {scale: 'z', mark: 'space'}});
	});
});

describe('key bindings', () => {
	it('reports conflicts, unknown actions and keys that are not one character', () => {
		expect(buildKeymap({scale: 'd', drain: 's'}).errors).toEqual([]); // node and service keys live in different panes
		expect(buildKeymap({quit: 'j'}).errors).toEqual(['keys: "j" is bound to both down and quit (in the nodes pane)']);
		expect(buildKeymap({scale: 'i'}).errors).toEqual(['keys: "i" is bound to both scale and inspect (in the services pane)']);
		// j stays "down" in the log view: following cannot take it.
		expect(buildKeymap({logFollow: 'j'}).errors).toEqual(['keys: "j" is bound to both down and logFollow (in the log view)']);
		expect(buildKeymap({logSave: 'x'}).errors[0]).toMatch(/logSave is on Ctrl-S, which cannot be rebound/);
		expect(buildKeymap({fly: 'f'}).errors[0]).toMatch(/unknown action "fly"/);
		expect(buildKeymap({scale: 'ab'}).errors[0]).toMatch(/scale must be one printable character/);
		expect(buildKeymap({scale: '\u0007'}).errors[0]).toMatch(/one printable character/);
	});

	it('translates per pane: a moved key works, its old key does nothing', () => {
		const {keymap} = buildKeymap({scale: 'z', drain: 's'});
		const at = (input: string, place: Parameters<typeof resolveKey>[1]) => resolveKey(keymap, place, {input});
		expect(at('z', 'services')).toBe('scale');
		expect(at('s', 'services')).toBeUndefined();
		expect(at('s', 'nodes')).toBe('drain');
		expect(at('d', 'nodes')).toBeUndefined();
		expect(at('j', 'nodes')).toBe('down');
		expect(at('s', 'rollout')).toBeUndefined(); // nothing to scale in the rollout view
	});

	it('the log and inspect views\' letters can be rebound too, each view checked on its own', () => {
		expect(buildKeymap({logFollow: 'x', inspectJson: 'x'}).errors).toEqual([]); // remove, the log view and inspect never meet
		expect(buildKeymap({logFollow: 'w'}).errors).toEqual(['keys: "w" is bound to both logFollow and logWrap (in the log view)']);
		expect(buildKeymap({inspectJson: 'q'}).errors).toEqual(['keys: "q" is bound to both inspectJson and quit (in the inspect view)']);
		const {keymap} = buildKeymap({logFollow: 'x', inspectJson: 'X'});
		const at = (input: string, place: Parameters<typeof resolveKey>[1]) => resolveKey(keymap, place, {input});
		expect(at('x', 'logs')).toBe('logFollow');
		expect(at('f', 'logs')).toBeUndefined();
		expect(at('x', 'services')).toBe('remove'); // still remove in the panes
		expect(at('X', 'inspect')).toBe('inspectJson');
		expect(at('J', 'inspect')).toBeUndefined();
	});

	it('inspect acts on its rebound letter and the footer shows it', async () => {
		const {keymap} = buildKeymap({inspectJson: 'X'});
		const {app, press, frame} = renderApp({keymap, inspect: async () => ({ID: 'abc', Spec: {Name: 'shop_web'}})});
		await press('j', 'j', 'i');
		expect(frame()).toContain('X raw JSON');
		await press('J');
		expect(frame()).not.toContain('· raw JSON');
		await press('X');
		expect(frame()).toContain('· raw JSON');
		app.unmount();
	});

	it('the app acts on the rebound key, ignores the old one, and help and footer show the new one', async () => {
		const {keymap} = buildKeymap({scale: 'z', help: 'H'});
		const {app, press, frame} = renderApp({keymap});
		expect(frame()).toContain('z scale');
		await press('j', 'j', 's'); // shop_web selected; s is no longer scale
		expect(frame()).not.toContain('Scale');
		await press('z');
		expect(frame()).toMatch(/Scale shop_web/);
		await press('\u001B', '?');
		expect(frame()).not.toContain('swarmtui keys');
		await press('H');
		expect(frame()).toMatch(/z +scale/);
		app.unmount();
	});
});

describe('themes', () => {
	it('light swaps the hues that are unreadable on a white background', () => {
		expect(themes.light).toMatchObject({accent: 'blue', warn: 'magenta'});
		expect(themes.dark).toMatchObject({accent: 'cyan', warn: 'yellow'});
	});
});
