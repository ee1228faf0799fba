#!/usr/bin/env -S node --max-semi-space-size=4
// --max-semi-space-size=4: Node 24's larger young generation made the large cluster's
// idle refresh cost 3x the CPU of Node 20 (most of it scavenges) and ~140 MB more memory;
// 4 MB semi-spaces bring both back (README, "Dependency notes"). The executable gets the
// same flag from its sea-config (scripts/package.mjs).
//
// dist/swarmtui.js: starts the bundled CLI (dist/app.cjs) with Node's compile cache, so a
// start after the first skips parsing and compiling the bundle. Built as CommonJS
// (dist/package.json says so): an ES module entry would make Node set up its ES module
// loader first (~10 ms, 17 more built-in modules).
import {mkdirSync, statSync} from 'node:fs';
import {enableCompileCache, flushCompileCache} from 'node:module';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

// An older Node (a system's Node 20, found first on PATH) would fail on its first call
// below with a TypeError: say what is needed instead. The floor is package.json's engines.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 24 || (major === 24 && minor < 11)) {
	process.stderr.write(`swarmtui: needs Node.js 24.11 or newer, and this is ${process.version} (${process.execPath}); install a newer Node, or use the single executable (README, "Install")\n`);
	process.exit(1);
}

const app = join(__dirname, 'app.cjs');
const cacheDir = join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'swarmtui');

/**
 * The cache folder, if this user owns it and no one else can write in it: the code in it
 * runs as this user, and under sudo XDG_CACHE_HOME may still name another user's folder.
 */
function privateCacheDir(): string | undefined {
	try {
		mkdirSync(cacheDir, {recursive: true, mode: 0o700});
		const stat = statSync(cacheDir);
		if (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) return undefined;
		return join(cacheDir, 'compile');
	} catch {
		return undefined; // a read-only home only costs each start its speed
	}
}

const dir = privateCacheDir();
if (dir) enableCompileCache(dir);
// The CLI calls this once its first frames are drawn: the cache then holds every function
// a start needs, not only the bundle's top level.
(globalThis as {swarmtuiStarted?: () => void}).swarmtuiStarted = () => {
	if (dir) flushCompileCache();
};
// The bundle asks for its own file URL (meow and yoga read import.meta.url).
(globalThis as {__swarmtuiUrl?: string}).__swarmtuiUrl = pathToFileURL(app).href;
require(app);
