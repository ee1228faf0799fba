import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {Key} from 'ink';
import type {LogHandlers} from '../../source/docker/logs.js';
import {Demuxer, LineSplitter, maxLineBytes, parseLine} from '../../source/docker/logs.js';
import {followLogs, sinceOf, timestampKey, type LogTarget} from '../../source/docker/logfollow.js';
import type {LogQuery, LogSource} from '../../source/docker/client.js';
import {parseHost} from '../../source/docker/endpoint.js';
import {DockerError} from '../../source/docker/errors.js';
import {plainText, toSegments} from '../../source/model/ansi.js';
import {LogBuffer} from '../../source/model/logbuffer.js';
import {visibleIndexes} from '../../source/model/logsearch.js';
import {type LogAction, logStep} from '../../source/ui/views/logs/logKeys.js';
import {initialLogState, LogView} from '../../source/ui/views/logs/LogView.js';
import {displayWidth} from '../../source/ui/text.js';

const frame = (type: number, text: string) => {
	const payload = Buffer.from(text);
	const header = Buffer.alloc(8);
	header[0] = type;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
};

describe('demultiplexing', () => {
	it('reassembles frames split anywhere, keeps stdout/stderr apart, and reports type-3 errors', () => {
		const seen: Array<[number, string]> = [];
		const demux = new Demuxer((type, payload) => seen.push([type, payload.toString()]));
		const all = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err\n'), frame(3, 'error grabbing logs: EOF'), frame(1, 'out two\n')]);
		for (let i = 0; i < all.length; i += 3) demux.push(all.subarray(i, i + 3));
		expect(seen).toEqual([
			[1, 'out one\n'],
			[2, 'err\n'],
			[3, 'error grabbing logs: EOF'],
			[1, 'out two\n'],
		]);
	});

	it('passes a raw (TTY) stream through as stdout', () => {
		const seen: string[] = [];
		new Demuxer((_t, p) => seen.push(p.toString()), true).push(Buffer.from('\u0001\u0000 raw'));
		expect(seen).toEqual(['\u0001\u0000 raw']);
	});

	it('splits lines across chunks and cuts a 1 MB line to the limit, counting the rest', () => {
		const lines: Array<[string, number]> = [];
		const splitter = new LineSplitter((line, cut) => lines.push([line.toString(), cut]));
		splitter.push(Buffer.from('a\nb'));
		splitter.push(Buffer.from('c\n'));
		splitter.push(Buffer.alloc(1_000_000, 'x'));
		splitter.push(Buffer.from('\ntail'));
		splitter.end();
		expect(lines[0]).toEqual(['a', 0]);
		expect(lines[1]).toEqual(['bc', 0]);
		expect(lines[2]?.[0].length).toBe(maxLineBytes);
		expect(lines[2]?.[1]).toBe(1_000_000 - maxLineBytes);
		expect(lines[3]).toEqual(['tail', 0]);
	});

	it('reads timestamp and the swarm details of a line', () => {
		const line = parseLine(
			'stdout',
			Buffer.from('2026-11-22T00:30:53.79606Z com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t%2C1 hello world'),
			0,
			true,
		);
		expect(line).toMatchObject({timestamp: '2026-11-22T00:30:53.79606Z', nodeId: 'n1', serviceId: 's1', taskId: 't,1', text: 'hello world'});
		expect(Buffer.from([0xff, 0xfe]).toString('utf8')).toBe('\ufffd\ufffd'); // invalid UTF-8 shows as U+FFFD
	});
});

describe('log text is untrusted', () => {
	const hostile = '\u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b]8;;http://evil\u0007link\u001b]8;;\u0007\u001b]52;c;cGF3bmVk\u0007\u001bPq#0\u001b\\\u001b_apc\u001b\\\u001b[31mred\u001b[0m bell\u0007 nul\u0000 c1\u009b6n \u001b[?1049l done';

	it('keeps SGR colour as style and drops every other sequence', () => {
		const segments = toSegments(hostile);
		const text = segments.map((s) => s.text).join('');
		expect(text).toBe('linkred bell␇ nul␀ c1‹U+009B›6n  done');
		expect(segments.find((s) => s.text === 'red')?.style).toEqual({color: 'red'});
		expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
	});

	it('does not carry style into the next line, and --no-log-colors drops it', () => {
		toSegments('\u001b[1;31munterminated');
		expect(toSegments('next line')).toEqual([{text: 'next line'}]);
		expect(toSegments('\u001b[31mred', false)).toEqual([{text: 'red'}]);
		expect(toSegments('\u001b[38;5;196mx\u001b[38;2;1;2;3my')[1]?.style).toEqual({color: '#010203'});
	});

	it('lays out a huge line in bounded time and size', () => {
		const start = performance.now();
		const segments = toSegments('x'.repeat(1_000_000));
		expect(segments[0]?.text.length).toBe(4096);
		expect(performance.now() - start).toBeLessThan(200);
		expect(plainText('\u001b[31ma\u001b[0mb')).toBe('ab');
	});

	it('renders no escape sequence from a log line into the frame', () => {
		const buffer = new LogBuffer(10);
		buffer.push({stream: 'stdout', timestamp: '', taskId: 't', nodeId: '', serviceId: '', source: 'x', text: hostile, cut: 0});
		const app = render(<LogView buffer={buffer} version={1} state={initialLogState('x', true)} label={() => 'x.1@node1'} width={80} height={6} />);
		const out = app.lastFrame() ?? '';
		app.unmount();
		// Only SGR (colour) sequences from Ink itself may remain.
		expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		expect(out).toContain('linkred bell␇');
	});
});

