// Bundles swarmtui into one ESM file: loading Ink's module graph file by file costs
// ~400 ms at start-up, one bundled file about half of that.
import {build} from 'esbuild';
import {chmodSync} from 'node:fs';

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
