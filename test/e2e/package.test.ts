// The packaged artifacts, run as an operator would. The executable (npm run package)
// on a machine without Node: a mount namespace where every node binary on PATH is
// /dev/null, so only what is inside the executable can run it.
import {execFileSync} from 'node:child_process';
import {realpathSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {manager, root} from './lab.js';
import {useTerminals} from './tmux.js';

const start = useTerminals();
const executable = join(root, 'dist', `swarmtui-linux-${process.arch}`);

beforeAll(() => {
	execFileSync('npm', ['run', '-s', 'package'], {cwd: root, stdio: 'inherit', timeout: 180_000});
}, 200_000);

describe('the single executable', () => {
	it('runs against the lab with no Node reachable, and names the Node inside', async () => {
		expect(statSync(executable).size).toBeGreaterThan(50e6);
		const nodes = [...new Set(execFileSync('sh', ['-c', 'which -a node'], {encoding: 'utf8'}).split('\n').filter(Boolean).flatMap((path) => [path, realpathSync(path)]))];
		expect(nodes.length).toBeGreaterThan(0);
		// Hide them, prove it (a node that still runs ends the shell with 9), then run it.
		const hide = `for f in ${nodes.map((n) => `'${n}'`).join(' ')}; do mount --bind /dev/null "$f" || exit 8; done; if node --version >/dev/null 2>&1; then exit 9; fi; exec "$0" "$@"`;
		const version = execFileSync('unshare', ['-m', 'sh', '-c', hide, executable, '--version'], {encoding: 'utf8'});
		expect(version.trim()).toMatch(/^swarmtui \d+\.\d+\.\d+ \(node v24\.\d+\.\d+\)$/);
		const term = start(['--host', manager], {columns: 150, rows: 30, program: ['unshare', '-m', 'sh', '-c', hide, executable]});
		const screen = await term.waitFor(/monitor\s+global/, 20_000);
		expect(screen).toMatch(/Nodes 3/);
		expect(screen).toMatch(/Tasks ·/);
		expect(screen).not.toContain('[exit');
	});
});
