// The key map: one list that drives the handler's help overlay and the footer.
export type PaneName = 'nodes' | 'services' | 'tasks';

export type Binding = {keys: string; label: string; panes?: readonly PaneName[]; footer?: boolean};

export const bindings: readonly Binding[] = [
	{keys: 'Tab', label: 'next pane', footer: true},
	{keys: 'Shift-Tab', label: 'previous pane'},
	{keys: '↑↓ j k', label: 'move'},
	{keys: 'g G', label: 'first / last row'},
	{keys: 'PgUp PgDn', label: 'page up / down'},
	{keys: '⏎', label: 'tasks of the selection', panes: ['nodes', 'services'], footer: true},
	{keys: 'h', label: 'task history on/off', panes: ['tasks'], footer: true},
	{keys: '/', label: 'filter this pane', footer: true},
	{keys: 'Esc', label: 'clear filter / close'},
	{keys: '?', label: 'help', footer: true},
	{keys: 'q Ctrl-C', label: 'quit', footer: true},
];

export function footerBindings(pane: PaneName): Binding[] {
	return bindings.filter((binding) => binding.footer && (!binding.panes || binding.panes.includes(pane)));
}
