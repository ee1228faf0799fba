// Secrets and configs in the actions layer, against the fake engine: create from a file
// or typed text (bad paths refused before anything is sent), rotation switches every
// user with the same file name, owner and mode, and removal is refused while used.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createObject, fileProblem, removeObject, rotateObject} from '../../source/actions/objects.js';
import {toDockerError} from '../../source/docker/errors.js';
import type {ApiService} from '../../source/docker/types.js';
import {nextVersionName, servicesUsing, switchReferences} from '../../source/model/rotation.js';
import {fakeWriter, lab, labStore} from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'swarmtui-stores-'));
const file = (name: string, data: string | Buffer) => {
	const path = join(dir, name);
	writeFileSync(path, data);
	return path;
};
const decoded = (data: string) => Buffer.from(data, 'base64').toString('utf8');

const user = (id: string, name: string, secretId: string): ApiService => ({
	ID: id,
	Version: {Index: 7},
	Spec: {Name: name, TaskTemplate: {ContainerSpec: {Image: 'x', Secrets: [{SecretID: secretId, SecretName: 'db_password', File: {Name: 'db', UID: '70', GID: '70', Mode: 256}}, {SecretID: 'other', SecretName: 'tls', File: {Name: 'tls', UID: '0', GID: '0', Mode: 292}}]}}},
});

describe('secrets and configs', () => {
	it('names the next version, skipping names taken', () => {
		expect(nextVersionName('db_password', [])).toBe('db_password.v2');
		expect(nextVersionName('db_password.v2', ['db_password.v3'])).toBe('db_password.v4');
	});

	it('creates from a file or typed text; a path that is no file is refused before anything is sent', async () => {
		const fake = fakeWriter(lab.services);
		await createObject(fake.api, false, 'secrets', 'from_file', {file: file('value.txt', 'hunter2\n')});
		await createObject(fake.api, false, 'configs', 'typed', {text: 'a=1'});
		expect([...fake.objects.secrets.values()].map((o) => [o.Spec.Name, decoded(o.Spec.Data)])).toEqual([['from_file', 'hunter2\n']]);
		expect([...fake.objects.configs.values()].map((o) => decoded(o.Spec.Data))).toEqual(['a=1']);
		expect(fileProblem(dir)).toBe(`${dir} is not a file`);
		expect(fileProblem(join(dir, 'none'))).toBe(`no file ${join(dir, 'none')}`);
		expect(fileProblem(file('empty', ''))).toMatch(/is empty$/);
		expect(fileProblem(file('big', Buffer.alloc(600 * 1024)))).toMatch(/600 KB: the engine takes at most 500 KB$/);
		await expect(createObject(fake.api, false, 'secrets', 'bad name!', {text: 'x'})).rejects.toThrow(/may hold only letters/);
		await expect(createObject(fake.api, false, 'secrets', 'from_file', {text: 'x'})).rejects.toThrow('a secret named from_file exists already');
		await expect(createObject(fake.api, true, 'secrets', 'ro', {text: 'x'})).rejects.toThrow(/read-only/);
		expect(fake.objects.secrets.size).toBe(1);
	});

	it('rotation switches every user to the new version with the same file, uid, gid and mode', async () => {
		const fake = fakeWriter([user('s1', 'api', 'old'), user('s2', 'worker', 'old'), user('s3', 'web', 'unrelated')]);
		// s3 (listed by a stale snapshot) no longer uses it: not switched, not reported as switched.
		const done = await rotateObject(fake.api, false, 'secrets', {id: 'old', name: 'db_password'}, 'db_password.v2', {text: 'new'}, ['s1', 's2', 's3']);
		expect(done.switched).toEqual(['api', 'worker']);
		const [created] = [...fake.objects.secrets.values()];
		for (const id of ['s1', 's2']) {
			const secrets = fake.state.get(id)?.Spec?.TaskTemplate?.ContainerSpec?.['Secrets'];
			expect(secrets).toEqual([
				{SecretID: created?.ID, SecretName: 'db_password.v2', File: {Name: 'db', UID: '70', GID: '70', Mode: 256}},
				{SecretID: 'other', SecretName: 'tls', File: {Name: 'tls', UID: '0', GID: '0', Mode: 292}},
			]);
			expect(fake.state.get(id)?.Version?.Index).toBe(8);
		}
		expect(fake.updates.map((u) => u.id)).toEqual(['s1', 's2']);
		expect(done.message).toBe('secret db_password.v2 created; api, worker switched to it (their tasks are replaced)');
	});

	it('rotation of a config switches ConfigID and ConfigName, keeping the rest', async () => {
		const service: ApiService = {ID: 'c1', Version: {Index: 3}, Spec: {Name: 'proxy', TaskTemplate: {ContainerSpec: {Image: 'x', Configs: [{ConfigID: 'cold', ConfigName: 'proxy.conf', File: {Name: '/etc/proxy.conf', UID: '0', GID: '0', Mode: 292}}]}}}};
		const fake = fakeWriter([service]);
		const done = await rotateObject(fake.api, false, 'configs', {id: 'cold', name: 'proxy.conf'}, 'proxy.conf.v2', {text: 'listen 80'}, ['c1']);
		expect(fake.state.get('c1')?.Spec?.TaskTemplate?.ContainerSpec?.['Configs']).toEqual([{ConfigID: done.id, ConfigName: 'proxy.conf.v2', File: {Name: '/etc/proxy.conf', UID: '0', GID: '0', Mode: 292}}]);
		await expect(rotateObject(fake.api, true, 'configs', {id: 'cold', name: 'proxy.conf'}, 'proxy.conf.v3', {text: 'x'}, ['c1'])).rejects.toThrow(/read-only/);
	});

	it('removal is refused while a service uses it', async () => {
		const fake = fakeWriter(lab.services);
		const {id} = await createObject(fake.api, false, 'configs', 'conf', {text: 'x'});
		await expect(removeObject(fake.api, false, 'configs', {id, name: 'conf'}, ['api'])).rejects.toThrow('config conf is used by api: switch them first (rotate) or remove them');
		expect(fake.objects.configs.size).toBe(1);
		await removeObject(fake.api, false, 'configs', {id, name: 'conf'}, []);
		expect(fake.objects.configs.size).toBe(0);
	});

	it('the engine\'s refusals come without the swarm\'s gRPC wrapper', () => {
		const error = toDockerError({statusCode: 400, json: {message: "rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'shop_web'"}}, fakeWriter([]).api.endpoint);
		expect(error.message).toBe("port '8080' is already in use by service 'shop_web'");
	});

	it('finds the services using one, and switching leaves other specs alone', () => {
		const store = labStore();
		const spec = user('s1', 'api', 'old').Spec ?? {};
		expect(switchReferences(spec, 'secrets', {id: 'x', name: 'nope'}, {id: 'y', name: 'y'})).toBe(spec);
		expect(servicesUsing(store.get(), 'secrets', {id: 'none', name: 'none'})).toEqual([]);
	});
});
