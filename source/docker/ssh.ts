// ssh:// hosts, the way the docker CLI reaches them: run the ssh binary (so the
// operator's ~/.ssh/config, keys and known_hosts apply) with `docker system dial-stdio`
// on the far side, and speak HTTP over its stdin/stdout.
import {spawn} from 'node:child_process';
import {Agent} from 'node:http';
import {Duplex} from 'node:stream';
import type {Endpoint} from './endpoint.js';

export function sshArgs(endpoint: Endpoint): string[] {
	const args = ['-o', 'ConnectTimeout=30', '-T'];
	if (endpoint.user) args.push('-l', endpoint.user);
	if (endpoint.port) args.push('-p', String(endpoint.port));
	args.push('--', endpoint.hostname ?? '', 'docker', 'system', 'dial-stdio');
	return args;
}

/** An http.Agent whose every connection is an `ssh … docker system dial-stdio` process. */
export function sshAgent(endpoint: Endpoint, sshCommand = process.env['SWARMTUI_SSH'] || 'ssh'): Agent {
	const agent = new Agent({keepAlive: true, maxSockets: 4});
	(agent as unknown as {createConnection: () => Duplex}).createConnection = () => {
		const child = spawn(sshCommand, sshArgs(endpoint), {stdio: ['pipe', 'pipe', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr = (stderr + chunk.toString()).slice(-2000);
		});
		const socket = Duplex.from({readable: child.stdout, writable: child.stdin}) as Duplex & Record<string, unknown>;
		child.on('error', (error) => socket.destroy(error));
		child.on('exit', (code) => {
			if (code && code !== 0) {
				const error = new Error(`ssh to ${endpoint.hostname} failed: ${stderr.trim().split('\n').pop() || `exit ${code}`}`);
				socket.destroy(error);
			}
		});
		socket.on('close', () => child.kill());
		// node's http client calls these on real sockets.
		socket['setTimeout'] = () => socket;
		socket['setNoDelay'] = () => socket;
		socket['setKeepAlive'] = () => socket;
		socket['ref'] = () => socket;
		socket['unref'] = () => socket;
		return socket;
	};
	return agent;
}
