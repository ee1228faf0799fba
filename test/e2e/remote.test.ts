// A manager reached the ways operators reach one from a laptop: ssh:// (a real sshd on
// node1's address) and tcp:// with mutual TLS (node1's engine behind the lab's own CA).
// Many log streams over one ssh link must not starve the polls; without an agent the
// operator is asked once; no ssh process outlives swarmtui; every failure is a sentence.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {dk, remote, until} from './lab.js';
import {runPlain, useTerminals} from './tmux.js';

const start = useTerminals();

const sshHost = `ssh://root@${remote.ip}`;
const tlsHost = `tcp://${remote.ip}:2376`;
const tlsFlags = ['--tlsverify', '--tlscacert', remote.tls.ca, '--tlscert', remote.tls.cert, '--tlskey', remote.tls.key];

/** ssh processes started for swarmtui (its sessions all name its private control path). */
const sshProcesses = (pattern = 'swarmtui-ssh-'): number[] => {
	try {
		return execFileSync('pgrep', ['-f', pattern], {encoding: 'utf8'}).split('\n').filter(Boolean).map(Number);
	} catch {
		return [];
	}
};
const logins = () => (readFileSync(remote.sshdLog, 'utf8').match(/Accepted publickey/g) ?? []).length;

/** The header's data age in seconds, or Infinity if it does not say "live". */
const liveAge = (screen: string) => {
	const match = /● live (\d+)s/.exec(screen.split('\n')[0] ?? '');
	return match ? Number(match[1]) : Infinity;
};

describe('over ssh', () => {
	it('logs in once, carries every request and stream over that login, and leaves no ssh process behind', async () => {
		const before = logins();
		const term = start(['--host', sshHost], {columns: 150, rows: 30, env: {SWARMTUI_SSH: remote.ssh}});
		await term.waitFor(/monitor\s+global/);
		expect(term.screen()).toContain(`→ ${sshHost}`);
		// Open logs, go back, open again: new sessions, no new login.
		term.type('l');
		await term.waitFor('Logs · stack shop');
		term.keys('Escape');
		await term.waitFor(/monitor\s+global/);
		expect(logins() - before).toBe(1);
		expect(sshProcesses().length).toBeGreaterThan(0);

		// The ssh session drops (SIGHUP): swarmtui exits and every ssh process with it.
		const pid = term.appPid();
		if (!pid || pid <= 1) throw new Error('swarmtui process not found in the pane');
		process.kill(pid, 'SIGHUP');
		await term.waitFor('[exit 0]');
		await until('the ssh processes to end', () => sshProcesses().length === 0, 5000, 100);
	});

	it('keeps the panes live with the logs of twenty services open, and Esc leaves the logs', async () => {
		const names = Array.from({length: 20}, (_, i) => `many_s${i + 1}`);
		try {
			for (const name of names) {
				dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--name', name, '--label', 'com.docker.stack.namespace=many', '--stop-grace-period', '1s',
					'swarmtui-lab/busybox:1', 'sh', '-c', `while true; do echo "${name} says hello"; sleep 1; done`);
			}
			await until('the twenty services to run', () => names.every((name) => /^1\/1/.test(dk('service', 'ls', '--filter', `name=${name}`, '--format', '{{.Replicas}}'))), 120_000, 1000);
			const term = start(['--host', sshHost], {columns: 150, rows: 40, env: {SWARMTUI_SSH: remote.ssh}});
			await term.waitFor(/many_s1\s+replicated/);
			// The stack's header row, then its logs: twenty streams over one ssh login.
			term.type(':svc many');
			term.keys('Enter');
			await term.waitFor(/▾ many \(20\)/);
			term.type('l');
			await term.waitFor('Logs · stack many');
			await term.waitFor(/many_s\d+\.1@node\d\s+›?many_s\d+ says hello/, 30_000);
			// Fifteen seconds while the twenty streams open and run (the lab's sshd takes about
			// a second a session): the polls go on, the data is never older than a few
			// refreshes, and the header never says the answers stopped.
			const ages: number[] = [];
			for (let i = 0; i < 15; i++) {
				await new Promise((resolve) => setTimeout(resolve, 1000));
				ages.push(liveAge(term.screen()));
			}
			expect(Math.max(...ages), `ages ${ages.join(' ')}`).toBeLessThanOrEqual(8);
			// A change made meanwhile shows as soon as the operator is back in the panes.
			dk('service', 'scale', '--detach', 'many_s1=2');
			term.keys('Escape');
			await term.waitFor(/many_s1\s+replicated\s+2\/2/, 20_000);
			expect(term.screen()).not.toContain('[exit');
		} finally {
			for (const name of names) {
				try {
					dk('service', 'rm', name);
				} catch {
					// not created
				}
			}
		}
	}, 240_000);

	it('without an agent or key asks for the password once, then fails with one sentence and no ssh left', async () => {
		const term = start(['--host', sshHost], {columns: 150, rows: 30, env: {SWARMTUI_SSH: remote.sshNoKey, SSH_AUTH_SOCK: ''}});
		await term.waitFor(`root@${remote.ip}'s password:`);
		// One prompt, one ssh process asking it: not four.
		expect(sshProcesses('config-nokey').length).toBe(1);
		term.type('not-the-password');
		term.keys('Enter');
		const screen = await term.waitFor('[exit 1]', 20_000);
		expect(screen).toContain(`swarmtui: ssh to ${remote.ip} failed: root@${remote.ip}: Permission denied`);
		expect(screen).toContain('ssh-add');
		expect(screen.match(/password:/g)).toHaveLength(1);
		await until('no ssh process left', () => sshProcesses('config-nokey').length === 0, 5000, 100);
	});

	it("says ssh's own reason when nothing listens", async () => {
		const result = await runPlain(['--host', 'ssh://root@127.0.0.1:2223'], {SWARMTUI_SSH: remote.ssh});
		expect(result.code).toBe(1);
		expect(result.stderr).toBe('swarmtui: ssh to 127.0.0.1 failed: ssh: connect to host 127.0.0.1 port 2223: Connection refused\n');
	});
});

