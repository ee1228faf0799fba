import {describe, expect, it} from 'vitest';
import type {FollowOptions, FollowSink, LogTarget} from '../../source/docker/logfollow.js';
import {fakeWriter, lab, renderApp, serviceId, tick, waitFrame} from './helpers.js';

function show(readOnly = false) {
	const opened: Array<{targets: LogTarget[]; sink: FollowSink; stopped: boolean}> = [];
	const openLogs = (targets: LogTarget[], _options: FollowOptions, sink: FollowSink) => {
		const entry = {targets, sink, stopped: false};
		opened.push(entry);
		return {stop: () => (entry.stopped = true)};
	};
	const shown = renderApp({readOnly, openLogs, logOptions: {buffer: 100, tail: 50, colors: true}, size: {columns: 110, rows: 32}});
	return {...shown, opened};
}

const web = () => serviceId('shop_web');
const replicas = (writer: ReturnType<typeof fakeWriter>) => writer.state.get(web())?.Spec?.Mode?.Replicated?.Replicas;

describe('actions from the keyboard', () => {
	it('scale: bad input is refused under the field and changes nothing', async () => {
		const {frame, press, writer} = show();
		await press('j', 'j', 's');
		expect(frame()).toContain('Scale shop_web (now 3 replicas)');
		for (const [input, reason] of [['abc', 'not a number'], ['-1', 'negative'], ['1.5', 'whole number'], ['99999999', 'at most 10000']]) {
			await press('\u0015', input!); // Ctrl-U clears the field
			expect(frame()).toContain(reason);
			await press('\r');
			expect(frame()).toContain('Scale shop_web'); // still open
		}
		await press('\u001B');
		await tick();
		expect(frame()).not.toContain('Scale shop_web');
		expect(writer.updates).toHaveLength(0);
	});

	it('scale: a valid number is applied and the rollout view opens', async () => {
		const {frame, press, writer, activity} = show();
		await press('j', 'j', 's', '5', '\r');
		await tick();
		expect(replicas(writer)).toBe(5);
		expect(frame()).toContain('Rollout · scale shop_web');
		expect(frame()).toMatch(/overall progress: \d out of \d/);
		expect(activity.get().at(-1)).toMatchObject({outcome: 'ok', target: 'shop_web'});
		await press('\u001B');
		await tick();
		expect(frame()).toContain('Tasks · shop_web');
	});

	it('scale to 0 asks first; any key but y cancels', async () => {
		const {frame, press, writer} = show();
		await press('j', 'j', 's', '0', '\r');
		expect(frame()).toContain('Scale shop_web to 0?');
		await press('n');
		expect(writer.updates).toHaveLength(0);
		await press('s', '0', '\r', 'y');
		await tick();
		expect(replicas(writer)).toBe(0);
	});

	it('refuses to scale a global service, and says why', async () => {
		const {frame, press} = show();
		await press('G', 's');
		expect(frame()).toContain('monitor is a global service');
	});

	it('remove wants the service name typed', async () => {
		const {frame, press, writer} = show();
		await press('j', 'j', 'x');
		expect(frame()).toContain('Remove shop_web?');
		await press('shop_api');
		expect(frame()).toContain('type "shop_web" exactly');
		await press('\r');
		expect(writer.state.has(web())).toBe(true);
		await press('\u0015', 'shop_web', '\r');
		await tick();
		expect(writer.state.has(web())).toBe(false);
		expect(frame()).toContain('shop_web removed');
	});

	it('roll back says so when there is no previous spec', async () => {
		const {frame, press} = show();
		await press('j', 'j', 'r');
		expect(frame()).toContain('shop_web has no previous spec to roll back to');
	});

	it('drain shows the tasks that will move and the manager warning before asking', async () => {
		const {frame, press, writer} = show();
		const node1 = lab.nodes.find((n) => n.Description?.Hostname === 'node1')!;
		await press('\t', '\t', 'd');
		expect(frame()).toContain('Drain node1?');
		expect(frame()).toContain('monitor (global): stops on this node');
		expect(frame()).toContain('node1 is a manager');
		await press('y');
		await tick();
		expect(writer.nodeState.get(node1.ID)?.Spec?.Availability).toBe('drain');
		expect(frame()).toContain('Rollout · drain node1');
	});

	it('an accepted node change is under way until the cluster shows it, then done', async () => {
		const {frame, press, writer, activity, store} = show();
		const node2 = lab.nodes.find((n) => n.Description?.Hostname === 'node2')!;
		await press('\t', '\t', 'j', 'p');
		expect(frame()).toContain('Pause node2?');
		await press('y');
		await tick();
		expect(writer.nodeState.get(node2.ID)?.Spec?.Availability).toBe('pause');
		// The engine took it; the node list does not show it yet: not "done".
		expect(activity.get().at(-1)).toMatchObject({outcome: 'pending'});
		expect(frame()).toContain('waiting for the cluster to show it');
		store.setNodes(lab.nodes.map((n) => (n.ID === node2.ID ? {...n, Spec: {...n.Spec, Availability: 'pause'}, Version: {Index: 999}} : n)));
		await tick();
		expect(activity.get().at(-1)).toMatchObject({outcome: 'ok'});
	});

	it('read-only mode refuses every action key and hides them from the footer', async () => {
		const {frame, press, writer} = show(true);
		expect(frame()).not.toContain('s scale');
		await press('j', 'j', 's');
		expect(frame()).toContain('read-only mode');
		await press('\t', '\t', 'd');
		expect(frame()).toContain('read-only mode');
		expect(writer.updates).toHaveLength(0);
	});

	it(':events shows the activity list; Esc goes back', async () => {
		const {frame, press, activity} = show();
		activity.addEvent({Type: 'service', Action: 'update', Actor: {ID: 'x', Attributes: {name: 'shop_web', 'replicas.old': '2', 'replicas.new': '3'}}, timeNano: Date.now() * 1e6});
		await press(':', 'events', '\r');
		expect(frame()).toContain('Activity · 1');
		expect(frame()).toContain('update (replicas 2 -> 3)');
		await press(':', 'bogus');
		expect(frame()).toContain('unknown command "bogus"');
		await press('\u001B', '\u001B');
		await tick();
		expect(frame()).toContain('Tasks ·');
	});
});

