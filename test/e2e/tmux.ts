// Runs the real built CLI in a tmux pane, types into it and reads its screen.
import {execFile, execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {join} from 'node:path';
import {afterAll, afterEach} from 'vitest';
import {root, until} from './lab.js';

const server = `swarmtui-e2e-${process.pid}`;
let counter = 0;

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', server, '-f', '/dev/null', ...args], {encoding: 'utf8'}).trimEnd();
}

// Every terminal's CLI writes what each key did (SWARMTUI_TRACE, source/trace.ts); a wait
// that fails prints the end of it under the screen: where a key stopped, if one did.
const traces = `/tmp/swarmtui-e2e-traces/${process.pid}`;

function traceTail(file: string): string {
	if (!existsSync(file)) return '(no trace)';
	return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
}

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** Text on screen, a pattern, or a test of the whole screen. */
export type Wanted = string | RegExp | ((screen: string) => boolean);

export type Terminal = {
	name: string;
	screen(): string;
	/** The screen with its colours and attributes as escape sequences. */
	styled(): string;
	waitFor(text: Wanted, timeout?: number): Promise<string>;
	waitGone(text: Wanted, timeout?: number): Promise<string>;
	keys(...keys: string[]): void;
	type(text: string): void;
	resize(columns: number, rows: number): void;
	alternateOn(): boolean;
	title(): string;
	appPid(): number | undefined;
	close(): void;
};

export const cli = join(root, 'dist', 'swarmtui.js');

/** Starts `node dist/swarmtui.js ARGS` in a fresh pane; the pane stays after it exits, with "[exit N]". */
let keeper = false;

export function startCli(args: string[], options: {columns?: number; rows?: number; env?: Record<string, string>; program?: string[]} = {}): Terminal {
	// An idle session keeps the server alive between tests: killing the last session
	// stops the server, racing the next test's new-session.
	if (!keeper) {
		tmux('new-session', '-d', '-s', 'keeper', 'sleep 3600');
		keeper = true;
	}
	const name = `t${++counter}`;
	mkdirSync(traces, {recursive: true});
	const traceFile = `${traces}/${name}.log`;
	const env = Object.entries({TERM: 'xterm-256color', SWARMTUI_TRACE: traceFile, ...options.env})
		.map(([k, v]) => `${k}=${quote(v)}`)
		.join(' ');
	// `program`: what runs instead of `node dist/swarmtui.js` (the packaged executable).
	const program = options.program ? options.program.map(quote).join(' ') : quote(cli);
	const command = `env ${env} ${program} ${args.map(quote).join(' ')}; echo "[exit $?]"; sleep 3600`;
	tmux('new-session', '-d', '-s', name, '-x', String(options.columns ?? 80), '-y', String(options.rows ?? 24), command);
	const screen = () => tmux('capture-pane', '-p', '-t', name);
	const matches = (text: Wanted, s: string) => (typeof text === 'string' ? s.includes(text) : typeof text === 'function' ? text(s) : text.test(s));
	return {
		name,
		screen,
		styled: () => tmux('capture-pane', '-e', '-p', '-t', name),
		waitFor: (text, timeout = 15_000) =>
			until(`${String(text)} on screen`, () => {
				const s = screen();
				return matches(text, s) ? s : undefined;
			}, timeout, 100).catch((error: Error) => {
				throw new Error(`${error.message}\n--- screen ---\n${screen()}\n--- trace ---\n${traceTail(traceFile)}`);
			}),
		waitGone: (text, timeout = 15_000) =>
			until(`${String(text)} to leave the screen`, () => {
				const s = screen();
				return matches(text, s) ? undefined : s;
			}, timeout, 100).catch((error: Error) => {
				throw new Error(`${error.message}\n--- screen ---\n${screen()}\n--- trace ---\n${traceTail(traceFile)}`);
			}),
		keys: (...keys) => {
			for (const key of keys) tmux('send-keys', '-t', name, key);
		},
		type: (text) => {
			tmux('send-keys', '-t', name, '-l', '--', text);
		},
		resize: (columns, rows) => {
			tmux('resize-window', '-t', name, '-x', String(columns), '-y', String(rows));
		},
		alternateOn: () => tmux('display-message', '-p', '-t', name, '#{alternate_on}') === '1',
		title: () => tmux('display-message', '-p', '-t', name, '#{pane_title}'),
		appPid: () => {
			const shell = tmux('display-message', '-p', '-t', name, '#{pane_pid}');
			// meow renames the process "swarmtui"; after it exits the shell runs sleep.
			try {
				const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', shell], {encoding: 'utf8'}).trim().split('\n');
				const app = children.map((line) => line.trim().split(/\s+/)).find(([, comm]) => comm === 'swarmtui' || comm === 'node');
				return app ? Number(app[0]) : undefined;
			} catch {
				return undefined;
			}
		},
		close: () => {
			try {
				tmux('kill-session', '-t', name);
			} catch {
				// already gone
			}
		},
	};
}

export function killServer(): void {
	keeper = false;
	try {
		tmux('kill-server');
	} catch {
		// no server
	}
}

/** Runs the CLI without a terminal: its exit status and what it printed. */
export async function runPlain(args: string[], env: Record<string, string> = {}): Promise<{code: number; stdout: string; stderr: string}> {
	try {
		const {stdout, stderr} = await promisify(execFile)(cli, args, {env: {...process.env, ...env}, timeout: 40_000, maxBuffer: 64 * 1024 * 1024});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const e = error as {code: number; stdout: string; stderr: string};
		return {code: e.code, stdout: e.stdout, stderr: e.stderr};
	}
}

/**
 * A test file's terminals: `start` runs the CLI like startCli; each terminal is closed
 * after its test, and the tmux server after the file.
 */
export function useTerminals(): typeof startCli {
	const open: Terminal[] = [];
	afterEach(() => {
		for (const term of open.splice(0)) term.close();
	});
	afterAll(() => killServer());
	return (args, options) => {
		const term = startCli(args, options);
		open.push(term);
		return term;
	};
}
