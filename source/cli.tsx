#!/usr/bin/env node
// swarmtui: flags and wiring. Connect, check the engine is a swarm manager, then hand a
// live store to the UI.
import './ci-guard.js';
import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import {createClient} from './docker/client.js';
import {describeEndpoint, EndpointError, resolveEndpoint} from './docker/endpoint.js';
import {DockerError} from './docker/errors.js';
import {preflight} from './docker/preflight.js';
import {watchCluster} from './docker/watch.js';
import {followLogs} from './docker/logfollow.js';
import {runLogs} from './logs-command.js';
import {keySummary} from './keys/summary.js';
import {checkArgs} from './flags.js';
import {ClusterStore} from './model/store.js';
import {ActivityLog} from './model/activity.js';
import {connection} from './connection.js';
import {editText} from './editor.js';
import {traceTo} from './trace.js';
import {leaveAltScreen} from './ui/screen.js';
import {appendFileSync} from 'node:fs';
import {ConfigError, configPath, printable, readConfigFile, resolveSettings, type Settings} from './config.js';

const flags = {
	context: {type: 'string', shortFlag: 'c'},
	host: {type: 'string', shortFlag: 'H'},
	tls: {type: 'boolean', default: false},
	tlsverify: {type: 'boolean', default: false},
	tlscacert: {type: 'string'},
	tlscert: {type: 'string'},
	tlskey: {type: 'string'},
	// No defaults here: unset flags fall back to the config file, then the defaults.
	readOnly: {type: 'boolean'},
	refresh: {type: 'string'},
	timeout: {type: 'string'},
	logBuffer: {type: 'string'},
	logTail: {type: 'string'},
	logColors: {type: 'boolean'},
	theme: {type: 'string'},
	shell: {type: 'string'},
	config: {type: 'string'},
	printConfig: {type: 'boolean', default: false},
	follow: {type: 'boolean', shortFlag: 'f', default: false},
	since: {type: 'string'},
	tail: {type: 'string'},
	maxLineBytes: {type: 'string'},
	timestamps: {type: 'boolean', shortFlag: 't', default: false},
} as const;

// Checked before meow reads them: meow takes an unknown flag quietly (`--readonly` for
// `--read-only` started with write access). Exit 2, like the docker CLI.
const badArgs = checkArgs(process.argv.slice(2), flags);
if (badArgs) {
	process.stderr.write(`swarmtui: ${badArgs}\n`);
	process.exit(2);
}

const cli = meow(
	`
  Usage
    $ swarmtui [options]
    $ swarmtui logs SERVICE... [--follow] [--since 10m] [--tail 100] [--timestamps]

  Connection (like the docker CLI)
    -c, --context NAME     docker context to use (overrides DOCKER_HOST and DOCKER_CONTEXT)
    -H, --host URL         engine address: unix:///path, tcp://host:port, ssh://user@host[:port]
        --tls              use TLS (without verifying the server)
        --tlsverify        use TLS and verify the server (also DOCKER_TLS_VERIFY)
        --tlscacert FILE   CA certificate  (default $DOCKER_CERT_PATH/ca.pem)
        --tlscert FILE     client certificate (default $DOCKER_CERT_PATH/cert.pem)
        --tlskey FILE      client key (default $DOCKER_CERT_PATH/key.pem)

  Options
        --read-only        no action can change the swarm
        --refresh DURATION how often tasks are polled (default 2s; e.g. 500ms, 5s)
        --timeout DURATION how long to wait for an answer before giving up (default 15s)
        --theme NAME       dark (default) or light; NO_COLOR turns colour off
        --shell CMD        what E runs in a container (default: the first of bash, ash, sh)
        --config FILE      the config file (default $XDG_CONFIG_HOME/swarmtui/config.json,
                           or ~/.config/swarmtui/config.json)
        --print-config     print the settings in effect as a config file, and exit
        --log-buffer N     log lines kept in the log view (default 10000)
        --log-tail N       lines of history per task when logs open (default 200)
        --no-log-colors    show log lines without their colours
        --version          print the version
        --help             this help

  swarmtui logs: the merged logs of one or more services on stdout
    -f, --follow           keep following
        --since WHEN       10m, 2h, a unix time or an RFC 3339 time
        --tail N           lines per task (default 200; "all" for everything)
    -t, --timestamps       show each line's timestamp
        --max-line-bytes N cut lines after N bytes (default: printed whole)

  Keys (rebind them under "keys" in the config file; ? in swarmtui shows them)
${keySummary().join('\n')}

  Examples
    $ swarmtui
    $ swarmtui --context prod
    $ DOCKER_HOST=ssh://admin@manager1 swarmtui --read-only
`,
	{
		// Only its URL: in the bundle (CommonJS, dist/app.cjs) the launcher supplies it.
		importMeta: {url: import.meta.url} as ImportMeta,
		// Given, not searched for: meow's package.json lookup costs start-up time.
		// --version names the Node inside too: the executable and the image carry their own.
		pkg: {name: packageJson.name, version: `swarmtui ${packageJson.version} (node ${process.version})`, description: packageJson.description},
		booleanDefault: undefined,
		flags,
	},
);

