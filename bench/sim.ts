// A simulated Docker Engine for benchmarks: answers the API calls swarmtui makes from
// generated data of a chosen size, on a unix socket, and can change tasks, emit events
// and stream logs at chosen rates. Shapes follow the real engine (a test compares them
// with the lab swarm's answers).
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {rmSync} from 'node:fs';

export type SimSize = {nodes: number; services: number; tasks: number; managers?: number};

type Json = Record<string, unknown>;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(8, '0')}`.padEnd(25, 'x');

export class SimEngine {
	readonly nodes: Json[] = [];
	readonly services: Json[] = [];
	readonly tasks: Json[] = [];
	readonly requests = new Map<string, number>();
	private version = 100;
	private cache = new Map<string, string>();
	private server?: Server;
	private eventClients = new Set<ServerResponse>();
	private timers: NodeJS.Timeout[] = [];
	logRate = 0; // lines per second per log stream (all tasks together)

	constructor(readonly size: SimSize) {
		const now = Date.now() - 3_600_000;
		const managers = size.managers ?? 3;
		for (let n = 0; n < size.nodes; n++) {
			const manager = n < managers;
			this.nodes.push({
				ID: id('node', n),
				Version: {Index: this.version++},
				CreatedAt: iso(now),
				UpdatedAt: iso(now),
				Spec: {Labels: {}, Role: manager ? 'manager' : 'worker', Availability: 'active'},
				Description: {
					Hostname: `node-${String(n).padStart(4, '0')}`,
					Platform: {Architecture: 'x86_64', OS: 'linux'},
					Resources: {NanoCPUs: 4e9, MemoryBytes: 8e9},
					Engine: {EngineVersion: '20.10.24', Plugins: []},
					TLSInfo: {},
				},
				Status: {State: 'ready', Addr: `10.1.${Math.floor(n / 250)}.${n % 250}`},
				...(manager ? {ManagerStatus: {Leader: n === 0, Reachability: 'reachable', Addr: `10.1.0.${n}:2377`}} : {}),
			});
		}
		const perService = Math.max(1, Math.floor(size.tasks / size.services));
		for (let s = 0; s < size.services; s++) {
			const stack = s % 3 === 0 ? undefined : `stack${String(Math.floor(s / 5)).padStart(4, '0')}`;
			const name = stack ? `${stack}_svc-${String(s).padStart(5, '0')}` : `svc-${String(s).padStart(5, '0')}`;
			const running = Math.max(1, Math.ceil(perService * 0.6));
			const spec = {
				Name: name,
				Labels: stack ? {'com.docker.stack.namespace': stack} : {},
				TaskTemplate: {
					ContainerSpec: {Image: `registry.example.com/team/app-${s % 50}:1.${s % 9}@sha256:${'a'.repeat(64)}`, Args: ['serve'], Env: ['A=1', 'B=2'], Init: false, DNSConfig: {}, Isolation: 'default'},
					Resources: {Limits: {}, Reservations: {}},
					RestartPolicy: {Condition: 'any', Delay: 5e9, MaxAttempts: 0},
					Placement: {},
					ForceUpdate: 0,
					Runtime: 'container',
				},
				Mode: {Replicated: {Replicas: running}},
				UpdateConfig: {Parallelism: 1, FailureAction: 'pause', Monitor: 5e9, MaxFailureRatio: 0, Order: 'stop-first'},
				RollbackConfig: {Parallelism: 1, FailureAction: 'pause', Monitor: 5e9, MaxFailureRatio: 0, Order: 'stop-first'},
				EndpointSpec: {Mode: 'vip'},
			};
			const serviceId = id('svc', s);
			this.services.push({
				ID: serviceId,
				Version: {Index: this.version++},
				CreatedAt: iso(now),
				UpdatedAt: iso(now),
				Spec: spec,
				Endpoint: {Spec: {Mode: 'vip'}},
				ServiceStatus: {RunningTasks: running, DesiredTasks: running, CompletedTasks: 0},
			});
			for (let t = 0; t < perService; t++) {
				const slot = (t % running) + 1;
				const current = t < running;
				const n = (s * 7 + t * 13) % size.nodes;
				// History (failed, shut down) is older than the tasks that replaced it.
				const created = now + (current ? 600_000 : 0) + t * 1000;
				this.tasks.push({
					ID: id(`t${s}-`, t),
					Version: {Index: this.version++},
					CreatedAt: iso(created),
					UpdatedAt: iso(created),
					Labels: {},
					Spec: spec.TaskTemplate,
					ServiceID: serviceId,
					Slot: slot,
					NodeID: this.nodes[n]?.['ID'],
					Status: {
						Timestamp: iso(created),
						State: current ? 'running' : 'failed',
						Message: current ? 'started' : 'started',
						...(current ? {} : {Err: 'task: non-zero exit (1)'}),
						ContainerStatus: {ContainerID: 'c'.repeat(64), PID: current ? 100 + t : 0, ExitCode: current ? 0 : 1},
						PortStatus: {},
					},
					DesiredState: current ? 'running' : 'shutdown',
				});
			}
		}
	}

	/** Changes `perSecond` tasks' status every second (in ten steps). */
	churn(perSecond: number): void {
		if (perSecond <= 0) return;
		const step = Math.max(1, Math.round(perSecond / 10));
		let cursor = 0;
		this.timers.push(
			setInterval(() => {
				for (let i = 0; i < step; i++) {
					const task = this.tasks[cursor++ % this.tasks.length] as Json & {Status: Json; Version: Json};
					task.Version = {Index: this.version++};
					task.Status = {...task.Status, Timestamp: iso(Date.now())};
				}
				this.cache.delete('tasks');
			}, 100),
		);
	}

	stopTimers(): void {
		for (const timer of this.timers) clearInterval(timer);
		this.timers = [];
	}

	count(key: string): void {
		this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
	}

	resetCounts(): void {
		this.requests.clear();
	}

	private json(key: string, make: () => unknown): string {
		let body = this.cache.get(key);
		if (body === undefined) {
			body = JSON.stringify(make());
			this.cache.set(key, body);
		}
		return body;
	}

	handle = (req: IncomingMessage, res: ServerResponse): void => {
		const url = new URL(req.url ?? '/', 'http://sim');
		const path = url.pathname.replace(/^\/v\d+\.\d+/, '');
		const send = (body: string, status = 200) => {
			res.writeHead(status, {'Content-Type': 'application/json', 'Api-Version': '1.41'});
			res.end(body);
		};
		const filters = JSON.parse(url.searchParams.get('filters') || '{}') as Record<string, string[] | Record<string, boolean>>;
		const values = (key: string) => {
			const v = filters[key];
			return Array.isArray(v) ? v : v ? Object.keys(v) : undefined;
		};
		if (path === '/_ping') return send('OK');
		// Control of the simulator itself (not part of the Engine API).
		if (path === '/_sim/counts') return send(JSON.stringify(Object.fromEntries(this.requests)));
		if (path === '/_sim/reset') return (this.resetCounts(), send('{}'));
		if (path === '/_sim/churn') return (this.stopTimers(), this.churn(Number(url.searchParams.get('rate') ?? 0)), send('{}'));
		if (path === '/_sim/lograte') return ((this.logRate = Number(url.searchParams.get('rate') ?? 0)), send('{}'));
		if (path === '/version') return (this.count('version'), send(JSON.stringify({Version: '20.10.24', ApiVersion: '1.41', MinAPIVersion: '1.12', Os: 'linux', Arch: 'amd64'})));
		if (path === '/info') {
			this.count('info');
			return send(JSON.stringify({Name: 'node-0000', ServerVersion: '20.10.24', Swarm: {NodeID: this.nodes[0]?.['ID'], NodeAddr: '10.1.0.0', LocalNodeState: 'active', ControlAvailable: true, Error: '', RemoteManagers: [], Nodes: this.nodes.length, Managers: this.size.managers ?? 3, Cluster: {ID: 'simclusterid0000000000000'}}}));
		}
		if (path === '/nodes') return (this.count('nodes'), send(this.json('nodes', () => this.nodes)));
		if (path === '/services') {
			this.count('services');
			const status = url.searchParams.get('status') === 'true' || url.searchParams.get('status') === '1';
			return send(this.json(`services:${status}`, () => (status ? this.services : this.services.map(({ServiceStatus: _drop, ...rest}) => rest))));
		}
		const service = /^\/services\/([^/]+)$/.exec(path);
		if (service) {
			this.count('service');
			const found = this.services.find((s) => s['ID'] === service[1] || (s['Spec'] as Json)['Name'] === service[1]);
			return found ? send(JSON.stringify(found)) : send(JSON.stringify({message: `service ${service[1]} not found`}), 404);
		}
		if (path === '/tasks') {
			this.count('tasks');
			const byService = values('service');
			const byNode = values('node');
			const byState = values('desired-state');
			if (!byService && !byNode && !byState) return send(this.json('tasks', () => this.tasks));
			const ids = byService ? new Set(byService.map((name) => this.services.find((s) => s['ID'] === name || (s['Spec'] as Json)['Name'] === name)?.['ID'])) : undefined;
			return send(
				JSON.stringify(
					this.tasks.filter(
						(t) => (!ids || ids.has(t['ServiceID'] as string)) && (!byNode || byNode.includes(t['NodeID'] as string)) && (!byState || byState.includes(t['DesiredState'] as string)),
					),
				),
			);
		}
		if (path === '/events') {
			this.count('events');
			res.writeHead(200, {'Content-Type': 'application/json'});
			res.flushHeaders();
			this.eventClients.add(res);
			req.on('close', () => this.eventClients.delete(res));
			return;
		}
		const logs = /^\/(services|tasks)\/([^/]+)\/logs$/.exec(path);
		if (logs) return this.streamLogs(logs[1] === 'services' ? logs[2] ?? '' : '', req, res, url);
		this.count('other');
		send(JSON.stringify({message: `page not found: ${path}`}), 404);
	};

	/** Emits one event to every events subscriber. */
	emit(event: Json): void {
		const line = `${JSON.stringify(event)}\n`;
		for (const client of this.eventClients) client.write(line);
	}

	/** Multiplexed log frames, `logRate` lines per second spread over the service's tasks (or 50). */
	private streamLogs(serviceId: string, req: IncomingMessage, res: ServerResponse, url: URL): void {
		this.count('logs');
		res.writeHead(200, {'Content-Type': 'application/vnd.docker.multiplexed-stream'});
		const tasks = this.tasks.filter((t) => !serviceId || t['ServiceID'] === serviceId).slice(0, 50);
		const follow = url.searchParams.get('follow') === '1' || url.searchParams.get('follow') === 'true';
		let seq = 0;
		const started = Date.now();
		const batch = () => {
			// Catch up with the rate whatever the timer's drift: lines due so far minus sent.
			const due = follow ? Math.floor(((Date.now() - started) / 1000) * this.logRate) : Math.max(1, Math.round(this.logRate / 100));
			const lines = Math.min(20_000, Math.max(0, due - seq));
			if (lines === 0) return;
			this.requests.set('logLines', (this.requests.get('logLines') ?? 0) + lines);
			const chunks: Buffer[] = [];
			for (let i = 0; i < lines; i++) {
				const task = tasks[seq % Math.max(1, tasks.length)] ?? {ID: 'none', NodeID: 'none', ServiceID: serviceId};
				const text = `${iso(Date.now())} com.docker.swarm.node.id=${task['NodeID']},com.docker.swarm.service.id=${task['ServiceID']},com.docker.swarm.task.id=${task['ID']} request ${seq++} GET /api/items?page=${seq % 97} 200 12ms\n`;
				const payload = Buffer.from(text);
				const header = Buffer.alloc(8);
				header[0] = seq % 10 === 0 ? 2 : 1;
				header.writeUInt32BE(payload.length, 4);
				chunks.push(header, payload);
			}
			res.write(Buffer.concat(chunks));
		};
		if (!follow) {
			batch();
			res.end();
			return;
		}
		const timer = setInterval(batch, 10);
		req.on('close', () => clearInterval(timer));
	}

	listen(socket: string): Promise<void> {
		rmSync(socket, {force: true});
		this.server = createServer(this.handle);
		this.server.keepAliveTimeout = 60_000;
		return new Promise((resolve) => this.server?.listen(socket, resolve));
	}

	close(): Promise<void> {
		this.stopTimers();
		for (const client of this.eventClients) client.end();
		return new Promise((resolve) => {
			this.server?.closeAllConnections?.();
			this.server?.close(() => resolve());
		});
	}
}
