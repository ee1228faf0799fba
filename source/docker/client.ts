// The only module that talks to dockerode. Everything above gets typed calls and
// plain-sentence errors (DockerError).
import {readFileSync} from 'node:fs';
import {addAbortSignal, type Readable} from 'node:stream';
import {Agent as HttpsAgent} from 'node:https';
import Docker from 'dockerode';
import type {Endpoint} from './endpoint.js';
import {DockerError, toDockerError} from './errors.js';
import {type ExecApi, execApi} from './exec.js';
import {JsonArraySplitter} from './jsonarray.js';
import {NdjsonSplitter} from './events.js';
import {type LogHandlers, readLogStream} from './logs.js';
import {type SshTransport, sshTransport} from './ssh.js';
import type {ApiEvent, ApiInfo, ApiNode, ApiService, ApiServiceSpec, ApiTask, ApiVersionInfo} from './types.js';

/** upToDate: only tasks the engine calls up to date with their service's spec (its `_up-to-date` filter). */
export type TaskFilter = {service?: string[]; node?: string[]; desiredState?: string[]; upToDate?: boolean};

export type EventHandlers = {
	onEvent: (event: ApiEvent) => void;
	/** The stream ended or failed; the caller decides when to subscribe again. */
	onEnd: (error?: DockerError) => void;
};

export type Subscription = {close: () => void};

/** Reads and the events stream: all the watcher needs. */
export type SwarmReader = {
	readonly endpoint: Endpoint;
	version(): Promise<ApiVersionInfo>;
	info(): Promise<ApiInfo>;
	nodes(): Promise<ApiNode[]>;
	services(): Promise<ApiService[]>;
	tasks(filter?: TaskFilter): Promise<ApiTask[]>;
	/** Service, node, secret and config events (swarm scope) from `since` (unix seconds) on. */
	events(since: number, handlers: EventHandlers): Subscription;
	close(): void;
};

/** maxLineBytes is swarmtui's own (not sent): bytes of a line kept, the rest counted as cut. */
export type LogQuery = {follow: boolean; since?: string; tail?: number; maxLineBytes?: number};

/** Log streams of services and tasks. */
export type LogSource = {
	readonly endpoint: Endpoint;
	logs(target: {kind: 'service' | 'task'; id: string; tty: boolean}, query: LogQuery, handlers: LogHandlers): Subscription;
};

/** The calls that change the swarm, and the reads they need first. */
export type SwarmWriter = {
	readonly endpoint: Endpoint;
	inspectService(id: string): Promise<ApiService>;
	/** POST /services/{id}/update: the spec in the body, version (and rollback) in the query. */
	updateService(id: string, version: number, spec: ApiServiceSpec, options?: {rollback?: 'previous'}): Promise<{Warnings?: string[] | null}>;
	removeService(id: string): Promise<void>;
	inspectNode(id: string): Promise<ApiNode>;
	inspectTask(id: string): Promise<ApiTask>;
	/** Swarm-scoped networks, secrets (never their values: the API has none) or configs. */
	listObjects(kind: 'networks' | 'secrets' | 'configs'): Promise<Array<Record<string, unknown>>>;
	updateNode(id: string, version: number, spec: NonNullable<ApiNode['Spec']>): Promise<void>;
	/** POST /services/create (the image not resolved: the spec names it as the operator wrote it). */
	createService(spec: ApiServiceSpec): Promise<{ID: string; Warnings?: string[] | null}>;
	/** POST /secrets/create or /configs/create; Data is base64. */
	createObject(kind: 'secrets' | 'configs', spec: {Name: string; Data: string; Labels?: Record<string, string>}): Promise<{ID: string}>;
	removeObject(kind: 'secrets' | 'configs', id: string): Promise<void>;
	/** The registry's digest for an image reference (GET /distribution/{name}/json). */
	distribution(image: string): Promise<{Descriptor?: {digest?: string}}>;
};

export type SwarmApi = SwarmReader &
	SwarmWriter &
	LogSource &
	ExecApi & {
		/** Connected and authenticated (ssh: the one master connection); call before the first request. */
		ready(batch?: boolean): Promise<void>;
	};

