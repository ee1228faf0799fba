import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {EventHandlers, SwarmReader} from '../../source/docker/client.js';
import {parseHost} from '../../source/docker/endpoint.js';
import {DockerError, toDockerError} from '../../source/docker/errors.js';
import {NdjsonSplitter} from '../../source/docker/events.js';
import type {ApiEvent} from '../../source/docker/types.js';
import {watchCluster} from '../../source/docker/watch.js';
import {ClusterStore} from '../../source/model/store.js';
import {lab} from './helpers.js';

function fakeApi() {
	const calls = {nodes: 0, services: 0, tasks: 0, info: 0, events: 0};
	let handlers: EventHandlers | undefined;
	const pending: Array<() => void> = [];
	let slow = false;
	let down = false;
	const answer = <T>(kind: keyof typeof calls, value: T) => {
		calls[kind]++;
		if (down) return Promise.reject(new DockerError('cannot connect to the Docker engine at unix:///fake.sock: is dockerd running on this machine?', undefined, 'connection'));
		if (!slow) return Promise.resolve(value);
		return new Promise<T>((resolve) => pending.push(() => resolve(value)));
	};
	const api: SwarmReader = {
		endpoint: parseHost('unix:///fake.sock', {context: 'default', source: 'test'}),
		version: async () => ({Version: '20.10.24'}),
		info: () => answer('info', lab.info),
		nodes: () => answer('nodes', lab.nodes),
		services: () => answer('services', lab.services),
		tasks: () => answer('tasks', lab.tasks),
		events(_since, h) {
			calls.events++;
			handlers = h;
			return {close: () => (handlers = undefined)};
		},
		close() {},
	};
	return {
		api,
		calls,
		emit: (event: ApiEvent) => handlers?.onEvent(event),
		end: (error?: DockerError) => handlers?.onEnd(error),
		setSlow: (on: boolean) => (slow = on),
		setDown: (on: boolean) => (down = on),
		release: () => pending.splice(0).forEach((resolve) => resolve()),
	};
}

/** Services that together want more tasks than a small cluster's. */
const largeServices = () => lab.services.map((s) => ({...s, ServiceStatus: {RunningTasks: 100, DesiredTasks: 100}}));

/** A watcher, and whether its first data is in yet. */
function watchFirst(fake: ReturnType<typeof fakeApi>, store = new ClusterStore()) {
	const watcher = watchCluster(fake.api, store, {refresh: 2000, resync: 30_000});
	const state = {watcher, first: false};
	void watcher.firstData.then(() => (state.first = true));
	return state;
}

