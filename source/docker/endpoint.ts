// Resolves which engine to talk to, the way the docker CLI does: --context, then
// --host / DOCKER_HOST, then DOCKER_CONTEXT, then currentContext in config.json,
// then the default socket. dockerode knows none of this, so we hand it explicit options.
import {createHash} from 'node:crypto';
import {readFileSync, existsSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';

export type ConnectionFlags = {
	context?: string;
	host?: string;
	tls?: boolean;
	tlsverify?: boolean;
	tlscacert?: string;
	tlscert?: string;
	tlskey?: string;
};

export type TlsFiles = {
	ca?: string;
	cert?: string;
	key?: string;
	verify: boolean;
};

export type Endpoint = {
	/** Context name, "default" when flags or the environment chose the host. */
	context: string;
	/** Host as the docker CLI would print it, e.g. unix:///var/run/docker.sock. */
	host: string;
	transport: 'unix' | 'tcp' | 'ssh' | 'npipe';
	socketPath?: string;
	hostname?: string;
	port?: number;
	user?: string;
	tls?: TlsFiles;
	/** Where the choice came from, shown in errors: "--host", "DOCKER_HOST", "context prod"… */
	source: string;
};

export class EndpointError extends Error {}

export const defaultSocket = 'unix:///var/run/docker.sock';

type Env = Record<string, string | undefined>;

export type ResolveDeps = {
	env?: Env;
	home?: string;
	readFile?: (path: string) => string;
	exists?: (path: string) => boolean;
};

export function configDir(env: Env, home: string): string {
	return env['DOCKER_CONFIG'] || join(home, '.docker');
}

export function contextDirName(name: string): string {
	return createHash('sha256').update(name).digest('hex');
}

export function resolveEndpoint(flags: ConnectionFlags, deps: ResolveDeps = {}): Endpoint {
	const env = deps.env ?? process.env;
	const home = deps.home ?? homedir();
	const readFile = deps.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
	const exists = deps.exists ?? existsSync;
	const dir = configDir(env, home);

	if (flags.context && flags.host) {
		throw new EndpointError('conflicting options: either specify --host or --context, not both');
	}

	const contextName = chooseContext(flags, env, () => readCurrentContext(dir, readFile, exists));
	if (contextName !== 'default') {
		return fromContext(contextName, dir, readFile, exists, flags.context ? '--context' : env['DOCKER_CONTEXT'] ? 'DOCKER_CONTEXT' : 'config.json');
	}

	let host = defaultSocket;
	let source = 'default socket';
	if (flags.host) {
		host = flags.host;
		source = '--host';
	} else if (env['DOCKER_HOST']) {
		host = env['DOCKER_HOST'];
		source = 'DOCKER_HOST';
	}

	// The CLI: --tlsverify or a non-empty DOCKER_TLS_VERIFY means TLS with verification;
	// --tls alone means TLS without verification.
	const verify = Boolean(flags.tlsverify) || Boolean(env['DOCKER_TLS_VERIFY']);
	const useTls = verify || Boolean(flags.tls);
	let tls: TlsFiles | undefined;
	if (useTls) {
		const certDir = env['DOCKER_CERT_PATH'] || dir;
		// Named by DOCKER_CERT_PATH, the files must be there (the CLI's rule); the config
		// folder's are used only if present.
		const named = Boolean(env['DOCKER_CERT_PATH']);
		const file = (flag: string | undefined, name: string, what: string) => {
			const path = pickFile(flag, join(certDir, name), exists);
			if (!path && !flag && named) throw new EndpointError(`could not read the ${what} ${join(certDir, name)} (DOCKER_CERT_PATH): no such file`);
			return path;
		};
		tls = {
			verify,
			ca: file(flags.tlscacert, 'ca.pem', 'CA certificate'),
			cert: file(flags.tlscert, 'cert.pem', 'client certificate'),
			key: file(flags.tlskey, 'key.pem', 'client key'),
		};
	}

	return parseHost(host, {context: 'default', source, tls});
}

function chooseContext(flags: ConnectionFlags, env: Env, current: () => string | undefined): string {
	if (flags.context) return flags.context;
	if (flags.host) return 'default';
	if (env['DOCKER_HOST']) return 'default';
	if (env['DOCKER_CONTEXT']) return env['DOCKER_CONTEXT'];
	return current() || 'default';
}

function readCurrentContext(dir: string, readFile: (p: string) => string, exists: (p: string) => boolean): string | undefined {
	const file = join(dir, 'config.json');
	if (!exists(file)) return undefined;
	try {
		const config = JSON.parse(readFile(file)) as {currentContext?: unknown};
		return typeof config.currentContext === 'string' ? config.currentContext : undefined;
	} catch {
		throw new EndpointError(`cannot parse ${file}: fix or remove it`);
	}
}

type ContextMeta = {
	Name?: string;
	Endpoints?: {docker?: {Host?: string; SkipTLSVerify?: boolean}};
};

function fromContext(
	name: string,
	dir: string,
	readFile: (p: string) => string,
	exists: (p: string) => boolean,
	source: string,
): Endpoint {
	const hash = contextDirName(name);
	const metaFile = join(dir, 'contexts', 'meta', hash, 'meta.json');
	if (!exists(metaFile)) {
		throw new EndpointError(`context "${name}" does not exist (from ${source}); list them with: docker context ls`);
	}
	let meta: ContextMeta;
	try {
		meta = JSON.parse(readFile(metaFile)) as ContextMeta;
	} catch {
		throw new EndpointError(`context "${name}" has an unreadable ${metaFile}`);
	}
	const docker = meta.Endpoints?.docker;
	if (!docker?.Host) {
		throw new EndpointError(`context "${name}" has no docker endpoint`);
	}
	const tlsDir = join(dir, 'contexts', 'tls', hash, 'docker');
	const ca = join(tlsDir, 'ca.pem');
	const cert = join(tlsDir, 'cert.pem');
	const key = join(tlsDir, 'key.pem');
	const hasTls = exists(ca) || exists(cert) || exists(key);
	const tls: TlsFiles | undefined = hasTls
		? {
				verify: !docker.SkipTLSVerify,
				ca: exists(ca) ? ca : undefined,
				cert: exists(cert) ? cert : undefined,
				key: exists(key) ? key : undefined,
			}
		: undefined;
	return parseHost(docker.Host, {context: name, source: `context ${name}`, tls});
}

function pickFile(flag: string | undefined, fallback: string, exists: (p: string) => boolean): string | undefined {
	if (flag) return flag;
	return exists(fallback) ? fallback : undefined;
}

/** Parses a docker host string (unix://, tcp://, ssh://, npipe://, or host:port). */
export function parseHost(raw: string, base: {context: string; source: string; tls?: TlsFiles}): Endpoint {
	const value = raw.trim();
	// A password in the address never reaches the screen, an error or a log.
	const shown = raw.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
	const bad = () => new EndpointError(`invalid docker host "${shown}" (from ${base.source}); expected unix:///path, tcp://host:port or ssh://user@host`);
	if (value.startsWith('unix://')) {
		const socketPath = value.slice('unix://'.length) || '/var/run/docker.sock';
		return {...base, tls: undefined, host: `unix://${socketPath}`, transport: 'unix', socketPath};
	}
	if (value.startsWith('npipe://')) {
		const socketPath = value.slice('npipe://'.length) || '//./pipe/docker_engine';
		return {...base, tls: undefined, host: `npipe://${socketPath}`, transport: 'npipe', socketPath};
	}
	if (value.startsWith('fd://')) {
		throw new EndpointError(`fd:// hosts are only for the daemon (from ${base.source}); use unix:// or tcp://`);
	}
	const withScheme = value.includes('://') ? value : `tcp://${value}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw bad();
	}
	if (!url.hostname) throw bad();
	if (url.password) {
		throw new EndpointError(`the docker host "${shown}" (from ${base.source}) carries a password, which is not supported: use an ssh key or agent, or TLS certificates`);
	}
	if (url.protocol === 'ssh:') {
		const port = url.port ? Number(url.port) : undefined;
		return {
			...base,
			tls: undefined,
			host: value,
			transport: 'ssh',
			hostname: url.hostname,
			port,
			user: url.username ? decodeURIComponent(url.username) : undefined,
		};
	}
	if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') throw bad();
	const tls = url.protocol === 'https:' && !base.tls ? {verify: true} : base.tls;
	const port = url.port ? Number(url.port) : tls ? 2376 : 2375;
	const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
	return {...base, tls, host: `tcp://${url.host.includes(':') ? url.host : `${url.host}:${port}`}`, transport: 'tcp', hostname, port};
}

/** One line describing where we connect, for the header. */
export function describeEndpoint(endpoint: Endpoint): string {
	const tls = endpoint.tls ? (endpoint.tls.verify ? ' (tls)' : ' (tls, unverified)') : '';
	return `${endpoint.context} → ${endpoint.host}${tls}`;
}
