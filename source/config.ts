// The config file: ${XDG_CONFIG_HOME:-~/.config}/swarmtui/config.json. Flags win over
// it, it wins over the defaults. Anything wrong in it is one sentence naming the file,
// and swarmtui does not start (a half-applied keymap is how wrong keys get pressed).
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {parseDuration} from './model/duration.js';
import {buildKeymap, defaultKeys, type Keymap, keyName} from './keys/keymap.js';
import {type ThemeName, themeNames} from './themes.js';

export type Settings = {
	refresh: number;
	timeout: number;
	logBuffer: number;
	logTail: number;
	logColors: boolean;
	readOnly: boolean;
	theme: ThemeName;
	keymap: Keymap;
	/** The command `E` runs in a container (words); none: the first of bash, ash, sh there. */
	shell?: string[];
	/** How to reach a node's own engine: hostname (or node ID) -> docker host URL or context name. */
	nodeHosts: Record<string, string>;
};

/** What the file may hold, as written in it. */
export type ConfigFile = {
	refresh?: string;
	timeout?: string;
	logBuffer?: number;
	logTail?: number;
	logColors?: boolean;
	readOnly?: boolean;
	theme?: string;
	keys?: Record<string, string>;
	shell?: string;
	nodeHosts?: Record<string, string>;
};

export const defaults = {refresh: '2s', timeout: '15s', logBuffer: 10_000, logTail: 200, logColors: true, readOnly: false, theme: 'dark'} as const;

export class ConfigError extends Error {}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
	const base = env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config');
	return join(base, 'swarmtui', 'config.json');
}

/** Reads the file; none at the default place is no error (the defaults apply), none where `--config` points is. */
export function readConfigFile(path: string, named = false): ConfigFile {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			if (named) throw new ConfigError(`the config file ${path} (--config) does not exist; swarmtui --print-config > ${path} writes one`);
			return {};
		}
		throw new ConfigError(`cannot read the config file ${path}: ${(error as Error).message}`);
	}
	if (!text.trim()) return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new ConfigError(`the config file ${path} is not valid JSON: ${(error as Error).message}`);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`the config file ${path} must hold a JSON object`);
	return parsed as ConfigFile;
}

const known = new Set(['refresh', 'timeout', 'logBuffer', 'logTail', 'logColors', 'readOnly', 'theme', 'keys', 'shell', 'nodeHosts']);

/**
 * Flags over file over defaults, each value checked. `where` names the source of a bad
 * value in the message ("--refresh" for a flag, the file's path for the file).
 */
export function resolveSettings(file: ConfigFile, flags: Partial<Record<keyof ConfigFile, unknown>>, path: string): Settings {
	const errors: string[] = [];
	for (const key of Object.keys(file)) if (!known.has(key)) errors.push(`unknown setting "${key}" in ${path} (the settings: ${[...known].join(', ')})`);
	const pick = <K extends keyof ConfigFile>(key: K, flag: string) => {
		const fromFlag = flags[key];
		if (fromFlag !== undefined) return {value: fromFlag, from: flag};
		if (file[key] !== undefined) return {value: file[key] as unknown, from: `"${key}" in ${path}`};
		return {value: (defaults as Record<string, unknown>)[key], from: 'the default'};
	};
	const duration = (key: 'refresh' | 'timeout', flag: string, min: number, max: number, range: string) => {
		const {value, from} = pick(key, flag);
		const ms = typeof value === 'string' ? parseDuration(value) : undefined;
		if (ms === undefined || ms < min || ms > max) {
			errors.push(`${from} must be a duration between ${range}, like ${defaults[key]} (got ${JSON.stringify(value)})`);
			return min;
		}
		return ms;
	};
	const whole = (key: 'logBuffer' | 'logTail', flag: string, min: number, max: number) => {
		const {value, from} = pick(key, flag);
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			errors.push(`${from} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
			return min;
		}
		return value;
	};
	const flag = (key: 'logColors' | 'readOnly', name: string) => {
		const {value, from} = pick(key, name);
		if (typeof value !== 'boolean') {
			errors.push(`${from} must be true or false (got ${JSON.stringify(value)})`);
			return false;
		}
		return value;
	};
	const refresh = duration('refresh', '--refresh', 100, 3_600_000, '100ms and 1h');
	const timeout = duration('timeout', '--timeout', 500, 600_000, '500ms and 10m');
	const logBuffer = whole('logBuffer', '--log-buffer', 100, 1_000_000);
	const logTail = whole('logTail', '--log-tail', 0, 100_000);
	const logColors = flag('logColors', '--no-log-colors');
	const readOnly = flag('readOnly', '--read-only');
	const themeChoice = pick('theme', '--theme');
	const theme = themeNames.find((name) => name === themeChoice.value);
	if (!theme) errors.push(`${themeChoice.from} must be one of ${themeNames.join(', ')} (got ${JSON.stringify(themeChoice.value)})`);
	const keys = file.keys ?? {};
	if (typeof keys !== 'object' || Array.isArray(keys)) errors.push(`"keys" in ${path} must be an object like {"scale": "S"}`);
	const {keymap, errors: keyErrors} = buildKeymap(typeof keys === 'object' && !Array.isArray(keys) ? keys : {});
	errors.push(...keyErrors.map((error) => `${error} in ${path}`));
	const shellChoice = pick('shell', '--shell');
	let shell: string[] | undefined;
	if (shellChoice.value !== undefined) {
		const words = typeof shellChoice.value === 'string' ? shellChoice.value.trim().split(/\s+/).filter(Boolean) : [];
		if (words.length === 0) errors.push(`${shellChoice.from} must be a command, like "bash" or "/bin/sh -l" (got ${JSON.stringify(shellChoice.value)})`);
		else shell = words;
	}
	const nodeHosts: Record<string, string> = {};
	const hosts = file.nodeHosts ?? {};
	if (typeof hosts !== 'object' || hosts === null || Array.isArray(hosts)) errors.push(`"nodeHosts" in ${path} must be an object like {"worker1": "ssh://ops@10.0.0.12"}`);
	else {
		for (const [node, host] of Object.entries(hosts)) {
			// A docker host URL, or the name of a docker context.
			if (typeof host === 'string' && (/^(unix|npipe|tcp|ssh|http|https):\/\/\S+$/.test(host) || /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/.test(host))) nodeHosts[node] = host;
			else errors.push(`"nodeHosts" in ${path}: "${node}" must name a docker host (ssh://user@host, unix:///path, tcp://host:port) or a context (got ${JSON.stringify(host)})`);
		}
	}
	if (errors.length) throw new ConfigError(errors.length === 1 ? (errors[0] as string) : `${errors.length} problems:\n  ${errors.join('\n  ')}`);
	return {refresh, timeout, logBuffer, logTail, logColors, readOnly, theme: theme ?? 'dark', keymap, shell, nodeHosts};
}

/** The settings in effect, as a config file (swarmtui --print-config). */
export function printable(settings: Settings): string {
	const asDuration = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);
	const keys = Object.fromEntries((Object.keys(defaultKeys) as Array<keyof Keymap>).map((action) => [action, keyName(settings.keymap[action])]));
	const out = {
		refresh: asDuration(settings.refresh),
		timeout: asDuration(settings.timeout),
		logBuffer: settings.logBuffer,
		logTail: settings.logTail,
		logColors: settings.logColors,
		readOnly: settings.readOnly,
		theme: settings.theme,
		...(settings.shell ? {shell: settings.shell.join(' ')} : {}),
		nodeHosts: settings.nodeHosts,
		keys,
	};
	return `${JSON.stringify(out, null, 2)}\n`;
}
