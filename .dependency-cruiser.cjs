// The layer rules of the README's layout, checked in `npm test` (scripts/test.mjs):
// data flows one way, docker -> model -> actions -> ui -> cli, and nothing goes round.
// Type-only imports count too: a model that needs a UI type has its type in the wrong room.
const layer = (name) => `^source/${name}/`;
const io = ['^(node:)?(fs|net|tls|http|https|child_process|os|dgram|dns|worker_threads|readline)(/|$)', '^dockerode', '^docker-modem', '^ssh2'];
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{name: 'no-cycles', severity: 'error', comment: 'an import cycle: break it with a module of shared types', from: {path: '^source/'}, to: {circular: true}},
		{
			name: 'model-is-pure',
			severity: 'error',
			comment: 'source/model/ is cluster state and figures: no engine, no actions, no UI, no I/O, no React',
			from: {path: layer('model')},
			to: {path: [layer('actions'), layer('ui'), '^source/cli', '^source/config', '^(react|ink)(/|$)', ...io]},
		},
		{
			name: 'model-reads-only-docker-types',
			severity: 'error',
			comment: 'the model may name the engine\'s types, never call it',
			from: {path: layer('model')},
			to: {path: layer('docker'), pathNot: '^source/docker/types\\.ts$'},
		},
		{
			name: 'docker-is-the-bottom',
			severity: 'error',
			comment: 'source/docker/ talks to the engine and knows nothing above it',
			from: {path: layer('docker')},
			to: {path: [layer('model'), layer('actions'), layer('ui'), layer('keys'), '^source/cli', '^source/config', '^(react|ink)(/|$)']},
		},
		{
			name: 'actions-below-ui',
			severity: 'error',
			comment: 'source/actions/ changes the swarm; it never draws',
			from: {path: layer('actions')},
			to: {path: [layer('ui'), '^source/cli', '^(react|ink)(/|$)']},
		},
		{
			name: 'ui-no-engine',
			severity: 'error',
			comment: 'views render state and call actions; only source/docker/ talks to the engine (types and the names of streams are allowed)',
			from: {path: layer('ui')},
			to: {path: [...io, '^source/cli', '^source/logs-command', '^source/docker/(?!types\\.ts$|logfollow\\.ts$|contexts\\.ts$)']},
		},
		{
			name: 'keys-and-config-not-ui',
			severity: 'error',
			comment: 'the keymap and the config file are not UI code',
			from: {path: ['^source/config', layer('keys')]},
			to: {path: [layer('ui'), '^(react|ink)(/|$)']},
		},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		exclude: {path: '^(dist|node_modules)'},
	},
};
