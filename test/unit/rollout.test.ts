import {describe, expect, it} from 'vitest';
import type {ApiService, ApiTask} from '../../source/docker/types.js';
import {ActivityLog, describeEvent} from '../../source/model/activity.js';
import {rolloutProgress, startRollout} from '../../source/model/rollout.js';
import {ClusterStore} from '../../source/model/store.js';
import {lab} from './helpers.js';

const service = (update?: ApiService['UpdateStatus']): ApiService => ({
	ID: 'svc',
	Version: {Index: 10},
	Spec: {Name: 'web', Mode: {Replicated: {Replicas: 3}}, UpdateConfig: {Parallelism: 1}},
	UpdateStatus: update,
});

let n = 0;
const task = (slot: number, state: string, desired = 'running', node = lab.nodes[0]!.ID): ApiTask => ({
	ID: `t${++n}`,
	Version: {Index: n},
	CreatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
	ServiceID: 'svc',
	Slot: slot,
	NodeID: node,
	DesiredState: desired,
	Status: {State: state, Timestamp: new Date().toISOString()},
});

function store(tasks: ApiTask[], svc = service({State: 'completed'})) {
	const s = new ClusterStore();
	s.setNodes(lab.nodes);
	s.setServices([svc]);
	s.setTasks(tasks);
	return s;
}

describe('rollout progress', () => {
	it('counts slots whose new task runs, from the service\'s UpdateStatus once it is fresh', () => {
		const old = [task(1, 'running'), task(2, 'running'), task(3, 'running')];
		const s = store(old);
		const rollout = startRollout(s.get(), 1, 'update', 'svc');
		// The old "completed" status from an earlier update does not end this rollout.
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({done: 0, total: 3, finished: false, state: 'starting'});

		const replaced = [{...old[0]!, DesiredState: 'shutdown', Version: {Index: 100}}, task(1, 'running'), old[1]!, old[2]!];
		s.setServices([service({State: 'updating', Message: 'update in progress'})]);
		s.setTasks(replaced);
		const midway = rolloutProgress(s.get(), rollout);
		expect(midway).toMatchObject({done: 1, total: 3, state: 'updating', message: 'update in progress', finished: false});
		expect(midway.slots[0]?.old?.ID).toBe(old[0]!.ID);
		expect(midway.slots[0]?.new?.Status?.State).toBe('running');

		s.setServices([{...service({State: 'paused', Message: 'update paused due to failure'}), Version: {Index: 12}}]);
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({finished: true, paused: true, message: 'update paused due to failure'});
	});

	it('a scale is done when running equals desired', () => {
		const s = store([task(1, 'running')], {...service(), Spec: {Name: 'web', Mode: {Replicated: {Replicas: 2}}}});
		const rollout = startRollout(s.get(), 1, 'scale', 'svc');
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({done: 1, total: 2, finished: false});
		s.setTasks([...s.get().tasks.values(), task(2, 'running')]);
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({done: 2, total: 2, finished: true});
	});

	it('a drain is done when every task it started with has left the node, and shows where they went', () => {
		const node1 = lab.nodes[0]!.ID;
		const node2 = lab.nodes[1]!.ID;
		const first = [task(1, 'running', 'running', node1), task(2, 'running', 'running', node2)];
		const s = store(first);
		const rollout = startRollout(s.get(), 1, 'drain', node1);
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({done: 0, total: 1, finished: false});
		s.setTasks([{...first[0]!, DesiredState: 'shutdown', Version: {Index: 99}, Status: {State: 'shutdown'}}, first[1]!, task(1, 'running', 'running', node2)]);
		const done = rolloutProgress(s.get(), rollout);
		expect(done).toMatchObject({done: 1, total: 1, finished: true, state: 'drained'});
		expect(done.slots[0]?.new?.NodeID).toBe(node2);
	});

	it('ends when the service is removed', () => {
		const s = store([task(1, 'running')]);
		const rollout = startRollout(s.get(), 1, 'restart', 'svc');
		s.setServices([]);
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({finished: true, state: 'removed'});
	});
});

describe('activity', () => {
	it('describes service and node events with what changed', () => {
		expect(describeEvent({Type: 'node', Action: 'update', Actor: {ID: 'n1', Attributes: {name: 'node3', 'availability.old': 'active', 'availability.new': 'drain'}}})).toMatchObject({
			target: 'node node3',
			text: 'update (availability active -> drain)',
			source: 'cluster',
		});
		expect(describeEvent({Type: 'container', Action: 'start'})).toBeUndefined();
	});

	it('keeps a bounded list and settles pending entries', () => {
		const log = new ActivityLog(3);
		const id = log.add({source: 'action', target: 'web', text: 'scale…', outcome: 'pending'});
		for (let i = 0; i < 2; i++) log.add({source: 'cluster', target: 'x', text: `e${i}`, outcome: 'info'});
		log.settle(id, 'ok', 'scaled');
		expect(log.get().map((e) => e.text)).toEqual(['scaled', 'e0', 'e1']);
		log.add({source: 'cluster', target: 'x', text: 'e2', outcome: 'info'});
		expect(log.get()).toHaveLength(3);
		expect(log.get()[0]?.text).toBe('e0');
	});
});
