// Keeps a sink (the model's store) in step with the engine: events for services and
// nodes, polling for tasks (the API has no task events), a periodic full resync as a
// safety net, and never two requests of the same kind at once.
import type {Subscription, SwarmReader, TaskFilter} from './client.js';
import {DockerError} from './errors.js';
import type {ApiEvent, ApiInfo, ApiNode, ApiService, ApiTask, ApiVersionInfo} from './types.js';

export type ClusterSink = {
	setIdentity(info: ApiInfo, version?: ApiVersionInfo): void;
	setNodes(nodes: readonly ApiNode[]): void;
	setServices(services: readonly ApiService[]): void;
	/** All tasks; `keep` says which tasks already held stay when the list leaves them out. */
	setTasks(tasks: readonly ApiTask[], keep?: (task: ApiTask) => boolean): void;
	/** Replaces the tasks of some services or nodes (a focused poll). */
	setTasksFor(filter: TaskFilter, tasks: readonly ApiTask[]): void;
	setUpToDate(serviceId: string, tasks: readonly ApiTask[]): void;
	removeService(id: string): void;
	removeNode(id: string): void;
	/** A secret or config event: lists of them on screen read themselves again. */
	objectsChanged?(kind: 'secrets' | 'configs'): void;
	setError(message: string, noLeader?: boolean): void;
	setDisconnected(message: string, retryAt: number): void;
};

export type WatchOptions = {
	/** Task polling interval, ms. */
	refresh?: number;
	/** Full resync of nodes, services and info, ms. */
	resync?: number;
	/** Delay that folds a burst of events into one list call, ms. */
	debounce?: number;
	/** Every service, node, secret and config event, as it arrives (the activity list). */
	onEvent?: (event: ApiEvent) => void;
	/** A full task list at least this long makes the cluster large (polled less often). */
	largeList?: number;
};

type Kind = 'nodes' | 'services' | 'tasks' | 'info' | 'focus' | 'upToDate';

export type Watcher = {
	stop(): void;
	refreshNow(): void;
	/** The service or node on screen: its tasks are polled every refresh even when the full list is not. */
	focus(filter: TaskFilter | undefined): void;
	/** The service whose rollout is on screen: which of its tasks are up to date, every refresh. */
	rollout(serviceId: string | undefined): void;
	/**
	 * Resolves once the first frame has what it needs: nodes and services, and on a small
	 * cluster all tasks (or once a first read fails: the frame shows the error).
	 */
	firstData: Promise<void>;
};

// Below this many desired tasks the full task list (history included, ~5 per slot) is a
// small answer: it is asked for at once, and the first frame shows the tasks.
const smallCluster = 200;

