// :stacks — each stack with its services and replica health; Enter shows its services.
import {showIn} from '../panes/moves.js';
import {listMoves} from '../list.js';
import type {ViewModule} from '../types.js';
import {StacksView} from './StacksView.js';

export const stacks: ViewModule<'stacks'> = {
	place: () => 'stacks',
	crumb: () => 'stacks',
	commands: [{names: ['stacks', 'st'], help: 'the stacks and their health', run: (ui) => ui.nav.go({kind: 'stacks', index: 0})}],
	handle: {
		...listMoves('stacks', (ui) => ui.stacks().length),
		open: (ui, state) => {
			const chosen = ui.stacks()[state.index];
			if (!chosen) return 'no stack here';
			// Its services: the services pane, filtered to the stack, its header selected.
			showIn(ui, 'services', chosen.id, chosen.name);
		},
	},
	Body: ({ui, state, width, height}) => <StacksView stacks={ui.stacks()} width={width} height={height} selected={state.index} />,
};