describe('watchCluster', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('on a small cluster loads nodes, services and at once all tasks, then polls tasks every refresh interval only', async () => {
		const fake = fakeApi();
		const store = new ClusterStore();
		const started = watchFirst(fake, store);
		const {watcher} = started;
		await vi.advanceTimersByTimeAsync(10);
		expect(store.get()).toMatchObject({connection: 'live'});
		expect(store.get().services.size).toBe(4);
		expect(store.get().tasks.size).toBe(lab.tasks.length);
		expect(started.first).toBe(true);
		expect(fake.calls).toMatchObject({nodes: 1, services: 1, tasks: 1, events: 1});
		await vi.advanceTimersByTimeAsync(10_000);
		expect(fake.calls).toMatchObject({nodes: 1, services: 1, tasks: 6});
		watcher.stop();
	});

	it('keeps polling a small cluster every refresh over a slow link (slow answers are no large cluster)', async () => {
		const fake = fakeApi();
		const store = new ClusterStore();
		// Every answer takes 1.3 s: a slow link, not a long list.
		fake.api.tasks = () => {
			fake.calls.tasks++;
			return new Promise((resolve) => setTimeout(() => resolve(lab.tasks), 1300));
		};
		const {watcher} = watchFirst(fake, store);
		await vi.advanceTimersByTimeAsync(5000);
		const after = fake.calls.tasks;
		await vi.advanceTimersByTimeAsync(20_000);
		// Every refresh or two (a poll that finds the last answer too recent waits for the
		// next): not once a minute.
		expect(fake.calls.tasks - after).toBeGreaterThanOrEqual(4);
		watcher.stop();
	});

	it('on a large cluster the first data is nodes and services; all tasks wait for the tasks on screen', async () => {
		const fake = fakeApi();
		fake.api.services = async () => largeServices();
		const filters: unknown[] = [];
		const tasks = fake.api.tasks;
		fake.api.tasks = (filter) => (filters.push(filter), tasks(filter));
		const started = watchFirst(fake);
		const {watcher} = started;
		await vi.advanceTimersByTimeAsync(10);
		expect(started.first).toBe(true);
		expect(filters).toEqual([]);
		watcher.focus({service: ['svc']});
		await vi.advanceTimersByTimeAsync(10);
		expect(filters).toEqual([{service: ['svc']}, {}]);
		watcher.stop();
	});

	it('on a slow large cluster the first data does not wait for the full list the timer started', async () => {
		const fake = fakeApi();
		fake.api.services = () => new Promise((resolve) => setTimeout(() => resolve(largeServices()), 800));
		fake.api.tasks = () => new Promise(() => undefined); // never answers
		const started = watchFirst(fake);
		await vi.advanceTimersByTimeAsync(810);
		expect(started.first).toBe(true);
		started.watcher.stop();
	});

	it('the first data is there when the first read fails (the frame shows why)', async () => {
		const fake = fakeApi();
		fake.setDown(true);
		const started = watchFirst(fake);
		await vi.advanceTimersByTimeAsync(10);
		expect(started.first).toBe(true);
		started.watcher.stop();
	});

	it('asks for the tasks on screen first when the UI names them, then for all', async () => {
		const fake = fakeApi();
		const store = new ClusterStore();
		const filters: unknown[] = [];
		const tasks = fake.api.tasks;
		fake.api.tasks = (filter) => (filters.push(filter), tasks(filter));
		const watcher = watchCluster(fake.api, store, {refresh: 2000, resync: 30_000});
		watcher.focus({service: ['svc']});
		await vi.advanceTimersByTimeAsync(10);
		expect(filters).toEqual([{service: ['svc']}, {}]);
		watcher.stop();
	});

	it('folds a burst of service events into one services list, and looks at tasks after', async () => {
		const fake = fakeApi();
		const watcher = watchCluster(fake.api, new ClusterStore(), {refresh: 60_000, resync: 600_000});
		await vi.advanceTimersByTimeAsync(10);
		for (let i = 0; i < 20; i++) fake.emit({Type: 'service', Action: 'update', Actor: {ID: 'x'}});
		await vi.advanceTimersByTimeAsync(500);
		expect(fake.calls).toMatchObject({services: 2, tasks: 2, nodes: 1});
		fake.emit({Type: 'node', Action: 'update', Actor: {ID: 'n'}});
		await vi.advanceTimersByTimeAsync(500);
		expect(fake.calls.nodes).toBe(2);
		watcher.stop();
	});

	it('removes a service at once on its remove event', async () => {
		const fake = fakeApi();
		const store = new ClusterStore();
		const watcher = watchCluster(fake.api, store, {refresh: 60_000, resync: 600_000});
		await vi.advanceTimersByTimeAsync(10);
		fake.setSlow(true);
		fake.emit({Type: 'service', Action: 'remove', Actor: {ID: lab.services[0]!.ID}});
		expect(store.get().services.has(lab.services[0]!.ID)).toBe(false);
		watcher.stop();
	});

	it('counts secret and config events for the lists on screen, without reading any cluster list for them', async () => {
		const fake = fakeApi();
		const store = new ClusterStore();
		const watcher = watchCluster(fake.api, store, {refresh: 60_000, resync: 600_000});
		await vi.advanceTimersByTimeAsync(10);
		const calls = {...fake.calls};
		fake.emit({Type: 'secret', Action: 'create', Actor: {ID: 's1', Attributes: {name: 'db.v2'}}});
		fake.emit({Type: 'secret', Action: 'remove', Actor: {ID: 's0', Attributes: {name: 'db'}}});
		fake.emit({Type: 'config', Action: 'create', Actor: {ID: 'c1', Attributes: {name: 'app.conf'}}});
		await vi.advanceTimersByTimeAsync(1000);
		expect(store.get().objectEvents).toEqual({secrets: 2, configs: 1});
		expect(fake.calls).toEqual(calls);
		watcher.stop();
	});

	it('never runs two requests of the same kind at once on a slow engine', async () => {
		const fake = fakeApi();
		const watcher = watchCluster(fake.api, new ClusterStore(), {refresh: 100, resync: 600_000});
		await vi.advanceTimersByTimeAsync(10);
		fake.setSlow(true);
		const before = fake.calls.tasks;
		await vi.advanceTimersByTimeAsync(1500); // one list, then ten ticks while it is stuck
		expect(fake.calls.tasks).toBe(before + 1);
		fake.release();
		await vi.advanceTimersByTimeAsync(1);
		expect(fake.calls.tasks).toBe(before + 2); // one queued follow-up, not ten
		watcher.stop();
	});

	it('a read failing because the swarm has no leader marks the data, and the first read that works reloads everything', async () => {
		const fake = fakeApi();
		const store = new ClusterStore();
		let quorum = true;
		const tasks = fake.api.tasks;
		fake.api.tasks = (filter) => (quorum ? tasks(filter) : Promise.reject(toDockerError({statusCode: 500, json: {message: 'rpc error: code = Unknown desc = The swarm does not have a leader.'}}, fake.api.endpoint)));
		const watcher = watchCluster(fake.api, store, {refresh: 2000, resync: 600_000});
		await vi.advanceTimersByTimeAsync(600);
		quorum = false;
		await vi.advanceTimersByTimeAsync(2000);
		expect(store.get()).toMatchObject({connection: 'error', noLeader: true, error: expect.stringContaining('quorum lost')});
		expect(store.get().services.size).toBe(4); // the last known state stays
		const nodesBefore = fake.calls.nodes;
		quorum = true;
		await vi.advanceTimersByTimeAsync(2000);
		expect(store.get()).toMatchObject({connection: 'live', noLeader: undefined});
		expect(fake.calls.nodes).toBe(nodesBefore + 1); // who leads now is read again
		watcher.stop();
	});

	it('resubscribes with backoff after the events stream ends, and resyncs', async () => {
		const fake = fakeApi();
		const store = new ClusterStore();
		const watcher = watchCluster(fake.api, store, {refresh: 60_000, resync: 600_000});
		await vi.advanceTimersByTimeAsync(10);
		fake.end(new DockerError('the connection to unix:///fake.sock was closed (ECONNRESET)'));
		expect(store.get().connection).toBe('error');
		await vi.advanceTimersByTimeAsync(1100);
		expect(fake.calls.events).toBe(2);
		expect(fake.calls.services).toBe(2);
		expect(store.get().connection).toBe('live');
		watcher.stop();
	});
});

