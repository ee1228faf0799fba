// A rollout followed live: per slot the old task and its replacement, the engine's
// state and figures (sessions/rollouts.ts), and the roll back key while it matters.
import {actionKeys} from '../../../keys/keymap.js';
import {useStore} from '../../state/valueStore.js';
import {operationContext, serviceOperation, showOutcome} from '../panes/operations.js';
import type {ViewModule} from '../types.js';
import {openRollout} from './open.js';
import {RolloutView} from './RolloutView.js';

export const rollout: ViewModule<'rollout'> = {
	place: () => 'rollout',
	crumb: () => 'rollout',
	commands: [{names: ['rollout', 'ro'], help: 'the update or rollback in progress', run: openRollout}],
	unavailable: (action, state, ui) => {
		if (action !== 'rollback') return undefined;
		const followed = ui.rollouts.find(state.id);
		if (!followed || followed.kind === 'drain') return 'a drain has no rollback: activate the node (a in the nodes pane) to let tasks return';
		if (!ui.cluster.get().services.get(followed.targetId)) return 'the service is gone';
		return undefined;
	},
	handle: {
		back: (ui) => ui.nav.back(),
		rollback: (ui, state) => {
			const followed = ui.rollouts.find(state.id);
			const service = followed ? ui.cluster.get().services.get(followed.targetId) : undefined;
			if (!service) return 'the service is gone';
			const offline = ui.runner.offline();
			if (offline) return ui.say(offline, true);
			showOutcome(ui, serviceOperation(operationContext(ui), 'rollback', service));
		},
	},
	Body: ({ui, state, width, height}) => {
		const snapshot = useStore(ui.cluster);
		useStore(ui.rollouts);
		const followed = ui.rollouts.find(state.id);
		if (!followed) return null;
		return <RolloutView rollout={followed} progress={ui.rollouts.progress(followed, snapshot)} snapshot={snapshot} width={width} height={height} now={ui.now()} rollbackKey={followed.kind !== 'drain' && !ui.readOnly ? actionKeys('rollback', ui.keymap)[0] : undefined} />;
	},
};
