import {describe, expect, it} from 'vitest';
import type {ApiService, ApiTask} from '../../source/docker/types.js';
import {matches} from '../../source/model/filter.js';
import {ago, formatPorts, humanDuration, shortImage} from '../../source/model/format.js';
import {managerSummary, nodeRows} from '../../source/model/nodes.js';
import {moveIndex, selectedIndex} from '../../source/model/selection.js';
import {filterServiceRows, serviceRows} from '../../source/model/services.js';
import {ClusterStore} from '../../source/model/store.js';
import {taskRows} from '../../source/model/tasks.js';
import {findProblems} from '../../source/model/problems.js';
import {whyPending} from '../../source/model/placement.js';
import {lab, labStore, serviceId} from './helpers.js';

const now = Date.parse('2026-11-21T23:57:00Z');

describe('nodes (real lab answers)', () => {
	it('lists every node in natural hostname order with role, manager status and running tasks', () => {
		const rows = nodeRows(labStore().get());
		expect(rows.map((r) => r.hostname)).toEqual(['node1', 'node2', 'node3']);
		expect(rows[0]).toMatchObject({role: 'manager', managerStatus: 'Leader', availability: 'active', state: 'ready', self: true});
		expect(rows[1]).toMatchObject({role: 'worker', managerStatus: '', self: false});
		// node1 runs shop_api.2, shop_web.3, monitor; node2 shop_api.1, shop_web.1, monitor; node3 shop_web.2, monitor.
		expect(rows.map((r) => r.runningTasks)).toEqual([3, 3, 2]);
	});

	it('summarises managers and the leader', () => {
		expect(managerSummary(labStore().get())).toEqual({managers: 1, reachable: 1, leader: 'node1'});
	});

	it('marks a down node bad and a drained one as a warning', () => {
		const store = labStore();
		store.setNodes(
			lab.nodes.map((n) => {
				if (n.Description?.Hostname === 'node1') return {...n, Status: {State: 'down'}};
				if (n.Description?.Hostname === 'node2') return {...n, Spec: {...n.Spec, Availability: 'drain'}};
				return n;
			}),
		);
		const rows = nodeRows(store.get());
		expect(rows.map((r) => r.health)).toEqual(['bad', 'warn', 'ok']);
	});
});

describe('services', () => {
	it('groups by stack first, then services outside stacks, with replicas from ServiceStatus', () => {
		const rows = serviceRows(labStore().get());
		expect(rows.map((r) => `${r.kind}:${r.name}`)).toEqual([
			'stack:shop',
			'service:shop_api',
			'service:shop_web',
			'service:crashy',
			'service:monitor',
		]);
		const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
		expect(byName['shop_web']).toMatchObject({replicas: '3/3', mode: 'replicated', image: 'swarmtui-lab/busybox:1', health: 'ok'});
		expect(byName['monitor']).toMatchObject({mode: 'global', replicas: '3/3'});
		expect(byName['crashy']).toMatchObject({replicas: '0/1', health: 'bad'});
		expect(byName['shop']).toMatchObject({kind: 'stack', running: 5, desired: 5, services: 2});
		expect(byName['shop_web']?.kind === 'service' && byName['shop_web'].ports).toBe('host:8080->80/tcp');
	});

	it('counts running tasks from the polled tasks, fresher than ServiceStatus', () => {
		const store = labStore();
		const web = serviceId('shop_web');
		const one = lab.tasks.find((t) => t.ServiceID === web && t.Slot === 1)!;
		store.setTasks(lab.tasks.map((t) => (t.ID === one.ID ? {...t, Version: {Index: 99_999}, Status: {...t.Status, State: 'preparing'}} : t)));
		const row = serviceRows(store.get()).find((r) => r.name === 'shop_web');
		expect(row).toMatchObject({replicas: '2/3', health: 'warn'});
	});

	it('flags degraded and paused updates', () => {
		const base = lab.services[0]!;
		const degraded: ApiService = {...base, ID: 'a', ServiceStatus: {RunningTasks: 1, DesiredTasks: 2}};
		const paused: ApiService = {...base, ID: 'b', ServiceStatus: {RunningTasks: 2, DesiredTasks: 2}, UpdateStatus: {State: 'paused', Message: 'update paused due to failure'}};
		const store = new ClusterStore();
		store.setServices([degraded, paused]);
		const rows = serviceRows(store.get()).filter((r) => r.kind === 'service');
		expect(rows.map((r) => r.health).sort()).toEqual(['bad', 'warn']);
		// The stack header carries the worst of its members.
		expect(serviceRows(store.get())[0]).toMatchObject({kind: 'stack', health: 'bad'});
	});

	it('filter keeps a stack header for matching members, and all members when the stack matches', () => {
		const rows = serviceRows(labStore().get());
		const match = (q: string) => (r: (typeof rows)[number]) => r.name.includes(q);
		expect(filterServiceRows(rows, 'web', match('web')).map((r) => r.name)).toEqual(['shop', 'shop_web']);
		expect(filterServiceRows(rows, 'shop', match('shop')).map((r) => r.name)).toEqual(['shop', 'shop_api', 'shop_web']);
		expect(filterServiceRows(rows, 'mon', match('mon')).map((r) => r.name)).toEqual(['monitor']);
	});
});

