// Routes to single nodes' engines (docker/nodes.ts) and the shell's checks
// (actions/shell.ts): which endpoint a node is reached through, in the documented order;
// one connection shared while in use and closed when idle; the sentence when there is
// no route; read-only and non-running tasks refused before anything is asked.
import {describe, expect, it, vi} from 'vitest';
import {openShell, shellRefusal} from '../../source/actions/shell.js';
import type {SwarmApi} from '../../source/docker/client.js';
import {type Endpoint, parseHost} from '../../source/docker/endpoint.js';
import {nodeConnections} from '../../source/docker/nodes.js';
import type {ApiTask} from '../../source/docker/types.js';

const fakeApi = (endpoint: Endpoint) =>
	({endpoint, ready: vi.fn(async () => undefined), close: vi.fn(), findShell: vi.fn(async () => 'ash'), openExec: vi.fn()}) as unknown as SwarmApi & {close: ReturnType<typeof vi.fn>};

const local = parseHost('unix:///run/docker.sock', {context: 'default', source: 'test'});
const overSsh = parseHost('ssh://ops@manager1:2222', {context: 'prod', source: 'test'});

function routes(main: Endpoint, nodeHosts: Record<string, string> = {}, idleMs = 60_000) {
	const opened: SwarmApi[] = [];
	const connections = nodeConnections({
		main: () => ({api: fakeApi(main), endpoint: main, nodeId: 'N1'}),
		nodeHosts,
		connect: (endpoint) => {
			const api = fakeApi(endpoint);
			opened.push(api);
			return api;
		},
		context: (name) => parseHost(`unix:///run/${name}.sock`, {context: name, source: 'test'}),
		idleMs,
	});
	return {connections, opened};
}

describe('routes to a node', () => {
	it('the connected node, then nodeHosts (URL or context), then ssh when connected over ssh, else none', () => {
		const {connections} = routes(local, {worker1: 'ssh://ops@10.0.0.12', worker2: 'w2ctx'});
		expect(connections.routeOf({id: 'N1', hostname: 'manager1'})).toBe('the connected engine');
		expect(connections.routeOf({id: 'N2', hostname: 'worker1', addr: '10.0.0.12'})).toBe('nodeHosts ssh://ops@10.0.0.12');
		expect(connections.routeOf({id: 'N3', hostname: 'worker2'})).toBe('nodeHosts w2ctx');
		expect(connections.routeOf({id: 'N4', hostname: 'worker3', addr: '10.0.0.14'})).toBeUndefined();
		const ssh = routes(overSsh).connections;
		expect(ssh.routeOf({id: 'N4', hostname: 'worker3', addr: '10.0.0.14'})).toBe('ssh ops@10.0.0.14:2222');
		// No address (0.0.0.0): the hostname.
		expect(ssh.routeOf({id: 'N5', hostname: 'worker4', addr: '0.0.0.0'})).toBe('ssh ops@worker4:2222');
	});

	it('says how to reach a node it has no route to, with the command to copy', async () => {
		const {connections} = routes(local);
		await expect(connections.acquire({id: 'N4', hostname: 'worker3', addr: '10.0.0.14'}, 'abcdef123456')).rejects.toThrow(
			'worker3: no route to its engine: set "nodeHosts": {"worker3": "ssh://USER@10.0.0.14"} in the config file, or run: ssh 10.0.0.14 docker exec -it abcdef123456 sh',
		);
	});

	it('shares one connection while in use and closes it once idle', async () => {
		vi.useFakeTimers();
		try {
			const {connections, opened} = routes(local, {worker1: 'unix:///run/w1.sock'}, 1000);
			const node = {id: 'N2', hostname: 'worker1'};
			const first = await connections.acquire(node);
			const second = await connections.acquire(node);
			expect(opened).toHaveLength(1);
			expect(opened[0]?.ready).toHaveBeenCalledWith(true); // batch: the terminal is the UI's
			first.release();
			vi.advanceTimersByTime(5000);
			expect((opened[0] as unknown as {close: ReturnType<typeof vi.fn>}).close).not.toHaveBeenCalled(); // still used
			second.release();
			vi.advanceTimersByTime(999);
			expect((opened[0] as unknown as {close: ReturnType<typeof vi.fn>}).close).not.toHaveBeenCalled();
			vi.advanceTimersByTime(2);
			expect((opened[0] as unknown as {close: ReturnType<typeof vi.fn>}).close).toHaveBeenCalledTimes(1);
			await connections.acquire(node);
			expect(opened).toHaveLength(2); // a new one after the idle close
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('a shell in a task', () => {
	const running = {ID: 't1', DesiredState: 'running', Status: {State: 'running', ContainerStatus: {ContainerID: 'c0ffee0123456789'}}} as ApiTask;

	it('is refused in read-only mode and for a task that is not running, before the engine is asked', async () => {
		expect(shellRefusal(running, 'api.1', true)).toMatch(/^read-only mode: .*a shell can change anything in the container/);
		expect(shellRefusal({...running, Status: {State: 'failed'}, DesiredState: 'shutdown'} as ApiTask, 'api.1', false)).toBe('api.1 is not running (it is failed, wanted shutdown): a shell needs a running container');
		expect(shellRefusal(running, 'api.1', false)).toBeUndefined();
		const {connections, opened} = routes(local, {worker1: 'unix:///run/w1.sock'});
		await expect(openShell(connections, true, {task: running, taskName: 'api.1', node: {id: 'N2', hostname: 'worker1'}}, {size: {columns: 80, rows: 24}})).rejects.toThrow(/read-only/);
		expect(opened).toHaveLength(0);
	});

	it('runs the configured shell, else the first the container has', async () => {
		const {connections, opened} = routes(local, {worker1: 'unix:///run/w1.sock'});
		const target = {task: running, taskName: 'api.1', node: {id: 'N2', hostname: 'worker1'}};
		const found = await openShell(connections, false, target, {size: {columns: 80, rows: 24}});
		expect(found.command).toEqual(['ash']);
		expect(found.how).toBe('nodeHosts unix:///run/w1.sock');
		const api = opened[0] as unknown as {findShell: ReturnType<typeof vi.fn>; openExec: ReturnType<typeof vi.fn>};
		expect(api.findShell).toHaveBeenCalledWith('c0ffee0123456789', ['bash', 'ash', 'sh']);
		const configured = await openShell(connections, false, target, {shell: ['bash', '-l'], size: {columns: 80, rows: 24}});
		expect(configured.command).toEqual(['bash', '-l']);
		expect(api.findShell).toHaveBeenCalledTimes(1);
		expect(api.openExec).toHaveBeenLastCalledWith('c0ffee0123456789', ['bash', '-l'], {columns: 80, rows: 24});
	});
});
