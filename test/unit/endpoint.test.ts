import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {contextDirName, describeEndpoint, EndpointError, parseHost, resolveEndpoint} from '../../source/docker/endpoint.js';

function dockerConfig(options: {current?: string; contexts?: Record<string, {host: string; skipVerify?: boolean; tls?: boolean}>} = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'swarmtui-cfg-'));
	if (options.current) writeFileSync(join(dir, 'config.json'), JSON.stringify({currentContext: options.current}));
	for (const [name, ctx] of Object.entries(options.contexts ?? {})) {
		const meta = join(dir, 'contexts', 'meta', contextDirName(name));
		mkdirSync(meta, {recursive: true});
		writeFileSync(join(meta, 'meta.json'), JSON.stringify({Name: name, Metadata: {}, Endpoints: {docker: {Host: ctx.host, SkipTLSVerify: ctx.skipVerify ?? false}}}));
		if (ctx.tls) {
			const tls = join(dir, 'contexts', 'tls', contextDirName(name), 'docker');
			mkdirSync(tls, {recursive: true});
			for (const file of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(tls, file), 'x');
		}
	}
	return dir;
}

const resolve = (flags: Parameters<typeof resolveEndpoint>[0], env: Record<string, string>, dir = dockerConfig()) =>
	resolveEndpoint(flags, {env: {DOCKER_CONFIG: dir, ...env}, home: '/nonexistent'});

describe('resolveEndpoint precedence (docker CLI order)', () => {
	const dir = dockerConfig({
		current: 'cur',
		contexts: {cur: {host: 'tcp://current:2375'}, envctx: {host: 'ssh://ops@envhost'}, flagctx: {host: 'unix:///flag.sock'}},
	});

	it('uses --context over everything', () => {
		const e = resolve({context: 'flagctx'}, {DOCKER_HOST: 'tcp://x:1', DOCKER_CONTEXT: 'envctx'}, dir);
		expect(e.host).toBe('unix:///flag.sock');
		expect(e.context).toBe('flagctx');
	});

	it('uses --host over DOCKER_HOST, DOCKER_CONTEXT and currentContext', () => {
		const e = resolve({host: 'tcp://flaghost:2375'}, {DOCKER_HOST: 'tcp://envhost:2375', DOCKER_CONTEXT: 'envctx'}, dir);
		expect(e).toMatchObject({context: 'default', host: 'tcp://flaghost:2375', source: '--host'});
	});

	it('uses DOCKER_HOST over DOCKER_CONTEXT', () => {
		expect(resolve({}, {DOCKER_HOST: 'unix:///env.sock', DOCKER_CONTEXT: 'envctx'}, dir).host).toBe('unix:///env.sock');
	});

	it('uses DOCKER_CONTEXT over currentContext', () => {
		const e = resolve({}, {DOCKER_CONTEXT: 'envctx'}, dir);
		expect(e).toMatchObject({transport: 'ssh', hostname: 'envhost', user: 'ops', context: 'envctx'});
	});

	it('uses currentContext from config.json, then the default socket', () => {
		expect(resolve({}, {}, dir).host).toBe('tcp://current:2375');
		expect(resolve({}, {}).host).toBe('unix:///var/run/docker.sock');
	});

	it('treats the context named default as the flags/env endpoint', () => {
		expect(resolve({context: 'default'}, {}, dir).host).toBe('unix:///var/run/docker.sock');
	});

	it('refuses --host together with --context', () => {
		expect(() => resolve({host: 'tcp://a:1', context: 'cur'}, {}, dir)).toThrow(/either specify --host or --context/);
	});

	it('names a missing context and how to list them', () => {
		expect(() => resolve({context: 'nope'}, {}, dir)).toThrow(EndpointError);
		expect(() => resolve({context: 'nope'}, {}, dir)).toThrow(/context "nope" does not exist.*docker context ls/);
	});
});

describe('TLS, like the docker CLI', () => {
	it('DOCKER_TLS_VERIFY (any non-empty value) means TLS with verification and port 2376', () => {
		const certs = dockerConfig();
		for (const file of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(certs, file), 'x');
		const e = resolve({}, {DOCKER_HOST: 'tcp://m1', DOCKER_TLS_VERIFY: 'true', DOCKER_CERT_PATH: certs});
		expect(e.port).toBe(2376);
		expect(e.tls).toEqual({verify: true, ca: join(certs, 'ca.pem'), cert: join(certs, 'cert.pem'), key: join(certs, 'key.pem')});
	});

	it('DOCKER_CERT_PATH names files that must be there; the config folder\'s are optional', () => {
		expect(() => resolve({}, {DOCKER_HOST: 'tcp://m1', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent'})).toThrow('could not read the CA certificate /nonexistent/ca.pem (DOCKER_CERT_PATH): no such file');
		expect(resolve({}, {DOCKER_HOST: 'tcp://m1', DOCKER_TLS_VERIFY: '1'}).tls).toEqual({verify: true, ca: undefined, cert: undefined, key: undefined});
	});

	it('--tls alone encrypts without verifying; flags name the files', () => {
		const e = resolve({host: 'tcp://m1:2376', tls: true, tlscacert: '/c/ca', tlscert: '/c/cert', tlskey: '/c/key'}, {});
		expect(e.tls).toEqual({verify: false, ca: '/c/ca', cert: '/c/cert', key: '/c/key'});
		expect(describeEndpoint(e)).toContain('tls, unverified');
	});

	it('plain tcp defaults to port 2375 and no TLS', () => {
		const e = resolve({host: 'tcp://m1'}, {});
		expect(e).toMatchObject({host: 'tcp://m1:2375', port: 2375, tls: undefined});
	});

	it('reads a context TLS directory and SkipTLSVerify', () => {
		const dir = dockerConfig({contexts: {secure: {host: 'tcp://s:2376', tls: true, skipVerify: true}}});
		const e = resolve({context: 'secure'}, {}, dir);
		expect(e.tls?.verify).toBe(false);
		expect(e.tls?.ca).toBe(join(dir, 'contexts', 'tls', contextDirName('secure'), 'docker', 'ca.pem'));
	});
});

describe('parseHost', () => {
	const base = {context: 'default', source: 'test'};
	it('parses ssh with user and port', () => {
		expect(parseHost('ssh://admin@mgr1:2222', base)).toMatchObject({transport: 'ssh', user: 'admin', hostname: 'mgr1', port: 2222});
	});
	it('accepts host:port without a scheme as tcp', () => {
		expect(parseHost('10.0.0.5:2375', base)).toMatchObject({transport: 'tcp', hostname: '10.0.0.5', port: 2375});
	});
	it('uses the default socket path for bare unix://', () => {
		expect(parseHost('unix://', base).socketPath).toBe('/var/run/docker.sock');
	});
	it('rejects nonsense with a sentence naming the source', () => {
		expect(() => parseHost('ftp://x', base)).toThrow(/invalid docker host "ftp:\/\/x" \(from test\)/);
		expect(() => parseHost('fd://', base)).toThrow(/only for the daemon/);
	});
	it('refuses a password in the address and never repeats it', () => {
		for (const raw of ['ssh://ops:hunter2@mgr:22', 'tcp://admin:hunter2@mgr:2376', 'ftp://u:hunter2@x']) {
			let message = '';
			try {
				parseHost(raw, base);
			} catch (error) {
				message = (error as Error).message;
			}
			expect(message).toMatch(/password|invalid docker host/);
			expect(message).not.toContain('hunter2');
		}
	});
});
