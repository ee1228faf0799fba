// The connection in use: the engine's client, its endpoint, the watcher that feeds
// the store, and the actions bound to it. A context switch (:ctx) replaces all of it at
// once, after the new one answered; the UI holds only stable functions that always
// reach the current one.
import {type Actions, createActions} from './actions/index.js';
import {createClient, type SwarmApi} from './docker/client.js';
import {listContexts} from './docker/contexts.js';
import {type NodeConnections, nodeConnections} from './docker/nodes.js';
import {type ConnectionFlags, describeEndpoint, type Endpoint, resolveEndpoint} from './docker/endpoint.js';
import {preflight} from './docker/preflight.js';
import {watchCluster, type Watcher} from './docker/watch.js';
import type {ActivityLog} from './model/activity.js';
import type {ClusterStore} from './model/store.js';

type Current = {api: SwarmApi; endpoint: Endpoint; watcher: Watcher; actions: Actions; nodes: NodeConnections};

export function connection(start: {
	api: SwarmApi;
	endpoint: Endpoint;
	/** The watcher started with the first requests, if any. */
	early?: Watcher;
	store: ClusterStore;
	activity: ActivityLog;
	readOnly: boolean;
	refresh: number;
	timeout: number;
	/** The --host swarmtui started with: what the "default" context means then. */
	hostFlag?: string;
	flags: ConnectionFlags;
	/** The config file's nodeHosts: how to reach a node's own engine (docker/nodes.ts). */
	nodeHosts?: Readonly<Record<string, string>>;
}) {
	const {store, activity, readOnly, refresh, timeout} = start;
	const watch = (on: SwarmApi) => watchCluster(on, store, {refresh, onEvent: (event) => activity.addEvent(event)});
	// Each connection has its own routes to the nodes: a switch closes the old ones.
	const nodesOf = (api: SwarmApi, endpoint: Endpoint) =>
		nodeConnections({
			main: () => ({api, endpoint, nodeId: store.get().info?.Swarm?.NodeID}),
			nodeHosts: start.nodeHosts ?? {},
			connect: (to) => createClient(to, {timeout}),
			context: (name) => resolveEndpoint({context: name}),
		});
	const make = (api: SwarmApi, endpoint: Endpoint, watcher: Watcher): Current => {
		const nodes = nodesOf(api, endpoint);
		return {api, endpoint, watcher, nodes, actions: createActions(api, readOnly, nodes)};
	};
	let current: Current = make(start.api, start.endpoint, start.early ?? watch(start.api));
	const actions: Actions = new Proxy({} as Actions, {get: (_target, key) => current.actions[key as keyof Actions]});

	const switchListeners = new Set<() => void>();
	let contextNames: string[] = [];
	const listNames = () =>
		listContexts(process.env, undefined, start.hostFlag).then((rows) => {
			contextNames = rows.map((r) => r.name);
			return rows;
		});
	listNames().catch(() => undefined);
	const contexts = {
		list: async () => (await listNames()).map((r) => ({...r, current: r.name === current.endpoint.context})),
		names: () => contextNames,
		current: () => current.endpoint.context,
		describe: () => describeEndpoint(current.endpoint),
		onSwitch: (listener: () => void) => {
			switchListeners.add(listener);
			return () => switchListeners.delete(listener);
		},
		// Connected and checked first (ssh in batch mode: the terminal is the UI's); only
		// then is the old connection dropped. A failure leaves everything as it was.
		switchTo: async (name: string) => {
			// "default" is what it was at start: --host (with its TLS flags), else DOCKER_HOST
			// or the default socket.
			const next = name === 'default' && start.hostFlag ? resolveEndpoint({...start.flags, context: undefined}) : resolveEndpoint({context: name});
			const nextApi = createClient(next, {timeout});
			let identity;
			try {
				await nextApi.ready(true);
				identity = await preflight(nextApi);
			} catch (error) {
				nextApi.close();
				throw error;
			}
			const old = current;
			old.watcher.stop();
			old.nodes.closeAll();
			old.api.close();
			store.reset(identity.info, identity.version);
			current = make(nextApi, next, watch(nextApi));
			for (const listener of switchListeners) listener();
		},
	};
	return {current: () => current, actions, contexts};
}
