// Logs through the real CLI on the lab swarm: aggregated prefixes, following across a
// force-update, hostile output, and the plain `swarmtui logs` command.
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dk, manager, until} from './lab.js';
import {cli, useTerminals} from './tmux.js';

const exec = promisify(execFile);
const evil = 'e2e_evil';
const start = useTerminals();
const run = (columns = 140, rows = 36) => {
	const term = start(['--host', manager], {columns, rows});
	return term;
};

// Prints, every second, every kind of escape sequence a hostile or broken program can
// send: clear screen, cursor home, title, hyperlink, clipboard (OSC 52), DCS, alternate
// screen off, bell, NUL; then a red word.
const script = String.raw`while true; do printf '\033[2J\033[H\033]0;pwned\007\033]8;;http://evil\007link\033]8;;\007\033]52;c;cGF3bmVk\007\033P1$r\033\\\033[?1049l\033[5;5H\007\000 \033[31mred\033[0m evil-line\n'; sleep 1; done`;

beforeAll(async () => {
	try {
		dk('service', 'rm', evil);
	} catch {
		// not there
	}
	dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--stop-grace-period', '1s', '--name', evil, 'swarmtui-lab/busybox:1', 'sh', '-c', script);
	await until('the hostile service to run', () => dk('service', 'ls', '--filter', `name=${evil}`, '--format', '{{.Replicas}}') === '1/1', 60_000, 500);
});
afterAll(() => {
	try {
		dk('service', 'rm', evil);
	} catch {
		// gone
	}
});

const taskPrefixes = (service: string) =>
	dk('service', 'ps', service, '--filter', 'desired-state=running', '--format', '{{.Name}}@{{.Node}}').split('\n').filter(Boolean);

describe('logs on the lab swarm', () => {
	it('following a stack shows lines of all its tasks with service.slot@node prefixes', async () => {
		const term = run();
		await term.waitFor(/monitor\s+global/);
		term.keys('g', 'l'); // the first row is the stack
		await term.waitFor('Logs · stack shop');
		for (const prefix of taskPrefixes('shop_api')) await term.waitFor(new RegExp(`${prefix.replace('.', '\\.')}\\s+api request \\d+`), 15_000);
		expect(term.screen()).toContain('following');
	});

	it('keeps following through a force-update: the new tasks\' lines arrive by themselves', async () => {
		const term = run();
		await term.waitFor(/monitor\s+global/);
		term.type('/shop_api');
		term.keys('Enter', 'l');
		await term.waitFor(/shop_api\.\d@node\d\s+api request/);
		const containers = () => new Set([...term.screen().matchAll(/api request \d+ on (\w+)/g)].map((m) => m[1]));
		const old = containers();
		dk('service', 'update', '--detach', '--force', 'shop_api');
		await term.waitFor(/task shop_api\.\d@node\d joined/, 60_000);
		await until('a line from a new container', () => [...containers()].some((c) => !old.has(c)), 60_000, 250);
		expect(term.screen()).toContain('following');
	});

	it('a service printing escape sequences leaves the screen intact', async () => {
		const term = run(100, 30);
		await term.waitFor(/monitor\s+global/);
		term.type(`/${evil}`);
		term.keys('Enter', 'l');
		await term.waitFor(/evil-line/);
		await new Promise((resolve) => setTimeout(resolve, 2500)); // a few more hostile lines
		const screen = term.screen();
		const lines = screen.split('\n');
		expect(lines[0]).toMatch(/^ swarmtui/); // nothing cleared or moved the header
		expect(lines[1]).toMatch(/^╭─ Logs · e2e_evil/);
		expect(screen).toContain('link␇␀ red evil-line'); // BEL and NUL shown, not sent
		expect(term.alternateOn()).toBe(true); // \e[?1049l did not leave the alternate screen
		expect(term.title()).not.toContain('pwned');
		term.keys('Escape');
		await term.waitFor(/Tasks · e2e_evil/);
	});

	it('swarmtui logs merges several services on stdout with prefixes and no escape sequences', async () => {
		const {stdout} = await exec('node', [cli, '--host', manager, 'logs', 'shop_api', evil, '--tail', '3'], {timeout: 30_000});
		const lines = stdout.trim().split('\n');
		expect(lines.some((l) => /^shop_api\.\d@node\d +\| api request \d+/.test(l))).toBe(true);
		expect(lines.some((l) => /^e2e_evil\.1@node\d +\| .*evil-line/.test(l))).toBe(true);
		expect(stdout).not.toMatch(/\u001b/);
		const follow = await exec('timeout', ['4', 'node', cli, '--host', manager, 'logs', 'shop_api', '-f', '--tail', '0', '-t'], {timeout: 30_000}).catch((e) => e as {stdout: string});
		expect(follow.stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z shop_api\.\d@node\d +\| api request/m);
	});
});
