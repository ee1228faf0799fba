// Runs the built CLI in a pseudo-terminal (util-linux `script`), types into it and
// times what it writes back.
import {spawn, execFileSync, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

export const cli = join(import.meta.dirname, '..', 'dist', 'swarmtui.js');

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[()][0-9A-B]|\u001b[=>78]/g;

export type Pty = {
	child: ChildProcess;
	startedAt: number;
	/** Resolves when the newest output (ANSI stripped) holds every marker; the time in ms since node was started. */
	waitFor(markers: string[], timeout?: number): Promise<number>;
	/** Writes keys and resolves with the ms until the next output. */
	press(keys: string, timeout?: number): Promise<number>;
	appPid(): number | undefined;
	stop(): Promise<void>;
};

// Written by the shell just before it becomes node: times count from there, not from
// starting script, sh and stty (~15 ms here), which are the harness, not swarmtui.
const execMark = '[exec]';

/** `program`: what runs instead of dist/swarmtui.js (the executable, `docker run … swarmtui`). */
export function startPty(args: string[], columns: number, rows: number, env: Record<string, string> = {}, program = cli): Pty {
	const command = `stty cols ${columns} rows ${rows}; printf '${execMark}'; exec ${program} ${args.join(' ')}`;
	let startedAt = performance.now();
	let execSeen = false;
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env: {...process.env, TERM: 'xterm-256color', ...env}, stdio: ['pipe', 'pipe', 'pipe']});
	let tail = '';
	let waiters: Array<() => void> = [];
	child.stdout?.on('data', (chunk: Buffer) => {
		tail = (tail + chunk.toString('utf8')).slice(-200_000);
		if (!execSeen && tail.includes(execMark)) {
			execSeen = true;
			startedAt = performance.now();
		}
		const now = waiters;
		waiters = [];
		for (const waiter of now) waiter();
	});
	const nextOutput = () => new Promise<void>((resolve) => waiters.push(resolve));
	return {
		child,
		get startedAt() {
			return startedAt;
		},
		async waitFor(markers, timeout = 60_000) {
			const deadline = performance.now() + timeout;
			for (;;) {
				const text = tail.slice(-60_000).replace(ansi, '');
				if (markers.every((m) => text.includes(m))) return performance.now() - startedAt;
				if (performance.now() > deadline) throw new Error(`markers not seen: ${markers.filter((m) => !text.includes(m)).join(', ')}`);
				await Promise.race([nextOutput(), new Promise((r) => setTimeout(r, 200))]);
			}
		},
		async press(keys, timeout = 2000) {
			const waiting = nextOutput();
			const start = performance.now();
			child.stdin?.write(keys);
			await Promise.race([waiting, new Promise((r) => setTimeout(r, timeout))]);
			return performance.now() - start;
		},
		appPid() {
			try {
				const out = execFileSync('pgrep', ['-P', String(child.pid)], {encoding: 'utf8'}).trim();
				return out ? Number(out.split('\n')[0]) : undefined;
			} catch {
				return undefined;
			}
		},
		async stop() {
			// Gone before the next measurement starts: an exiting process competes for the CPU.
			const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
			child.stdin?.write('q');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
		},
	};
}

/** CPU time (user + system) of a process in ms, from /proc. */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Peak resident memory (VmHWM) in MB. */
export function peakRssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return kb / 1024;
}

export function percentile(values: number[], p: number): number {
	if (!values.length) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
