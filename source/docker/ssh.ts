// ssh:// hosts, the way the docker CLI reaches them: run the ssh binary (so the
// operator's ~/.ssh/config, keys and known_hosts apply) with `docker system dial-stdio`
// on the far side, and speak HTTP over its stdin/stdout.
//
// One ssh connection is made first, before the first frame, as an OpenSSH control
// master in a private directory: the operator authenticates once (a password or key
// prompt shows once, on the terminal, before swarmtui takes it), and every HTTP
// connection after it is a session multiplexed over that master: ~10 ms and no new
// authentication, where a new ssh connection costs a handshake and, without an agent,
// a password prompt each (four prompts at once, and ssh processes left asking after
// swarmtui had gone). Sessions run in batch mode: they never prompt.
//
// Long-lived streams (events, logs) get sessions of their own and never hold one of the
// few kept for requests: twenty services' logs must not starve the task polls.
import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {Agent} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Duplex, PassThrough} from 'node:stream';
import type {Endpoint} from './endpoint.js';
import {spawnSoon} from './spawns.js';

/** The arguments naming the far side: user, port, host. */
function target(endpoint: Endpoint): string[] {
	const args: string[] = [];
	if (endpoint.user) args.push('-l', endpoint.user);
	if (endpoint.port) args.push('-p', String(endpoint.port));
	args.push('--', endpoint.hostname ?? '');
	return args;
}

/** A session over the master (or, if the master is gone, a connection of its own that never prompts). */
export function sshArgs(endpoint: Endpoint, controlPath?: string): string[] {
	const mux = controlPath ? ['-o', 'ControlMaster=no', '-o', `ControlPath=${controlPath}`, '-o', 'BatchMode=yes'] : [];
	return ['-o', 'ConnectTimeout=30', ...mux, '-T', ...target(endpoint), 'docker', 'system', 'dial-stdio'];
}

/** The master: authenticates, then carries every session; no command of its own. */
export function masterArgs(endpoint: Endpoint, controlPath: string, batch: boolean): string[] {
	return [
		'-o', 'ConnectTimeout=30',
		'-o', 'ControlMaster=yes',
		'-o', `ControlPath=${controlPath}`,
		'-o', 'ControlPersist=no',
		// A dead link is noticed in ~45 s instead of the kernel's minutes.
		'-o', 'ServerAliveInterval=15',
		...(batch ? ['-o', 'BatchMode=yes'] : []),
		'-N', '-T', ...target(endpoint),
	];
}

/** What ssh says when the server refuses one more session over a connection (sshd's MaxSessions). */
const refused = /administratively prohibited|Session open refused|open failed/i;

/** The last line ssh printed, as one sentence: what went wrong, in ssh's own words. */
function sshFailure(endpoint: Endpoint, stderr: string, code: number | null): Error {
	const lines = stderr
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l && !/^Warning: Permanently added/.test(l));
	const last = lines.at(-1) ?? (code === null ? 'ssh was stopped' : `ssh exited with status ${code}`);
	const hint = /Permission denied/.test(last)
		? ' (load your key into an agent with ssh-add, or name it in ~/.ssh/config)'
		: refused.test(stderr)
			? ' (the server allows no more sessions on one connection: sshd\'s MaxSessions, 10 by default)'
			: '';
	return Object.assign(new Error(`ssh to ${endpoint.hostname} failed: ${last}${hint}`), {code: 'ESSH'});
}

export type SshTransport = {
	/** Connects and authenticates (the master); resolves once sessions can be opened. */
	/** Connects and authenticates; batch: never prompt (the terminal is swarmtui's). */
	ready(batch?: boolean): Promise<void>;
	/** For requests: a few kept-alive sessions. */
	readonly requests: Agent;
	/** For streams: a session each, closed when the stream ends. */
	readonly streams: Agent;
	/** ssh processes alive now (tests, and the exit check). */
	children(): number;
	/** Ends every session and the master, removes the private directory. */
	close(): void;
};

