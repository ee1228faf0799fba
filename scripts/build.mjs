// Bundles swarmtui: dist/app.cjs (the CLI and everything it loads, one file: loading
// Ink's module graph file by file costs ~400 ms at start-up) and dist/swarmtui.js, the
// launcher that runs it with Node's compile cache (source/boot.ts). CommonJS: the single
// executable's main script must be one (scripts/package.mjs).
import {build} from 'esbuild';
import {chmodSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';

const outdir = process.env.SWARMTUI_BUILD_OUTDIR ?? 'dist';
const outfile = `${outdir}/swarmtui.js`;
const appfile = `${outdir}/app.cjs`;
const minify = process.env.SWARMTUI_BUILD_MINIFY !== '0';

// Ink, yoga, docker-modem and meow are patched at install (patches/, patch-package, run by
// npm's prepare): reviewable diffs that unit tests run too. A node_modules installed without
// them (--ignore-scripts) would build a bundle that fails on its first frame (yoga's and
// Ink's top-level awaits cannot run in a script): refuse it here.
for (const [file, marker] of [
	['node_modules/ink/build/output.js', 'swarmtui: one shared blank cell'],
	['node_modules/ink/build/reconciler.js', 'swarmtui: no top-level await'],
	['node_modules/yoga-layout/dist/src/index.js', 'swarmtui: started synchronously'],
	['node_modules/docker-modem/lib/modem.js', "require('./legacyUrl')"],
	['node_modules/meow/build/dependencies.js', 'swarmtui: set up when first used'],
]) {
	if (!readFileSync(file, 'utf8').includes(marker)) throw new Error(`${file} is not patched: run npx patch-package --error-on-fail (npm ci does, unless scripts are off)`);
}

// Builds before the launcher left a chunks folder beside the bundle.
rmSync(`${outdir}/chunks`, {recursive: true, force: true});
await build({
	entryPoints: ['source/cli.tsx'],
	outfile: appfile,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node24',
	jsx: 'automatic',
	minify,
	legalComments: 'none',
	// Native addons stay outside; react-devtools-core (Ink's DEV=true only) is stubbed.
	external: ['ssh2', 'cpu-features'],
	plugins: [
		{
			name: 'stubs',
			setup(b) {
				b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'devtools', namespace: 'stub'}));
				// dockerode's BuildKit session (gRPC + protobuf) and docker-modem's ssh2 transport
				// cost ~150 ms at start-up and are never used: we build nothing, and ssh:// goes
				// through the ssh binary (source/docker/ssh.ts).
				b.onResolve({filter: /^\.\/session$/}, (args) => (args.importer.includes('dockerode') ? {path: 'session', namespace: 'stub'} : undefined));
				b.onResolve({filter: /^\.\/ssh$/}, (args) => (args.importer.includes('docker-modem') ? {path: 'ssh', namespace: 'stub'} : undefined));
				// BuildKit progress (protobufjs) and build contexts (tar-fs) are for building
				// images, which swarmtui never does; tar-fs loaded at start-up.
				b.onResolve({filter: /^\.\/buildkit$/}, (args) => (args.importer.includes('dockerode') ? {path: 'buildkit', namespace: 'stub'} : undefined));
				b.onResolve({filter: /^tar-fs$/}, (args) => (args.importer.includes('dockerode') ? {path: 'tar-fs', namespace: 'stub'} : undefined));
				// Every copy of string-width (Ink's, wrap-ansi's, ours) answers plain and
				// box-drawing text at once and remembers the rest (source/ui/fastwidth.ts). Its
				// own set-up (a grapheme segmenter, Unicode regexes: ~30 ms) waits for the first
				// string that needs it: the module's body runs inside a function.
				b.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, (args) => {
					const source = readFileSync(args.path, 'utf8');
					const imports = source.match(/^import .*;$/gm) ?? [];
					const body = imports.reduce((rest, line) => rest.replace(line, ''), source);
					if (!body.includes('export default function stringWidth(') || /^(import|export) /m.test(body.replace('export default function stringWidth(', ''))) {
						throw new Error(`string-width changed shape: ${args.path}`);
					}
					const fast = JSON.stringify(resolve('source/ui/fastwidth.ts'));
					return {
						contents: `${imports.join('\n')}
import {withFastPath} from ${fast};
let slow;
function load() {
${body.replace('export default function stringWidth(', 'slow = function stringWidth(')}
}
export default withFastPath((text, options) => {
	if (!slow) load();
	return slow(text, options);
});
`,
						loader: 'js',
						resolveDir: dirname(args.path),
					};
				});
				// Ink's output splits lines into graphemes: plain lines without ICU
				// (source/ui/graphemes.ts).
				const graphemes = JSON.stringify(resolve('source/ui/graphemes.ts'));
				for (const [filter, from] of [
					[/[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });'],
					[/[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});"],
				]) {
					b.onLoad({filter}, (args) => {
						const source = readFileSync(args.path, 'utf8');
						if (!source.includes(from)) throw new Error(`grapheme segmenter not found: ${args.path}`);
						const name = from.split(' ')[1];
						return {
							contents: `import {graphemeSegmenter as __graphemeSegmenter} from ${graphemes};\n${source.replace(from, `const ${name} = __graphemeSegmenter(() => new Intl.Segmenter(undefined, {granularity: 'grapheme'}));`)}`,
							loader: 'js',
							resolveDir: dirname(args.path),
						};
					});
				}
				// The style diff between neighbouring cells: equal styles answered at once
				// (source/ui/ansidiff.ts).
				b.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]diff\.js$/}, (args) => {
					const source = readFileSync(args.path, 'utf8');
					const from = 'export function diffAnsiCodes(from, to) {';
					if (!source.includes(from)) throw new Error(`ansi-tokenize's diff changed shape: ${args.path}`);
					return {
						contents: `${source.replace(from, 'function diffAnsiCodesSlow(from, to) {')}
import {withUnchangedFastPath} from ${JSON.stringify(resolve('source/ui/ansidiff.ts'))};
export const diffAnsiCodes = withUnchangedFastPath(diffAnsiCodesSlow);
`,
						loader: 'js',
						resolveDir: dirname(args.path),
					};
				});
				b.onLoad({filter: /^devtools$/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};'}));
				b.onLoad({filter: /^(session|ssh|buildkit|tar-fs)$/, namespace: 'stub'}, (args) => ({
					contents: `const missing = () => { throw new Error('${args.path} is not bundled in swarmtui'); };\nmodule.exports = new Proxy(missing, {get: (target, key) => (key in target || typeof key === 'symbol' || key === '__esModule' ? target[key] : missing)});`,
					loader: 'js',
				}));
			},
		},
	],
	// The launcher hands the bundle its own file URL (meow and yoga ask import.meta.url).
	define: {'process.env.NODE_ENV': '"production"', 'import.meta.url': '__swarmtuiUrl'},
	logLevel: 'warning',
});
// The executable's main script is the bundle after one line (scripts/package.mjs): a #!
// line would not parse there.
writeFileSync(appfile, readFileSync(appfile, 'utf8').replace(/^#!.*\n/, ''));
// The launcher is CommonJS: an ES module entry costs Node its ES module loader's set-up.
writeFileSync(`${outdir}/package.json`, '{"type": "commonjs"}\n');
await build({
	entryPoints: ['source/boot.ts'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node24',
	minify,
	logLevel: 'warning',
});
chmodSync(outfile, 0o755);
