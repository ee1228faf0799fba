import {describe, expect, it} from 'vitest';
import type {ApiService} from '../../source/docker/types.js';
import {maskEnv, nodeSummary, nodeTaskLines, taskSummary, yamlLines} from '../../source/model/inspect.js';
import {findLine} from '../../source/ui/views/inspect/InspectView.js';
import {lab, labStore, renderApp, serviceId} from './helpers.js';

describe('inspect text', () => {
	it('masks env values whose names look secret', () => {
		expect(maskEnv('DB_PASSWORD=hunter2')).toBe('DB_PASSWORD=••••••');
		expect(maskEnv('API_TOKEN=abc')).toBe('API_TOKEN=••••••');
		expect(maskEnv('MODE=prod')).toBe('MODE=prod');
		const lines = yamlLines({TaskTemplate: {ContainerSpec: {Image: 'app:1', Env: ['SECRET_KEY=x', 'A=1']}}}, true);
		expect(lines).toEqual(['TaskTemplate:', '  ContainerSpec:', '    Image: app:1', '    Env:', '    - SECRET_KEY=••••••', '    - A=1']);
		expect(yamlLines({Env: ['SECRET_KEY=x']}, false)).toContain('- SECRET_KEY=x');
	});

	it('summarises a node: resources, platform, manager status', () => {
		const node1 = lab.nodes.find((n) => n.Description?.Hostname === 'node1')!;
		const lines = nodeSummary(node1).join('\n');
		expect(lines).toMatch(/role: manager \(leader/);
		expect(lines).toMatch(/resources: \d+ CPUs, [\d.]+ GiB/);
		expect(lines).toMatch(/platform: linux\/x86_64, engine 20\.10/);
		expect(lines).toMatch(/engine plugins:\n(  .*\n)*  Volume: local/);
		expect(lines).toMatch(/  Network: .*overlay/);
		expect(lines).toContain('TLS: mutual TLS, certificate issued by swarm-ca');
		expect(lines).toContain('node labels: none');
	});

	it('lists the tasks a node runs, and a task\'s node, times and ports', () => {
		const node1 = lab.nodes.find((n) => n.Description?.Hostname === 'node1')!;
		const store = labStore().get();
		const tasks = nodeTaskLines(store, node1.ID);
		const expected = lab.tasks.filter((t) => t.NodeID === node1.ID && t.DesiredState === 'running').length;
		expect(tasks).toHaveLength(expected);
		expect(tasks.join('\n')).toMatch(/monitor +running +swarmtui-lab\/busybox:1/);
		const task = lab.tasks.find((t) => t.NodeID === node1.ID)!;
		const summary = taskSummary({...task, CreatedAt: '2026-11-22T01:00:00Z', Status: {...task.Status, PortStatus: {Ports: [{Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080}]}}}, Date.now(), 'node1').join('\n');
		expect(summary).toContain('node: node1');
		expect(summary).toContain('ports: 8080->80/tcp');
		expect(summary).toMatch(/times: created 2026-11-22T01:00:00Z, state since \S+, updated/);
	});

	it('finds the next and previous line holding the search text, wrapping around', () => {
		const lines = ['a', 'Image: x', 'b', 'image: y'];
		expect(findLine(lines, 'IMAGE', -1)).toBe(1);
		expect(findLine(lines, 'image', 1)).toBe(3);
		expect(findLine(lines, 'image', 3)).toBe(1);
		expect(findLine(lines, 'image', 1, true)).toBe(3);
		expect(findLine(lines, 'nope', 0)).toBeUndefined();
	});
});

describe('the inspect view', () => {
	it('i shows the selected service; m shows secrets; J raw JSON; d the rollback diff; Esc goes back', async () => {
		const secretive = (id: string): ApiService => {
			const s = structuredClone(lab.services.find((x) => x.ID === id)!);
			s.Spec!.TaskTemplate!.ContainerSpec!.Env = ['DB_PASSWORD=hunter2', 'MODE=prod'];
			return s;
		};
		const {app, press} = renderApp({size: {columns: 100, rows: 40}, inspect: async (kind, id) => (kind === 'service' ? secretive(id) : {})});
		await press('j', 'j', 'i');
		const frame = () => app.lastFrame() ?? '';
		expect(frame()).toContain('Inspect · service shop_web · spec');
		expect(frame()).toContain('image: swarmtui-lab/busybox:1');
		expect(frame()).toContain('DB_PASSWORD=••••••');
		expect(frame()).not.toContain('hunter2');
		await press('m');
		expect(frame()).toContain('DB_PASSWORD=hunter2');
		await press('m', 'J');
		expect(frame()).toContain('raw JSON');
		expect(frame()).toContain(`"ID": "${serviceId('shop_web')}"`);
		expect(frame()).not.toContain('hunter2');
		await press('d');
		expect(frame()).toContain('no previous spec');
		await press('y', '/', ...'MODE', '\r');
		expect(frame()).toContain('/MODE (n N)');
		expect(frame()).toContain('- MODE=prod');
		await press('\u001B');
		expect(frame()).toContain('Tasks · shop_web');
		app.unmount();
	});
});

describe('long text in inspect', () => {
	it('wraps a long line whole by default, and w cuts it at the edge', async () => {
		const {render: draw} = await import('ink-testing-library');
		const {InspectView} = await import('../../source/ui/views/inspect/InspectView.js');
		const err = `starting container failed: ${'x'.repeat(150)} THE END`;
		const state = {kind: 'inspect', target: 'task', id: 't', title: 'task web.1', data: {ID: 't', Status: {State: 'failed', Err: err}, Spec: {}}, mode: 'yaml', masked: true, offset: 0} as const;
		const wrapped = draw(<InspectView state={state} width={80} height={30} now={Date.now()} />);
		expect((wrapped.lastFrame() ?? '').replace(/│/g, '').replace(/\s+/g, '')).toContain('THEEND');
		wrapped.unmount();
		const cut = draw(<InspectView state={{...state, wrap: false}} width={80} height={30} now={Date.now()} />);
		expect(cut.lastFrame() ?? '').not.toContain('THE END');
		expect(cut.lastFrame() ?? '').toContain('long lines cut');
		cut.unmount();
	});
});