describe('keys in one burst', () => {
	it('a control key inside a burst still acts as one (u then Ctrl-U)', async () => {
		const {frame, press} = show();
		await press('j', 'j');
		await press('u\u0015swarmtui-lab/busybox:2');
		expect(frame()).toContain('> swarmtui-lab/busybox:2█');
	});
});

describe('Esc followed at once by another key', () => {
	it('is Esc, then the key (not Alt+key)', async () => {
		const {frame, press} = show();
		await press('j', 'j', 's');
		expect(frame()).toContain('Scale shop_web');
		await press('\u001B\t\t');
		expect(frame()).not.toContain('Scale shop_web');
		await press('d');
		expect(frame()).toContain('Drain node1?');
	});

	it('Esc then several keys in one read: the Esc, then each key', async () => {
		const {frame, press} = show();
		await press('?');
		expect(frame()).toContain('swarmtui keys');
		await press('\u001Bjjs');
		expect(frame()).not.toContain('swarmtui keys');
		expect(frame()).toContain('Scale shop_web');
		await press('\u001B', '?\u001Bj'); // a key, Esc and a key in one read
		expect(frame()).not.toContain('swarmtui keys');
		expect(frame()).toMatch(/Tasks · crashy/);
	});
});

describe('logs from the keyboard', () => {
	it('l on a stack follows all its services; lines show task@node prefixes; Esc stops the streams', async () => {
		const {frame, press, opened} = show();
		await press('l');
		expect(opened[0]?.targets.map((t) => t.name).sort()).toEqual(['shop_api', 'shop_web']);
		const web = lab.tasks.find((t) => t.ServiceID === serviceId('shop_web') && t.Slot === 1)!;
		opened[0]!.sink.line({stream: 'stdout', timestamp: '2026-11-22T00:00:01Z', taskId: web.ID, nodeId: web.NodeID!, serviceId: web.ServiceID!, text: 'GET / 200', cut: 0}, opened[0]!.targets[0]!);
		opened[0]!.sink.line({stream: 'stderr', timestamp: '2026-11-22T00:00:02Z', taskId: web.ID, nodeId: web.NodeID!, serviceId: web.ServiceID!, text: 'warning: slow', cut: 0}, opened[0]!.targets[0]!);
		await waitFrame(frame, 'warning: slow');
		expect(frame()).toContain('Logs · stack shop');
		expect(frame()).toMatch(/shop_web\.1@node2 +GET \/ 200/);
		expect(frame()).toContain('warning: slow');
		expect(frame()).toContain('following · 2 lines');
		await press('k');
		expect(frame()).toContain('paused (G resumes)');
		await press('\u001B');
		await tick();
		expect(opened[0]?.stopped).toBe(true);
		expect(frame()).toContain('Tasks · stack shop');
	});

	it('space marks services; l follows just the marked ones', async () => {
		const {frame, press, opened} = show();
		await press('j', ' ', 'j', 'j', ' ');
		expect(frame()).toContain('2 marked (l logs)');
		expect(frame()).toContain('● shop_api');
		await press('l');
		expect(opened[0]?.targets.map((t) => t.name)).toEqual(['shop_api', 'monitor']); // space also moves down
	});

	it('l on a task follows that task', async () => {
		const {press, opened} = show();
		await press('j', 'j', '\r', 'l');
		expect(opened[0]?.targets[0]).toMatchObject({kind: 'task', name: 'shop_web.1'});
	});
});

describe('disconnected', () => {
	it('says so in the header, marks the panes stale, and refuses actions', async () => {
		const {frame, press, writer, store} = show();
		store.setDisconnected('cannot connect to the Docker engine at unix:///x', Date.now() + 4000);
		await press('j', 'j', 's');
		expect(frame()).toMatch(/disconnected, retrying in \d+s/);
		expect(frame()).toContain('· stale');
		expect(frame()).toContain('actions are refused until it is back');
		expect(writer.updates).toHaveLength(0);
	});
});
