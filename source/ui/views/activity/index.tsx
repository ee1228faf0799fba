// :events — what this session did and what the cluster reported, newest first.
import {useStore} from '../../state/valueStore.js';
import {listMoves} from '../list.js';
import type {ViewModule} from '../types.js';
import {ActivityView} from './ActivityView.js';

export const activity: ViewModule<'activity'> = {
	place: () => 'activity',
	crumb: () => 'events',
	commands: [{names: ['events', 'ev', 'activity'], help: 'what this session did and what the cluster reported', run: (ui) => ui.nav.go({kind: 'activity', index: 0})}],
	handle: listMoves('activity', (ui) => ui.activity.get().length),
	Body: ({ui, state, width, height}) => <ActivityView entries={useStore(ui.activity)} width={width} height={height} selected={state.index} />,
};
