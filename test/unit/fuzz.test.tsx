// Engine payloads with missing fields, wrong types, nulls, unknown states, escape
// sequences and huge strings: nothing in the model or the views may throw.
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {slimTask} from '../../source/docker/client.js';
import {JsonArraySplitter} from '../../source/docker/jsonarray.js';
import {nodeSummary, nodeTaskLines, taskSummary} from '../../source/model/inspect.js';
import {whyPending} from '../../source/model/placement.js';
import {findProblems} from '../../source/model/problems.js';
import {inspectText} from '../../source/ui/views/inspect/InspectView.js';
import {NdjsonSplitter} from '../../source/docker/events.js';
import {parseLine} from '../../source/docker/logs.js';
import type {ApiNode, ApiService, ApiTask} from '../../source/docker/types.js';
import {createActions} from '../../source/actions/index.js';
import {drainImpact, specDiff} from '../../source/model/plan.js';
import {describeEvent} from '../../source/model/activity.js';
import {toSegments} from '../../source/model/ansi.js';
import {ActivityLog} from '../../source/model/activity.js';
import {nodeRows} from '../../source/model/nodes.js';
import {rolloutProgress, startRollout} from '../../source/model/rollout.js';
import {serviceRows} from '../../source/model/services.js';
import {ClusterStore} from '../../source/model/store.js';
import {taskRows} from '../../source/model/tasks.js';
import {App} from '../../source/ui/App.js';
import {fakeWriter, lab} from './helpers.js';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
	let a = seed;
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const nasty = ['', 'running', 'shutdown', 'failed', 'weird-state', '\u001b[2J\u001b]0;x\u0007', 'x'.repeat(100_000), '名前', '\u0000\u009b', '2026-11-22T00:00:00Z', 'not a date'];

function value(rand: () => number, depth: number): unknown {
	if (depth <= 0) return nasty[Math.floor(rand() * nasty.length)];
	const r = rand();
	if (r < 0.1) return null;
	if (r < 0.15) return undefined;
	if (r < 0.3) return nasty[Math.floor(rand() * nasty.length)];
	if (r < 0.4) return Math.floor(rand() * 10) - 2;
	if (r < 0.45) return rand() < 0.5;
	if (r < 0.55) return [value(rand, depth - 1), value(rand, depth - 1)];
	return shaped(rand, depth - 1, ['ID', 'State', 'Name', 'Spec', 'Status', 'Labels', 'Mode', 'Replicated', 'Replicas', 'Global', 'ServiceID', 'NodeID', 'Slot', 'Hostname', 'Description', 'ManagerStatus', 'Leader', 'TaskTemplate', 'ContainerSpec', 'Image', 'UpdateStatus', 'ServiceStatus', 'RunningTasks', 'DesiredTasks', 'Availability', 'Role', 'Version', 'Index', 'CreatedAt', 'Timestamp', 'DesiredState', 'Err', 'Endpoint', 'Ports']);
}

function shaped(rand: () => number, depth: number, keys: string[], chance = 0.15): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of keys) if (rand() < chance) out[key] = value(rand, depth);
	return out;
}

function item<T>(rand: () => number, index: number): T {
	const base = shaped(rand, 4, ['Spec', 'Status', 'Description', 'ManagerStatus', 'ServiceID', 'NodeID', 'Slot', 'DesiredState', 'CreatedAt', 'Version', 'UpdateStatus', 'ServiceStatus', 'PreviousSpec', 'Endpoint'], 0.6);
	return {...base, ID: rand() < 0.95 ? `id${index % 7}` : (value(rand, 1) as string)} as T;
}

