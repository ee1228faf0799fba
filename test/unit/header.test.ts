// The header's "live" must not stay green while the answers have stopped coming.
import {describe, expect, it} from 'vitest';
import {ClusterStore} from '../../source/model/store.js';
import {headerSegments} from '../../source/ui/Header.js';
import {lab} from './helpers.js';

const text = (store: ClusterStore, now: number, refresh = 2000) =>
	headerSegments({endpoint: 'e', snapshot: store.get(), now, problems: 0, readOnly: false, refresh})
		.map((s) => s.text)
		.join(' | ');

describe('the header\'s data age', () => {
	it('says live while polls answer, and warns once they stop', () => {
		const store = new ClusterStore();
		store.setServices(lab.services, 1_000);
		store.setTasks(lab.tasks, undefined, 1_000);
		expect(text(store, 4_000)).toContain('● live 3s');
		expect(text(store, 16_000)).toContain('⚠ no answer for 15s: the data may be out of date');
		// A long refresh interval is not a stop.
		expect(text(store, 16_000, 30_000)).toContain('● live 15s');
	});

	it('counts a poll of just the tasks on screen as fresh data (a large cluster polls the full list once a minute)', () => {
		const store = new ClusterStore();
		store.setServices(lab.services, 1_000);
		store.setTasks(lab.tasks, undefined, 1_000);
		store.setTasksFor({service: [lab.services[0]!.ID]}, lab.tasks.filter((t) => t.ServiceID === lab.services[0]!.ID), 40_000);
		expect(text(store, 41_000)).toContain('● live 1s');
	});
});
