// Bundles swarmtui (ESM: dist/swarmtui.js and the UI chunk in dist/chunks/): loading
// Ink's module graph file by file costs ~400 ms at start-up, a bundle about half that.
import {build} from 'esbuild';
import {chmodSync, readFileSync, rmSync} from 'node:fs';
import {dirname, resolve} from 'node:path';

const outdir = process.env.SWARMTUI_BUILD_OUTDIR ?? 'dist';
const outfile = `${outdir}/swarmtui.js`;
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
// One set of caches for every frame, started afresh when it grows large.
const inkSharedCaches = `const blankCell = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
let shared;
function sharedCaches() {
    if (!shared || shared.styledChars.size + shared.widths.size + shared.slices.size + shared.rows.size > 40000) shared = new OutputCaches();
    return shared;
}
`;
rmSync(`${outdir}/chunks`, {recursive: true, force: true});
await build({
	// The UI (Ink, React, yoga) is a chunk the CLI import()s while its first requests
	// are in flight (source/ui/start.tsx).
	entryPoints: {swarmtui: 'source/cli.tsx'},
	outdir,
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
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
				// Every copy of string-width (Ink's, wrap-ansi's, ours) answers plain and
				// box-drawing text at once and remembers the rest (source/ui/fastwidth.ts).
				b.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, (args) => {
					const source = readFileSync(args.path, 'utf8');
					if (!source.includes('export default function stringWidth(')) throw new Error(`string-width changed shape: ${args.path}`);
					const fast = JSON.stringify(resolve('source/ui/fastwidth.ts'));
					return {
						contents: `${source.replace('export default function stringWidth(', 'function stringWidthSlow(')}\nimport {withFastPath} from ${fast};\nexport default withFastPath(stringWidthSlow);\n`,
						loader: 'js',
						resolveDir: dirname(args.path),
					};
				});
				// yoga's WebAssembly sits in the file as a data: URI; its loader fetch()es it when
				// fetch exists, which loads undici (~40 ms at start). Without fetch it decodes it.
				b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/].*\.js$/}, (args) => {
					const source = readFileSync(args.path, 'utf8');
					if (!source.includes('typeof fetch')) throw new Error(`yoga's loader changed shape: ${args.path}`);
					return {contents: source.replaceAll('typeof fetch', 'typeof __swarmtuiNoFetch'), loader: 'js', resolveDir: dirname(args.path)};
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
				b.onLoad({filter: /^devtools$/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};'}));
				b.onLoad({filter: /^(session|ssh)$/, namespace: 'stub'}, (args) => ({
					contents: `module.exports = function () { throw new Error('${args.path} is not bundled in swarmtui'); };`,
					loader: 'js',
				}));
			},
		},
	],
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {
		js: [
			"import {createRequire as __createRequire} from 'node:module';",
			'const require = __createRequire(import.meta.url);',
		].join('\n'),
	},
	logLevel: 'warning',
});
chmodSync(outfile, 0o755);
