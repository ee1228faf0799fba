// Bundles swarmtui into one ESM file: loading Ink's module graph file by file costs
// ~400 ms at start-up, one bundled file about half of that.
import {build} from 'esbuild';
import {chmodSync, readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';

const outfile = 'dist/swarmtui.js';
await build({
	entryPoints: ['source/cli.tsx'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minify: true,
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
