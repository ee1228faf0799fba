import {describe, expect, it} from 'vitest';
import type {ApiService, ApiTask} from '../../source/docker/types.js';
import {ActivityLog, describeEvent} from '../../source/model/activity.js';
import {rolloutEnded, rolloutProgress, rolloutsInProgress, startRollout} from '../../source/model/rollout.js';
import {nodeRows} from '../../source/model/nodes.js';
import {taskRows} from '../../source/model/tasks.js';
import {findProblems} from '../../source/model/problems.js';
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

const image = (tag: string) => `swarmtui-lab/busybox:${tag}`;
const at = (t: ApiTask, tag: string): ApiTask => ({...t, Spec: {ContainerSpec: {Image: image(tag)}}});
const updated = (tag: string, update?: ApiService['UpdateStatus'], version = 11): ApiService => ({
	...service(update),
	Version: {Index: version},
	Spec: {Name: 'web', Mode: {Replicated: {Replicas: 3}}, TaskTemplate: {ContainerSpec: {Image: image(tag)}}, UpdateConfig: {Parallelism: 1, Delay: 5e9}, RollbackConfig: {Parallelism: 3, Delay: 0}},
});

describe('rollout progress, from the engine\'s data', () => {
	it('an update not yet at a slot shows its running old task and no new one (never an old failed task as new)', () => {
		const failedEarlier = at(task(1, 'failed', 'shutdown'), '1');
		const old = [at(task(1, 'running'), '1'), at(task(2, 'running'), '1'), at(task(3, 'running'), '1')];
		const fresh = at(task(3, 'running'), '2');
		// Slot 3 is done: its old task shut down, the new one runs.
		const s = store([failedEarlier, old[0]!, old[1]!, {...old[2]!, DesiredState: 'shutdown', Status: {State: 'shutdown'}}, fresh], updated('2', {State: 'updating'}));
		s.setUpToDate('svc', [fresh]);
		const p = rolloutProgress(s.get(), startRollout(s.get(), 1, 'update', 'svc'));
		expect(p).toMatchObject({done: 1, total: 3, state: 'updating', direction: 'update', exact: true});
		expect(p.slots.map((x) => [x.slot, x.old?.Status?.State, x.new?.Status?.State])).toEqual([
			['1', 'running', undefined],
			['2', 'running', undefined],
			['3', 'shutdown', 'running'],
		]);
	});

	it('an update to an image that does not exist: the new task is the rejected one, the old one still runs', () => {
		const running = [at(task(1, 'running'), '2'), at(task(2, 'running'), '2'), at(task(3, 'running'), '2')];
		const rejected = {...at(task(1, 'rejected', 'shutdown'), 'nope'), Status: {State: 'rejected', Err: 'No such image: swarmtui-lab/busybox:nope'}};
		const s = store([...running, rejected], {...updated('nope', {State: 'paused', Message: 'update paused due to failure or early termination of task x'}), Spec: {...updated('nope').Spec, TaskTemplate: {ContainerSpec: {Image: image('nope')}}}});
		s.setUpToDate('svc', [rejected]);
		const p = rolloutProgress(s.get(), startRollout(s.get(), 1, 'update', 'svc'));
		expect(p).toMatchObject({done: 0, total: 3, paused: true, finished: true, state: 'paused'});
		expect(p.slots[0]?.old?.Spec?.ContainerSpec?.Image).toBe(image('2'));
		expect(p.slots[0]?.new?.Status?.State).toBe('rejected');
	});

	it('a rollback that completed counts every task running the rolled-back spec, with the rollback config', () => {
		const back = [at(task(1, 'running'), '1'), at(task(2, 'running'), '1'), at(task(3, 'running'), '1')];
		const s = store(back, updated('1', {State: 'rollback_completed', Message: 'rollback completed'}, 14));
		s.setUpToDate('svc', back);
		const rollout = {...startRollout(s.get(), 1, 'rollback', 'svc'), versionBefore: 13};
		const p = rolloutProgress(s.get(), rollout);
		expect(p).toMatchObject({done: 3, total: 3, direction: 'rollback', state: 'rollback_completed', finished: true, config: {Parallelism: 3, Delay: 0}});
		expect(rolloutEnded(s.get(), rollout, p)).toBe(true);
	});

	it('"completed" is not believed before the figures agree, nor before the engine has the change', () => {
		const old = [at(task(1, 'running'), '1'), at(task(2, 'running'), '1'), at(task(3, 'running'), '1')];
		const s = store(old, updated('1', {State: 'completed'}, 10));
		const rollout = startRollout(s.get(), 1, 'update', 'svc');
		// Still the old spec and the old status: not over.
		s.setUpToDate('svc', old);
		expect(rolloutEnded(s.get(), rollout, rolloutProgress(s.get(), rollout))).toBe(false);
		// A newer spec, "completed", but one slot not running yet: converging.
		s.setServices([updated('2', {State: 'completed'}, 11)]);
		const one = at(task(1, 'running'), '2');
		s.setTasks([...old, one]);
		s.setUpToDate('svc', [one]);
		const p = rolloutProgress(s.get(), rollout);
		expect(p).toMatchObject({done: 1, total: 3, finished: false, state: 'converging'});
	});

	it('an update started elsewhere lists every slot and its own config from the start', () => {
		const old = [at(task(1, 'running'), '1'), at(task(2, 'running'), '1'), at(task(3, 'running'), '1')];
		const s = store(old, updated('2', {State: 'updating'}));
		s.setUpToDate('svc', []);
		const p = rolloutProgress(s.get(), startRollout(s.get(), 1, 'update', 'svc'));
		expect(p.slots.map((x) => x.slot)).toEqual(['1', '2', '3']);
		expect(p).toMatchObject({direction: 'update', config: {Parallelism: 1, Delay: 5e9}, done: 0});
		expect(rolloutsInProgress(s.get()).map((x) => x.ID)).toEqual(['svc']);
	});

	it('a scale is done when running equals desired', () => {
		const s = store([task(1, 'running')], {...service(), Spec: {Name: 'web', Mode: {Replicated: {Replicas: 2}}}});
		const rollout = startRollout(s.get(), 1, 'scale', 'svc');
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({done: 1, total: 2, finished: false});
		s.setTasks([...s.get().tasks.values(), task(2, 'running')]);
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({done: 2, total: 2, finished: true});
	});

	it('a drain is not done while the moved tasks still run on the node without a replacement', () => {
		const node1 = lab.nodes[0]!.ID;
		const node2 = lab.nodes[1]!.ID;
		const first = [task(1, 'running', 'running', node1), task(2, 'running', 'running', node2)];
		const s = store(first);
		const rollout = startRollout(s.get(), 1, 'drain', node1);
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({done: 0, total: 1, finished: false});
		// The orchestrator gave up on it (desired shutdown) but it still runs, and nothing replaced it.
		s.setTasks([{...first[0]!, DesiredState: 'shutdown', Version: {Index: 98}}, first[1]!]);
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({done: 0, total: 1, finished: false, state: 'draining'});
		// The replacement starts elsewhere, not yet running: still not done.
		const replacement = task(1, 'starting', 'running', node2);
		s.setTasks([{...first[0]!, DesiredState: 'shutdown', Version: {Index: 99}, Status: {State: 'shutdown'}}, first[1]!, replacement]);
		expect(rolloutProgress(s.get(), rollout)).toMatchObject({done: 0, finished: false});
		s.setTasks([{...first[0]!, DesiredState: 'shutdown', Version: {Index: 99}, Status: {State: 'shutdown'}}, first[1]!, {...replacement, Status: {State: 'running'}, Version: {Index: 500}}]);
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

describe('the running figures', () => {
	it('a down node\'s tasks are not running, whatever they last reported', () => {
		const node2 = lab.nodes[1]!;
		const s = store([task(1, 'running', 'shutdown', node2.ID), task(2, 'running', 'running', node2.ID)]);
		s.setNodes(lab.nodes.map((n) => (n.ID === node2.ID ? {...n, Status: {State: 'down'}} : n)));
		expect(nodeRows(s.get()).find((r) => r.id === node2.ID)?.runningTasks).toBe(0);
		expect(taskRows(s.get(), {kind: 'node', id: node2.ID}, false, Date.now())).toMatchObject({running: 0, slots: 1});
	});

	it('a slot whose only task failed (restart condition none) shows it, and the title agrees with the services pane', () => {
		const failed = {...task(1, 'failed', 'shutdown'), Status: {State: 'failed', Err: 'task: non-zero exit (1)'}};
		const s = store([failed], {...service(), Spec: {Name: 'web', Mode: {Replicated: {Replicas: 1}}}});
		const view = taskRows(s.get(), {kind: 'service', id: 'svc'}, false, Date.now());
		expect(view.rows.map((r) => [r.name, r.state, r.error])).toEqual([['web.1', 'failed', 'task: non-zero exit (1)']]);
		expect(view).toMatchObject({running: 0, slots: 1});
	});
});

describe('problems', () => {
	it('a rolling update within its parallelism is no problem; more down than that, or paused, is', () => {
		const tasks = [task(1, 'running'), task(2, 'running'), task(3, 'shutdown', 'shutdown'), task(3, 'starting')];
		const rolling = store(tasks, updated('2', {State: 'updating'}));
		expect(findProblems(rolling.get(), Date.now()).filter((p) => p.of?.id === 'svc')).toEqual([]);
		const twoDown = store([task(1, 'running'), task(2, 'starting'), task(3, 'starting')], updated('2', {State: 'updating'}));
		expect(findProblems(twoDown.get(), Date.now()).map((p) => p.text)).toContain("1 of 3 tasks running (more than the update's parallelism of 1 down)");
		const paused = store(tasks, updated('2', {State: 'paused', Message: 'update paused'}));
		expect(findProblems(paused.get(), Date.now()).map((p) => p.text)).toEqual(expect.arrayContaining(['2 of 3 tasks running', 'paused: update paused']));
	});

	it('a crash loop is one steady problem worded from the history the engine keeps', () => {
		const now = Date.now();
		const failed = (ago: number): ApiTask => ({...task(1, 'failed', 'shutdown'), Status: {State: 'failed', Timestamp: new Date(now - ago).toISOString()}});
		const history = [failed(40_000), failed(30_000), failed(20_000), failed(6_000)];
		for (const current of ['running', 'starting', 'failed']) {
			const s = store([...history, task(1, current)], {...service(), Spec: {Name: 'web', Mode: {Replicated: {Replicas: 1}}}});
			const problems = findProblems(s.get(), now).filter((p) => p.of?.id === 'svc');
			expect(problems, current).toHaveLength(1);
			expect(problems[0]?.text).toMatch(/^failing repeatedly: [45] of the last 5 tasks failed/);
		}
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
