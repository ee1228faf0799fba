// The ssh transport starts its processes one per turn of the event loop (spawns.ts):
// a key that opens twenty log streams must not hold the screen while twenty ssh
// processes start (19 s in a loaded CI).
import {chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Duplex} from 'node:stream';
import {afterEach, describe, expect, it} from 'vitest';
import type {Endpoint} from '../../source/docker/endpoint.js';
import {sshTransport, type SshTransport} from '../../source/docker/ssh.js';

// A stand-in for ssh: echoes what it is sent, like a session would carry bytes.
const dir = mkdtempSync(join(tmpdir(), 'swarmtui-fake-ssh-'));
const fakeSsh = join(dir, 'ssh');
const started = join(dir, 'started');
writeFileSync(fakeSsh, `#!/bin/sh\necho x >> ${started}\nexec cat\n`);
chmodSync(fakeSsh, 0o755);

const endpoint: Endpoint = {context: 'default', host: 'ssh://lab', transport: 'ssh', hostname: 'lab', source: 'test'};
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('ssh sessions', () => {
	let transport: SshTransport | undefined;
	afterEach(() => transport?.close());

	it('start no process in the caller\'s turn, and one per turn after it', async () => {
		transport = sshTransport(endpoint, fakeSsh);
		const create = (transport.streams as unknown as {createConnection: () => Duplex}).createConnection;
		const sockets = Array.from({length: 20}, () => create());
		expect(transport.children()).toBe(0);
		const seen: number[] = [];
		for (let i = 0; i < 5; i++) {
			await turn();
			seen.push(transport.children());
		}
		// Each turn added at most one (a turn of ours may fall before or after a start).
		for (let i = 1; i < seen.length; i++) expect(seen[i]! - seen[i - 1]!).toBeLessThanOrEqual(1);
		expect(seen.at(-1)).toBeLessThan(20);
		for (const socket of sockets) socket.destroy();
	});

	it('carries what was written before its process started', async () => {
		transport = sshTransport(endpoint, fakeSsh);
		const socket = (transport.streams as unknown as {createConnection: () => Duplex}).createConnection();
		socket.write('GET /_ping HTTP/1.1\r\n\r\n');
		const echoed = await new Promise<string>((resolve) => {
			let text = '';
			socket.on('data', (chunk: Buffer) => {
				text += chunk.toString();
				if (text.includes('\r\n\r\n')) resolve(text);
			});
		});
		expect(echoed).toBe('GET /_ping HTTP/1.1\r\n\r\n');
		socket.destroy();
	});

	it('starts nothing for a connection dropped before its turn', async () => {
		transport = sshTransport(endpoint, fakeSsh);
		rmSync(started, {force: true});
		const socket = (transport.streams as unknown as {createConnection: () => Duplex}).createConnection();
		socket.destroy();
		await turn();
		await turn();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(existsSync(started)).toBe(false);
	});

	it('fails the connection, not the program, when the process cannot be started', async () => {
		// A NUL byte makes spawn throw at once, as EAGAIN or ENOMEM would.
		transport = sshTransport(endpoint, 'ssh\u0000bad');
		const socket = (transport.streams as unknown as {createConnection: () => Duplex}).createConnection();
		const error = await new Promise<Error>((resolve) => socket.on('error', resolve));
		expect(error.message).toMatch(/^ssh to lab failed: cannot start/);
	});
});