describe('wrapped long lines', () => {
	// ink-testing-library's terminal is 100 columns wide.
	const frameOf = (lines: string[], wrap: boolean, width = 100, height = 45) => {
		const buffer = new LogBuffer(100);
		for (const text of lines) buffer.push({stream: 'stdout', timestamp: '', taskId: 't', nodeId: '', serviceId: '', source: 'x', text, cut: 0});
		const app = render(<LogView buffer={buffer} version={1} state={{...initialLogState('x', true), wrap}} label={() => 'x.1@node1'} width={width} height={height} />);
		const out = (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
		app.unmount();
		return out.split('\n');
	};

	it('keeps a 1 MB line inside the pane, every row full, the status line last', () => {
		const rows = frameOf(['before', `${'a'.repeat(300)}\u200b${'b'.repeat(1_000_000)}`, 'after'], true);
		expect(rows).toHaveLength(45);
		// Every row is exactly the pane's width: nothing spills over the border.
		for (const row of rows) expect(row.length, row).toBe(100);
		expect(rows[0]).toMatch(/^╭─ Logs · x/);
		expect(rows[43]).toMatch(/^│▶ following · 3 lines · wrap/);
		expect(rows[44]).toMatch(/^╰/);
		// The newest line at the bottom; the long one wrapped into full rows above it.
		expect(rows[42]).toMatch(/^│x\.1@node1 after\s+│$/);
		expect(rows.slice(40, 42).map((row) => row.slice(1, -1)).join('')).toMatch(/b+ … \(the line goes on: Ctrl-S saves it whole\)\s*$/);
		expect(rows[1]).toMatch(/^│\S{98}│$/);
	});

	it('takes the rows a line needs, by display width, and drops no character', () => {
		const rows = frameOf(['名'.repeat(100), 'a\u200bb'], true, 40, 12);
		const text = rows.slice(1, 10).map((r) => r.slice(1, -1)).join('');
		expect(text.match(/名/g)).toHaveLength(100);
		expect(text).toContain('a‹U+200B›b');
		for (const row of rows) expect(displayWidth(row)).toBe(40);
	});
});

describe('the log buffer', () => {
	it('keeps the newest lines up to its capacity and counts what it dropped', () => {
		const buffer = new LogBuffer(3);
		for (let i = 1; i <= 5; i++) buffer.push({stream: 'stdout', timestamp: '', taskId: '', nodeId: '', serviceId: '', source: '', text: `l${i}`, cut: 0});
		expect(buffer.toArray().map((l) => l.text)).toEqual(['l3', 'l4', 'l5']);
		expect(buffer.dropped).toBe(2);
		expect(buffer.at(0)?.seq).toBe(3);
	});

	it('filters to matching lines, or to the others; notices are no match: hidden with only matches, shown with the others', () => {
		const buffer = new LogBuffer(10);
		for (const text of ['GET /a', 'POST /b', 'get /c']) buffer.push({stream: 'stdout', timestamp: '', taskId: '', nodeId: '', serviceId: '', source: '', text, cut: 0});
		buffer.push({stream: 'notice', timestamp: '', taskId: '', nodeId: '', serviceId: '', source: '', text: 'task joined', cut: 0});
		expect(visibleIndexes(buffer, 'get', 'only')).toEqual([0, 2]);
		expect(visibleIndexes(buffer, 'get', 'except')).toEqual([1, 3]);
		expect(visibleIndexes(buffer, 'get', 'off')).toBeUndefined();
	});
});

const key = (k: Partial<Key> = {}) => ({upArrow: false, downArrow: false, pageUp: false, pageDown: false, home: false, end: false, escape: false, ctrl: false, ...k}) as Key;

describe('log keys', () => {
	const buffer = new LogBuffer(100);
	for (let i = 0; i < 50; i++) buffer.push({stream: 'stdout', timestamp: '', taskId: '', nodeId: '', serviceId: '', source: '', text: i % 10 === 0 ? `error ${i}` : `ok ${i}`, cut: 0});
	const state = initialLogState('x', true);

	it('scrolling up pauses following; G resumes', () => {
		const up = logStep(state, 'up', buffer, 10).state!;
		expect(up).toMatchObject({follow: false, anchor: 49});
		expect(logStep(up, 'logEnd', buffer, 10).state).toMatchObject({follow: true, anchor: undefined});
		expect(logStep(state, 'logFollow', buffer, 10).state?.follow).toBe(false);
	});

	it('n walks to older matches and N to newer; F cycles the filter', () => {
		const searching = {...state, search: 'error'};
		const first = logStep(searching, 'logOlder', buffer, 10).state!;
		expect(buffer.at(first.match! - 1)?.text).toBe('error 40');
		const second = logStep(first, 'logOlder', buffer, 10).state!;
		expect(buffer.at(second.match! - 1)?.text).toBe('error 30');
		expect(buffer.at(logStep(second, 'logNewer', buffer, 10).state!.match! - 1)?.text).toBe('error 40');
		expect(logStep(searching, 'logFilter', buffer, 10).state?.filter).toBe('only');
		expect(logStep(state, 'logFilter', buffer, 10).message).toMatch(/search first/);
		expect(logStep(state, 'back' as LogAction, buffer, 10).command).toBe('exit');
	});
});

describe('following logs', () => {
	afterEach(() => vi.useRealTimers());

	function fakeSource() {
		const calls: Array<{id: string; query: LogQuery; handlers: LogHandlers}> = [];
		const source: LogSource = {
			endpoint: parseHost('unix:///x.sock', {context: 'default', source: 'test'}),
			logs(target, query, handlers) {
				calls.push({id: target.id, query, handlers});
				return {close() {}};
			},
		};
		return {source, calls};
	}
	const target: LogTarget = {kind: 'service', id: 'svc', name: 'web', tty: false};
	const raw = (timestamp: string, text: string, taskId = 't1') => ({stream: 'stdout' as const, timestamp, taskId, nodeId: 'n', serviceId: 'svc', text, cut: 0});

	it('asks for a bounded history, merges it by time, and re-attaches from the last line without repeating it', async () => {
		vi.useFakeTimers();
		const {source, calls} = fakeSource();
		const got: string[] = [];
		const notices: string[] = [];
		const follower = followLogs(source, [target], {follow: true, tail: 200}, {line: (l) => got.push(l.text), notice: (t) => notices.push(t)});
		expect(calls[0]?.query).toEqual({follow: true, tail: 200});
		const h = calls[0]!.handlers;
		h.onLine(raw('2026-11-22T00:00:02Z', 'task1 b', 't1'));
		h.onLine(raw('2026-11-22T00:00:01Z', 'task2 a', 't2'));
		h.onLine(raw('2026-11-22T00:00:03.5Z', 'task1 c', 't1'));
		await vi.advanceTimersByTimeAsync(400);
		expect(got).toEqual(['task2 a', 'task1 b', 'task1 c']);
		h.onEnd();
		expect(notices[0]).toMatch(/web: log stream ended; re-attaching in 1s/);
		await vi.advanceTimersByTimeAsync(1100);
		expect(calls[1]?.query.since).toBe(sinceOf('2026-11-22T00:00:01Z'));
		const again = calls[1]!.handlers;
		again.onLine(raw('2026-11-22T00:00:01Z', 'task2 a', 't2')); // seen
		again.onLine(raw('2026-11-22T00:00:03.5Z', 'task1 c', 't1')); // seen
		again.onLine(raw('2026-11-22T00:00:04Z', 'task1 d', 't1'));
		expect(got).toEqual(['task2 a', 'task1 b', 'task1 c', 'task1 d']);
		follower.stop();
	});

	it('stops following a removed service, and ends when not following', async () => {
		const {source, calls} = fakeSource();
		const done = vi.fn();
		const notices: string[] = [];
		followLogs(source, [target], {follow: true}, {line: () => {}, notice: (t) => notices.push(t), done});
		calls[0]!.handlers.onEnd(new DockerError('service svc not found', 404));
		expect(notices[0]).toMatch(/web no longer exists/);
		expect(done).toHaveBeenCalled();
		const once = fakeSource();
		const lines: string[] = [];
		const finished = vi.fn();
		followLogs(once.source, [target], {follow: false, tail: 5}, {line: (l) => lines.push(l.text), notice: () => {}, done: finished});
		once.calls[0]!.handlers.onLine(raw('2026-11-22T00:00:02Z', 'b'));
		once.calls[0]!.handlers.onLine(raw('2026-11-22T00:00:01Z', 'a', 't2'));
		once.calls[0]!.handlers.onEnd();
		expect(lines).toEqual(['a', 'b']);
		expect(finished).toHaveBeenCalled();
	});

	it('re-opens a stream that went quiet while new tasks of its service run', async () => {
		vi.useFakeTimers();
		const {source, calls} = fakeSource();
		let newTasks = false;
		const follower = followLogs(source, [target], {follow: true, quietAfter: 10_000, stale: () => newTasks}, {line: () => {}, notice: () => {}});
		calls[0]!.handlers.onLine(raw('2026-11-22T00:00:01Z', 'a'));
		await vi.advanceTimersByTimeAsync(30_000);
		expect(calls).toHaveLength(1); // quiet, but nothing new runs: left alone
		newTasks = true;
		await vi.advanceTimersByTimeAsync(6_000);
		expect(calls).toHaveLength(2);
		expect(calls[1]?.query.since).toBe(sinceOf('2026-11-22T00:00:01Z'));
		follower.stop();
	});

	it('compares timestamps with any number of fraction digits', () => {
		expect(timestampKey('2026-11-22T00:00:01.5Z') > timestampKey('2026-11-22T00:00:01.123456789Z')).toBe(true);
		expect(sinceOf('2026-11-22T00:00:01.5Z')).toBe(`${Date.parse('2026-11-22T00:00:01Z') / 1000}.500000000`);
	});
});

describe('log prefixes and search', () => {
	it('fixes a prefix when its first line arrives, and tells tasks of one slot apart', async () => {
		const {LogLabels} = await import('../../source/model/logtasks.js');
		const {labStore, lab} = await import('./helpers.js');
		const store = labStore();
		const crashy = lab.tasks.filter((t) => lab.services.find((s) => s.ID === t.ServiceID)?.Spec?.Name === 'crashy' && t.Slot === 1);
		const [first, second] = crashy;
		const labels = new LogLabels();
		const one = labels.label(store.get(), first!.ID);
		expect(one).toMatch(/^crashy\.1@node\d$/);
		// The task leaves the engine's list: its lines keep their prefix.
		store.setTasks(lab.tasks.filter((t) => t.ID !== first!.ID));
		expect(labels.label(store.get(), first!.ID)).toBe(one);
		// Another task of the same slot on the same node: told apart by its ID.
		const sameNode = {...second!, NodeID: first!.NodeID};
		store.setTasks([...lab.tasks.filter((t) => t.ID !== second!.ID), sameNode]);
		expect(labels.label(store.get(), sameNode.ID)).toBe(one.replace('@', `.${sameNode.ID.slice(0, 12)}@`));
	});

	it('search filters never count swarmtui\'s notices as matches', async () => {
		const {visibleIndexes} = await import('../../source/model/logsearch.js');
		const buffer = new LogBuffer(10);
		buffer.push({stream: 'stdout', timestamp: '', taskId: 't', nodeId: '', serviceId: '', source: 'x', text: 'GET /api ok', cut: 0});
		buffer.push({stream: 'notice', timestamp: '', taskId: '', nodeId: '', serviceId: '', source: 'x', text: 'task shop_api.1 joined (api ok)', cut: 0});
		buffer.push({stream: 'stdout', timestamp: '', taskId: 't', nodeId: '', serviceId: '', source: 'x', text: 'other', cut: 0});
		expect(visibleIndexes(buffer, 'api ok', 'only')).toEqual([0]);
		expect(visibleIndexes(buffer, 'api ok', 'except')).toEqual([1, 2]);
	});
});

describe('fragments of a long line', () => {
	it('are joined without the timestamp and details the engine puts on each', async () => {
		const {Readable} = await import('node:stream');
		const {readLogStream} = await import('../../source/docker/logs.js');
		const prefix = '2026-12-01T15:46:41.933393013Z com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t1 ';
		const frame = (text: string) => {
			const body = Buffer.from(text);
			const header = Buffer.alloc(8);
			header[0] = 1;
			header.writeUInt32BE(body.length, 4);
			return Buffer.concat([header, body]);
		};
		const stream = Readable.from([frame(`${prefix}${'x'.repeat(16_000)}`), frame(`${prefix}${'y'.repeat(16_000)}`), frame(`${prefix}zzz\n`), frame(`${prefix}after\n`)]);
		const lines: string[] = [];
		await new Promise<void>((resolve) => {
			readLogStream(Object.assign(stream, {headers: {'content-type': 'application/vnd.docker.multiplexed-stream'}}) as never, {onLine: (line) => lines.push(line.text), onNotice: () => {}, onEnd: () => resolve()}, {raw: false, details: true, maxLineBytes: Number.POSITIVE_INFINITY});
		});
		expect(lines).toEqual([`${'x'.repeat(16_000)}${'y'.repeat(16_000)}zzz`, 'after']);
	});
});
