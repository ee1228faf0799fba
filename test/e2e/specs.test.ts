// #16 on the real CLI and the lab, the engine as the judge: `e` on a node (labels and
// availability), `:new service` from the template (and a spec the engine refuses
// reopening the editor with the error), `c` (a copy under a new name), and
// secrets and configs: created from a file and from a hidden prompt (the value reaches
// the container, never the screen), rotated on a service that uses one (its spec names
// the new version with the same file, uid, gid and mode; its task is replaced and reads
// the new value), the old one removed after; removal refused while used; read-only
// refuses. EDITOR is set to small scripts that edit the file as a person would.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dk, manager, until} from './lab.js';
import {editorScripts} from './editors.js';
import {type Terminal, useTerminals} from './tmux.js';

const start = useTerminals();
const {dir, editor} = editorScripts();
const services = ['e2e_new', 'e2e_new-copy', 'e2e_port', 'e2e_sec', 'e2e_typed_check'];
const secrets = ['e2e_pw', 'e2e_pw.v2', 'e2e_typed'];
const quietly = (...args: string[]) => {
	try {
		dk(...args);
	} catch {
		// not there
	}
};
const inspect = <T>(kind: string, name: string, format = '{{json .}}') => JSON.parse(dk(kind, 'inspect', name, '--format', format)) as T;
const exists = (kind: string, name: string) => dk(kind, 'ls', '--format', '{{.Name}}').split('\n').includes(name);
const runningTasks = (service: string) => dk('service', 'ps', service, '--filter', 'desired-state=running', '--format', '{{.ID}} {{.CurrentState}}').split('\n').filter((line) => / Running /.test(line));
const logsOf = (service: string) => dk('service', 'logs', '--raw', service);

function cleanUp() {
	for (const service of services) quietly('service', 'rm', service);
	for (const secret of secrets) quietly('secret', 'rm', secret);
	quietly('config', 'rm', 'e2e_conf');
	quietly('config', 'rm', 'e2e_live');
	quietly('node', 'update', '--availability', 'active', '--label-rm', 'e2e.edited', 'node3');
}

beforeAll(cleanUp);
afterAll(cleanUp);

async function open(args: string[] = [], env: Record<string, string> = {}): Promise<Terminal> {
	const term = start(['--host', manager, ...args], {columns: 150, rows: 40, env: {VISUAL: '', ...env}});
	await term.waitFor(/monitor\s+global/);
	return term;
}

/** Moves the list's selection onto the row named `name`. */
async function select(term: Terminal, name: string) {
	const row = new RegExp(`▌${name.replace(/\./g, '\\.')}\\s`);
	for (let i = 0; i < 30 && !row.test(term.screen()); i++) {
		const before = term.screen();
		term.keys('j');
		await term.waitFor((screen) => screen !== before || row.test(screen), 5000).catch(() => undefined);
	}
	await term.waitFor(row, 5000);
}

async function openStore(term: Terminal, kind: 'secrets' | 'configs') {
	term.type(`:${kind}`);
	term.keys('Enter');
	await term.waitFor(new RegExp(`${kind[0]?.toUpperCase()}${kind.slice(1)} · \\d+`));
}

/** `n` in the list, the name typed: the value's prompt is up. */
async function newIn(kind: 'secrets' | 'configs', name: string): Promise<Terminal> {
	const term = await open();
	await openStore(term, kind);
	term.keys('n');
	await term.waitFor(`New ${kind.slice(0, -1)}: its name`);
	term.type(name);
	term.keys('Enter');
	await term.waitFor('the value from a file (type its path)');
	return term;
}

describe('e on a node', () => {
	it('labels and availability edited as YAML, shown as changes, applied to the node', async () => {
		const path = editor('node.sh', `sed -i 's/^Availability: active$/Availability: pause/; s/^Labels: {}$/Labels:/' "$1"\nsed -i '/^Labels:$/a\\  e2e.edited: "yes"' "$1"`);
		const term = await open([], {EDITOR: path});
		term.type(':nodes node3');
		term.keys('Enter');
		await term.waitFor(/▌node3/);
		term.keys('e');
		await term.waitFor('Apply 2 changes to node3?', 20_000);
		expect(term.screen()).toContain('Availability: active -> pause');
		expect(term.screen()).toContain('+ Labels.e2e.edited: yes');
		expect(inspect<string>('node', 'node3', '{{json .Spec.Availability}}')).toBe('active');
		term.keys('y');
		await until('node3 paused and labelled', () => {
			const spec = inspect<{Availability: string; Labels: Record<string, string>}>('node', 'node3', '{{json .Spec}}');
			return spec.Availability === 'pause' && spec.Labels['e2e.edited'] === 'yes';
		}, 20_000, 300);
		// The labels column shows it.
		term.keys('v');
		await term.waitFor(/node3 .*e2e\.edited=yes/, 10_000);
	});
});

