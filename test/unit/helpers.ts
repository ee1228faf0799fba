import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {SwarmWriter} from '../../source/docker/client.js';
import {parseHost} from '../../source/docker/endpoint.js';
import {DockerError} from '../../source/docker/errors.js';
import type {ApiInfo, ApiNode, ApiService, ApiServiceSpec, ApiTask} from '../../source/docker/types.js';
import {ClusterStore} from '../../source/model/store.js';
import {render} from 'ink-testing-library';
import {afterEach} from 'vitest';
import {createElement} from 'react';
import {createActions} from '../../source/actions/index.js';
import {ActivityLog} from '../../source/model/activity.js';
import {App, type AppProps} from '../../source/ui/App.js';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8')) as T;

/** Real answers captured from the lab swarm (3 nodes, shop stack, monitor, crashy). */
export const lab = {
	nodes: fixture<ApiNode[]>('lab-nodes.json'),
	services: fixture<ApiService[]>('lab-services.json'),
	tasks: fixture<ApiTask[]>('lab-tasks.json'),
	info: fixture<ApiInfo>('lab-info.json'),
};

export function labStore(): ClusterStore {
	const store = new ClusterStore();
	store.setIdentity(lab.info);
	store.setNodes(lab.nodes);
	store.setServices(lab.services);
	store.setTasks(lab.tasks);
	return store;
}

export const serviceId = (name: string): string => {
	const service = lab.services.find((s) => s.Spec?.Name === name);
	if (!service) throw new Error(`no ${name} in fixture`);
	return service.ID;
};

/** A SwarmWriter over in-memory copies, with the engine's version checks. */
export function fakeWriter(services: ApiService[], nodes: ApiNode[] = lab.nodes) {
	const state = new Map(services.map((s) => [s.ID, structuredClone(s)]));
	const nodeState = new Map(nodes.map((n) => [n.ID, structuredClone(n)]));
	const updates: Array<{id: string; version: number; spec: ApiServiceSpec; rollback?: string}> = [];
	const objects = {secrets: new Map<string, {ID: string; Spec: {Name: string; Data: string; Labels?: Record<string, string>}}>(), configs: new Map<string, {ID: string; Spec: {Name: string; Data: string; Labels?: Record<string, string>}}>()};
	const created: ApiServiceSpec[] = [];
	let conflicts = 0;
	let registry: 'ok' | 'down' = 'down';
	const api: SwarmWriter = {
		endpoint: parseHost('unix:///fake.sock', {context: 'default', source: 'test'}),
		inspectService: async (id) => {
			const s = state.get(id);
			if (!s) throw new DockerError('service not found', 404);
			return structuredClone(s);
		},
		updateService: async (id, version, spec, options = {}) => {
			const s = state.get(id)!;
			if (conflicts > 0) {
				conflicts--;
				// Someone else changed it meanwhile.
				s.Version = {Index: (s.Version?.Index ?? 0) + 1};
				s.Spec = {...s.Spec, Labels: {...s.Spec?.Labels, changedBy: 'someone'}};
				throw new DockerError('rpc error: code = Unknown desc = update out of sequence', 500);
			}
			if (version !== s.Version?.Index) throw new DockerError('rpc error: code = Unknown desc = update out of sequence', 500);
			updates.push({id, version, spec, rollback: options.rollback});
			s.PreviousSpec = s.Spec;
			s.Spec = spec;
			s.Version = {Index: version + 1};
			return {};
		},
		removeService: async (id) => {
			state.delete(id);
		},
		inspectNode: async (id) => structuredClone(nodeState.get(id)!),
		inspectTask: async (id) => structuredClone(lab.tasks.find((t) => t.ID === id)!),
		listObjects: async () => [],
		updateNode: async (id, version, spec) => {
			const n = nodeState.get(id)!;
			if (version !== n.Version?.Index) throw new DockerError('update out of sequence', 500);
			n.Spec = spec;
			n.Version = {Index: version + 1};
		},
		createService: async (spec) => {
			if ([...state.values()].some((s) => s.Spec?.Name === spec.Name)) throw new DockerError('rpc error: code = AlreadyExists desc = name conflicts with an existing object', 409);
			const ID = `new${created.length}`.padEnd(25, '0');
			created.push(spec);
			state.set(ID, {ID, Version: {Index: 1}, Spec: spec} as ApiService);
			return {ID};
		},
		createObject: async (kind, spec) => {
			if ([...objects[kind].values()].some((o) => o.Spec.Name === spec.Name)) throw new DockerError(`rpc error: code = AlreadyExists desc = ${kind.slice(0, -1)} ${spec.Name} already exists`, 409);
			const ID = `${kind}${objects[kind].size}`.padEnd(25, '0');
			objects[kind].set(ID, {ID, Spec: spec});
			return {ID};
		},
		removeObject: async (kind, id) => {
			if (!objects[kind].delete(id)) throw new DockerError(`${kind.slice(0, -1)} ${id} not found`, 404);
		},
		distribution: async () => {
			if (registry === 'down') throw new DockerError('Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host', 500);
			return {Descriptor: {digest: 'sha256:' + 'a'.repeat(64)}};
		},
	};
	return {
		api,
		state,
		nodeState,
		updates,
		created,
		objects,
		conflictNext: (n = 1) => (conflicts = n),
		registryUp: () => (registry = 'ok'),
	};
}