export function sshTransport(endpoint: Endpoint, sshCommand = process.env['SWARMTUI_SSH'] || 'ssh'): SshTransport {
	// mkdtemp makes it 0700: nobody else can reach the master through its socket.
	const dir = mkdtempSync(join(tmpdir(), 'swarmtui-ssh-'));
	const controlPath = join(dir, 'master');
	const children = new Set<ChildProcess>();
	let master: ChildProcess | undefined;
	let starting: Promise<void> | undefined;
	let closed = false;
	// Once the server has refused a session over the master (sshd's MaxSessions, 10 by
	// default, reached by many log streams), further streams connect on their own, in
	// batch mode (an agent or a key is needed; a prompt never shows).
	let direct = false;

	const track = (child: ChildProcess) => {
		children.add(child);
		child.on('exit', () => children.delete(child));
		// A child that cannot be started (no ssh binary) is reported through 'error'.
		child.on('error', () => children.delete(child));
		return child;
	};

	const startMaster = (batch: boolean): Promise<void> => {
		if (closed) return Promise.reject(new Error('closed'));
		return new Promise<void>((resolve, reject) => {
			// stdin: the master reads nothing; a password prompt goes to the terminal itself.
			const child = track(spawn(sshCommand, masterArgs(endpoint, controlPath, batch), {stdio: ['ignore', 'ignore', 'pipe']}));
			master = child;
			let stderr = '';
			let settled = false;
			child.stderr?.on('data', (chunk: Buffer) => {
				stderr = (stderr + chunk.toString()).slice(-4000);
			});
			const poll = setInterval(() => {
				if (!existsSync(controlPath)) return;
				clearInterval(poll);
				settled = true;
				resolve();
			}, 20);
			const fail = (error: Error) => {
				clearInterval(poll);
				if (master === child) master = undefined;
				if (!settled) {
					settled = true;
					reject(error);
				}
			};
			child.on('error', (error) => fail(Object.assign(new Error(`ssh to ${endpoint.hostname} failed: cannot run ${sshCommand}: ${error.message}`), {code: 'ESSH'})));
			child.on('exit', (code) => fail(sshFailure(endpoint, stderr, code)));
		});
	};

	const ready = (batch = false) => {
		starting ??= startMaster(batch).catch((error: unknown) => {
			starting = undefined;
			throw error;
		});
		return starting;
	};

	const connect = (forStream = false): Duplex => {
		// The master went away (the link dropped): start another in the background, in
		// batch mode (the terminal is swarmtui's now); this session connects on its own.
		if (!master && !closed && starting) {
			starting = startMaster(true).catch(() => {
				starting = Promise.resolve();
			});
		}
		// HTTP gets its socket now; the ssh process behind it starts in a later turn
		// (spawns.ts), and what HTTP wrote meanwhile waits in `input`.
		const input = new PassThrough();
		const output = new PassThrough();
		const socket = Duplex.from({readable: output, writable: input}) as Duplex & Record<string, unknown>;
		// Errors reach the request through the agent; this listener only keeps one that
		// comes while no request holds the socket from ending the program.
		socket.on('error', () => undefined);
		spawnSoon(() => {
			if (socket.destroyed || closed) return;
			const viaMaster = starting && !(forStream && direct);
			let child: ChildProcess;
			try {
				child = track(spawn(sshCommand, [...(viaMaster ? [] : ['-o', 'BatchMode=yes']), ...sshArgs(endpoint, viaMaster ? controlPath : undefined)], {stdio: ['pipe', 'pipe', 'pipe']}));
			} catch (error) {
				// Out of processes or memory (EAGAIN, ENOMEM): this connection fails, not the program.
				socket.destroy(Object.assign(new Error(`ssh to ${endpoint.hostname} failed: cannot start ${sshCommand}: ${(error as Error).message}`), {code: 'ESSH'}));
				return;
			}
			let stderr = '';
			child.stderr?.on('data', (chunk: Buffer) => {
				stderr = (stderr + chunk.toString()).slice(-2000);
			});
			child.stdin?.on('error', () => undefined);
			if (child.stdin) input.pipe(child.stdin);
			child.stdout?.pipe(output);
			child.on('error', (error) => socket.destroy(error));
			// 'close': after the exit and the last of its output (which HTTP may not have read yet).
			child.on('close', (code) => {
				if (viaMaster && refused.test(stderr)) direct = true;
				if (code && code !== 0) socket.destroy(sshFailure(endpoint, stderr, code));
				else socket.destroy();
			});
			socket.on('close', () => child.kill());
		});
		// node's http client calls these on real sockets.
		socket['setTimeout'] = () => socket;
		socket['setNoDelay'] = () => socket;
		socket['setKeepAlive'] = () => socket;
		socket['ref'] = () => socket;
		socket['unref'] = () => socket;
		return socket;
	};

	const agent = (options: ConstructorParameters<typeof Agent>[0], forStream: boolean) => {
		const made = new Agent(options);
		(made as unknown as {createConnection: () => Duplex}).createConnection = () => connect(forStream);
		return made;
	};

	const transport: SshTransport = {
		ready,
		requests: agent({keepAlive: true, maxSockets: 4}, false),
		streams: agent({keepAlive: false, maxSockets: Infinity}, true),
		children: () => children.size,
		close() {
			if (closed) return;
			closed = true;
			transport.requests.destroy();
			transport.streams.destroy();
			for (const child of children) child.kill('SIGTERM');
			rmSync(dir, {recursive: true, force: true});
		},
	};
	// No ssh process outlives swarmtui, however it ends.
	process.once('exit', () => transport.close());
	return transport;
}