export function watchCluster(api: SwarmReader, sink: ClusterSink, options: WatchOptions = {}): Watcher {
	const refresh = options.refresh ?? 2000;
	// Events keep services and nodes current; the full resync is only a safety net.
	const resync = options.resync ?? 300_000;
	const debounce = options.debounce ?? 100;
	let stopped = false;
	let subscription: Subscription | undefined;
	let retryDelay = 1000;
	const timers = new Set<NodeJS.Timeout>();
	const inFlight = new Set<Kind>();
	const largeList = options.largeList ?? 2000;
	const again = new Set<Kind>();
	const scheduled = new Set<Kind>();

	const later = (ms: number, run: () => void) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			if (!stopped) run();
		}, ms);
		timers.add(timer);
	};

	// Engine unreachable: stop polling, keep the last data, and try again with backoff
	// (1 s doubling to 15 s); once it answers, subscribe again and list everything.
	let down = false;
	let backoff = 1000;
	const reconnect = (message: string) => {
		if (stopped) return;
		sink.setDisconnected(message, Date.now() + backoff);
		later(backoff, () => {
			api.info().then(
				(info) => {
					if (stopped) return;
					down = false;
					backoff = 1000;
					sink.setIdentity(info);
					subscribe();
					all();
				},
				(error: unknown) => {
					backoff = Math.min(backoff * 2, 15_000);
					reconnect(error instanceof Error ? error.message : String(error));
				},
			);
		});
	};
	const disconnect = (message: string) => {
		if (down || stopped) return;
		down = true;
		subscription?.close();
		subscription = undefined;
		reconnect(message);
	};

	let failed = false;
	const fail = (error: unknown) => {
		if (stopped) return;
		const message = error instanceof DockerError ? error.message : String((error as Error)?.message ?? error);
		if (error instanceof DockerError && (error.kind === 'connection' || error.kind === 'timeout')) return disconnect(message);
		if (down) return;
		sink.setError(message, error instanceof DockerError && error.kind === 'quorum');
	};

	// The full task list costs what the cluster is big: on a large one it is polled less
	// often (at most ~2% of the time spent on it, at least once a minute), while the
	// tasks on screen (the focus) are polled every refresh with a filtered, cheap call.
	let fullCost = 0;
	let fullCount = 0;
	let lastFull = 0;
	let focus: TaskFilter | undefined;
	let rolloutService: string | undefined;
	// Only a list that is long makes a cluster large: one slow answer over a slow link
	// (an ssh session still being set up behind twenty log streams took 4 s) must not put
	// a 50-task cluster on the once-a-minute schedule.
	const fullInterval = () => (fullCount < largeList ? refresh : Math.min(60_000, Math.max(refresh, fullCost * 50)));
	const fetchers: Record<Kind, () => Promise<void>> = {
		nodes: async () => {
			sink.setNodes(await api.nodes());
			got.add('nodes');
		},
		services: async () => {
			const services = await api.services();
			sink.setServices(services);
			got.add('services');
			if (!started && services.reduce((sum, s) => sum + (s.ServiceStatus?.DesiredTasks ?? 0), 0) <= smallCluster) {
				tasksFirst = true;
				startFull();
			}
		},
		tasks: async () => {
			const start = Date.now();
			// On a large cluster the full list holds what the counts need (running tasks) and
			// the focus poll brings the history of what is on screen; the rest of the history,
			// usually most of the tasks, is not fetched over and over.
			const large = fullInterval() > refresh;
			const tasks = await api.tasks(large ? {desiredState: ['running']} : {});
			const kept = focus;
			sink.setTasks(tasks, large && kept ? (task) => (kept.service ?? []).includes(task.ServiceID ?? '') || (kept.node ?? []).includes(task.NodeID ?? '') : undefined);
			fullCost = Date.now() - start;
			fullCount = tasks.length;
			lastFull = Date.now();
			got.add('tasks');
		},
		focus: async () => {
			const filter = focus;
			if (filter) sink.setTasksFor(filter, await api.tasks(filter));
		},
		upToDate: async () => {
			const id = rolloutService;
			if (id) sink.setUpToDate(id, await api.tasks({service: [id], upToDate: true}));
		},
		info: async () => sink.setIdentity(await api.info()),
	};

	const load = (kind: Kind): void => {
		if (stopped || down) return;
		if (inFlight.has(kind)) {
			again.add(kind);
			return;
		}
		inFlight.add(kind);
		fetchers[kind]()
			.then(() => {
				// The first read that works after failing ones (a leader elected again, say):
				// everything may have changed meanwhile, and events may have been missed.
				if (failed) {
					failed = false;
					all();
				}
			}, (error: unknown) => {
				failed = true;
				fail(error);
			})
			.finally(() => {
				firstCheck();
				inFlight.delete(kind);
				if (again.delete(kind)) load(kind);
			});
	};

	const soon = (kind: Kind, delay = debounce) => {
		if (scheduled.has(kind)) return;
		scheduled.add(kind);
		later(delay, () => {
			scheduled.delete(kind);
			load(kind);
		});
	};

	const onEvent = (event: ApiEvent) => {
		retryDelay = 1000;
		options.onEvent?.(event);
		const id = event.Actor?.ID ?? '';
		if (event.Type === 'service') {
			if (event.Action === 'remove' && id) sink.removeService(id);
			soon('services');
			// Tasks follow service changes; look a little later so the new ones exist.
			soon(fullInterval() > refresh && focus ? 'focus' : 'tasks', 300);
			if (id && id === rolloutService) soon('upToDate', 300);
		} else if (event.Type === 'node') {
			if (event.Action === 'remove' && id) sink.removeNode(id);
			soon('nodes');
			soon('info');
		} else if (event.Type === 'secret' || event.Type === 'config') {
			sink.objectsChanged?.(event.Type === 'secret' ? 'secrets' : 'configs');
		}
	};

	const subscribe = () => {
		if (stopped) return;
		const since = Math.floor(Date.now() / 1000);
		subscription = api.events(since, {
			onEvent,
			onEnd: (error) => {
				subscription = undefined;
				if (stopped || down) return;
				if (error) fail(error);
				if (down) return;
				// Events may have been missed while the stream was down: resync after resubscribing.
				later(retryDelay, () => {
					subscribe();
					all();
				});
				retryDelay = Math.min(retryDelay * 2, 10_000);
			},
		});
	};

	const all = () => {
		load('info');
		load('nodes');
		load('services');
		load('tasks');
	};

	const resyncLoop = () => {
		later(resync, () => {
			load('info');
			load('nodes');
			load('services');
			resyncLoop();
		});
	};

	const poll = () => {
		later(refresh, () => {
			if (Date.now() - lastFull >= fullInterval() - 50) load('tasks');
			else if (focus) load('focus');
			if (rolloutService) load('upToDate');
			poll();
		});
	};

	// At start the full task list (the biggest answer by far) waits for the tasks on screen:
	// the first frame needs nodes, services and the focused tasks, not all of them. A small
	// cluster's list is asked for as soon as the services say it is small.
	const got = new Set<Kind>();
	let started = false;
	// Whether the first frame waits for all tasks: only when the cluster is small (not when
	// the full list was started by the timer below on a slow engine).
	let tasksFirst = false;
	const startFull = () => {
		if (started) return;
		started = true;
		load('tasks');
		poll();
	};
	let firstDone: () => void = () => undefined;
	const firstData = new Promise<void>((resolve) => (firstDone = resolve));
	const firstCheck = () => {
		if (failed || down || (got.has('nodes') && got.has('services') && (!tasksFirst || got.has('tasks')))) firstDone();
	};
	subscribe();
	load('info');
	load('nodes');
	load('services');
	later(500, startFull);
	resyncLoop();

	return {
		firstData,
		stop() {
			stopped = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			subscription?.close();
		},
		refreshNow: all,
		rollout(serviceId) {
			const changed = serviceId !== rolloutService;
			rolloutService = serviceId;
			if (changed && serviceId) load('upToDate');
		},
		focus(filter) {
			const same = JSON.stringify(filter) === JSON.stringify(focus);
			focus = filter;
			if (!started) {
				// The first focus: its tasks first, then the full list.
				if (filter) fetchers.focus().catch(fail).finally(startFull);
				return;
			}
			if (!same && filter && fullInterval() > refresh) load('focus');
		},
	};
}
