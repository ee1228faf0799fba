import {describe, expect, it} from 'vitest';
import {ActionError, createActions, ReadOnlyError} from '../../source/actions/index.js';
import {demoteImpact, drainImpact, promoteImpact, specDiff} from '../../source/model/plan.js';
import {parseImage, parseReplicas} from '../../source/actions/validate.js';
import type {ApiServiceSpec} from '../../source/docker/types.js';
import {fakeWriter, lab, labStore, serviceId} from './helpers.js';

const web = () => serviceId('shop_web');

describe('input checks', () => {
	it('replicas: whole numbers 0..10000 only, with a reason', () => {
		expect(parseReplicas('3')).toEqual({value: 3});
		expect(parseReplicas(' 0 ')).toEqual({value: 0});
		for (const [input, reason] of [
			['abc', /not a number/],
			['-1', /negative/],
			['1.5', /whole number/],
			['', /enter the number/],
			['99999999', /at most 10000/],
			['1e3', /not a number/],
		] as const) {
			expect(parseReplicas(input).error).toMatch(reason);
		}
	});

	it('image references', () => {
		for (const ok of ['nginx', 'nginx:1.25', 'registry:5000/team/app:v2', 'swarmtui-lab/busybox:2', `a/b@sha256:${'f'.repeat(64)}`]) expect(parseImage(ok).value).toBe(ok);
		expect(parseImage('').error).toMatch(/enter an image/);
		expect(parseImage('Nginx').error).toMatch(/lower case/);
		expect(parseImage('nginx latest').error).toMatch(/no spaces/);
		expect(parseImage('nginx::1').error).toMatch(/not a valid image reference/);
	});
});

describe('service actions', () => {
	it('scale sets replicas with the version just read', async () => {
		const fake = fakeWriter(lab.services);
		const done = await createActions(fake.api, false).scale(web(), '5');
		expect(done.message).toBe('shop_web scaled to 5');
		expect(fake.updates[0]?.spec.Mode?.Replicated?.Replicas).toBe(5);
		expect(fake.updates[0]?.version).toBe(lab.services.find((s) => s.ID === web())?.Version?.Index);
	});

	it('refuses bad input and global services without calling the engine', async () => {
		const fake = fakeWriter(lab.services);
		const actions = createActions(fake.api, false);
		await expect(actions.scale(web(), 'abc')).rejects.toThrow(/not a number/);
		await expect(actions.scale(serviceId('monitor'), '2')).rejects.toThrow(/monitor is a global service: it runs one task per node and cannot be scaled/);
		expect(fake.updates).toHaveLength(0);
	});

	it('re-reads and re-applies the intent once on "update out of sequence", keeping the other change', async () => {
		const fake = fakeWriter(lab.services);
		fake.conflictNext(1);
		await createActions(fake.api, false).scale(web(), '4');
		const spec = fake.state.get(web())?.Spec;
		expect(spec?.Mode?.Replicated?.Replicas).toBe(4);
		expect(spec?.Labels?.['changedBy']).toBe('someone');
	});

	it('gives up with a sentence when it keeps changing', async () => {
		const fake = fakeWriter(lab.services);
		fake.conflictNext(2);
		await expect(createActions(fake.api, false).scale(web(), '4')).rejects.toThrow(/keeps changing under us/);
	});

	it('update image pins the digest when the registry answers, else uses the tag and says so', async () => {
		const fake = fakeWriter(lab.services);
		const actions = createActions(fake.api, false);
		const unpinned = await actions.updateImage(web(), 'swarmtui-lab/busybox:2');
		expect(fake.updates[0]?.spec.TaskTemplate?.ContainerSpec?.Image).toBe('swarmtui-lab/busybox:2');
		expect(unpinned.warnings?.[0]).toMatch(/could not pin a digest .*using the tag, as --no-resolve-image does/);
		fake.registryUp();
		await actions.updateImage(web(), 'nginx:1.25');
		expect(fake.updates[1]?.spec.TaskTemplate?.ContainerSpec?.Image).toBe(`nginx:1.25@sha256:${'a'.repeat(64)}`);
		// Everything else in the spec is kept.
		expect(fake.updates[1]?.spec.TaskTemplate?.ContainerSpec?.Args).toEqual(lab.services.find((s) => s.ID === web())?.Spec?.TaskTemplate?.ContainerSpec?.['Args']);
	});

	it('rollback needs a previous spec and sends rollback=previous', async () => {
		const fake = fakeWriter(lab.services.map((s) => ({...s, PreviousSpec: undefined})));
		const actions = createActions(fake.api, false);
		await expect(actions.rollback(web())).rejects.toThrow(/shop_web has no previous spec to roll back to/);
		await actions.scale(web(), '4');
		await actions.rollback(web());
		expect(fake.updates[1]?.rollback).toBe('previous');
	});

	it('restart bumps ForceUpdate; remove wants the exact name', async () => {
		const fake = fakeWriter(lab.services);
		const actions = createActions(fake.api, false);
		await actions.restart(web());
		expect(fake.updates[0]?.spec.TaskTemplate?.ForceUpdate).toBe(1);
		await expect(actions.remove(web(), 'shop_we')).rejects.toThrow(/type the service name "shop_web"/);
		expect(fake.state.has(web())).toBe(true);
		await actions.remove(web(), 'shop_web');
		expect(fake.state.has(web())).toBe(false);
		await expect(actions.restart(web())).rejects.toThrow(/no longer exists/);
	});

	it('read-only refuses in the actions layer itself', async () => {
		const fake = fakeWriter(lab.services);
		const actions = createActions(fake.api, true);
		for (const attempt of [
			() => actions.scale(web(), '2'),
			() => actions.updateImage(web(), 'nginx'),
			() => actions.rollback(web()),
			() => actions.restart(web()),
			() => actions.remove(web(), 'shop_web'),
			() => actions.setAvailability(lab.nodes[0]!.ID, 'drain'),
			() => actions.setRole(lab.nodes[0]!.ID, 'worker'),
		]) {
			await expect(attempt()).rejects.toBeInstanceOf(ReadOnlyError);
		}
		expect(fake.updates).toHaveLength(0);
		expect(fake.state.has(web())).toBe(true);
	});
});

