// Bundles swarmtui: dist/app.cjs (the CLI and everything it loads, one file: loading
// Ink's module graph file by file costs ~400 ms at start-up) and dist/swarmtui.js, the
// launcher that runs it with V8's code cache (source/boot.ts). CommonJS, because only a
// script (not an ES module) can be given a code cache on Node 20.
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {chmodSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';

const outdir = process.env.SWARMTUI_BUILD_OUTDIR ?? 'dist';
const outfile = `${outdir}/swarmtui.js`;
const appfile = `${outdir}/app.cjs`;
const minify = process.env.SWARMTUI_BUILD_MINIFY !== '0';

// Added to Ink's OutputCaches: clipped lines and whole rows remembered by content.
const inkCacheMethods = `    slices = new Map();
    rows = new Map();
    slice(line, from, to) {
        const key = from + ',' + to + ',' + line;
        let cached = this.slices.get(key);
        if (cached === undefined) {
            cached = sliceAnsi(line, from, to);
            this.slices.set(key, cached);
        }
        return cached;
    }
    rowString(line, y) {
        // The same cells as this row had last frame (cells come from the caches above, so
        // an unchanged row holds the very same objects): the same text.
        const previous = this.rows.get(y);
        if (previous && previous.cells.length === line.length) {
            let same = true;
            for (let x = 0; x < line.length; x++) {
                if (previous.cells[x] !== line[x]) {
                    same = false;
                    break;
                }
            }
            if (same) return previous.text;
        }
        const text = styledCharsToString(line.filter(item => item !== undefined)).trimEnd();
        this.rows.set(y, {cells: line, text});
        return text;
    }
`;
// One set of caches for every frame, started afresh when it grows large. An entry can be
// a whole line's styled characters (~100 bytes each): 40,000 of them grew to ~300 MB in
// the log view, where every frame brings new lines (the soak's memory climbed ~6 MB a
// minute, and with a 64 MB heap swarmtui ran out of memory). 5,000 hold many frames of
// panes, where most lines repeat.
const inkSharedCaches = `const blankCell = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
let shared;
function sharedCaches() {
    if (!shared || shared.styledChars.size + shared.widths.size + shared.slices.size + shared.rows.size > 5000) shared = new OutputCaches();
    return shared;
}
`;
// yoga's loader instantiates its WebAssembly asynchronously, and yoga's index awaits it at
// the top level, which a script cannot. Given the module at once (Node compiles
// WebAssembly synchronously), the loader finishes before it returns.
function yogaSync(indexPath) {
	const binary = readFileSync(resolve(dirname(indexPath), '../binaries/yoga-wasm-base64-esm.js'), 'utf8');
	const wasm = binary.match(/"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/);
	const from = 'const Yoga = wrapAssembly(await loadYoga());';
	const source = readFileSync(indexPath, 'utf8');
	if (!wasm || !binary.includes('h.instantiateWasm(') || !source.includes(from)) throw new Error(`yoga's loader changed shape: ${indexPath}`);
	return source.replace(
		from,
		`const yogaModule = {
	instantiateWasm(imports, receive) {
		receive(new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(${JSON.stringify(wasm[1])}, 'base64')), imports));
		return {};
	},
};
loadYoga(yogaModule);
if (!yogaModule.calledRun) throw new Error('yoga did not start');
const Yoga = wrapAssembly(yogaModule);`,
	);
}

// Builds before the launcher left a chunks folder beside the bundle.
rmSync(`${outdir}/chunks`, {recursive: true, force: true});
await build({
	entryPoints: ['source/cli.tsx'],
	outfile: appfile,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
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
				b.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, (args) => ({contents: yogaSync(args.path), loader: 'js', resolveDir: dirname(args.path)}));
				// Ink awaits its devtools (DEV=true only; stubbed) at the top level.
				b.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, (args) => {
					let source = readFileSync(args.path, 'utf8');
					for (const [from, to] of [
						["await import('./devtools.js');", 'void 0;'],
						['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
					]) {
						if (!source.includes(from)) throw new Error(`ink's reconciler changed shape (${from}): ${args.path}`);
						source = source.replace(from, to);
					}
					return {contents: source, loader: 'js', resolveDir: dirname(args.path)};
				});
				// Ink builds each frame's text from scratch: every line is tokenized into styled
				// characters, clipped and joined again, and its caches live for one frame only.
				// Shared across frames (bounded), an unchanged line or row costs a lookup. This
				// was most of a keypress on a large cluster (bench/results.json).
				b.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, (args) => {
					let source = readFileSync(args.path, 'utf8');
					const swaps = [
						['    caches = new OutputCaches();', '    caches = sharedCaches();'],
						['                            return sliceAnsi(line, from, to);', '                            return this.caches.slice(line, from, to);'],
						['        const generatedOutput = output\n            .map(line => {', '        const generatedOutput = output\n            .map((line, y) => {'],
						[
							'            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
							'            return this.caches.rowString(line, y);',
						],
						['    styledChars = new Map();\n', `    styledChars = new Map();\n${inkCacheMethods}`],
						// Blank cells: one shared object, not one allocation per cell per frame.
						[
							"                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
							'                row.push(blankCell);',
						],
					];
					for (const [from, to] of swaps) {
						if (!source.includes(from)) throw new Error(`ink's output.js changed shape (${from.trim().slice(0, 40)}…): ${args.path}`);
						source = source.replace(from, to);
					}
					return {contents: `${source}\n${inkSharedCaches}`, loader: 'js', resolveDir: dirname(args.path)};
				});
				// docker-modem calls url.parse() and url.resolve() on every tcp:// request; Node 24 warns about it
				// on the terminal (DEP0169). It gets the WHATWG parser instead (source/docker/legacyUrl.ts).
				b.onLoad({filter: /[\\/]docker-modem[\\/]lib[\\/](modem|http)\.js$/}, (args) => {
					const source = readFileSync(args.path, 'utf8');
					const count = (call) => source.split(call).length - 1;
					const expected = args.path.endsWith('modem.js') ? [2, 1] : [1, 1];
					if (count('url.parse(') !== expected[0] || count('url.resolve(') !== expected[1]) throw new Error(`docker-modem changed shape (url.parse/url.resolve calls): ${args.path}`);
					const helper = JSON.stringify(resolve('source/docker/legacyUrl.ts'));
					return {contents: `const {parseUrl: __parseUrl, resolveUrl: __resolveUrl} = require(${helper});\n${source.replaceAll('url.parse(', '__parseUrl(').replaceAll('url.resolve(', '__resolveUrl(')}`, loader: 'js', resolveDir: dirname(args.path)};
				});
				// meow sets up package.json normalisation (spdx licence tables, sorted with the
				// locale collator: ~13 ms) when it loads; it is only used if asked for cli.pkg.
				b.onLoad({filter: /[\\/]meow[\\/]build[\\/]dependencies\.js$/}, (args) => {
					const source = readFileSync(args.path, 'utf8');
					const from = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
					if (!source.includes(from)) throw new Error(`meow's dependencies changed shape: ${args.path}`);
					return {contents: source.replace(from, 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);'), loader: 'js', resolveDir: dirname(args.path)};
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
// The launcher wraps the bundle in a function: a #! line would not parse there.
const app = readFileSync(appfile, 'utf8').replace(/^#!.*\n/, '');
writeFileSync(appfile, app);
// The launcher is CommonJS: an ES module entry costs Node its ES module loader's set-up.
writeFileSync(`${outdir}/package.json`, '{"type": "commonjs"}\n');
await build({
	entryPoints: ['source/boot.ts'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	minify,
	define: {SWARMTUI_BUILD_ID: JSON.stringify(createHash('sha256').update(app).digest('hex').slice(0, 16))},
	logLevel: 'warning',
});
chmodSync(outfile, 0o755);
