// The service spec as YAML and back, and the changes between two specs (#16's
// foundation): every field of the lab's specs survives the round trip unchanged;
// errors name the line or the field; set-like lists compare by item, not position.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cloneSpec, newServiceTemplate} from '../../source/model/newservice.js';
import {changeLines, mergeSpecs, parseSpecYaml, specChanges, specToYaml} from '../../source/model/specedit.js';

// `docker service inspect --format '{{json .Spec}}'` of the lab's seeded services.
const labSpecs = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'lab-specs.json'), 'utf8')) as Array<Record<string, unknown>>;
const rich = {
	Name: 'api',
	Labels: {team: 'core', 'com.docker.stack.namespace': 'shop'},
	TaskTemplate: {
		ContainerSpec: {
			Image: 'registry.example/api:2.1@sha256:' + 'a'.repeat(64),
			Env: ['LOG_LEVEL=info', 'EMPTY=', 'URL=http://db:5432/x?a=1&b=2', 'QUOTE="yes"', 'COLON=a: b'],
			Mounts: [{Type: 'volume', Source: 'data', Target: '/data', ReadOnly: false}, {Type: 'bind', Source: '/etc/tz', Target: '/etc/timezone', ReadOnly: true}],
			Secrets: [{File: {Name: 'db_password', UID: '0', GID: '0', Mode: 292}, SecretID: 'sid1', SecretName: 'db_password'}],
			HealthCheck: {Test: ['CMD-SHELL', 'wget -q -O- localhost:80 || exit 1'], Interval: 10_000_000_000, Retries: 3},
			StopGracePeriod: 10_000_000_000,
			Init: null,
		},
		Placement: {Constraints: ['node.role==worker', 'node.labels.zone==a'], MaxReplicas: 2},
		Resources: {Limits: {NanoCPUs: 500_000_000, MemoryBytes: 268_435_456}, Reservations: {}},
		RestartPolicy: {Condition: 'on-failure', Delay: 5_000_000_000, MaxAttempts: 3},
		ForceUpdate: 2,
		Networks: [{Target: 'netid1', Aliases: ['api']}],
	},
	Mode: {Replicated: {Replicas: 3}},
	UpdateConfig: {Parallelism: 2, Delay: 1_000_000_000, FailureAction: 'rollback', Order: 'start-first', MaxFailureRatio: 0.2},
	EndpointSpec: {Mode: 'vip', Ports: [{Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress'}, {Protocol: 'udp', TargetPort: 53, PublishedPort: 53, PublishMode: 'host'}]},
};

describe('a spec as YAML', () => {
	it('survives the round trip unchanged, every field of the lab\'s specs and a rich one', () => {
		expect(labSpecs.length).toBeGreaterThanOrEqual(4);
		for (const spec of [...labSpecs, rich]) {
			const text = specToYaml(spec, ['Service x (id), version 12', '', 'Save to see the changes first.']);
			expect(text.startsWith('# Service x (id), version 12\n#\n# Save to see the changes first.\n')).toBe(true);
			const parsed = parseSpecYaml(text);
			expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
			if (parsed.ok) expect(parsed.spec).toEqual(JSON.parse(JSON.stringify(spec)));
			if (parsed.ok) expect(specChanges(spec, parsed.spec)).toEqual([]);
		}
	});

	it('names a YAML error by its line, and unknown fields and wrong types by their path', () => {
		const text = specToYaml(rich);
		const broken = text.replace('Replicas: 3', 'Replicas: 3\n   bad: [');
		const result = parseSpecYaml(broken);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/^line \d+: /);
		const wrong = structuredClone(rich) as unknown as {Mode: {Replicated: {Replicas: unknown}}; TaskTemplate: {ContainerSpec: Record<string, unknown>}};
		wrong.Mode.Replicated.Replicas = 'three';
		wrong.TaskTemplate.ContainerSpec['Imag'] = wrong.TaskTemplate.ContainerSpec['Image'];
		delete wrong.TaskTemplate.ContainerSpec['Image'];
		wrong.TaskTemplate.ContainerSpec['Env'] = 5;
		const shape = parseSpecYaml(specToYaml(wrong));
		expect(shape.ok).toBe(false);
		if (!shape.ok) {
			expect(shape.error).toContain('unknown field TaskTemplate.ContainerSpec.Imag');
			expect(shape.error).toContain('Mode.Replicated.Replicas must be a number (got string "three")');
			expect(shape.error).toContain('TaskTemplate.ContainerSpec.Env must be a list of strings (got number 5)');
		}
		expect(parseSpecYaml('- a\n- b\n')).toEqual({ok: false, error: 'the file must hold the spec as a mapping (Name:, TaskTemplate:, …)'});
		expect(parseSpecYaml('Name: a\nName: b\n').ok).toBe(false); // a key twice
		expect(parseSpecYaml('Nmae: a\n')).toMatchObject({ok: false, error: expect.stringContaining('unknown field Nmae (a ServiceSpec has: Name, Labels, TaskTemplate')});
	});
});

describe('the changes between two specs', () => {
	const edit = (change: (spec: typeof rich) => void) => {
		const copy = structuredClone(rich);
		change(copy);
		return changeLines(specChanges(rich, copy));
	};

	it('env entries, constraints, ports, mounts and secrets as set items, not positions', () => {
		expect(edit((s) => s.TaskTemplate.ContainerSpec.Env.reverse())).toEqual([]);
		expect(edit((s) => (s.TaskTemplate.ContainerSpec.Env = ['NEW=1', ...s.TaskTemplate.ContainerSpec.Env.map((e) => (e === 'LOG_LEVEL=info' ? 'LOG_LEVEL=debug' : e))]))).toEqual(['env LOG_LEVEL: info -> debug', '+ env NEW=1']);
		expect(edit((s) => s.TaskTemplate.ContainerSpec.Env.shift())).toEqual(['- env LOG_LEVEL']);
		expect(edit((s) => (s.TaskTemplate.Placement.Constraints = ['node.labels.zone==a', 'node.labels.disk==ssd']))).toEqual(['- constraint node.role==worker', '+ constraint node.labels.disk==ssd']);
		expect(edit((s) => s.EndpointSpec.Ports.reverse())).toEqual([]);
		expect(edit((s) => s.EndpointSpec.Ports.pop())).toEqual(['- port 53/udp (published 53)']);
		expect(edit((s) => (s.TaskTemplate.ContainerSpec.Mounts[0]!.ReadOnly = true))).toEqual(["mount /data: ReadOnly=false -> ReadOnly=true"]);
		expect(edit((s) => (s.TaskTemplate.ContainerSpec.Secrets[0]!.SecretName = 'db_password.v2'))).toEqual(['- secret db_password -> db_password', expect.stringMatching(/^\+ secret db_password\.v2 -> db_password: /)]);
	});

	it('plain fields and labels by their path', () => {
		expect(edit((s) => (s.Mode.Replicated.Replicas = 5))).toEqual(['Mode.Replicated.Replicas: 3 -> 5']);
		expect(edit((s) => (s.Labels = {...s.Labels, owner: 'ops'} as typeof s.Labels))).toEqual(['+ Labels.owner: ops']);
		expect(edit((s) => (s.TaskTemplate.ContainerSpec.Image = 'registry.example/api:2.2'))).toEqual([expect.stringMatching(/^Image: registry\.example\/api:2\.1@sha256:a+ -> registry\.example\/api:2\.2$/)]);
		expect(edit((s) => delete (s as Partial<typeof rich>).UpdateConfig)).toHaveLength(5);
	});
});

describe('an edit carried onto a spec that changed meanwhile', () => {
	const base = structuredClone(rich);
	const mine = structuredClone(rich);
	mine.TaskTemplate.ContainerSpec.Env.push('ADDED=1');
	mine.Mode.Replicated.Replicas = 4;
	const theirs = structuredClone(rich);
	(theirs.Labels as Record<string, string>)['changed'] = 'yes';
	theirs.TaskTemplate.ContainerSpec.Env = ['LOG_LEVEL=debug', ...theirs.TaskTemplate.ContainerSpec.Env.slice(1)];

	it('takes what each side changed, env entries as items', () => {
		const {spec, conflicts} = mergeSpecs(base, mine, theirs);
		expect(conflicts).toEqual([]);
		expect(changeLines(specChanges(theirs, spec))).toEqual(['Mode.Replicated.Replicas: 3 -> 4', '+ env ADDED=1']);
		expect(changeLines(specChanges(mine, spec))).toEqual(['env LOG_LEVEL: info -> debug', '+ Labels.changed: yes']);
	});

	it('keeps the operator\'s value where both changed a field, and names it', () => {
		const other = structuredClone(theirs);
		other.Mode.Replicated.Replicas = 5;
		const {spec, conflicts} = mergeSpecs(base, mine, other);
		expect(conflicts).toEqual(['Mode.Replicated.Replicas']);
		expect((spec['Mode'] as {Replicated: {Replicas: number}}).Replicated.Replicas).toBe(4);
	});

	it('a field the operator removed stays removed; one they added stays', () => {
		const removing = structuredClone(rich) as Record<string, unknown>;
		delete removing['UpdateConfig'];
		const {spec} = mergeSpecs(base, removing, theirs);
		expect(spec['UpdateConfig']).toBeUndefined();
		expect((spec['Labels'] as Record<string, string>)['changed']).toBe('yes');
	});
});

describe('a node\'s spec', () => {
	it('parses labels, role and availability, and names wrong values', () => {
		expect(parseSpecYaml('Labels: {zone: a}\nRole: worker\nAvailability: drain\n', 'node')).toEqual({ok: true, spec: {Labels: {zone: 'a'}, Role: 'worker', Availability: 'drain'}});
		expect(parseSpecYaml('Role: boss\nAvailability: drain\n', 'node')).toEqual({ok: false, error: 'Role must be worker or manager (got string "boss")'});
		expect(parseSpecYaml('Role: worker\n', 'node')).toEqual({ok: false, error: 'Availability is needed (active, pause or drain)'});
		const unknown = parseSpecYaml('Role: worker\nAvailability: active\nTaskTemplate: {}\n', 'node');
		expect(unknown.ok ? '' : unknown.error).toMatch(/^unknown field TaskTemplate \(a NodeSpec has: Name, Labels, Role, Availability\)/);
	});
});

describe('new services', () => {
	it('the template parses as a service spec with a name and an image', () => {
		const parsed = parseSpecYaml(newServiceTemplate());
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.spec['Name']).toBe('new-service');
		expect(changeLines(specChanges({}, parsed.spec))).toContain('+ Image: nginx:alpine');
	});

	it('a copy has the new name, no stack label, and a note about published ports', () => {
		const {spec, notes} = cloneSpec(rich, 'api-copy');
		expect(changeLines(specChanges(rich, spec))).toEqual(['Name: api -> api-copy', '- Labels.com.docker.stack.namespace']);
		expect(notes.join(' ')).toMatch(/published ports 8080\/tcp, 53\/udp are api's/);
		expect(rich.Name).toBe('api');
	});
});

describe('empty mappings', () => {
	it('labels filled from empty are the labels added; Mode.Global: {} is a change of its own', () => {
		expect(changeLines(specChanges({Labels: {}, Role: 'worker'}, {Labels: {zone: 'a'}, Role: 'worker'}))).toEqual(['+ Labels.zone: a']);
		expect(changeLines(specChanges({Role: 'worker'}, {Labels: {}, Role: 'worker'}))).toEqual([]);
		expect(changeLines(specChanges({Mode: {Replicated: {Replicas: 2}}}, {Mode: {Global: {}}}))).toEqual(['- Mode.Replicated.Replicas', '+ Mode.Global: {}']);
	});
});
