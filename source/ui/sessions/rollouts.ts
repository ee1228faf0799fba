// Rollouts this screen follows (the ones this session started and the ones opened with
// `o`), with their progress from the cluster's snapshot. The end of each goes to the
// activity list, whether its view is open or not.
import type {ActivityFeed} from '../../model/activity.js';
import {type Progress, type Rollout, type RolloutKind, rolloutEnded, rolloutProgress, rolloutsInProgress, startRollout} from '../../model/rollout.js';
import type {ClusterSnapshot} from '../../model/snapshot.js';
import {type Readable, ValueStore} from '../state/valueStore.js';

export type Tracked = Rollout & {ended?: string};

export class RolloutTracker extends ValueStore<readonly Tracked[]> {
	private next = 1;
	private progressCache = new WeakMap<ClusterSnapshot, Map<number, Progress>>();
	private readonly stop: () => void;

	constructor(
		private readonly cluster: Readable<ClusterSnapshot>,
		private readonly activity: Pick<ActivityFeed, 'add'>,
	) {
		super([]);
		this.stop = cluster.subscribe(() => this.check());
	}

	dispose = (): void => this.stop();

	/** Taken before a change, so the rollout knows which tasks are the old ones. */
	begin = (kind: RolloutKind, targetId: string): Rollout => startRollout(this.cluster.get(), this.next++, kind, targetId);

	/** Follows a rollout (a newer one of the same target replaces the one under way). */
	follow = (rollout: Rollout): void => {
		this.set((old) => [...old.filter((r) => !(r.targetId === rollout.targetId && !r.ended)), rollout]);
		this.check();
	};

	/** `o`: a service's update or rollback, whoever started it (followed from now on). */
	openService = (serviceId: string): Tracked => {
		const tracked = this.get().find((r) => r.targetId === serviceId && r.kind !== 'drain' && !r.ended);
		if (tracked) return tracked;
		const snapshot = this.cluster.get();
		const opened = {...startRollout(snapshot, this.next++, 'update', serviceId), versionBefore: (snapshot.services.get(serviceId)?.Version?.Index ?? 1) - 1};
		this.set((old) => [...old, opened]);
		return opened;
	};

	find = (id: number): Tracked | undefined => this.get().find((r) => r.id === id);
	running = (): Tracked[] => this.get().filter((r) => !r.ended);

	progress = (rollout: Rollout, snapshot = this.cluster.get()): Progress => {
		let cache = this.progressCache.get(snapshot);
		if (!cache) this.progressCache.set(snapshot, (cache = new Map()));
		let progress = cache.get(rollout.id);
		if (!progress) cache.set(rollout.id, (progress = rolloutProgress(snapshot, rollout)));
		return progress;
	};

	/** The footer's right side: rollouts in progress, the engine's and this session's drains. */
	private engineCache: {services: unknown; parts: string[]} | undefined;

	status = (snapshot: ClusterSnapshot): string | undefined => {
		// The engine's rollouts walk every service: once per service list, not per frame.
		if (this.engineCache?.services !== snapshot.services) this.engineCache = {services: snapshot.services, parts: this.engineParts(snapshot)};
		const parts = [
			...this.engineCache.parts,
			...this.running()
				.filter((r) => r.kind === 'drain')
				.map((r) => `drain ${r.name} ${this.progress(r, snapshot).done}/${this.progress(r, snapshot).total}`),
		];
		return parts.length ? parts.join(' · ') : undefined;
	};

	private engineParts = (snapshot: ClusterSnapshot): string[] =>
		rolloutsInProgress(snapshot).map((s) =>
				`${String(s.UpdateStatus?.State).startsWith('rollback') ? 'rollback' : 'update'} ${s.Spec?.Name ?? String(s.ID).slice(0, 12)} ${s.UpdateStatus?.State === 'paused' || s.UpdateStatus?.State === 'rollback_paused' ? 'paused' : ''}`.trim(),
		);

	private check(): void {
		const snapshot = this.cluster.get();
		const ended = this.running().filter((r) => rolloutEnded(snapshot, r, this.progress(r, snapshot)));
		if (ended.length === 0) return;
		for (const r of ended) {
			const p = this.progress(r, snapshot);
			const text = `${p.direction === 'rollback' ? 'rollback' : r.kind} ${p.paused ? 'paused' : 'finished'}: ${p.state.replace(/_/g, ' ')}${p.message ? ` (${p.message})` : ''}`;
			this.activity.add({source: 'action', target: r.name, text, outcome: p.paused ? 'error' : 'ok'});
		}
		this.set((old) => old.map((r) => (ended.some((e) => e.id === r.id) ? {...r, ended: this.progress(r, snapshot).state || 'ended'} : r)));
	}
}