describe('tasks, like docker service ps', () => {
	it('shows the newest task per slot, with node names and "Running … ago"', () => {
		const view = taskRows(labStore().get(), {kind: 'service', id: serviceId('shop_web')}, false, now);
		expect(view.rows.map((r) => `${r.name}@${r.node}`)).toEqual(['shop_web.1@node2', 'shop_web.2@node3', 'shop_web.3@node1']);
		expect(view.rows[0]?.current).toMatch(/^Running \d+ minutes ago$/);
		expect(view).toMatchObject({running: 3, slots: 3});
	});

	it('with history, lists earlier tasks of the slot under the newest, newest first', () => {
		const view = taskRows(labStore().get(), {kind: 'service', id: serviceId('crashy')}, true, now);
		expect(view.rows.map((r) => r.name)).toEqual(['crashy.1', ' \\_ crashy.1', ' \\_ crashy.1', ' \\_ crashy.1', ' \\_ crashy.1']);
		expect(view.rows[0]).toMatchObject({desired: 'Ready', earlier: false});
		expect(view.rows[1]).toMatchObject({error: 'task: non-zero exit (1)', health: 'bad', earlier: true});
		expect(taskRows(labStore().get(), {kind: 'service', id: serviceId('crashy')}, false, now).rows).toHaveLength(1);
	});

	it('names global tasks service.nodeID and lists tasks of a node or a stack', () => {
		const store = labStore();
		const monitor = taskRows(store.get(), {kind: 'service', id: serviceId('monitor')}, false, now);
		expect(monitor.rows.map((r) => r.name)).toEqual(lab.nodes.map((n) => `monitor.${n.ID}`).sort((a, b) => (monitor.rows.findIndex((r) => r.name === a) - monitor.rows.findIndex((r) => r.name === b))));
		expect(monitor.rows.map((r) => r.node)).toEqual(['node1', 'node2', 'node3']);
		const node3 = lab.nodes.find((n) => n.Description?.Hostname === 'node3')!;
		const onNode = taskRows(store.get(), {kind: 'node', id: node3.ID}, false, now);
		expect(onNode.rows.every((r) => r.node === 'node3')).toBe(true);
		const stack = taskRows(store.get(), {kind: 'stack', name: 'shop'}, false, now);
		expect(stack.rows).toHaveLength(5);
	});

	it('hides slots that were scaled away unless history is on', () => {
		const store = labStore();
		const web = lab.tasks.find((t) => t.ServiceID === serviceId('shop_web') && t.Slot === 3)!;
		const gone: ApiTask = {...web, Version: {Index: 99_999}, DesiredState: 'shutdown', Status: {...web.Status, State: 'shutdown'}};
		store.setTasks(lab.tasks.map((t) => (t.ID === web.ID ? gone : t)));
		const target = {kind: 'service', id: serviceId('shop_web')} as const;
		expect(taskRows(store.get(), target, false, now).rows.map((r) => r.name)).toEqual(['shop_web.1', 'shop_web.2']);
		expect(taskRows(store.get(), target, true, now).rows.map((r) => r.name)).toContain('shop_web.3');
	});

	it('survives tasks with missing fields', () => {
		const store = new ClusterStore();
		store.setTasks([{ID: 'x'} as ApiTask, {ID: 'y', ServiceID: 's', Status: {}} as ApiTask]);
		expect(() => taskRows(store.get(), {kind: 'service', id: 's'}, true, now)).not.toThrow();
	});
});

