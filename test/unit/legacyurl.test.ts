// docker-modem reads protocol, hostname, port, pathname and path from url.parse(); our
// patch (patches/docker-modem+*.patch) gives it lib/legacyUrl.js instead (Node 24 warns
// about url.parse).
// Same answers for what docker-modem parses: its request URLs and its bare host.
import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {parse, resolve} from 'node:url';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a file our patch adds to docker-modem, untyped
import * as legacyUrl from 'docker-modem/lib/legacyUrl.js';

const {parse: parseUrl, resolve: resolveUrl} = legacyUrl as {parse: (text: string) => unknown; resolve: (from: string, to: string) => string};

describe('parseUrl, for docker-modem', () => {
	it('answers like url.parse for request URLs', () => {
		for (const text of [
			'https://192.168.213.11:2376/v1.41/tasks?filters=%7B%22service%22%3A%5B%22a%22%5D%7D',
			'http://manager1:2375/v1.41/info',
			'https://[::1]:2376/v1.41/nodes',
			'https://example.test/v1.41/version',
		]) {
			const old = parse(text);
			expect(parseUrl(text), text).toEqual({protocol: old.protocol, hostname: old.hostname, port: old.port, pathname: old.pathname, path: old.path});
		}
	});

	it('takes a bare host for a path, as url.parse did', () => {
		const old = parse('192.168.213.11');
		expect(parseUrl('192.168.213.11')).toMatchObject({protocol: old.protocol, hostname: old.hostname, pathname: old.pathname});
	});

	it('resolves a request path against the engine\'s address, as url.resolve did', () => {
		for (const [from, to] of [
			['https://192.168.213.11:2376/192.168.213.11', '/v1.41/info?'],
			['http://manager1:2375/manager1', '/v1.41/tasks?'],
			['https://[::1]:2376/', '/v1.41/nodes/abc/update?'],
		] as const) {
			expect(resolveUrl(from, to), `${from} ${to}`).toBe(resolve(from, to));
		}
	});

	it('has every url function docker-modem calls (a missing one failed every tcp:// request)', () => {
		const lib = dirname(createRequire(import.meta.url).resolve('docker-modem/lib/modem.js'));
		const called = new Set<string>();
		for (const file of readdirSync(lib).filter((name) => name.endsWith('.js') && name !== 'legacyUrl.js')) {
			for (const match of readFileSync(join(lib, file), 'utf8').matchAll(/\burl\.(\w+)\(/g)) called.add(match[1] as string);
		}
		expect([...called].sort()).toEqual(['URL', 'format', 'parse', 'resolve']);
		for (const name of called) expect(typeof (legacyUrl as Record<string, unknown>)[name], name).toBe('function');
	});
});

describe('docker-modem requests', () => {
	it('do not inspect their options (and the agent with its sockets) unless DEBUG asks', async () => {
		// Unpatched, every request ran util.inspect over its options with no depth limit:
		// over ssh the agent holds every session's socket, and twenty log streams opened at
		// once cost 7.5 s of CPU in a key's turn.
		const require = createRequire(import.meta.url);
		const Modem = require('docker-modem') as new (options: object) => {dial: (options: object, callback: (error: unknown) => void) => void};
		let inspected = 0;
		const agent = new (require('node:http').Agent)();
		Object.defineProperty(agent, Symbol.for('nodejs.util.inspect.custom'), {value: () => (inspected++, 'agent')});
		const modem = new Modem({socketPath: '/nonexistent/docker.sock', agent});
		await new Promise<void>((resolve) => modem.dial({path: '/_ping', method: 'GET', statusCodes: {200: true}}, () => resolve()));
		expect(inspected).toBe(0);
	});
});
