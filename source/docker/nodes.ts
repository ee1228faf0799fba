// Connections to single nodes' engines, for what only a node's own engine can do (exec
// into its containers; later, a task's resource use). The route to a node, in order:
//   1. the node swarmtui is connected to: that connection;
//   2. the config file's `nodeHosts` (hostname -> docker host URL or context name);
//   3. connected over ssh://: ssh to the node's address with the same user and port,
//      running `docker system dial-stdio` there (as docker/cli's proposed `service exec`);
//   4. none: an error saying which node and how to reach it.
// Connections are opened on demand, shared while in use, and closed when idle; a node
// that fails is reported for that node alone, never touching the main connection.
import type {SwarmApi} from './client.js';
import {type Endpoint, EndpointError, parseHost} from './endpoint.js';

import type {NodeRef} from './types.js';

export type {NodeRef};

export type NodeRoute = {
	api: SwarmApi;
	/** How it is reached, for the activity list: "the connected engine", "nodeHosts ssh://…". */
	how: string;
	/** Done with it: the connection closes once nobody uses it for a while. */
	release(): void;
};

export class NodeUnreachable extends Error {}

type Main = {api: SwarmApi; endpoint: Endpoint; nodeId?: string};

type Open = {api: SwarmApi; users: number; timer?: NodeJS.Timeout; ready: Promise<void>};

export type NodeConnections = {
	acquire(node: NodeRef, containerHint?: string): Promise<NodeRoute>;
	/** Where a node would be reached, without connecting (undefined: nowhere). */
	routeOf(node: NodeRef): string | undefined;
	closeAll(): void;
};

export function nodeConnections(options: {
	main: () => Main;
	nodeHosts: Readonly<Record<string, string>>;
	connect: (endpoint: Endpoint) => SwarmApi;
	/** A context name from `nodeHosts` as an endpoint. */
	context: (name: string) => Endpoint;
	idleMs?: number;
}): NodeConnections {
	const idleMs = options.idleMs ?? 60_000;
	const open = new Map<string, Open>();

	function endpointOf(node: NodeRef): {endpoint: Endpoint; how: string} | 'main' | undefined {
		const main = options.main();
		if (main.nodeId && node.id === main.nodeId) return 'main';
		const configured = options.nodeHosts[node.hostname] ?? options.nodeHosts[node.id];
		if (configured !== undefined) {
			const source = `"nodeHosts" in the config file (${node.hostname})`;
			const endpoint = /^[a-z]+:\/\//.test(configured) ? parseHost(configured, {context: `node ${node.hostname}`, source}) : options.context(configured);
			return {endpoint, how: `nodeHosts ${configured}`};
		}
		if (main.endpoint.transport === 'ssh') {
			const address = node.addr && node.addr !== '0.0.0.0' ? node.addr : node.hostname;
			const user = main.endpoint.user ? `${main.endpoint.user}@` : '';
			const port = main.endpoint.port ? `:${main.endpoint.port}` : '';
			const host = `ssh://${user}${address.includes(':') ? `[${address}]` : address}${port}`;
			return {endpoint: parseHost(host, {context: `node ${node.hostname}`, source: `ssh to ${node.hostname}`}), how: `ssh ${host.slice('ssh://'.length)}`};
		}
		return undefined;
	}

	const release = (key: string) => () => {
		const entry = open.get(key);
		if (!entry) return;
		entry.users--;
		if (entry.users > 0) return;
		entry.timer = setTimeout(() => {
			if (entry.users > 0) return;
			open.delete(key);
			entry.api.close();
		}, idleMs);
		entry.timer.unref?.();
	};

	return {
		routeOf(node) {
			try {
				const route = endpointOf(node);
				return route === 'main' ? 'the connected engine' : route?.how;
			} catch {
				return undefined;
			}
		},
		async acquire(node, containerHint = 'CONTAINER') {
			let route: ReturnType<typeof endpointOf>;
			try {
				route = endpointOf(node);
			} catch (error) {
				throw new NodeUnreachable(`node ${node.hostname}: ${error instanceof EndpointError ? error.message : String(error)}`);
			}
			if (route === 'main') return {api: options.main().api, how: 'the connected engine', release: () => undefined};
			if (!route) {
				// An engine runs commands only in its own containers; the header shows which one
				// swarmtui is connected to, so the sentence is how to reach this one.
				const address = node.addr || node.hostname;
				throw new NodeUnreachable(
					`${node.hostname}: no route to its engine: set "nodeHosts": {"${node.hostname}": "ssh://USER@${address}"} in the config file, or run: ssh ${address} docker exec -it ${containerHint} sh`,
				);
			}
			const key = route.endpoint.host;
			let entry = open.get(key);
			if (!entry) {
				const api = options.connect(route.endpoint);
				// ssh in batch mode: the terminal is the UI's, a password prompt cannot show.
				entry = {api, users: 0, ready: api.ready(true)};
				open.set(key, entry);
				entry.ready.catch(() => {
					if (open.get(key) === entry) open.delete(key);
					api.close();
				});
			}
			clearTimeout(entry.timer);
			entry.users++;
			try {
				await entry.ready;
			} catch (error) {
				entry.users--;
				throw new NodeUnreachable(`node ${node.hostname} (${route.how}): ${error instanceof Error ? error.message : String(error)}`);
			}
			return {api: entry.api, how: route.how, release: release(key)};
		},
		closeAll() {
			for (const entry of open.values()) {
				clearTimeout(entry.timer);
				entry.api.close();
			}
			open.clear();
		},
	};
}
