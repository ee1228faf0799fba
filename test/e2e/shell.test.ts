// A shell in a task's container from the real CLI on the lab, in tmux: on the node
// swarmtui is connected to, on a worker through the config file's nodeHosts, and on a
// worker over ssh. In each,
// the container's hostname (its ID) proves where the command ran, a resize reaches the
// shell's own TTY, and after `exit` swarmtui is back with the same selection. Connected
// over ssh://, a worker is reached by ssh to its address (lab.sh remote runs an sshd in
// every node's namespace). Read-only
// mode refuses, and a task on a node with no route says how to reach it.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {docker, manager, remote, socket} from './lab.js';
import {execFileSync} from 'node:child_process';
import {useTerminals} from './tmux.js';

const start = useTerminals();

/** The monitor (global) task's container on lab node N, as the node's engine names it. */
const containerOn = (node: number) =>
	execFileSync(docker, ['-H', `unix://${socket(node)}`, 'ps', '--filter', 'label=com.docker.swarm.service.name=monitor', '--format', '{{.ID}}'], {encoding: 'utf8'}).trim().split('\n')[0] as string;

function config(settings: Record<string, unknown>): string {
	const dir = mkdtempSync(join(tmpdir(), 'swarmtui-e2e-shell-'));
	const path = join(dir, 'config.json');
	writeFileSync(path, JSON.stringify(settings));
	return path;
}

/** The monitor service's task on `node`, selected in the tasks pane. */
async function selectMonitorTask(term: ReturnType<typeof start>, node: string) {
	await term.waitFor(/monitor\s+global/);
	term.type('/monitor');
	term.keys('Enter', 'Enter'); // the filter, then the tasks of the service
	await term.waitFor(/Tasks · monitor/);
	term.type(`/${node}`);
	term.keys('Enter');
	await term.waitFor(new RegExp(`▌monitor\\.\\w+\\s+${node}`));
}

async function shellRoundTrip(term: ReturnType<typeof start>, node: string, container: string) {
	const selectedRow = (screen: string) => /▌(monitor\.\w+)\s+(node\d)/.exec(screen)?.slice(1, 3);
	const row = selectedRow(term.screen());
	expect(row?.[1]).toBe(node);
	term.keys('E');
	await term.waitFor(/^[~/] #\s*$/m, 20_000); // busybox's root prompt: swarmtui handed the terminal over
	expect(term.alternateOn()).toBe(false);
	term.type('hostname');
	term.keys('Enter');
	await term.waitFor(new RegExp(`^${container}$`, 'm'));
	term.resize(97, 31);
	// The size as the shell's TTY has it, read until the resize has landed (over ssh it
	// travels a session of its own).
	term.type('for i in 1 2 3 4 5 6 7 8; do stty size; sleep 0.5; done');
	term.keys('Enter');
	await term.waitFor(/^31 97$/m);
	await term.waitFor(/^[~/] #\s*$/m);
	term.type('exit');
	term.keys('Enter');
	const back = await term.waitFor(new RegExp(`ash in monitor@${node}: exit 0`), 20_000);
	expect(term.alternateOn()).toBe(true);
	// The same row still selected, the filters kept.
	expect(selectedRow(back)).toEqual(row);
	expect(back).toMatch(/Tasks · monitor .*\/node\d|\/node\d.*Tasks · monitor/s);
	// The activity list has the session.
	term.type(':events');
	term.keys('Enter');
	const listed = await term.waitFor(new RegExp(`✔ ash in monitor@${node} \\((the connected engine|nodeHosts unix://|ssh root@)`));
	// The list shows its selected entry whole below it; engine events that came after the
	// session (a node's status update) are above it: select the session's row.
	const rows = listed.split('\n').filter((line) => /^│[▌ ]\d\d:\d\d:\d\d/.test(line));
	const at = rows.findIndex((line) => line.includes(`ash in monitor@${node}`));
	for (let i = 0; i < at; i++) term.type('j');
	const events = await term.waitFor(new RegExp(`▌[^\n]*ash in monitor@${node}`));
	expect(events.replace(/\s+/g, ' ')).toMatch(/ second[s]?: exit 0/);
}

describe('a shell in a task', () => {
	it('on the node swarmtui is connected to: its own container, resized, and back to the same place', async () => {
		const term = start(['--host', manager, '--config', config({})], {columns: 150, rows: 40});
		await selectMonitorTask(term, 'node1');
		await shellRoundTrip(term, 'node1', containerOn(1));
	});

	it('on a worker through nodeHosts', async () => {
		const term = start(['--host', manager, '--config', config({nodeHosts: {node2: `unix://${socket(2)}`}})], {columns: 150, rows: 40});
		await selectMonitorTask(term, 'node2');
		await shellRoundTrip(term, 'node2', containerOn(2));
	});

	it('on a worker over ssh, when connected over ssh://: the node\'s address, the same user', async () => {
		const term = start(['--host', `ssh://root@${remote.ip}`, '--config', config({})], {columns: 150, rows: 40, env: {SWARMTUI_SSH: remote.ssh}});
		await selectMonitorTask(term, 'node3');
		await shellRoundTrip(term, 'node3', containerOn(3));
		expect(term.screen()).toMatch(/ssh root@192\.168\.213\.13/);
	});

	it('says how to reach a node it has no route to, and refuses in read-only mode', async () => {
		const term = start(['--host', manager, '--config', config({})], {columns: 150, rows: 40});
		await selectMonitorTask(term, 'node3');
		term.keys('E');
		await term.waitFor(/node3: no route to its engine: set "nodeHosts"/, 20_000);
		// The whole sentence, with the command to copy, in the activity list.
		term.type(':events');
		term.keys('Enter');
		await term.waitFor(/ssh 192\.168\.213\.13 docker exec -it [0-9a-f]{12} sh/);
		expect(term.alternateOn()).toBe(true);
		const readOnly = start(['--host', manager, '--read-only', '--config', config({})], {columns: 150, rows: 40});
		await selectMonitorTask(readOnly, 'node1');
		readOnly.keys('E');
		await readOnly.waitFor(/read-only mode/);
		expect(readOnly.alternateOn()).toBe(true);
	});
});