describe('node actions and plans', () => {
	const node = (host: string) => lab.nodes.find((n) => n.Description?.Hostname === host)!;

	it('sets availability and role', async () => {
		const fake = fakeWriter(lab.services);
		const actions = createActions(fake.api, false);
		expect((await actions.setAvailability(node('node3').ID, 'drain')).message).toBe('node3 draining');
		expect(fake.nodeState.get(node('node3').ID)?.Spec?.Availability).toBe('drain');
		expect((await actions.setRole(node('node2').ID, 'manager')).message).toBe('node2 promoted to manager');
		await expect(actions.setRole(node('node2').ID, 'manager')).rejects.toBeInstanceOf(ActionError);
	});

	it('drain lists the tasks that must move and warns for managers and the last active node', () => {
		const store = labStore();
		const impact = drainImpact(store.get(), node('node1').ID);
		expect(impact.lines).toContain('monitor (global): stops on this node');
		expect(impact.lines.some((l) => /^shop_web\.\d: moves to another node$/.test(l))).toBe(true);
		expect(impact.warnings.join(' ')).toMatch(/node1 is a manager/);
		store.setNodes(lab.nodes.map((n) => (n.Description?.Hostname === 'node1' ? n : {...n, Spec: {...n.Spec, Availability: 'drain'}})));
		const last = drainImpact(store.get(), node('node1').ID);
		expect(last.danger).toBe(true);
		expect(last.warnings.join(' ')).toMatch(/nowhere to go/);
	});

	it('demoting the only manager is dangerous; promoting to an even count warns', () => {
		const store = labStore();
		expect(demoteImpact(store.get(), node('node1').ID)).toMatchObject({danger: true, warnings: [expect.stringMatching(/last manager/)]});
		expect(promoteImpact(store.get()).warnings[0]).toMatch(/2 managers tolerate no more failures than 1/);
		store.setNodes(lab.nodes.map((n) => ({...n, Spec: {...n.Spec, Role: 'manager'}, ManagerStatus: {Leader: n.Description?.Hostname === 'node1', Reachability: 'reachable'}})));
		const demote = demoteImpact(store.get(), node('node2').ID);
		expect(demote.danger).toBe(false);
		expect(demote.warnings[0]).toMatch(/tolerate 0 failed managers instead of 1/);
		expect(promoteImpact(store.get()).warnings[0]).toMatch(/4 managers tolerate no more failures than 3/);
	});

	it('quorum: demoting a reachable manager while another is unreachable loses the majority', () => {
		const store = labStore();
		store.setNodes(
			lab.nodes.map((n) => ({
				...n,
				Spec: {...n.Spec, Role: 'manager'},
				ManagerStatus: {Leader: n.Description?.Hostname === 'node1', Reachability: n.Description?.Hostname === 'node3' ? 'unreachable' : 'reachable'},
			})),
		);
		const impact = demoteImpact(store.get(), node('node2').ID);
		expect(impact.danger).toBe(true);
		expect(impact.warnings[0]).toMatch(/only 1 of 2 managers would be reachable/);
	});

	it('rollback diff names what changes', () => {
		const current: ApiServiceSpec = {Name: 'x', TaskTemplate: {ContainerSpec: {Image: 'app:2', Env: ['A=1', 'B=2']}}, Mode: {Replicated: {Replicas: 5}}};
		const previous: ApiServiceSpec = {Name: 'x', TaskTemplate: {ContainerSpec: {Image: 'app:1', Env: ['A=1']}}, Mode: {Replicated: {Replicas: 3}}};
		expect(specDiff(current, previous)).toEqual(['Image: app:2 -> app:1', '- env B', 'Mode.Replicated.Replicas: 5 -> 3']);
	});
});
