// A command's TTY in the operator's terminal: keys go to the command as typed (raw), its
// output comes back as it is, and the terminal's size follows every resize (the exec's
// own TTY: ExecResize). Ctrl-] detaches, as `docker attach` does with its own keys.
import type {OpenedShell} from '../../actions/index.js';

type ExecSession = OpenedShell['session'];

export const detachKey = 0x1d; // Ctrl-]

export type Tty = {input: NodeJS.ReadStream; output: NodeJS.WriteStream};

/** Resolves once the command ends or the operator detaches. */
export function attachTerminal(session: ExecSession, tty: Tty = {input: process.stdin, output: process.stdout}): Promise<{detached: boolean}> {
	const {input, output} = tty;
	return new Promise((resolve) => {
		let finished = false;
		const size = () => ({columns: output.columns || 80, rows: output.rows || 24});
		const onKeys = (chunk: Buffer) => {
			const at = chunk.indexOf(detachKey);
			if (at < 0) {
				session.stream.write(chunk);
				return;
			}
			if (at > 0) session.stream.write(chunk.subarray(0, at));
			finish(true);
		};
		const onOutput = (chunk: Buffer) => output.write(chunk);
		const onResize = () => void session.resize(size());
		const onEnd = () => finish(false);
		function finish(detached: boolean) {
			if (finished) return;
			finished = true;
			input.off('data', onKeys);
			input.pause();
			if (input.isTTY) input.setRawMode(false);
			output.off('resize', onResize);
			session.stream.off('data', onOutput);
			session.stream.off('end', onEnd);
			session.stream.off('close', onEnd);
			session.stream.off('error', onEnd);
			// Detached: the command goes on in the container only if it ignores the hang-up.
			if (detached) session.stream.destroy();
			resolve({detached});
		}
		session.stream.on('data', onOutput);
		session.stream.once('end', onEnd);
		session.stream.once('close', onEnd);
		session.stream.once('error', onEnd);
		output.on('resize', onResize);
		if (input.isTTY) input.setRawMode(true);
		input.on('data', onKeys);
		input.resume();
		void session.resize(size());
	});
}

/** The operator's terminal size, for a new TTY. */
export function terminalSize(output: NodeJS.WriteStream = process.stdout): {columns: number; rows: number} {
	return {columns: output.columns || 80, rows: output.rows || 24};
}