describe('over mutual TLS', () => {
	it('shows the panes and the logs of several services', async () => {
		const term = start(['--host', tlsHost, ...tlsFlags], {columns: 150, rows: 30});
		await term.waitFor(/monitor\s+global/);
		expect(term.screen()).toContain(`→ ${tlsHost}`);
		expect(term.screen()).not.toContain('unverified');
		// The shop stack: shop_api and shop_web at once.
		term.type('l');
		await term.waitFor('Logs · stack shop');
		await term.waitFor(/shop_api\.\d@node\d\s+›?api request/, 20_000);
		term.keys('Escape');
		await term.waitFor(/monitor\s+global/);
	});

	it('refuses what cannot be trusted or reached, each with one sentence', async () => {
		const cases: Array<[string[], Record<string, string>, string]> = [
			[['--host', tlsHost, '--tlsverify', '--tlscacert', remote.tls.otherCa, '--tlscert', remote.tls.cert, '--tlskey', remote.tls.key], {}, `swarmtui: the engine's certificate at ${tlsHost} is not signed by the CA in ${remote.tls.otherCa}: check --tlscacert (or ca.pem in DOCKER_CERT_PATH)`],
			[['--host', tlsHost, '--tlsverify', '--tlscacert', remote.tls.ca], {}, `swarmtui: the engine at ${tlsHost} requires a client certificate: give --tlscert and --tlskey (or cert.pem and key.pem in DOCKER_CERT_PATH)`],
			[['--host', tlsHost], {}, `swarmtui: the engine at ${tlsHost} closed the connection (ECONNRESET): if it expects TLS (port 2376 usually does), use --tlsverify with its certificates`],
			[['--host', tlsHost, '--tlsverify'], {DOCKER_CERT_PATH: '/nonexistent'}, 'swarmtui: could not read the CA certificate /nonexistent/ca.pem (DOCKER_CERT_PATH): no such file'],
		];
		for (const [args, env, message] of cases) {
			const result = await runPlain(args, env);
			expect(result.code, message).toBe(1);
			expect(result.stderr).toBe(`${message}\n`);
		}
	});
});

describe('the command line', () => {
	it('stops on a mistyped flag, naming the nearest, with status 2 and nothing done', async () => {
		const cases: Array<[string[], string]> = [
			[['--readonly'], "swarmtui: unknown flag: --readonly (did you mean --read-only?)\nSee 'swarmtui --help'.\n"],
			[['--bogus'], "swarmtui: unknown flag: --bogus\nSee 'swarmtui --help'.\n"],
			[['-z'], "swarmtui: unknown shorthand flag: 'z' in -z\nSee 'swarmtui --help'.\n"],
			[['logs', '--bogus', 'shop_api'], "swarmtui: unknown flag: --bogus\nSee 'swarmtui --help'.\n"],
			[['--config', '/nonexistent.json'], 'swarmtui: the config file /nonexistent.json (--config) does not exist; swarmtui --print-config > /nonexistent.json writes one\n'],
			[['--log-tail', 'abc'], 'swarmtui: --log-tail must be a whole number from 0 to 100000 (got "abc")\n'],
		];
		for (const [args, stderr] of cases) {
			const result = await runPlain(args);
			expect(result.code, args.join(' ')).toBe(2);
			expect(result.stderr).toBe(stderr);
		}
	});
});