describe('store', () => {
	it('keeps the same maps when a list call returns nothing new, so views stay memoized', () => {
		const store = labStore();
		const before = store.get();
		store.setTasks(structuredClone(lab.tasks));
		store.setServices(structuredClone(lab.services));
		expect(store.get().tasks).toBe(before.tasks);
		expect(store.get().services).toBe(before.services);
		expect(store.get().syncedAt.tasks).toBeGreaterThanOrEqual(before.syncedAt.tasks ?? 0);
	});

	it('replaces the map when a service status changes without a new version', () => {
		const store = labStore();
		const before = store.get().services;
		store.setServices(lab.services.map((s, i) => (i === 0 ? {...s, ServiceStatus: {RunningTasks: 1, DesiredTasks: 3}} : s)));
		expect(store.get().services).not.toBe(before);
	});

	it('keeps the last data and marks the error', () => {
		const store = labStore();
		store.setError('the engine at unix:///x did not answer in time');
		expect(store.get()).toMatchObject({connection: 'error', error: expect.stringContaining('did not answer')});
		expect(store.get().nodes.size).toBe(3);
		store.setNodes(lab.nodes);
		expect(store.get().connection).toBe('live');
	});
});

describe('selection and filter', () => {
	const rows = [{id: 'a'}, {id: 'b'}, {id: 'c'}];
	it('follows the selected ID when rows move, and falls back near the old place', () => {
		expect(selectedIndex([{id: 'c'}, {id: 'a'}, {id: 'b'}], 'b', 1)).toBe(2);
		expect(selectedIndex([{id: 'a'}, {id: 'c'}], 'b', 1)).toBe(1);
		expect(selectedIndex([{id: 'a'}], 'gone', 5)).toBe(0);
		expect(selectedIndex([], 'a', 0)).toBe(-1);
		expect(moveIndex(0, -1, rows.length)).toBe(0);
		expect(moveIndex(1, 10, rows.length)).toBe(2);
	});

	it('treats regex characters literally and handles long input fast', () => {
		const data = [{t: 'a(b'}, {t: 'x'.repeat(100_000)}];
		expect(data.filter((r) => matches('a(', [r.t]))).toHaveLength(1);
		expect(data.filter((r) => matches('(a+)+$', [r.t]))).toHaveLength(0);
	});
});

