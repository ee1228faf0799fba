// The docker contexts in the docker config directory, as `docker context ls` lists
// them: "default" (DOCKER_HOST or the default socket) and every context's meta.json.
import {readdir, readFile, stat} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {configDir, defaultSocket} from './endpoint.js';

export type ContextInfo = {name: string; host: string; transport: 'ssh' | 'tls' | 'tcp' | 'unix' | 'npipe' | 'other'; description: string};

type Meta = {Name?: unknown; Metadata?: {Description?: unknown}; Endpoints?: {docker?: {Host?: unknown}}};

function transportOf(host: string, tls: boolean): ContextInfo['transport'] {
	if (host.startsWith('ssh://')) return 'ssh';
	if (host.startsWith('unix://')) return 'unix';
	if (host.startsWith('npipe://')) return 'npipe';
	if (host.startsWith('tcp://') || host.startsWith('https://') || host.startsWith('http://')) return tls || host.startsWith('https://') ? 'tls' : 'tcp';
	return 'other';
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** `hostFlag`: the --host swarmtui was started with, which is what "default" means then. */
export async function listContexts(env: Record<string, string | undefined> = process.env, home = homedir(), hostFlag?: string): Promise<ContextInfo[]> {
	const dir = configDir(env, home);
	const defaultHost = hostFlag || env['DOCKER_HOST'] || defaultSocket;
	const out: ContextInfo[] = [{name: 'default', host: defaultHost, transport: transportOf(defaultHost, Boolean(env['DOCKER_TLS_VERIFY'])), description: hostFlag ? '--host' : env['DOCKER_HOST'] ? 'DOCKER_HOST' : 'the default socket'}];
	const metaDir = join(dir, 'contexts', 'meta');
	let hashes: string[] = [];
	try {
		hashes = await readdir(metaDir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${metaDir}: ${(error as Error).message}`);
	}
	for (const hash of hashes) {
		let meta: Meta;
		try {
			meta = JSON.parse(await readFile(join(metaDir, hash, 'meta.json'), 'utf8')) as Meta;
		} catch {
			continue; // not a context (docker skips these too)
		}
		if (typeof meta.Name !== 'string' || meta.Name === 'default') continue;
		const host = typeof meta.Endpoints?.docker?.Host === 'string' ? meta.Endpoints.docker.Host : '';
		const tls = await exists(join(dir, 'contexts', 'tls', hash, 'docker'));
		out.push({name: meta.Name, host, transport: transportOf(host, tls), description: typeof meta.Metadata?.Description === 'string' ? meta.Metadata.Description : ''});
	}
	return out.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}
