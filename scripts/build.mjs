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
	minifySyntax: true,
	legalComments: 'none',
	// Native addons stay outside; react-devtools-core (Ink's DEV=true only) is stubbed.
	external: ['ssh2', 'cpu-features'],
	plugins: [
		{
			name: 'stub-devtools',
			setup(b) {
				b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'stub', namespace: 'stub'}));
				b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};'}));
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