describe('hostile and malformed engine payloads', () => {
	it('never make the model or the views throw (150 generated clusters)', () => {
		for (let seed = 1; seed <= 150; seed++) {
			const rand = random(seed);
			const list = <T,>(n: number) => Array.from({length: n}, (_, i) => item<T>(rand, i));
			const store = new ClusterStore();
			try {
				store.setNodes(list<ApiNode>(5));
				store.setServices(list<ApiService>(5));
				store.setTasks(list<ApiTask>(20).map((task) => slimTask(task)));
				const snapshot = store.get();
				const nodes = nodeRows(snapshot);
				const services = serviceRows(snapshot);
				for (const target of [{kind: 'service', id: 'id1'}, {kind: 'node', id: 'id2'}, {kind: 'stack', name: 'x'}] as const) {
					taskRows(snapshot, target, true, Date.now());
					taskRows(snapshot, target, false, Date.now());
				}
				for (const kind of ['update', 'scale', 'drain'] as const) rolloutProgress(snapshot, startRollout(snapshot, 1, kind, 'id1'));
				drainImpact(snapshot, 'id1');
				specDiff(snapshot.services.get('id1')?.Spec, snapshot.services.get('id2')?.Spec);
				describeEvent(item(rand, 1));
				findProblems(snapshot, Date.now());
				whyPending(snapshot, 'id1');
				for (const node of snapshot.nodes.values()) nodeSummary(node);
				nodeTaskLines(snapshot, 'id2');
				for (const task of snapshot.tasks.values()) taskSummary(task as unknown as Record<string, unknown>, Date.now());
				for (const target of ['service', 'node', 'task'] as const) {
					inspectText({target, id: 'id1', title: 'x', mode: 'yaml', masked: true, offset: 0, data: item(rand, 1)}, Date.now(), snapshot);
					inspectText({target, id: 'id1', title: 'x', mode: 'diff', masked: true, offset: 0, data: item(rand, 1)}, Date.now(), snapshot);
				}
				// The streamed list reader takes the same payloads, in random chunks (every
				// 15th cluster: with their 100 kB strings a list is ~30 MB of JSON).
				if (seed % 15 === 0) {
					const bytes = Buffer.from(JSON.stringify(list<ApiTask>(10)));
					const read: unknown[] = [];
					const splitter = new JsonArraySplitter((element) => read.push(slimTask(element)));
					for (let at = 0; at < bytes.length; ) {
						// Tiny pieces and socket-sized ones (the payloads hold 100 kB strings).
						const size = 1 + Math.floor(rand() * (rand() < 0.5 ? 40 : 65_536));
						splitter.push(bytes.subarray(at, at + size));
						at += size;
					}
					splitter.end();
					expect(read).toHaveLength(10);
				}
				// Every object the store kept gets its row, whatever its shape.
				expect(nodes).toHaveLength(snapshot.nodes.size);
				expect(services.filter((row) => row.kind === 'service')).toHaveLength(snapshot.services.size);
			} catch (error) {
				throw new Error(`seed ${seed}: ${(error as Error).stack}`);
			}
		}
	}, 60_000);

	it('render a screen full of hostile strings without throwing or leaking escapes', () => {
		const rand = random(42);
		const store = new ClusterStore();
		store.setNodes(lab.nodes.map((n) => ({...n, Description: {...n.Description, Hostname: `\u001b[2Jevil${nasty[Math.floor(rand() * 3)]}`}})));
		store.setServices(lab.services.map((s) => ({...s, Spec: {...s.Spec, Name: `svc\u001b]0;pwn\u0007${'y'.repeat(500)}`}})));
		store.setTasks(lab.tasks.map((t) => ({...t, Status: {...t.Status, Err: 'err\u001b[H\u0007'}})));
		const app = render(<App store={store} endpoint="e" actions={createActions(fakeWriter(lab.services).api, false)} activity={new ActivityLog()} onQuit={() => {}} size={{columns: 100, rows: 30}} />);
		const frame = app.lastFrame() ?? '';
		app.unmount();
		expect(frame.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		expect(frame).toContain('evil');
	});

	it('event and log parsers take garbage', () => {
		const rand = random(7);
		const seen: unknown[] = [];
		const splitter = new NdjsonSplitter((event) => seen.push(event));
		for (let i = 0; i < 200; i++) {
			const text = String(value(rand, 2)) + (rand() < 0.5 ? '\n' : '');
			splitter.push(text);
			expect(typeof parseLine('stdout', Buffer.from(text), 0, true).text).toBe('string');
			// No byte of a log line reaches the terminal as an escape sequence.
			expect(toSegments(text).map((segment) => segment.text).join('')).not.toMatch(/\u001b/);
		}
		seen.length = 0;
		// After the garbage, whole events still come through; what is not an object does not.
		splitter.push(`\n{"Type":"service"}\n${'{'.repeat(10_000)}\n[1,2]\nnull\n`);
		expect(seen).toContainEqual({Type: 'service'});
		expect(seen).not.toContain(null);
	});
});
