import figures from 'figures';
import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import type {ApiService} from '../../source/docker/types.js';
import {App} from '../../source/ui/App.js';
import {createActions} from '../../source/actions/index.js';
import {ActivityLog} from '../../source/model/activity.js';
import {fakeWriter, lab, labStore, renderApp, tick} from './helpers.js';

const clock = () => Date.parse('2026-11-21T23:57:00Z');
function show(size = {columns: 100, rows: 30}, store = labStore(), onQuit = () => {}, readOnly = false) {
	return renderApp({size, store, onQuit, readOnly, clock, endpoint: 'default → unix:///run/stlab/node1.sock'});
}

const line = (frame: string, text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';

describe('App on the lab swarm', () => {
	it('shows header, nodes, services grouped by stack, and the tasks of the selection', () => {
		const {frame} = show();
		const f = frame();
		expect(f).toContain('swarmtui');
		expect(f).toMatch(/managers 1 \(leader node1\)/);
		expect(f).toContain('nodes 3');
		for (const host of ['node1', 'node2', 'node3']) expect(f).toContain(host);
		expect(line(f, 'node1 *')).toMatch(/manager\s+Leader\s+ready\s+active/);
		expect(line(f, '▾ shop')).toContain('5/5');
		expect(line(f, 'shop_web')).toMatch(/replicated\s+3\/3\s+swarmtui-lab\/busybox:1/);
		expect(line(f, 'crashy')).toContain(`0/1 ${figures.cross}`);
		expect(f).toContain('Tasks · stack shop · 5/5 running');
		expect(f).toContain(`${figures.warning} 1 problem`); // crashy: its crash loop, with the replica it leaves missing
	});

	it('moves with j/k (also as a burst), follows the selection in the tasks pane', async () => {
		const {frame, press} = show();
		await press('j', 'j');
		expect(frame()).toContain('Tasks · shop_web · 3/3 running');
		expect(line(frame(), 'shop_web.1')).toMatch(/node2\s+Running\s+Running \d+ minutes ago/);
		await press('k');
		expect(frame()).toContain('Tasks · shop_api');
		await press('jj');
		expect(frame()).toContain('Tasks · crashy · 0/1 running');
		await press('G');
		expect(frame()).toContain('Tasks · monitor');
		await press('g');
		expect(frame()).toContain('Tasks · stack shop');
	});

	it('keeps the selection on the same service when the list changes under it', async () => {
		const {frame, press, store} = show();
		await press('j', 'j');
		expect(frame()).toContain('Tasks · shop_web');
		const extra: ApiService = {...lab.services[1]!, ID: 'zzz', Version: {Index: 1}, Spec: {...lab.services[1]!.Spec, Name: 'aaa-first', Labels: {com_docker_stack_namespace: 'x'}}};
		store.setServices([extra, ...lab.services]);
		await tick();
		expect(frame()).toContain('aaa-first');
		expect(frame()).toContain('Tasks · shop_web');
		store.setServices(lab.services.filter((s) => s.Spec?.Name !== 'shop_web'));
		await tick();
		expect(frame()).not.toContain('Tasks · shop_web');
	});

	it('Enter on a node shows the tasks on that node; h shows history', async () => {
		const {frame, press} = show();
		await press('\t', '\t'); // services -> tasks -> nodes
		await press('j', 'j', '\r');
		expect(frame()).toContain('Tasks · node node3');
		expect(frame()).toMatch(/shop_web\.2\s+node3/);
		await press('\t', '\t'); // tasks -> nodes -> services
		await press('jjj');
		expect(frame()).toContain('Tasks · crashy');
		expect(frame()).not.toContain(' \\_ crashy.1');
		await press('h');
		expect(frame()).toContain(' \\_ crashy.1');
		expect(frame()).toContain('task: non-'); // the start of the error; inspect shows all of it
	});

	it('filters the focused pane with / and clears with Esc', async () => {
		const {frame, press} = show();
		await press('/');
		await press('m', 'o', 'n');
		expect(frame()).toContain('monitor');
		expect(frame()).not.toContain('shop_api');
		await press('\r');
		expect(frame()).toContain('Services 4 · stacks 1 · /mon');
		await press('\u001B');
		await tick();
		expect(frame()).toContain('shop_api');
	});

	it('applies a burst of navigation keys in order ("\\t\\tjj\\r")', async () => {
		const {frame, press} = show();
		await press('\t\tjj\r');
		expect(frame()).toContain('Tasks · node node3');
		await press('\t\tjjj');
		expect(frame()).toContain('Tasks · crashy');
	});

	it('takes a burst of keys typed faster than one read ("/mon") whole into the filter', async () => {
		const {frame, press} = show();
		await press('/mon');
		expect(frame()).toContain('/ filter services: mon');
		expect(frame()).not.toContain('shop_api');
		await press('\u007F', '\u007F', '\u007F', 'zq', '\r');
		expect(frame()).toContain('no service matches the filter');
	});

	it('shows help with ? and closes it with Esc', async () => {
		const {frame, press} = show();
		await press('?');
		expect(frame()).toContain('swarmtui keys');
		expect(frame()).toContain('task history on / off');
		await press('\u001B');
		await tick();
		expect(frame()).not.toContain('swarmtui keys');
	});

	it('help at 80x24 fits the screen and scrolls to every key', async () => {
		const {frame, press} = show({columns: 80, rows: 24});
		await press('?');
		const rows = frame().split('\n');
		expect(rows.length).toBeLessThanOrEqual(23);
		expect(frame()).toMatch(/1-\d+ of \d+ · j k PgUp PgDn scroll/);
		expect(frame()).not.toContain('q Ctrl-C');
		await press('G');
		expect(frame()).toContain('q Ctrl-C');
		expect(frame()).toContain('quit');
		await press('g');
		expect(frame()).toContain('keys of the services pane');
	});

	it('help in the log view shows the log view\'s keys', async () => {
		const logs = renderApp({openLogs: () => ({stop() {}})});
		await logs.press('l');
		expect(logs.frame()).toContain('Logs ·');
		await logs.press('?');
		expect(logs.frame()).toContain('keys of the log view');
		expect(logs.frame()).toMatch(/w\s+wrap long lines on \/ off/);
		expect(logs.frame()).not.toContain('drain node');
		logs.app.unmount();
	});

	it(':problems lists what is wrong, worst first', async () => {
		const {frame, press} = show();
		await press(':', 'problems', '\r');
		expect(frame()).toContain('Problems · 1');
		// What the engine's history says, capped by its retention; the age from the clock.
		expect(frame()).toMatch(/service crashy +failing repeatedly: 4 of the last 5 tasks failed; 0 of 1 running, the newest/);
	});

	it(':stacks lists stacks; Enter shows the stack\'s services', async () => {
		const {frame, press} = show();
		await press(':', 'st', '\r');
		expect(frame()).toMatch(/Stacks · 1/);
		expect(frame()).toMatch(/shop +2 +5\/5/);
		await press('\r');
		expect(frame()).toContain('Services 4 · stacks 1 · /shop');
		expect(frame()).not.toContain('monitor');
		expect(frame()).toContain('Tasks · stack shop');
	});

	it('Esc goes back a step at a time, to each view as it was left; breadcrumbs say where you are', async () => {
		const {frame, press} = show({columns: 150, rows: 30});
		await press('/', 'shop', '\r', 'j'); // the services pane filtered, shop_api selected
		expect(frame()).toMatch(/▌ +shop_api/);
		await press(':', 'stacks', '\r');
		expect(frame()).toMatch(/Stacks · 1/);
		expect(frame().split('\n')[0]).toContain('services /shop › stacks');
		await press('\r'); // the stack's services
		expect(frame().split('\n')[0]).toContain('services /shop › stacks › services /shop');
		// The panes are on the way back already: leaving them again returns the trail to
		// that point; each view is on it once.
		await press(':', 'ev', '\r');
		expect(frame()).toContain('Activity · ');
		expect(frame().split('\n')[0]).toMatch(/ services \/shop › events/);
		expect(frame().split('\n')[0]).not.toContain('stacks ›');
		await press('\u001B');
		expect(frame()).toContain('Services 4 · stacks 1 · /shop');
		await press('\u001B'); // nothing further back: Esc clears the filter
		expect(frame().split('\n')[0]).not.toContain('›');
		expect(frame()).toContain('monitor');
	});

	it(':pb, Enter, :pb, Enter… keeps the breadcrumbs bounded', async () => {
		const {frame, press} = show({columns: 150, rows: 30});
		await press(':', 'pb', '\r', '\r');
		const once = frame().split('\n')[0] ?? '';
		for (let i = 0; i < 3; i++) await press(':', 'pb', '\r', '\r');
		const header = frame().split('\n')[0] ?? '';
		expect(header).toBe(once);
		expect(header).toMatch(/services › problems › services/);
		await press('\u001B');
		expect(frame()).toMatch(/Problems · 1/);
	});

	it('Esc from the stack\'s services returns to the stacks, then the panes as they were', async () => {
		const {frame, press} = show({columns: 150, rows: 30});
		await press('/', 'shop', '\r', 'j');
		await press(':', 'stacks', '\r', '\r');
		await press('\u001B');
		expect(frame()).toMatch(/Stacks · 1/);
		await press('\u001B'); // the panes as they were: filter and selection kept
		expect(frame()).toContain('· /shop');
		expect(frame()).toMatch(/▌ +shop_api/);
		expect(frame().split('\n')[0]).not.toContain('›');
		await press('\u001B'); // nothing to go back to: Esc clears the filter
		expect(frame()).toContain('monitor');
	});

	it(':problems, Enter: the service in trouble selected in its pane; Esc back to the list', async () => {
		const {frame, press} = show({columns: 150, rows: 30});
		await press(':', 'pb', '\r');
		expect(frame()).toMatch(/Problems · 1/);
		await press('\r');
		expect(frame()).toContain('Tasks · crashy');
		expect(frame()).toMatch(/▌ *crashy/);
		await press('\u001B');
		expect(frame()).toMatch(/Problems · 1/);
	});

	it('command mode: Tab completes, suggestions show as you type, unknown commands get near names, :svc shop filters', async () => {
		const {frame, press} = show({columns: 120, rows: 30});
		await press(':', 'se');
		expect(frame()).toContain('Tab completes: services  secrets');
		await press('\t');
		expect(frame()).toMatch(/> se█/); // two commands start so: nothing to add
		await press('c', '\t');
		expect(frame()).toMatch(/> secrets█/);
		await press('\u0015', 'servcies');
		expect(frame()).toContain('unknown command "servcies"; did you mean services?');
		await press('\r'); // refused: the prompt stays
		expect(frame()).toContain('servcies');
		await press('\u0015', 'svc shop', '\r');
		expect(frame()).toContain('Services 4 · stacks 1 · /shop');
		expect(frame()).not.toContain('monitor');
	});

	it('S sorts the focused pane by its columns in turn, both ways; the services stand alone then', async () => {
		const {frame, press} = show();
		await press('S');
		expect(frame()).toContain('sort NAME ↑');
		const names = () => frame().split('\n').map((l) => /^│[ ▌›] *([a-z_]+) +(replicated|global)/.exec(l)?.[1]).filter(Boolean);
		expect(names()).toEqual(['crashy', 'monitor', 'shop_api', 'shop_web']);
		await press('S');
		expect(frame()).toContain('sort NAME ↓');
		expect(names()).toEqual(['shop_web', 'shop_api', 'monitor', 'crashy']);
		await press('S', 'S', 'S'); // MODE ↑, MODE ↓, REPLICAS ↑
		expect(frame()).toContain('sort REPLICAS ↑');
		expect(names()[0]).toBe('crashy'); // 0/1 first
	});

	it('quits with q', async () => {
		const onQuit = vi.fn();
		const {press} = show(undefined, undefined, onQuit);
		await press('q');
		expect(onQuit).toHaveBeenCalledOnce();
	});

	it('lays out at 80x24 (stacked) and says when the terminal is too small', () => {
		const small = show({columns: 80, rows: 24}).frame();
		const lines = small.split('\n');
		expect(lines.length).toBeLessThanOrEqual(23);
		expect(lines.every((l) => l.length <= 80)).toBe(true);
		expect(small).toContain('Nodes 3');
		expect(small).toContain('Services 4');
		expect(small).toContain('shop_web');
		expect(show({columns: 59, rows: 24}).frame()).toContain('terminal too small (59x24): need 60x15');
	});

	it('shows an engine error in the header and keeps the last data', async () => {
		const {frame, store} = show();
		store.setError('cannot connect to the Docker engine at unix:///x: is dockerd running on this machine?');
		await tick();
		expect(frame()).toContain(`${figures.cross} cannot connect`);
		expect(frame()).toContain('shop_web');
	});

	it('with quorum lost, names no leader and marks the panes stale', async () => {
		const {frame, store} = show({columns: 150, rows: 30});
		expect(frame()).toContain('(leader node1)');
		store.setError('the swarm has no leader (quorum lost): more than half of the managers must be online again', true);
		await tick();
		const header = frame().split('\n')[0]!;
		expect(header).toContain('no leader (quorum lost)');
		expect(header).not.toContain('leader node1');
		expect(frame()).toContain('· stale');
	});
});

describe('warnings', () => {
	it('shows a TLS-without-verification warning in the header at 80 columns too', () => {
		const store = labStore();
		const app = render(
			<App store={store} endpoint="default → tcp://m:2376 (tls, unverified)" actions={createActions(fakeWriter(lab.services).api, false)} activity={new ActivityLog()} onQuit={() => {}} warnings={['TLS: server not verified']} size={{columns: 80, rows: 24}} />,
		);
		expect(app.lastFrame()).toContain('TLS: server not verified');
		app.unmount();
	});
});
