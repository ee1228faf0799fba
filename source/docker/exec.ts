// Commands run inside a container (docker exec): finding a shell, and an interactive
// session on a TTY. The engine can only exec on the node where the container runs, so
// the caller picks the engine (nodes.ts); this is one engine's side of it.
import type {Duplex} from 'node:stream';
import type Docker from 'dockerode';
import type {Endpoint} from './endpoint.js';
import {toDockerError} from './errors.js';

export type TerminalSize = {columns: number; rows: number};

export type ExecSession = {
	/** The TTY's bytes both ways (a TTY exec has one stream, not stdout and stderr). */
	stream: Duplex;
	/** The exec's own TTY (ExecResize), not the container's. */
	resize(size: TerminalSize): Promise<void>;
	/** The command's exit code once it ended (undefined if the engine no longer knows). */
	exitCode(): Promise<number | undefined>;
};

export type ExecApi = {
	/** The first of `candidates` the container can run (`NAME -c 'exit 0'` exits 0). */
	findShell(containerId: string, candidates: readonly string[]): Promise<string | undefined>;
	/** Starts `cmd` on a TTY of `size`, stdin attached. */
	openExec(containerId: string, cmd: readonly string[], size: TerminalSize): Promise<ExecSession>;
};

type Exec = {
	start(options: Record<string, unknown>): Promise<Duplex>;
	resize(options: {h: number; w: number}): Promise<unknown>;
	inspect(): Promise<{ExitCode?: number | null; Running?: boolean}>;
};

export function execApi(docker: Docker, endpoint: Endpoint): ExecApi {
	const create = async (containerId: string, options: Record<string, unknown>): Promise<Exec> => {
		try {
			return (await docker.getContainer(containerId).exec(options as never)) as unknown as Exec;
		} catch (error) {
			throw toDockerError(error, endpoint);
		}
	};
	const ended = (stream: Duplex) =>
		new Promise<void>((resolve) => {
			stream.once('end', resolve);
			stream.once('close', resolve);
			// Kept for good: an error after the end must not go unheard.
			stream.on('error', () => resolve());
			stream.resume();
		});
	return {
		async findShell(containerId, candidates) {
			for (const shell of candidates) {
				const exec = await create(containerId, {Cmd: [shell, '-c', 'exit 0'], AttachStdout: true, AttachStderr: true});
				try {
					await ended(await exec.start({Detach: false, Tty: false}));
					if ((await exec.inspect()).ExitCode === 0) return shell;
				} catch {
					// Not there (the runtime refused to start it): the next one.
				}
			}
			return undefined;
		},
		async openExec(containerId, cmd, size) {
			const exec = await create(containerId, {
				Cmd: [...cmd],
				AttachStdin: true,
				AttachStdout: true,
				AttachStderr: true,
				Tty: true,
				// The first frame at the right size (API 1.42+; older engines ignore it and
				// get the size from the resize below).
				ConsoleSize: [size.rows, size.columns],
			});
			let stream: Duplex;
			try {
				stream = await exec.start({hijack: true, stdin: true, Tty: true});
			} catch (error) {
				throw toDockerError(error, endpoint);
			}
			// The socket may report an error before anyone attaches to it, or after the
			// session ended (a reset once destroyed): never an "unexpected error".
			stream.on('error', () => undefined);
			// Right after the start the engine may not know the exec's TTY yet ("no such
			// exec", seen over ssh, where the start's answer outruns the daemon): a few tries.
			const resize = async ({columns, rows}: TerminalSize) => {
				for (let attempt = 0; attempt < 10; attempt++) {
					try {
						await exec.resize({h: rows, w: columns});
						return;
					} catch (error) {
						if ((error as {statusCode?: number}).statusCode !== 404) return; // the command ended meanwhile
						await new Promise((resolve) => setTimeout(resolve, 100));
					}
				}
			};
			await resize(size);
			return {
				stream,
				resize,
				exitCode: async () => {
					try {
						const state = await exec.inspect();
						return typeof state.ExitCode === 'number' ? state.ExitCode : undefined;
					} catch {
						return undefined;
					}
				},
			};
		},
	};
}
