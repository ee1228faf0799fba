// :problems — everything that looks wrong, worst first; Enter goes to it.
import {showIn} from '../panes/moves.js';
import {listMoves} from '../list.js';
import type {ViewModule} from '../types.js';
import {ProblemsView} from './ProblemsView.js';

export const problems: ViewModule<'problems'> = {
	place: () => 'problems',
	crumb: () => 'problems',
	commands: [{names: ['problems', 'pb'], help: 'everything that looks wrong, worst first', run: (ui) => ui.nav.go({kind: 'problems', index: 0})}],
	handle: {
		...listMoves('problems', (ui) => ui.problems().length),
		open: (ui, state) => {
			const of = ui.problems()[state.index]?.of;
			if (!of) return 'this problem is not about one service or node';
			showIn(ui, of.kind === 'node' ? 'nodes' : 'services', of.id, '');
		},
	},
	Body: ({ui, state, width, height}) => <ProblemsView problems={ui.problems()} width={width} height={height} selected={state.index} now={ui.now()} />,
};
