// Runs the changes the operator confirmed: each goes to the activity list as pending,
// then done or failed in words; a change the engine accepted but the cluster does not
// show yet stays "under way" until it does. Lives outside React: a job outlives the
// view it was started from.
import type {ActivityFeed} from '../../model/activity.js';
import type {Rollout} from '../../model/rollout.js';
import type {ClusterSnapshot} from '../../model/snapshot.js';
import type {Readable} from '../state/valueStore.js';
import type {Job} from '../views/panes/operations.js';
import type {RolloutTracker} from './rollouts.js';

export class Runner {
	private timers = new Set<ReturnType<typeof setTimeout>>();
	private unsubscribes = new Set<() => void>();

	constructor(
		private readonly deps: {
			cluster: Readable<ClusterSnapshot>;
			activity: ActivityFeed;
			rollouts: RolloutTracker;
			say: (text: string, error?: boolean) => void;
			/** A rollout the job started, to put on screen. */
			show: (rollout: Rollout) => void;
		},
	) {}

	/** Acting on stale data is how mistakes happen during an incident: nothing is sent while the engine cannot be reached. */
	offline = (): string | undefined =>
		this.deps.cluster.get().connection === 'disconnected' ? 'disconnected from the engine: actions are refused until it is back' : undefined;

	run = (job: Job): void => {
		const {activity, cluster, rollouts, say, show} = this.deps;
		const pending = activity.add({source: 'action', target: job.target, text: `${job.label}…`, outcome: 'pending'});
		say(`${job.target}: ${job.label}…`);
		const rollout = job.rollout ? rollouts.begin(job.rollout.kind, job.rollout.targetId) : undefined;
		job.perform().then(
			(done) => {
				const warning = done.warnings?.length ? ` (${done.warnings.join('; ')})` : '';
				const finish = () => {
					activity.settle(pending, 'ok', `${job.label}: ${done.message}${warning}`);
					say(`${done.message}${warning}`);
				};
				if (job.settled && !job.settled(cluster.get())) {
					say(`${job.target}: ${job.label} accepted; waiting for the cluster to show it…`);
					const stop = cluster.subscribe(() => {
						if (!job.settled?.(cluster.get())) return;
						end();
						finish();
					});
					const timer = setTimeout(() => {
						end();
						activity.settle(pending, 'error', `${job.label}: accepted by the engine, but the cluster does not show it after 60 s`);
					}, 60_000);
					timer.unref?.();
					const end = () => {
						stop();
						clearTimeout(timer);
						this.unsubscribes.delete(stop);
						this.timers.delete(timer);
					};
					this.unsubscribes.add(stop);
					this.timers.add(timer);
				} else finish();
				if (rollout) {
					rollouts.follow(rollout);
					show(rollout);
				}
			},
			(error: unknown) => {
				const text = error instanceof Error ? error.message : String(error);
				activity.settle(pending, 'error', `${job.label}: ${text}`);
				say(text, true);
			},
		);
	};

	dispose = (): void => {
		for (const stop of this.unsubscribes) stop();
		for (const timer of this.timers) clearTimeout(timer);
	};
}