export type ClientOptions = {
	/** Per-request timeout in ms; streams have none. */
	timeout?: number;
};

function readPem(path: string | undefined, what: string): Buffer | undefined {
	if (!path) return undefined;
	try {
		return readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
		throw new DockerError(`could not read the ${what} ${path}: ${why}`, undefined, 'tls');
	}
}

/** dockerode options for an endpoint, every key explicit: DOCKER_HOST must not leak in. */
export function dockerodeOptions(endpoint: Endpoint, sshAgent?: import('node:http').Agent): Docker.DockerOptions {
	const none = {socketPath: undefined, host: undefined, port: undefined, protocol: undefined, ca: undefined, cert: undefined, key: undefined};
	switch (endpoint.transport) {
		// The Host header Node would send, given: working it out, Node's first request
		// compiles its IPv6 pattern (~10 ms of start-up).
		case 'unix':
		case 'npipe':
			return {...none, socketPath: endpoint.socketPath, headers: {Host: 'localhost'}};
		case 'ssh':
			// HTTP over the ssh child's stdio; the host name is only for the Host header.
			return {...none, host: 'docker', port: 80, protocol: 'http', agent: sshAgent, headers: {Host: 'docker'}} as Docker.DockerOptions;
		case 'tcp': {
			const tls = endpoint.tls;
			if (!tls) return {...none, host: endpoint.hostname, port: endpoint.port, protocol: 'http'};
			const options: Docker.DockerOptions = {
				...none,
				host: endpoint.hostname,
				port: endpoint.port,
				protocol: 'https',
				ca: readPem(tls.ca, 'CA certificate'),
				cert: readPem(tls.cert, 'client certificate'),
				key: readPem(tls.key, 'client key'),
			};
			if (!tls.verify) {
				// --tls without --tlsverify: encrypted, server not checked (the CLI's meaning).
				(options as Record<string, unknown>)['agent'] = new HttpsAgent({rejectUnauthorized: false, keepAlive: true});
			}
			return options;
		}
	}
}

/**
 * Only what swarmtui reads of a task: a task carries its whole spec, and 50,000 of
 * them in full would take most of a gigabyte. Repeated strings are shared through
 * `strings`.
 */
export function slimTask(value: unknown, strings: Map<string, string> = new Map()): ApiTask {
	const raw = (value ?? {}) as ApiTask;
	const status = raw.Status ?? {};
	const container = status.ContainerStatus;
	const one = <T>(text: T): T => {
		if (typeof text !== 'string') return text;
		const known = strings.get(text);
		if (known !== undefined) return known as T;
		strings.set(text, text);
		return text;
	};
	return {
		ID: raw.ID,
		Version: raw.Version,
		CreatedAt: raw.CreatedAt,
		UpdatedAt: raw.UpdatedAt,
		ServiceID: one(raw.ServiceID),
		Slot: raw.Slot,
		NodeID: one(raw.NodeID),
		DesiredState: one(raw.DesiredState),
		Spec: {ContainerSpec: {Image: one(raw.Spec?.ContainerSpec?.Image)}},
		Status: {
			Timestamp: status.Timestamp,
			State: one(status.State),
			Message: one(status.Message),
			Err: one(status.Err),
			ContainerStatus: container ? {ContainerID: container.ContainerID, PID: container.PID, ExitCode: container.ExitCode} : undefined,
		},
	} as ApiTask;
}

// dockerode's typings pick the callback overload when options are passed.
type Promised = (options: Record<string, unknown>) => Promise<unknown>;

