// The shapes every model module shares: the cluster as last read, and a row's health.
// Their own module, so that the figures (nodes, services, tasks) and the store that
// holds the snapshot need not import one another.
import type {ApiInfo, ApiNode, ApiService, ApiTask, ApiVersionInfo} from '../docker/types.js';

/** How a row looks: fine, needs a look, broken. */
export type Health = 'ok' | 'warn' | 'bad';

export type Connection = 'connecting' | 'live' | 'error' | 'disconnected';

export type ClusterSnapshot = {
	readonly nodes: ReadonlyMap<string, ApiNode>;
	readonly services: ReadonlyMap<string, ApiService>;
	readonly tasks: ReadonlyMap<string, ApiTask>;
	readonly info?: ApiInfo;
	readonly version?: ApiVersionInfo;
	readonly connection: Connection;
	/** Last error, in words; kept until the next successful read. */
	readonly error?: string;
	/** The last read failed because the swarm has no leader (quorum lost). */
	readonly noLeader?: boolean;
	/** While disconnected: when the next attempt to reach the engine is made (ms). */
	readonly retryAt?: number;
	/** When each collection was last read successfully (ms since epoch). */
	readonly syncedAt: {nodes?: number; services?: number; tasks?: number; focus?: number};
	/**
	 * Per service, the IDs of the tasks the engine itself calls up to date with the
	 * service's current spec (its `_up-to-date` task filter, what `docker service update`
	 * counts progress with). Read for the rollout on screen only.
	 */
	readonly upToDate: ReadonlyMap<string, ReadonlySet<string>>;
	/** Counts of secret and config events seen: a list of them on screen reads itself again when its count moves. */
	readonly objectEvents?: {readonly secrets: number; readonly configs: number};
};

