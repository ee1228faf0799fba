// `L` on a node, on the real CLI and the lab: a label added with key=value, then removed
// with -key completed by Tab; the engine's node spec is the judge. Read-only refuses.
import {afterAll, describe, expect, it} from 'vitest';
import {dk, manager, until} from './lab.js';
import {useTerminals} from './tmux.js';

const start = useTerminals();
const labels = (node: string) => JSON.parse(dk('node', 'inspect', node, '--format', '{{json .Spec.Labels}}')) as Record<string, string>;

afterAll(() => {
	try {
		dk('node', 'update', '--label-rm', 'e2e.zone', 'node2');
	} catch {
		// not there
	}
});

async function onNode2(args: string[] = []) {
	const term = start(['--host', manager, ...args], {columns: 150, rows: 40});
	await term.waitFor(/monitor\s+global/);
	term.type(':nodes node2');
	term.keys('Enter');
	await term.waitFor(/▌node2/);
	return term;
}

describe('L: node labels', () => {
	it('adds a label with key=value and removes it with -key, Tab completing the key', async () => {
		expect(labels('node2')?.['e2e.zone']).toBeUndefined();
		const term = await onNode2();
		term.keys('L');
		await term.waitFor('Label node2: key=value to add or change, -key to remove');
		term.type('e2e.zone=a');
		term.keys('Enter');
		await until('the label on node2', () => labels('node2')?.['e2e.zone'] === 'a', 20_000, 300);
		await term.waitFor('node2: label e2e.zone=a set', 20_000);
		term.keys('L');
		await term.waitFor('now: e2e.zone=a');
		term.type('-e2e.z');
		term.keys('Tab');
		await term.waitFor(/> -e2e\.zone(█|\s)/);
		term.keys('Enter');
		await until('the label gone from node2', () => !('e2e.zone' in (labels('node2') ?? {})), 20_000, 300);
		await term.waitFor('node2: label e2e.zone removed', 20_000);
	});

	it('refuses in read-only mode and on a bad entry, changing nothing', async () => {
		const before = dk('node', 'inspect', 'node2', '--format', '{{.Version.Index}}');
		const readOnly = await onNode2(['--read-only']);
		readOnly.keys('L');
		await readOnly.waitFor('read-only mode');
		const term = await onNode2();
		term.keys('L');
		term.type('no-equals-sign');
		term.keys('Enter');
		await term.waitFor('key=value to add or change a label, -key to remove one');
		term.keys('Escape');
		expect(dk('node', 'inspect', 'node2', '--format', '{{.Version.Index}}')).toBe(before);
	});
});
