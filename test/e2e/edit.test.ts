// `e` on the real CLI on the lab, with EDITOR set to small scripts that edit the file the
// way a person would: an env entry added is shown as a change and applied; a save with
// no change sends nothing; a file that does not parse reopens the editor with the error
// on top, and giving up sends nothing; a change made from the docker CLI while the editor
// is open is shown and nothing of the edit is sent over it; `y` opens the editor on the
// current spec with the edit carried over and applies it, any other key drops it.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dk, docker, manager, until} from './lab.js';
import {editorScripts} from './editors.js';
import {useTerminals} from './tmux.js';

const start = useTerminals();
const service = 'e2e_edit';
const {dir, editor} = editorScripts();
const spec = () => JSON.parse(dk('service', 'inspect', service, '--format', '{{json .Spec}}')) as {Labels?: Record<string, string>; TaskTemplate: {ContainerSpec: {Env?: string[]}}};
const version = () => Number(dk('service', 'inspect', service, '--format', '{{.Version.Index}}'));

// Adds an env entry under the container spec, as a person would type it.
const addEnv = (entry: string) =>
	`if grep -q '^    Env:$' "$1"; then sed -i 's|^    Env:$|    Env:\\n      - ${entry}|' "$1"; else sed -i 's|^    Image: \\(.*\\)$|    Image: \\1\\n    Env:\\n      - ${entry}|' "$1"; fi`;

beforeAll(async () => {
	try {
		dk('service', 'rm', service);
	} catch {
		// not there
	}
	dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--stop-grace-period', '1s', '--name', service, 'swarmtui-lab/busybox:1', 'sleep', '3600');
	await until('the service to run', () => dk('service', 'ls', '--filter', `name=${service}`, '--format', '{{.Replicas}}') === '1/1', 60_000, 500);
});
afterAll(() => {
	try {
		dk('service', 'rm', service);
	} catch {
		// gone
	}
});

async function openEdit(editorPath: string) {
	const term = start(['--host', manager], {columns: 150, rows: 40, env: {EDITOR: editorPath, VISUAL: ''}});
	await term.waitFor(new RegExp(`${service}\\s+replicated`));
	term.type(`/${service}`);
	term.keys('Enter', 'e');
	return term;
}

describe('e: the spec in $EDITOR', () => {
	it('an env entry added is shown as a change, and y applies it', async () => {
		const before = version();
		const term = await openEdit(editor('add-env.sh', addEnv('E2E_EDIT=1')));
		await term.waitFor(`Apply 1 change to ${service}?`, 20_000);
		expect(term.screen()).toContain('+ env E2E_EDIT=1');
		expect(version()).toBe(before);
		term.keys('y');
		await until('the env entry in the spec', () => spec().TaskTemplate.ContainerSpec.Env?.includes('E2E_EDIT=1'), 20_000, 300);
	});

	it('a save with no change sends nothing', async () => {
		const before = version();
		const term = await openEdit(editor('unchanged.sh', 'true'));
		await term.waitFor(`${service}: nothing changed; nothing sent`, 20_000);
		expect(version()).toBe(before);
	});

	it('a file that does not parse reopens the editor with the error on top; giving up sends nothing', async () => {
		const before = version();
		const seen = join(dir, 'seen-error.txt');
		// First time: breaks the YAML. Second time (the error on top): keeps it, gives up.
		const path = editor('broken.sh', `printf 'Mode: [\\n' >> "$1"`, `grep '^# ! ' "$1" > ${seen}; exit 0`);
		const term = await openEdit(path);
		await term.waitFor(`${service}: edit dropped; nothing sent`, 20_000);
		expect(existsSync(seen)).toBe(true);
		expect(readFileSync(seen, 'utf8')).toMatch(/^# ! line \d+: /);
		expect(version()).toBe(before);
	});

	it('a change made meanwhile is shown, nothing is sent over it, and y carries the edit onto the current spec', async () => {
		const marker = join(dir, 'changed-once');
		// A person saving again: the entry typed once (sed rewrites the file: it is written).
		const path = editor('meanwhile.sh', `if [ ! -f ${marker} ]; then touch ${marker}; ${docker} -H ${manager} service update --detach --quiet --label-add e2e.other=1 ${service} >/dev/null; fi\nsed -i '/E2E_SECOND=2/d' "$1"\n${addEnv('E2E_SECOND=2')}`);
		const term = await openEdit(path);
		await term.waitFor(`Apply 1 change to ${service}?`, 20_000);
		term.keys('y');
		await term.waitFor(new RegExp(`${service} changed while you edited it\\. Edit again on top of the current spec\\?`), 20_000);
		expect(term.screen()).toContain('+ Labels.e2e.other: 1');
		expect(spec().Labels?.['e2e.other']).toBe('1');
		expect(spec().TaskTemplate.ContainerSpec.Env ?? []).not.toContain('E2E_SECOND=2');
		const other = version();
		term.keys('y');
		// The editor opened on the current spec with the edit carried over: one change left.
		await term.waitFor(`Apply 1 change to ${service}?`, 20_000);
		expect(term.screen()).toContain('+ env E2E_SECOND=2');
		expect(version()).toBe(other);
		term.keys('y');
		await until('the edit on top of the other change', () => spec().TaskTemplate.ContainerSpec.Env?.includes('E2E_SECOND=2'), 20_000, 300);
		expect(spec().Labels?.['e2e.other']).toBe('1');
		expect(spec().TaskTemplate.ContainerSpec.Env).toContain('E2E_EDIT=1');
	});

	it('a change made meanwhile: any other key drops the edit', async () => {
		const marker = join(dir, 'changed-twice');
		const path = editor('meanwhile-drop.sh', `if [ ! -f ${marker} ]; then touch ${marker}; ${docker} -H ${manager} service update --detach --quiet --label-add e2e.third=1 ${service} >/dev/null; fi\n${addEnv('E2E_DROPPED=1')}`);
		const term = await openEdit(path);
		await term.waitFor(`Apply 1 change to ${service}?`, 20_000);
		term.keys('y');
		await term.waitFor(/Edit again on top of the current spec\?/, 20_000);
		const after = version();
		term.keys('n');
		await term.waitFor((screen) => !screen.includes('Edit again on top'), 10_000);
		expect(version()).toBe(after);
		expect(spec().TaskTemplate.ContainerSpec.Env ?? []).not.toContain('E2E_DROPPED=1');
	});
});
