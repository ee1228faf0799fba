// `swarmtui logs SERVICE...`: the merged logs of several services on stdout, one line
// each, prefixed like `docker service logs` ("shop_web.2@node3 | …"), with escape
// sequences removed so the output is safe in pipes and terminals alike.
import type {SwarmApi} from './docker/client.js';
import {followLogs, type LogTarget} from './docker/logfollow.js';
import type {RawLogLine} from './docker/logs.js';
import {plainText} from './model/ansi.js';
import {parseDuration} from './model/duration.js';
import {LogLabels} from './model/logtasks.js';
import {ClusterStore} from './model/store.js';

/** maxLineBytes: lines are printed whole unless this cuts them (like `docker service logs`). */
export type LogsCommandOptions = {follow: boolean; since?: string; tail?: string; timestamps: boolean; maxLineBytes?: number};

/** "10m" (that long ago), a unix time, or an RFC 3339 time -> the engine's since. */
export function parseSince(text: string, now = Date.now()): string | undefined {
	const trimmed = text.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return trimmed;
	const duration = /^\d+(\.\d+)?(ms|s|m|h)$/.test(trimmed) ? parseDuration(trimmed) : undefined;
	if (duration !== undefined) return ((now - duration) / 1000).toFixed(3);
	const time = Date.parse(trimmed);
	return Number.isNaN(time) ? undefined : (time / 1000).toFixed(3);
}

export function parseTail(text: string | undefined): number | undefined | 'bad' {
	if (text === undefined || text === '') return undefined;
	if (text === 'all') return undefined;
	return /^\d+$/.test(text) ? Number(text) : 'bad';
}

export async function runLogs(api: SwarmApi, names: string[], options: LogsCommandOptions, out = process.stdout, err = process.stderr): Promise<number> {
	const since = options.since ? parseSince(options.since) : undefined;
	if (options.since && since === undefined) throw new Error(`--since must be a duration like 10m, a unix time or an RFC 3339 time (got "${options.since}")`);
	const tail = parseTail(options.tail);
	if (tail === 'bad') throw new Error(`--tail must be a number or "all" (got "${options.tail}")`);
	const store = new ClusterStore();
	const [services, nodes] = await Promise.all([api.services(), api.nodes()]);
	store.setServices(services);
	store.setNodes(nodes);
	const targets: LogTarget[] = [];
	for (const name of names) {
		const found = services.find((s) => s.Spec?.Name === name) ?? services.find((s) => s.ID === name) ?? services.filter((s) => s.ID.startsWith(name)).at(0);
		if (!found) throw new Error(`no such service: ${name}`);
		targets.push({kind: 'service', id: found.ID, name: found.Spec?.Name ?? found.ID, tty: Boolean(found.Spec?.TaskTemplate?.ContainerSpec?.TTY)});
	}
	const loadTasks = async () => store.setTasks(await api.tasks({service: targets.map((t) => t.id)}));
	await loadTasks();
	let refreshing: Promise<void> | undefined;
	let lastRefresh = Date.now();

	const labels = new LogLabels();
	const write = (line: RawLogLine) => {
		const label = labels.label(store.get(), line.taskId, line.serviceId, line.nodeId);
		const text = `${options.timestamps && line.timestamp ? `${line.timestamp} ` : ''}${label}    | ${plainText(line.text)}${line.cut ? ` … (${line.cut} bytes cut)` : ''}\n`;
		(line.stream === 'stderr' ? err : out).write(text);
	};

	return new Promise<number>((resolve) => {
		const follower = followLogs(
			api,
			targets,
			{
				follow: options.follow,
				since,
				maxLineBytes: options.maxLineBytes ?? Number.POSITIVE_INFINITY,
				// Never the whole history by default: 200 lines per task unless --since or --tail says.
				tail: tail ?? (options.since || options.tail === 'all' ? undefined : 200),
			},
			{
				line: (line) => {
					// A task we do not know yet (started after we listed them): look once a second at most.
					if (line.taskId && !store.get().tasks.has(line.taskId) && !refreshing && Date.now() - lastRefresh > 1000) {
						lastRefresh = Date.now();
						refreshing = loadTasks()
							.catch(() => undefined)
							.finally(() => (refreshing = undefined));
					}
					write(line);
				},
				notice: (text) => err.write(`swarmtui: ${text}\n`),
				done: () => resolve(0),
			},
		);
		const stop = () => {
			follower.stop();
			resolve(0);
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
		process.once('SIGHUP', stop);
		out.on('error', stop); // a closed pipe (| head)
	});
}