describe('losing the engine', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('stops polling, keeps the data, retries with backoff, and resumes everything when it is back', async () => {
		const fake = fakeApi();
		const store = new ClusterStore();
		const watcher = watchCluster(fake.api, store, {refresh: 2000, resync: 600_000});
		await vi.advanceTimersByTimeAsync(10);
		fake.setDown(true);
		fake.end(new DockerError('the connection to unix:///fake.sock was closed (ECONNRESET)', undefined, 'connection'));
		await vi.advanceTimersByTimeAsync(10);
		expect(store.get()).toMatchObject({connection: 'disconnected', error: expect.stringContaining('closed')});
		expect(store.get().services.size).toBe(4); // the last known state stays
		const tasksWhenDown = fake.calls.tasks;
		await vi.advanceTimersByTimeAsync(20_000);
		expect(fake.calls.tasks).toBe(tasksWhenDown); // no polling into the void
		expect(fake.calls.info).toBeGreaterThan(2); // but attempts to reconnect
		expect(fake.calls.info).toBeLessThan(12); // with backoff
		expect(store.get().retryAt).toBeGreaterThan(Date.now());
		fake.setDown(false);
		await vi.advanceTimersByTimeAsync(16_000);
		expect(store.get().connection).toBe('live');
		expect(fake.calls.events).toBe(2);
		expect(fake.calls.tasks).toBeGreaterThan(tasksWhenDown);
		watcher.stop();
	});
});

