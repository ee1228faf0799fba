#!/usr/bin/env node
// dist/swarmtui.js: starts the bundled CLI (dist/app.cjs) with V8's code cache. Node 20
// has no compile cache of its own, and parsing and compiling the bundle's functions was
// about a third of start-up. The cache is the bytecode of every function the first
// frames ran; it is written once (first start, or after an upgrade) and then reused.
// Built as CommonJS (dist/package.json says so): an ES module entry would make Node set
// up its ES module loader first (~10 ms, 17 more built-in modules).
import {closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Script} from 'node:vm';

// Set by scripts/build.mjs: a hash of app.cjs. V8 checks the cache against the source's
// length only, so a cache of another build must never be offered.
declare const SWARMTUI_BUILD_ID: string;

const here = __dirname;
const app = join(here, 'app.cjs');
const cacheDir = join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'swarmtui');
const cacheFile = join(cacheDir, `code-${SWARMTUI_BUILD_ID}-${process.version}-${process.arch}.bin`);

/**
 * The cache, if this user wrote it and no one else can have: its code runs as this
 * user, and under sudo XDG_CACHE_HOME may still name another user's folder.
 */
function readCache(): Buffer | undefined {
	let fd: number | undefined;
	try {
		fd = openSync(cacheFile, 'r');
		const stat = fstatSync(fd);
		if (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) return undefined;
		return readFileSync(fd);
	} catch {
		return undefined; // none yet: this start writes it
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

const cached = readCache();
const source = readFileSync(app, 'utf8');
const script = new Script(`(function (exports, require, module, __filename, __dirname, __swarmtuiUrl) {${source}\n})`, {
	filename: app,
	cachedData: cached,
});

// The CLI calls this once its first frames are drawn: the functions compiled by then
// are the ones a start needs.
(globalThis as {swarmtuiStarted?: () => void}).swarmtuiStarted = () => {
	if (cached && !script.cachedDataRejected) return;
	try {
		mkdirSync(cacheDir, {recursive: true, mode: 0o700});
		// Caches of other builds and Node versions are dead weight.
		for (const name of readdirSync(cacheDir)) if (name.startsWith('code-') && name !== cacheFile.slice(cacheDir.length + 1)) rmSync(join(cacheDir, name), {force: true});
		const temporary = `${cacheFile}.${process.pid}`;
		writeFileSync(temporary, script.createCachedData(), {mode: 0o600});
		renameSync(temporary, cacheFile); // whole or not at all, even with two starts at once
	} catch {
		// A read-only home only costs the next start its speed.
	}
};

const run = script.runInThisContext() as (...args: unknown[]) => void;
const module = {exports: {}};
run(module.exports, createRequire(app), module, app, here, pathToFileURL(app).href);