export function createClient(endpoint: Endpoint, options: ClientOptions = {}): SwarmApi {
	// Over ssh, streams and requests go through different agents (ssh.ts): an open log
	// stream must never hold a connection a poll is waiting for.
	const ssh: SshTransport | undefined = endpoint.transport === 'ssh' ? sshTransport(endpoint) : undefined;
	const docker = new Docker(dockerodeOptions(endpoint, ssh?.requests));
	const streamer = ssh ? new Docker(dockerodeOptions(endpoint, ssh.streams)) : docker;
	const timeout = options.timeout ?? 15_000;
	const signal = () => AbortSignal.timeout(timeout);
	const call = async <T>(run: () => Promise<T>): Promise<T> => {
		try {
			return await run();
		} catch (error) {
			throw toDockerError(error, endpoint);
		}
	};
	// docker-modem's one entry point, for what dockerode's methods do not do right.
	type Modem = {dial: (options: unknown, done: (error: unknown, data: unknown) => void) => void};
	const modem = docker.modem as unknown as Modem;
	const dial = modem.dial.bind(modem);
	const dialStream = (streamer.modem as unknown as Modem).dial.bind(streamer.modem);
	const open = new Set<NodeJS.ReadableStream & {destroy?: () => void}>();
	const statusCodes = {200: true, 201: true, 204: true, 304: true, 400: 'bad parameter', 403: 'forbidden', 404: 'not found', 409: 'conflict', 500: 'server error', 503: 'node is not part of a swarm'};
	// dockerode's service.update() sends its options as both query and body; go to the
	// modem with each in its place.
	const request = <T>(method: string, path: string, query?: Record<string, unknown>, body?: unknown, ms = timeout) =>
		call(
			() =>
				new Promise<T>((resolve, reject) => {
					const options: Record<string, unknown> = {};
					if (query) options['_query'] = query;
					if (body !== undefined) options['_body'] = body;
					dial(
						{path: `${path}?`, method, options, statusCodes, abortSignal: AbortSignal.timeout(ms)},
						(error, data) => (error ? reject(error) : resolve(data as T)),
					);
				}),
		);
	const id = (value: string) => encodeURIComponent(value);
	// A list read element by element as it arrives, each kept only as `keep` makes it.
	const streamList = <T>(path: string, query: Record<string, unknown>, keep: (raw: unknown, strings: Map<string, string>) => T) =>
		call(
			() =>
				new Promise<T[]>((resolve, reject) => {
					const out: T[] = [];
					// One copy of each repeated string (image, service and node IDs, states).
					const strings = new Map<string, string>();
					const splitter = new JsonArraySplitter((raw) => out.push(keep(raw, strings)));
					// The timeout covers the whole answer, not only its headers.
					const abort = signal();
					dial(
						{path: `${path}?`, method: 'GET', options: {_query: query}, isStream: true, statusCodes, abortSignal: abort},
						(error, data) => {
							if (error) return reject(error);
							const stream = addAbortSignal(abort, data as Readable);
							stream.on('data', (chunk: Buffer) => {
								try {
									splitter.push(chunk);
								} catch (failure) {
									stream.destroy();
									reject(failure);
								}
							});
							stream.on('end', () => {
								try {
									splitter.end();
									resolve(out);
								} catch (failure) {
									reject(failure);
								}
							});
							stream.on('error', reject);
						},
					);
				}),
		);
	// Two callers asking the same question at once (the start-up checks and the watcher
	// both read /info) share one request instead of piling up on a slow engine.
	const shared = <T>(run: () => Promise<T>) => {
		let pending: Promise<T> | undefined;
		return () => (pending ??= run().finally(() => (pending = undefined)));
	};

	return {
		endpoint,
		// Sessions are streams: over ssh they go through the streams' agent.
		...execApi(streamer, endpoint),
		ready: async (batch = false) => {
			if (ssh) await ssh.ready(batch);
		},
		version: shared(() => call(async () => (await (docker.version.bind(docker) as Promised)({abortSignal: signal()})) as ApiVersionInfo)),
		info: shared(() => call(async () => (await (docker.info.bind(docker) as Promised)({abortSignal: signal()})) as ApiInfo)),
		nodes: shared(() => call(async () => (await docker.listNodes({abortSignal: signal()} as never)) as unknown as ApiNode[])),
		services: shared(() =>
			call(async () => (await docker.listServices({status: true, abortSignal: signal()} as never)) as unknown as ApiService[])),
		tasks: (filter = {}) => {
			const filters: Record<string, string[]> = {};
			if (filter.service) filters['service'] = filter.service;
			if (filter.node) filters['node'] = filter.node;
			if (filter.desiredState) filters['desired-state'] = filter.desiredState;
			if (filter.upToDate) filters['_up-to-date'] = ['true'];
			return streamList('/tasks', {filters}, slimTask);
		},
		events(since, handlers) {
			let closed = false;
			let stream: (NodeJS.ReadableStream & {destroy?: () => void}) | undefined;
			let ended = false;
			const end = (error?: unknown) => {
				if (ended || closed) return;
				ended = true;
				if (stream) open.delete(stream);
				handlers.onEnd(error ? toDockerError(error, endpoint) : undefined);
			};
			const splitter = new NdjsonSplitter(handlers.onEvent);
			(streamer.getEvents.bind(streamer) as Promised)({since, filters: {type: ['service', 'node', 'secret', 'config']}}).then(
				(s: unknown) => {
					stream = s as NodeJS.ReadableStream & {destroy?: () => void};
					if (closed) {
						stream.destroy?.();
						return;
					}
					open.add(stream);
					stream.on('data', (chunk: Buffer) => splitter.push(chunk));
					stream.on('end', () => end());
					stream.on('close', () => end());
					stream.on('error', (error) => end(error));
				},
				(error: unknown) => end(error),
			);
			return {
				close() {
					closed = true;
					if (stream) {
						open.delete(stream);
						stream.destroy?.();
					}
				},
			};
		},
		inspectService: (serviceId) => request<ApiService>('GET', `/services/${id(serviceId)}`),
		updateService: (serviceId, version, spec, options = {}) =>
			request('POST', `/services/${id(serviceId)}/update`, {version, ...(options.rollback ? {rollback: options.rollback} : {})}, spec),
		removeService: async (serviceId) => {
			await request('DELETE', `/services/${id(serviceId)}`);
		},
		inspectNode: (nodeId) => request<ApiNode>('GET', `/nodes/${id(nodeId)}`),
		inspectTask: (taskId) => request<ApiTask>('GET', `/tasks/${id(taskId)}`),
		listObjects: (kind) => request('GET', `/${kind}`, kind === 'networks' ? {filters: JSON.stringify({scope: ['swarm']})} : undefined),
		updateNode: async (nodeId, version, spec) => {
			// A demotion is answered once raft has removed the member: allow it a minute.
			await request('POST', `/nodes/${id(nodeId)}/update`, {version}, spec, 60_000);
		},
		createService: (spec) => request('POST', '/services/create', undefined, spec),
		createObject: (kind, spec) => request('POST', `/${kind}/create`, undefined, spec),
		removeObject: async (kind, objectId) => {
			await request('DELETE', `/${kind}/${id(objectId)}`);
		},
		distribution: (image) => request('GET', `/distribution/${image}/json`, undefined, undefined, 8000),
		logs(target, query, handlers) {
			let stop: (() => void) | undefined;
			let closed = false;
			const search: Record<string, unknown> = {stdout: 1, stderr: 1, timestamps: 1, details: 1, follow: query.follow ? 1 : 0};
			// Never the whole history by default: the caller sets tail (per task) or since.
			if (query.since) search['since'] = query.since;
			if (query.tail !== undefined) search['tail'] = query.tail;
			const path = `/${target.kind === 'service' ? 'services' : 'tasks'}/${id(target.id)}/logs`;
			dialStream(
				{path: `${path}?`, method: 'GET', options: {_query: search}, isStream: true, statusCodes},
				(error, response) => {
					if (closed) return (response as {destroy?: () => void} | undefined)?.destroy?.();
					if (error) return handlers.onEnd(toDockerError(error, endpoint));
					stop = readLogStream(response as NodeJS.ReadableStream, {...handlers, onEnd: (e) => handlers.onEnd(e ? toDockerError(e, endpoint) : undefined)}, {
						raw: target.tty,
						details: true,
						maxLineBytes: query.maxLineBytes,
					});
				},
			);
			return {
				close() {
					closed = true;
					stop?.();
				},
			};
		},
		close() {
			for (const stream of open) stream.destroy?.();
			open.clear();
			ssh?.close();
		},
	};
}