// meow answers --help and --version only when they stand alone; `--read-only --help`
// went on to connect.
const asked = process.argv.slice(2);
if (asked.includes('--help') && !asked.slice(0, asked.indexOf('--help')).includes('--')) cli.showHelp(0);
if (asked.includes('--version') && !asked.slice(0, asked.indexOf('--version')).includes('--')) cli.showVersion();

const connectionCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ABORT_ERR', 'ESSH', 'ERR_SOCKET_CLOSED']);

/** An error from a socket or stream, by its code: never a reason to end the program. */
function isConnectionFault(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as NodeJS.ErrnoException).code;
	return error.name === 'AbortError' || (code !== undefined && connectionCodes.has(code));
}

function fail(message: string, code = 1): never {
	process.stderr.write(`swarmtui: ${message}\n`);
	process.exit(code);
}

async function main(): Promise<void> {
	let settings: Settings;
	try {
		const path = cli.flags.config ?? configPath();
		const {refresh, timeout, logColors, readOnly, theme, shell} = cli.flags;
		// Numbers are read here, not by meow: it turned "abc" into NaN, shown as "(got null)".
		const whole = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : text);
		const file = readConfigFile(path, cli.flags.config !== undefined);
		settings = resolveSettings(file, {refresh, timeout, logBuffer: whole(cli.flags.logBuffer), logTail: whole(cli.flags.logTail), logColors, readOnly, theme, shell}, path);
	} catch (error) {
		if (error instanceof ConfigError) fail(error.message, 2);
		throw error;
	}
	if (cli.flags.printConfig) {
		process.stdout.write(printable(settings));
		process.exit(0);
	}
	const {refresh, timeout} = settings;
	let endpoint;
	try {
		endpoint = resolveEndpoint(cli.flags);
	} catch (error) {
		if (error instanceof EndpointError) fail(error.message);
		throw error;
	}

	const api = createClient(endpoint, {timeout});
	// ssh: connect and authenticate once, before anything else (a prompt shows here, on
	// the plain terminal); every request and stream then shares that connection.
	try {
		await api.ready();
	} catch (error) {
		api.close();
		fail(error instanceof Error ? error.message : String(error));
	}
	const interactive = cli.input.length === 0 && process.stdin.isTTY && process.stdout.isTTY;
	// SWARMTUI_TRACE=FILE: what each key did, appended to FILE (trace.ts).
	const traceFile = process.env['SWARMTUI_TRACE'];
	if (interactive && traceFile) traceTo((line) => appendFileSync(traceFile, line));
	// The first lists go out with the checks, not after them: one round trip less before
	// the first full frame (and over ssh a round trip is what start-up costs).
	const store = new ClusterStore();
	const activity = new ActivityLog();
	const early = interactive ? watchCluster(api, store, {refresh, onEvent: (event) => activity.addEvent(event)}) : undefined;
	// Ink and React load while the engine answers (a rejection here surfaces at the await):
	// after this turn, once the requests are on their way (in the bundle, loading the UI
	// is one synchronous stretch of ~100 ms).
	const ui = interactive ? new Promise((resolve) => setImmediate(resolve)).then(() => import('./ui/start.js')) : undefined;
	ui?.catch(() => undefined);
	let identity;
	try {
		identity = await preflight(api);
	} catch (error) {
		early?.stop();
		api.close();
		fail(error instanceof DockerError ? error.message : String(error));
	}

	if (cli.input[0] === 'logs') {
		const names = cli.input.slice(1);
		if (names.length === 0) fail('logs: name at least one service, like: swarmtui logs shop_web shop_api');
		try {
			const cut = cli.flags.maxLineBytes;
			if (cut !== undefined && !/^[1-9]\d*$/.test(cut.trim())) fail(`logs: --max-line-bytes must be a whole number of bytes (got "${cut}")`, 2);
			const code = await runLogs(api, names, {follow: cli.flags.follow, since: cli.flags.since, tail: cli.flags.tail, timestamps: cli.flags.timestamps, maxLineBytes: cut === undefined ? undefined : Number(cut)});
			api.close();
			// A pipe takes 64 KiB at once: the rest of a long line waits in Node's queue,
			// and exiting now would cut it (a 1 MB line came out as its first 64 KiB).
			const drained = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => (stream.writableLength === 0 ? resolve() : stream.once('drain', () => resolve())));
			await Promise.all([drained(process.stdout), drained(process.stderr)]);
			process.exit(code);
		} catch (error) {
			api.close();
			fail(error instanceof Error ? error.message : String(error));
		}
	}
	if (cli.input.length > 0) fail(`unknown command "${cli.input[0]}"; the commands are: logs (see --help)`);

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		api.close();
		fail('needs an interactive terminal (stdin and stdout must be a TTY); run it in a terminal or over ssh -t');
	}

	store.setIdentity(identity.info, identity.version);
	const {current, actions, contexts} = connection({api, endpoint, early, store, activity, readOnly: settings.readOnly, refresh, timeout, hostFlag: cli.flags.host, flags: cli.flags, nodeHosts: settings.nodeHosts});

	let done = false;
	const quit = (code = 0) => {
		if (done) return;
		done = true;
		current().watcher.stop();
		current().nodes.closeAll();
		current().api.close();
		app.unmount();
		leaveAltScreen();
		process.exit(code);
	};

	// The first frame is drawn once its data is in (or after 700 ms): a cold render costs
	// ~100 ms, and an empty "connecting" frame first would only delay the full one.
	let waited: NodeJS.Timeout | undefined;
	await Promise.race([current().watcher.firstData, new Promise((resolve) => (waited = setTimeout(resolve, 700)))]);
	clearTimeout(waited);

	const {startUi} = await (ui ?? import('./ui/start.js'));
	const app = startUi({
		store,
		endpoint: describeEndpoint(endpoint),
		actions,
		activity,
		openLogs: (targets, options, sink) => followLogs(current().api, targets, options, sink),
		logOptions: {buffer: settings.logBuffer, tail: settings.logTail, colors: settings.logColors},
		keymap: settings.keymap,
		theme: settings.theme,
		refresh,
		onRollout: (serviceId) => current().watcher.rollout(serviceId),
		onFocus: (filter) => current().watcher.focus(filter),
		// The connection in use's: a context switch may bring or end an unverified TLS link.
		warnings: () => {
			const tls = current().endpoint.tls;
			return tls && !tls.verify ? ['TLS: server not verified'] : [];
		},
		listObjects: (kind) => current().api.listObjects(kind),
		inspect: (kind, id) => (kind === 'service' ? current().api.inspectService(id) : kind === 'node' ? current().api.inspectNode(id) : current().api.inspectTask(id)),
		contexts,
		shell: settings.shell,
		editText,
		onQuit: () => quit(0),
	});
	// The launcher keeps Node's compile cache of what a start runs (source/boot.ts).
	setTimeout(() => (globalThis as {swarmtuiStarted?: () => void}).swarmtuiStarted?.(), 1500).unref();
	// A dropped ssh session (SIGHUP), kill (SIGTERM) or Ctrl-C outside raw mode.
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(signal, () => quit(0));
	process.on('exit', () => leaveAltScreen());
	const crash = (error: unknown) => {
		// A socket or stream that fails where nobody listens (a connection dropped between
		// two requests, a request given up on while its answer arrived) is a connection
		// problem, not the program's: note it and keep the operator's place. Every known
		// path has its own handler; this is the last line.
		if (isConnectionFault(error)) {
			activity.add({source: 'action', target: 'connection', text: `connection error: ${(error as Error).message}`, outcome: 'error'});
			return;
		}
		leaveAltScreen();
		process.stderr.write(`swarmtui: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	};
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
}

main().catch((error: unknown) => {
	leaveAltScreen();
	fail(error instanceof Error ? error.message : String(error));
});