describe(':new service and c', () => {
	it(':new service creates the service from the template as edited', async () => {
		const path = editor('new.sh', `sed -i 's/^Name: new-service$/Name: e2e_new/; s|^    Image: .*$|    Image: swarmtui-lab/busybox:1\\n    Command: [sleep, "3600"]|' "$1"\nsed -i '/^EndpointSpec:/,$d' "$1"`);
		const term = await open([], {EDITOR: path});
		term.type(':new service');
		term.keys('Enter');
		await term.waitFor('Create the service e2e_new?', 20_000);
		expect(term.screen()).toContain('+ Image: swarmtui-lab/busybox:1');
		expect(exists('service', 'e2e_new')).toBe(false);
		term.keys('y');
		await until('e2e_new running', () => dk('service', 'ls', '--filter', 'name=e2e_new', '--format', '{{.Name}} {{.Replicas}}').split('\n').includes('e2e_new 1/1'), 60_000, 500);
		const spec = inspect<{TaskTemplate: {ContainerSpec: {Env: string[]; Command: string[]}}}>('service', 'e2e_new', '{{json .Spec}}');
		expect(spec.TaskTemplate.ContainerSpec.Env).toEqual(['LOG_LEVEL=info']);
		expect(spec.TaskTemplate.ContainerSpec.Command).toEqual(['sleep', '3600']);
	});

	it('a spec the engine refuses (a published port in use) reopens the editor with its error on top; nothing is created', async () => {
		const seen = join(dir, 'refused.txt');
		// The template's port 8080 is the lab's shop_web's: the engine refuses it.
		const path = editor('port.sh', `sed -i 's/^Name: new-service$/Name: e2e_port/; s|^    Image: .*$|    Image: swarmtui-lab/busybox:1|' "$1"`, `grep '^# ! ' "$1" > ${seen}; exit 0`);
		const term = await open([], {EDITOR: path});
		term.type(':new service');
		term.keys('Enter');
		await term.waitFor('Create the service e2e_port?', 20_000);
		term.keys('y');
		await term.waitFor('new-service: edit dropped; nothing sent', 20_000);
		expect(readFileSync(seen, 'utf8')).toMatch(/^# ! .*8080.*in use/);
		expect(exists('service', 'e2e_port')).toBe(false);
	});

	it('c copies a service under a new name, the differences shown first', async () => {
		// Saved as it opened (a person's :wq).
		const path = editor('copy.sh', `sed -i 's/^Name:/Name:/' "$1"`);
		const term = await open([], {EDITOR: path});
		term.type('/e2e_new');
		term.keys('Enter');
		await term.waitFor(/[▌›]\s*e2e_new\s/);
		term.keys('c');
		await term.waitFor('Copy e2e_new: the new service\'s name');
		expect(term.screen()).toContain('e2e_new-copy');
		term.keys('Enter');
		await term.waitFor('Create e2e_new-copy, a copy of e2e_new with these changes?', 20_000);
		expect(term.screen()).toContain('Name: e2e_new -> e2e_new-copy');
		term.keys('y');
		await until('the copy running', () => dk('service', 'ls', '--filter', 'name=e2e_new-copy', '--format', '{{.Replicas}}') === '1/1', 60_000, 500);
		const copy = inspect<{TaskTemplate: {ContainerSpec: unknown}}>('service', 'e2e_new-copy', '{{json .Spec}}');
		const original = inspect<{TaskTemplate: {ContainerSpec: unknown}}>('service', 'e2e_new', '{{json .Spec}}');
		expect(copy.TaskTemplate.ContainerSpec).toEqual(original.TaskTemplate.ContainerSpec);
	});
});

describe('secrets and configs', () => {
	it('a config from a file: the engine holds the file\'s bytes', async () => {
		const file = join(dir, 'app.conf');
		writeFileSync(file, 'listen = 8080\nname = "e2e"\n');
		const term = await newIn('configs', 'e2e_conf');
		term.type(join(dir, 'missing.conf'));
		term.keys('Enter');
		await term.waitFor(`no file ${join(dir, 'missing.conf')}`);
		term.keys('C-u');
		term.type(file);
		term.keys('Enter');
		await until('the config', () => exists('config', 'e2e_conf'), 20_000, 300);
		const data = inspect<string>('config', 'e2e_conf', '{{json .Spec.Data}}');
		expect(Buffer.from(data, 'base64').toString('utf8')).toBe('listen = 8080\nname = "e2e"\n');
		await term.waitFor(/▌?\s?e2e_conf\s/, 10_000);
	});

	it('the list is live: a config made and removed with the docker CLI comes and goes, and is in the events list', async () => {
		const term = await open();
		await openStore(term, 'configs');
		const file = join(dir, 'live.conf');
		writeFileSync(file, 'live');
		dk('config', 'create', 'e2e_live', file);
		await term.waitFor(/e2e_live\s/, 15_000);
		dk('config', 'rm', 'e2e_live');
		await term.waitGone(/e2e_live\s/, 15_000);
		term.type(':events');
		term.keys('Enter');
		await term.waitFor(/config e2e_live\s.*remove/, 10_000);
	});

	it('a secret typed in the hidden prompt: dots on screen, the value in the container', async () => {
		const term = await newIn('secrets', 'e2e_typed');
		expect(term.screen()).toContain('or ⏎ to type the value (hidden)');
		term.keys('Enter');
		await term.waitFor('type the value (shown as dots');
		term.type('typed-value-42');
		await term.waitFor('> ••••••••••••••');
		expect(term.screen()).not.toContain('typed-value');
		term.keys('Enter');
		await until('the secret', () => exists('secret', 'e2e_typed'), 20_000, 300);
		expect(term.screen()).not.toContain('typed-value');
		dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--restart-condition', 'none', '--secret', 'e2e_typed', '--name', 'e2e_typed_check', 'swarmtui-lab/busybox:1', 'sh', '-c', 'cat /run/secrets/e2e_typed; echo; sleep 3600');
		await until('the container to print the value', () => logsOf('e2e_typed_check').includes('typed-value-42'), 60_000, 500);
	});

	it('r rotates a secret: the service switched with the same file, uid, gid and mode; its task replaced; the old one removed after', async () => {
		const first = join(dir, 'pw1');
		writeFileSync(first, 'old-password');
		dk('secret', 'create', 'e2e_pw', first);
		dk('service', 'create', '--detach', '--quiet', '--no-resolve-image', '--stop-grace-period', '1s', '--secret', 'source=e2e_pw,target=db,uid=70,gid=70,mode=0400', '--name', 'e2e_sec', 'swarmtui-lab/busybox:1', 'sh', '-c', 'cat /run/secrets/db; echo; sleep 3600');
		await until('e2e_sec running with the old value', () => runningTasks('e2e_sec').length === 1 && logsOf('e2e_sec').includes('old-password'), 60_000, 500);
		const [oldTask] = runningTasks('e2e_sec');
		const second = join(dir, 'pw2');
		writeFileSync(second, 'new-password');

		const term = await open();
		await openStore(term, 'secrets');
		await select(term, 'e2e_pw');
		expect(term.screen()).toMatch(/e2e_pw\s.*e2e_sec/);
		// Removal is refused while e2e_sec uses it.
		term.keys('x');
		await term.waitFor('secret e2e_pw is used by e2e_sec');
		term.keys('r');
		await term.waitFor('Rotate secret e2e_pw: the new version\'s name');
		expect(term.screen()).toContain('> e2e_pw.v2');
		term.keys('Enter');
		await term.waitFor('e2e_pw -> e2e_pw.v2: the value from a file');
		term.type(second);
		term.keys('Enter');
		await term.waitFor('Create secret e2e_pw.v2 and switch 1 service from e2e_pw to it?');
		expect(term.screen()).toMatch(/^\s*│\s+e2e_sec\s+│/m);
		expect(exists('secret', 'e2e_pw.v2')).toBe(false);
		term.keys('y');

		const newId = await until('the new secret', () => exists('secret', 'e2e_pw.v2') && dk('secret', 'inspect', 'e2e_pw.v2', '--format', '{{.ID}}'), 20_000, 300);
		await until('e2e_sec naming the new version', () => {
			const refs = inspect<Array<Record<string, unknown>>>('service', 'e2e_sec', '{{json .Spec.TaskTemplate.ContainerSpec.Secrets}}');
			return refs.length === 1 && refs[0]?.['SecretName'] === 'e2e_pw.v2';
		}, 20_000, 300);
		expect(inspect('service', 'e2e_sec', '{{json .Spec.TaskTemplate.ContainerSpec.Secrets}}')).toEqual([{File: {Name: 'db', UID: '70', GID: '70', Mode: 256}, SecretID: newId, SecretName: 'e2e_pw.v2'}]);
		await until('a new task reading the new value', () => {
			const [task] = runningTasks('e2e_sec');
			return task !== undefined && task.split(' ')[0] !== oldTask?.split(' ')[0] && logsOf('e2e_sec').includes('new-password');
		}, 60_000, 500);

		await term.waitFor('Remove the old secret e2e_pw?', 20_000);
		term.keys('y');
		await until('the old secret gone', () => !exists('secret', 'e2e_pw'), 20_000, 300);
		await term.waitFor('secret e2e_pw removed', 10_000);
	});

	it('read-only mode refuses :new service and n, r, x in the secrets list', async () => {
		const term = await open(['--read-only']);
		term.type(':new service');
		term.keys('Enter');
		await term.waitFor('read-only mode');
		await openStore(term, 'secrets');
		for (const key of ['n', 'r', 'x']) {
			term.keys(key);
			await term.waitFor(/read-only/);
			expect(term.screen()).not.toMatch(/New secret|Rotate secret|Remove secret/);
		}
	});
});