/** Writes keys to an ink-testing-library app; keys of one burst are handled one per render, so wait until the screen settles. */
export function presser(app: {stdin: {write: (data: string) => void}; lastFrame: () => string | undefined}) {
	const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
	return async (...keys: string[]) => {
		for (const key of keys) {
			app.stdin.write(key);
			let last = '';
			for (let i = 0; i < 40; i++) {
				await tick();
				const now = app.lastFrame() ?? '';
				if (now === last) break;
				last = now;
			}
		}
	};
}

/** Waits until the frame shows the text (lines from a stream arrive between renders). */
export async function waitFrame(frame: () => string, text: string | RegExp, timeout = 3000): Promise<string> {
	const started = Date.now();
	for (;;) {
		const now = frame();
		if (typeof text === 'string' ? now.includes(text) : text.test(now)) return now;
		if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${String(text)} in:\n${now}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Lets a burst of keys or a promise settle (where no screen change marks the moment). */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

// Every app a test mounts is unmounted after it, whether the test passed or not.
const mounted: Array<{unmount: () => void}> = [];
afterEach(() => {
	for (const app of mounted.splice(0)) {
		try {
			app.unmount();
		} catch {
			// already unmounted by the test
		}
	}
});

/** The App on the lab's data with a fake engine (or the given store); props override the defaults. */
export function renderApp(props: Partial<AppProps> & {readOnly?: boolean; store?: ClusterStore} = {}) {
	const {readOnly = false, store = labStore(), ...rest} = props;
	const writer = fakeWriter(lab.services);
	const activity = (rest.activity as ActivityLog | undefined) ?? new ActivityLog();
	const app = render(
		createElement(App, {
			store,
			endpoint: 'e',
			actions: createActions(writer.api, readOnly),
			activity,
			onQuit: () => {},
			size: {columns: 150, rows: 30},
			...rest,
		}),
	);
	mounted.push(app);
	return {app, press: presser(app), frame: () => app.lastFrame() ?? '', store, writer, activity};
}

/** A terminal's stdin as Ink reads it: `type` is one read. */
export class FakeStdin extends EventEmitter {
	isTTY = true;
	private chunks: string[] = [];
	setRawMode() {}
	setEncoding() {}
	ref() {}
	unref() {}
	read() {
		return this.chunks.shift() ?? null;
	}
	type(text: string) {
		this.chunks.push(text);
		this.emit('readable');
	}
}
