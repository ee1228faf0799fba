// Brings the lab swarm up (and seeds it) before the end-to-end tests; takes it down
// afterwards only if it was not already running. A missing engine fails the run.
import {existsSync} from 'node:fs';
import {cliReplicas, dk, lab, socket, until} from './lab.js';

export default async function setup() {
	if (process.getuid?.() !== 0) {
		throw new Error('end-to-end tests need root to run the lab swarm (network namespaces, dockerd); run them as root, or run `npm run test:unit` for the rest');
	}
	// A fresh machine: install the engine, busybox and tmux (Debian packages).
	lab('install');
	const wasUp = existsSync(socket(1)) && (() => {
		try {
			return dk('info', '--format', '{{.Swarm.LocalNodeState}}') === 'active';
		} catch {
			return false;
		}
	})();
	if (!wasUp) lab('up', '--nodes', '3');
	lab('seed');
	// node1 over ssh and mutual TLS, for the remote tests.
	lab('remote');
	// A lab left behind by an earlier run may have extra managers: back to one (node1),
	// which the tests expect.
	await until('only node1 to be a manager', () => {
		const managers = dk('node', 'ls', '--filter', 'role=manager', '--format', '{{.Hostname}}').split('\n').filter(Boolean);
		for (const host of managers.filter((h) => h !== 'node1')) {
			try {
				dk('node', 'demote', host);
			} catch {
				// raft may still be settling: try again
			}
		}
		return managers.length === 1 && managers[0] === 'node1';
	}, 120_000, 2000);
	// Wait until the seeded services have converged, so screens can be compared.
	await until('the seeded services to converge', () => {
		const replicas = cliReplicas();
		return ['shop_web', 'shop_api', 'monitor'].every((name) => {
			const [running, desired] = (replicas[name] ?? '0/1').split('/');
			return running === desired;
		});
	}, 90_000, 500);
	return () => {
		if (!wasUp && !process.env['SWARMTUI_KEEP_LAB']) lab('down');
	};
}