describe('events stream parsing', () => {
	it('splits newline-delimited JSON across chunk boundaries and skips garbage', () => {
		const seen: ApiEvent[] = [];
		const splitter = new NdjsonSplitter((e) => seen.push(e));
		splitter.push('{"Type":"service","Action":"upd');
		splitter.push('ate"}\nnot json\n{"Type":"node"}\n{"Ty');
		expect(seen.map((e) => e.Type)).toEqual(['service', 'node']);
		splitter.push('pe":"service"}\n');
		expect(seen).toHaveLength(3);
	});
});

describe('error messages', () => {
	const unix = parseHost('unix:///var/run/docker.sock', {context: 'default', source: 'test'});
	const tcp = parseHost('tcp://mgr:2376', {context: 'default', source: 'test', tls: {verify: true}});
	it('says what to do, naming the endpoint', () => {
		expect(toDockerError({code: 'ENOENT'}, unix).message).toBe('cannot connect to the Docker engine at unix:///var/run/docker.sock: is dockerd running on this machine?');
		expect(toDockerError({code: 'EACCES'}, unix).message).toMatch(/permission denied on unix:\/\/\/var\/run\/docker.sock: run as root or as a member of the docker group/);
		expect(toDockerError({code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate'}, tcp).message).toBe("the engine's certificate at tcp://mgr:2376 is not signed by the system's CAs: check --tlscacert (or ca.pem in DOCKER_CERT_PATH)");
		expect(toDockerError({code: 'EPROTO', message: 'C0:error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:../deps/openssl/ssl/rec.c:1601:'}, tcp).message).toBe('the engine at tcp://mgr:2376 requires a client certificate: give --tlscert and --tlskey (or cert.pem and key.pem in DOCKER_CERT_PATH)');
		expect(toDockerError({code: 'EPROTO', message: 'C0:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/ssl/rec.c:1:'}, tcp).message).toMatch(/does not speak TLS on this port/);
		const plain = parseHost('tcp://mgr:2376', {context: 'default', source: 'test'});
		expect(toDockerError({code: 'ECONNRESET'}, plain).message).toBe('the engine at tcp://mgr:2376 closed the connection (ECONNRESET): if it expects TLS (port 2376 usually does), use --tlsverify with its certificates');
		expect(toDockerError({statusCode: 400, json: 'Client sent an HTTP request to an HTTPS server.'}, plain).message).toMatch(/expects TLS: use --tlsverify/);
		expect(toDockerError({statusCode: 503, json: {message: 'This node is not a swarm manager.'}}, unix).message).toBe('This node is not a swarm manager.');
		expect(toDockerError({name: 'TimeoutError'}, tcp).kind).toBe('timeout');
	});
	it('names a lost quorum plainly instead of the engine\'s rpc text', () => {
		const error = toDockerError({statusCode: 500, json: {message: "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online."}}, unix);
		expect(error.kind).toBe('quorum');
		expect(error.message).toBe('the swarm has no leader (quorum lost): more than half of the managers must be online again');
	});
});
