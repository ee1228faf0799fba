// The main screen: header, nodes / services / tasks panes, footer. It renders the
// store's snapshot and keeps the operator's place; it never fetches.
import {Box, type Key, Text, useInput} from 'ink';
import {useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import {matches} from '../model/filter.js';
import {nodeRows, type NodeRow} from '../model/nodes.js';
import {moveIndex, selectedIndex} from '../model/selection.js';
import {filterServiceRows, serviceRows, stackCount, type ServicesPaneRow} from '../model/services.js';
import type {ClusterSnapshot} from '../model/store.js';
import {type TaskTarget, taskRows, type TaskRow} from '../model/tasks.js';
import {FilterBar} from './FilterBar.js';
import {Footer, type FooterMessage} from './Footer.js';
import {Header} from './Header.js';
import {Help} from './Help.js';
import {splitKeys} from './input.js';
import type {PaneName} from './keys.js';
import {naturalWidths} from './columns.js';
import {computeLayout, minColumns, minRows} from './layout.js';
import {Pane} from './Pane.js';
import {nodeColumns, serviceColumns, taskColumns} from './paneColumns.js';
import {Table} from './Table.js';
import {sanitize} from './text.js';
import {healthColor} from './theme.js';
import {useNow} from './useNow.js';
import {useTerminalSize} from './useTerminalSize.js';

export type StoreView = {get: () => ClusterSnapshot; subscribe: (listener: () => void) => () => void};

export type AppProps = {
	store: StoreView;
	endpoint: string;
	readOnly: boolean;
	onQuit: () => void;
	clock?: () => number;
	/** Fixed terminal size (tests); otherwise the real terminal's, updated on resize. */
	size?: {columns: number; rows: number};
};

type Place = {id?: string; index: number};
type Nav = {focus: PaneName; master: 'nodes' | 'services'; places: Record<PaneName, Place>};
const panes: PaneName[] = ['nodes', 'services', 'tasks'];

const nodeFields = (r: NodeRow) => [r.hostname, r.role, r.managerStatus, r.availability, r.state, r.engine, r.address];
const serviceFields = (r: ServicesPaneRow) => (r.kind === 'stack' ? [r.name] : [r.name, r.mode, r.image, r.update, r.ports, r.stack ?? '']);
const taskFields = (r: TaskRow) => [r.name, r.node, r.desired, r.current, r.error, r.image];

export function App({store, endpoint, readOnly, onQuit, clock, size}: AppProps) {
	const snapshot = useSyncExternalStore(store.subscribe, store.get);
	const now = useNow(1000, clock);
	const terminal = useTerminalSize();
	const columns = size?.columns ?? terminal.columns;
	// One line short of the terminal: a frame as tall as the terminal makes Ink clear the
	// whole screen on every render, which flickers over ssh.
	const rows = (size?.rows ?? terminal.rows) - 1;
	const [nav, setNav] = useState<Nav>({
		focus: 'services',
		master: 'services',
		places: {nodes: {index: 0}, services: {index: 0}, tasks: {index: 0}},
	});
	const {focus, master, places} = nav;
	// Keys of one burst ("\t\tjjj") are handled one after another before React renders:
	// each must see what the previous one did, so navigation updates go through a ref.
	const navRef = useRef(nav);
	navRef.current = nav;
	const updateNav = (change: (old: Nav) => Nav) => {
		navRef.current = change(navRef.current);
		setNav(navRef.current);
	};
	const [filters, setFilters] = useState<Record<PaneName, string>>({nodes: '', services: '', tasks: ''});
	const [editing, setEditing] = useState<PaneName | undefined>();
	const editingRef = useRef<PaneName | undefined>(undefined);
	const [history, setHistory] = useState(false);
	const [help, setHelp] = useState(false);
	const [message, setMessage] = useState<FooterMessage | undefined>();

	useEffect(() => {
		if (!message) return;
		const timer = setTimeout(() => setMessage(undefined), 4000);
		return () => clearTimeout(timer);
	}, [message]);

	const allNodes = useMemo(() => nodeRows(snapshot), [snapshot.nodes, snapshot.tasks, snapshot.info]);
	const allServices = useMemo(() => serviceRows(snapshot), [snapshot.services, snapshot.tasks]);
	const nodes = useMemo(() => allNodes.filter((r) => matches(filters.nodes, nodeFields(r))), [allNodes, filters.nodes]);
	const services = useMemo(
		() => filterServiceRows(allServices, filters.services, (r) => matches(filters.services, serviceFields(r))),
		[allServices, filters.services],
	);
	const nodeIndex = selectedIndex(nodes, places.nodes.id, places.nodes.index);
	const serviceIndex = selectedIndex(services, places.services.id, places.services.index);

	const target: TaskTarget | undefined = useMemo(() => {
		if (master === 'nodes') {
			const node = nodes[nodeIndex];
			return node ? {kind: 'node', id: node.id} : undefined;
		}
		const row = services[serviceIndex];
		if (!row) return undefined;
		return row.kind === 'stack' ? {kind: 'stack', name: row.name} : {kind: 'service', id: row.id};
	}, [master, nodes, nodeIndex, services, serviceIndex]);
	const targetKey = target ? `${target.kind}:${target.kind === 'stack' ? target.name : target.id}` : '';
	const taskView = useMemo(
		() => taskRows(snapshot, target, history, now),
		[snapshot.tasks, snapshot.services, snapshot.nodes, targetKey, history, now],
	);
	const tasks = useMemo(() => taskView.rows.filter((r) => matches(filters.tasks, taskFields(r))), [taskView, filters.tasks]);
	const taskIndex = selectedIndex(tasks, places.tasks.id, places.tasks.index);

	const paneRows: Record<PaneName, readonly {id: string}[]> = {nodes, services, tasks};
	const nodesWidth = useMemo(() => {
		const widths = naturalWidths(nodeColumns, allNodes);
		return widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1) + 3; // gaps, marker, borders
	}, [allNodes]);
	const layout = computeLayout(columns, rows, allNodes.length, allServices.length, nodesWidth);

	// Functional updates: a burst of keys ("jjj") is applied one after another.
	const move = (to: (index: number, length: number) => number) =>
		updateNav((old) => {
			const pane = old.focus;
			const list = paneRows[pane];
			const current = selectedIndex(list, old.places[pane].id, old.places[pane].index);
			const index = to(current, list.length);
			const places = {...old.places, [pane]: {id: list[index]?.id, index: Math.max(0, index)}};
			if (pane !== 'tasks' && index !== current) places.tasks = {index: 0};
			return {...old, places};
		});

	const focusPane = (step: (focus: PaneName) => PaneName) =>
		updateNav((old) => {
			const focus = step(old.focus);
			if (focus === 'tasks' || focus === old.master) return {...old, focus};
			return {focus, master: focus, places: {...old.places, tasks: {index: 0}}};
		});

	const page = layout ? Math.max(1, layout[focus].height - 3) : 10;

	const onKey = (input: string, key: Key) => {
			const typing = editingRef.current;
			if (typing) {
				// The filter is typed here, not in a separate input, so a burst like "/mon"
				// arriving in one read lands in the filter whole.
				if (key.escape || key.return) {
					if (key.escape) setFilters((old) => ({...old, [typing]: ''}));
					editingRef.current = undefined;
					setEditing(undefined);
				} else if (key.backspace || key.delete) {
					setFilters((old) => ({...old, [typing]: old[typing].slice(0, -1)}));
				} else if (input && !key.ctrl && !key.meta) {
					setFilters((old) => ({...old, [typing]: (old[typing] + sanitize(input)).slice(0, 200)}));
				}
				return;
			}
			if (help) {
				if (key.escape || input === '?' || input === 'q') setHelp(false);
				return;
			}
			if (input === 'q' || (key.ctrl && input === 'c')) {
				onQuit();
				return;
			}
			if (key.tab) {
				const step = key.shift ? panes.length - 1 : 1;
				focusPane((current) => panes[(panes.indexOf(current) + step) % panes.length] as PaneName);
				return;
			}
			if (key.upArrow || input === 'k') move((i, n) => moveIndex(i, -1, n));
			else if (key.downArrow || input === 'j') move((i, n) => moveIndex(i, 1, n));
			else if (key.pageUp) move((i, n) => moveIndex(i, -page, n));
			else if (key.pageDown) move((i, n) => moveIndex(i, page, n));
			else if (input === 'g' || key.home) move((_i, n) => moveIndex(0, 0, n));
			else if (input === 'G' || key.end) move((_i, n) => moveIndex(n - 1, 0, n));
			else if (key.return) {
				focusPane(() => 'tasks');
			} else if (input === '/') {
				editingRef.current = navRef.current.focus;
				setEditing(navRef.current.focus);
			}
			else if (input === '?') setHelp(true);
			else if (input === 'h') {
				setHistory((on) => !on);
				setMessage({text: history ? 'task history off' : 'task history on'});
			} else if (key.escape) {
				const pane = navRef.current.focus;
				setFilters((old) => (old[pane] ? {...old, [pane]: ''} : old));
			}
	};
	useInput(
		(input, key) => {
			for (const [one, oneKey] of splitKeys(input, key)) onKey(one, oneKey);
		},
	);

	if (!layout) {
		return (
			<Box width={columns} height={rows} alignItems="center" justifyContent="center">
				<Text color="yellow">
					terminal too small ({columns}x{rows + 1}): need {minColumns}x{minRows}
				</Text>
			</Box>
		);
	}

	const problems = allServices.filter((r) => r.kind === 'service' && r.health !== 'ok').length + allNodes.filter((r) => r.health === 'bad').length;
	const filterNote = (pane: PaneName) => (filters[pane] ? ` · /${filters[pane]}` : '');
	const targetName = (() => {
		if (!target) return '';
		if (target.kind === 'stack') return `stack ${target.name}`;
		if (target.kind === 'node') return `node ${nodes[nodeIndex]?.hostname ?? ''}`;
		const row = services[serviceIndex];
		return row?.name ?? '';
	})();
	const tasksTitle = target
		? `Tasks · ${targetName} · ${taskView.running}/${taskView.slots} running${history ? ' · history (h)' : ' (h history)'}${filterNote('tasks')}`
		: 'Tasks';

	const nodesPane = (
		<Pane title={`Nodes ${allNodes.length}${filterNote('nodes')}`} width={layout.nodes.width} height={layout.nodes.height} focused={focus === 'nodes'}>
			<Table
				data={nodes}
				columns={nodeColumns}
				width={layout.nodes.width - 2}
				height={layout.nodes.height - 2}
				selected={nodeIndex}
				focused={focus === 'nodes'}
				rowStyle={(r) => ({color: healthColor[r.health]})}
				emptyText={filters.nodes ? 'no node matches the filter' : 'no nodes yet'}
			/>
		</Pane>
	);
	const servicesPane = (
		<Pane
			title={`Services ${allServices.length - stackCount(allServices)} · stacks ${stackCount(allServices)}${filterNote('services')}`}
			width={layout.services.width}
			height={layout.services.height}
			focused={focus === 'services'}
		>
			<Table
				data={services}
				columns={serviceColumns}
				width={layout.services.width - 2}
				height={layout.services.height - 2}
				selected={serviceIndex}
				focused={focus === 'services'}
				rowStyle={(r) => ({color: healthColor[r.health], bold: r.kind === 'stack'})}
				emptyText={filters.services ? 'no service matches the filter' : 'no services'}
			/>
		</Pane>
	);
	const tasksPane = (
		<Pane title={tasksTitle} width={layout.tasks.width} height={layout.tasks.height} focused={focus === 'tasks'}>
			<Table
				data={tasks}
				columns={taskColumns}
				width={layout.tasks.width - 2}
				height={layout.tasks.height - 2}
				selected={taskIndex}
				focused={focus === 'tasks'}
				rowStyle={(r) => ({color: healthColor[r.health], dim: r.earlier})}
				emptyText={target ? (filters.tasks ? 'no task matches the filter' : 'no tasks') : 'select a service or node'}
			/>
		</Pane>
	);

	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Header endpoint={endpoint} snapshot={snapshot} now={now} width={columns} problems={problems} readOnly={readOnly} />
			{help ? (
				<Help width={columns} height={rows - 2} readOnly={readOnly} />
			) : layout.wide ? (
				<>
					<Box>
						{nodesPane}
						{servicesPane}
					</Box>
					{tasksPane}
				</>
			) : (
				<>
					{nodesPane}
					{servicesPane}
					{tasksPane}
				</>
			)}
			{editing ? (
				<FilterBar pane={editing} value={filters[editing]} width={columns} />
			) : (
				<Footer pane={focus} width={columns} message={message} />
			)}
		</Box>
	);
}