describe('format', () => {
	it('matches the docker CLI durations', () => {
		expect(humanDuration(500)).toBe('Less than a second');
		expect(humanDuration(45_000)).toBe('45 seconds');
		expect(humanDuration(60_000)).toBe('About a minute');
		expect(humanDuration(5 * 60_000)).toBe('5 minutes');
		expect(humanDuration(3_600_000)).toBe('About an hour');
		expect(humanDuration(3 * 86_400_000)).toBe('3 days');
		expect(ago('2026-11-21T23:52:00Z', now)).toBe('5 minutes ago');
		expect(ago('0001-01-01T00:00:00Z', now)).toBe('');
	});

	it('shows the tag, hides the digest and docker.io/library', () => {
		expect(shortImage('docker.io/library/nginx:1.25@sha256:abc')).toBe('nginx:1.25');
		expect(shortImage('registry:5000/team/app:2@sha256:abc')).toBe('registry:5000/team/app:2');
	});

	it('formats ingress and host ports', () => {
		expect(formatPorts([{Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress'}, {Protocol: 'udp', TargetPort: 53, PublishedPort: 53, PublishMode: 'host'}])).toBe(
			'*:8080->80/tcp,host:53->53/udp',
		);
	});
});

describe('problems', () => {
	it('names nodes down, drained nodes still expected to run tasks, paused updates, pending tasks and quorum margins', () => {
		const store = labStore();
		const node = (host: string) => lab.nodes.find((n) => n.Description?.Hostname === host)!;
		store.setNodes(
			lab.nodes.map((n) => {
				if (n.Description?.Hostname === 'node3') return {...n, Status: {State: 'down', Message: 'heartbeat failure'}};
				return n;
			}),
		);
		const web = lab.services.find((s) => s.Spec?.Name === 'shop_web')!;
		store.setServices(lab.services.map((s) => (s.ID === web.ID ? {...s, Version: {Index: 999}, UpdateStatus: {State: 'paused', Message: 'update paused due to failure'}} : s)));
		const pending: ApiTask = {ID: 'p1', Version: {Index: 1}, ServiceID: web.ID, Slot: 4, DesiredState: 'running', Status: {State: 'pending', Err: 'no suitable node (insufficient resources on 3 nodes)'}};
		store.setTasks([...lab.tasks, pending]);
		const texts = findProblems(store.get(), now).map((p) => `${p.target}: ${p.text}`);
		expect(texts).toContain('node node3: down: heartbeat failure');
		expect(texts).toContain('service shop_web: paused: update paused due to failure');
		expect(texts).toContain('service shop_web: tasks pending: no suitable node (insufficient resources on 3 nodes)');
		expect(node('node3')).toBeTruthy();
	});

	it('warns when one more manager failure loses quorum, and says when it is lost', () => {
		const store = labStore();
		const managers = (reach: string[]) =>
			lab.nodes.map((n, i) => ({...n, Spec: {...n.Spec, Role: 'manager'}, ManagerStatus: {Leader: i === 0 && reach[0] !== 'unreachable', Reachability: reach[i]}}));
		store.setNodes(managers(['reachable', 'reachable', 'unreachable']));
		expect(findProblems(store.get(), now).find((p) => p.id === 'quorum')).toMatchObject({severity: 'warn', text: '2 of 3 managers reachable: one more failure loses quorum'});
		store.setNodes(managers(['unreachable', 'reachable', 'unreachable']));
		expect(findProblems(store.get(), now).find((p) => p.id === 'quorum')).toMatchObject({severity: 'bad'});
	});
});

describe('why pending', () => {
	it('says, node by node, which placement rule fails', () => {
		const store = labStore();
		const web = lab.services.find((s) => s.Spec?.Name === 'shop_web')!;
		const node1 = lab.nodes.find((n) => n.Description?.Hostname === 'node1')!;
		const spec = structuredClone(web.Spec)!;
		spec.TaskTemplate = {
			...spec.TaskTemplate,
			Placement: {Constraints: ['node.role==manager', 'node.labels.zone==east'], MaxReplicas: 1},
			Resources: {Reservations: {MemoryBytes: 64 * 2 ** 40}},
		};
		store.setServices(lab.services.map((s) => (s.ID === web.ID ? {...s, Version: {Index: 5000}, Spec: spec} : s)));
		store.setNodes(lab.nodes.map((n) => (n.ID === node1.ID ? {...n, Spec: {...n.Spec, Labels: {zone: 'east'}}} : n)));
		const verdicts = whyPending(store.get(), web.ID);
		const byNode = Object.fromEntries(verdicts.map((v) => [v.node, v.reasons.join(' | ')]));
		expect(byNode['node2']).toMatch(/constraint node.role==manager \(it has worker\)/);
		expect(byNode['node2']).toMatch(/constraint node.labels.zone==east \(it has none\)/);
		expect(byNode['node1']).not.toMatch(/constraint/);
		expect(byNode['node1']).toMatch(/memory: needs 65536\.0 GiB/);
		expect(byNode['node1']).toMatch(/already runs 1 of at most 1 per node/);
		expect(verdicts.every((v) => !v.fits)).toBe(true);
	});
});
