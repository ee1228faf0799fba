// The key map: one list that drives the help overlay and the footer.
export type PaneName = 'nodes' | 'services' | 'tasks';

export type Binding = {keys: string; label: string; panes?: readonly PaneName[]; footer?: boolean; writes?: boolean};

export const bindings: readonly Binding[] = [
	{keys: 'Tab', label: 'next pane', footer: true},
	{keys: 'Shift-Tab', label: 'previous pane'},
	{keys: '↑↓ j k', label: 'move'},
	{keys: 'g G', label: 'first / last row'},
	{keys: 'PgUp PgDn', label: 'page up / down'},
	{keys: '⏎', label: 'tasks of the selection', panes: ['nodes', 'services'], footer: true},
	{keys: 'h', label: 'task history on/off', panes: ['tasks'], footer: true},
	{keys: 's', label: 'scale', panes: ['services', 'tasks'], footer: true, writes: true},
	{keys: 'u', label: 'update image', panes: ['services', 'tasks'], footer: true, writes: true},
	{keys: 'r', label: 'roll back', panes: ['services', 'tasks'], footer: true, writes: true},
	{keys: 'R', label: 'force restart', panes: ['services', 'tasks'], footer: true, writes: true},
	{keys: 'x Ctrl-D', label: 'remove service', panes: ['services', 'tasks'], writes: true},
	{keys: 'd', label: 'drain node', panes: ['nodes'], footer: true, writes: true},
	{keys: 'a', label: 'activate node', panes: ['nodes'], footer: true, writes: true},
	{keys: 'p', label: 'pause node', panes: ['nodes'], footer: true, writes: true},
	{keys: '+', label: 'promote to manager', panes: ['nodes'], writes: true},
	{keys: '-', label: 'demote to worker', panes: ['nodes'], writes: true},
	{keys: 'i', label: 'inspect (m secrets, J raw JSON, d rollback diff)', footer: true},
	{keys: 'l', label: 'logs (space marks services)', panes: ['services', 'tasks'], footer: true},
	{keys: 'o', label: 'rollout in progress'},
	{keys: ':', label: 'command: problems stacks networks secrets configs events rollout quit'},
	{keys: '/', label: 'filter this pane', footer: true},
	{keys: 'S', label: 'sort by the next column (↑, ↓, then the next)'},
	{keys: 'Esc', label: 'back / clear filter / close'},
	{keys: '?', label: 'help', footer: true},
	{keys: 'q Ctrl-C', label: 'quit', footer: true},
];

export function footerBindings(pane: PaneName, readOnly = false): Binding[] {
	return bindings.filter((binding) => binding.footer && (!binding.panes || binding.panes.includes(pane)) && !(readOnly && binding.writes));
}

export type Command = {names: readonly string[]; run: 'activity' | 'rollout' | 'problems' | 'stacks' | 'networks' | 'secrets' | 'configs' | 'quit' | PaneName};

export const commands: readonly Command[] = [
	{names: ['events', 'ev', 'activity'], run: 'activity'},
	{names: ['rollout', 'ro'], run: 'rollout'},
	{names: ['problems', 'pb'], run: 'problems'},
	{names: ['stacks', 'st'], run: 'stacks'},
	{names: ['networks', 'net'], run: 'networks'},
	{names: ['secrets', 'sec'], run: 'secrets'},
	{names: ['configs', 'cfg'], run: 'configs'},
	{names: ['nodes', 'no'], run: 'nodes'},
	{names: ['services', 'svc'], run: 'services'},
	{names: ['tasks', 'ts'], run: 'tasks'},
	{names: ['quit', 'q'], run: 'quit'},
];

export function findCommand(text: string): Command | undefined {
	const word = text.trim().replace(/^:/, '').toLowerCase();
	return commands.find((command) => command.names.includes(word));
}
