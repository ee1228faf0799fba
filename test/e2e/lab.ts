// The lab swarm, as the end-to-end tests see it: its socket and a docker CLI on it.
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const labRun = process.env['SWARMTUI_LAB_RUN'] ?? '/run/stlab';
export const socket = (node = 1) => `${labRun}/node${node}.sock`;
export const manager = `unix://${socket(1)}`;
export const docker = existsDocker();
/** node1 as a remote manager (lab.sh remote): over ssh, and over mutual TLS. */
export const labDir = process.env['SWARMTUI_LAB_DIR'] ?? '/var/lib/swarmtui-lab';
export const remote = {
	ip: '192.168.213.11',
	ssh: `${labDir}/ssh/ssh`,
	sshNoKey: `${labDir}/ssh/ssh-nokey`,
	sshdLog: `${labDir}/ssh/sshd.log`,
	tls: {ca: `${labDir}/tls/ca.pem`, cert: `${labDir}/tls/cert.pem`, key: `${labDir}/tls/key.pem`, otherCa: `${labDir}/tls/other-ca.pem`},
};

function existsDocker(): string {
	for (const candidate of ['/usr/bin/docker', '/usr/local/bin/docker']) {
		try {
			execFileSync(candidate, ['--version'], {stdio: 'ignore'});
			return candidate;
		} catch {
			// try the next
		}
	}
	return 'docker';
}

/** Runs the docker CLI against the lab's first manager. */
export function dk(...args: string[]): string {
	return execFileSync(docker, ['-H', manager, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
}

export function lab(...args: string[]): string {
	return execFileSync('bash', [join(root, 'lab', 'lab.sh'), ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

export async function until<T>(what: string, check: () => T | undefined | false, timeout = 30_000, every = 200): Promise<T> {
	const start = Date.now();
	let last: unknown;
	for (;;) {
		try {
			const value = check();
			if (value) return value;
		} catch (error) {
			last = error;
		}
		if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
		await new Promise((resolve) => setTimeout(resolve, every));
	}
}

/**
 * Waits until the engines call lab node `n` a reachable manager after a promotion. On a
 * loaded machine the promoted dockerd can miss raft's join deadline and stop its manager
 * for good ("manager stopped: can't initialize raft node": LocalNodeState "error", seen in
 * CI); the engine itself restarts nothing, an operator would restart that dockerd, and so
 * does this (once). The tests then check that swarmtui shows what the engines say.
 */
export async function promoted(n: number, timeout = 90_000): Promise<void> {
	const own = () => execFileSync(docker, ['-H', `unix://${socket(n)}`, 'info', '--format', '{{.Swarm.LocalNodeState}}'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
	let restarted = false;
	await until(`node${n} a reachable manager`, () => {
		if (!restarted && own() === 'error') {
			restarted = true;
			lab('stop-node', String(n));
			lab('start-node', String(n));
		}
		return dk('node', 'inspect', `node${n}`, '--format', '{{if .ManagerStatus}}{{.ManagerStatus.Reachability}}{{end}}') === 'reachable';
	}, timeout, 1000);
}

/** Replicas as the docker CLI reports them, e.g. {shop_web: "3/3"}. */
export function cliReplicas(): Record<string, string> {
	const out = dk('service', 'ls', '--format', '{{.Name}} {{.Replicas}}');
	return Object.fromEntries(out.split('\n').filter(Boolean).map((line) => line.split(' ') as [string, string]));
}
