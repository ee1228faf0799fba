// Aggregated logs of tasks and services, followed live (the session: sessions/logSession.ts).
import {actionKeys} from '../../../keys/keymap.js';
import {pathSyntax} from '../../../actions/savelogs.js';
import {plainText} from '../../../model/ansi.js';
import {useStore} from '../../state/valueStore.js';
import type {Handler, ViewModule} from '../types.js';
import type {Ui} from '../types.js';
import {type LogAction, logStep, startSearch} from './logKeys.js';
import {LogView} from './LogView.js';

const page = (ui: Ui) => Math.max(1, ui.body().height - 3);

function stop(ui: Ui): void {
	ui.logs.stop();
	ui.nav.back();
}

function act(action: LogAction): Handler<'logs'> {
	return (ui) => {
		const buffer = ui.logs.buffer;
		if (!buffer) return stop(ui);
		const step = logStep(ui.logs.state.get(), action, buffer, page(ui));
		if (step.state) ui.logs.state.set(step.state);
		if (step.command === 'exit') return stop(ui);
		if (step.command === 'clear') {
			ui.logs.clear();
			ui.logs.state.set((old) => ({...old, follow: true, anchor: undefined, match: undefined}));
		}
		if (step.command === 'search') {
			ui.dialog.set({
				kind: 'prompt',
				title: 'Search the logs (plain text, any case; n older, N newer, F filter)',
				value: ui.logs.state.get().search,
				fresh: true,
				check: () => undefined,
				submit: (value) => {
					const found = startSearch(ui.logs.state.get(), value, buffer);
					if (found.state) ui.logs.state.set(found.state);
					if (found.message) ui.say(found.message);
				},
			});
		}
		if (step.command === 'save') {
			const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
			ui.dialog.set({
				kind: 'prompt',
				title: `Save ${buffer.size} lines to a file`,
				value: `swarmtui-logs-${stamp}.log`,
				fresh: false,
				// Only what needs no disk as the operator types; the directory and an existing
				// file are checked when the path is submitted (the save refuses them).
				check: pathSyntax,
				submit: (path) => {
					const lines = buffer.toArray().map((line) => `${line.timestamp} ${ui.logs.label(line)} ${line.stream === 'stderr' ? '(stderr) ' : ''}${plainText(line.text)}`);
					ui.runner.run({target: 'logs', label: 'save', perform: () => ui.actions.saveLogs(path, lines)});
				},
			});
		}
		return step.message;
	};
}

export const logs: ViewModule<'logs'> = {
	place: () => 'logs',
	crumb: () => 'logs',
	handle: {
		up: act('up'),
		down: act('down'),
		pageUp: act('pageUp'),
		pageDown: act('pageDown'),
		top: act('top'),
		logEnd: act('logEnd'),
		logFollow: act('logFollow'),
		logWrap: act('logWrap'),
		logTimestamps: act('logTimestamps'),
		logPrefixes: act('logPrefixes'),
		logSearch: act('logSearch'),
		logOlder: act('logOlder'),
		logNewer: act('logNewer'),
		logFilter: act('logFilter'),
		logSave: act('logSave'),
		logClear: act('logClear'),
		back: act('back'),
	},
	page: (_state, ui) => page(ui),
	Body: ({ui, width, height}) => {
		useStore(ui.logs.version);
		const state = useStore(ui.logs.state);
		const buffer = ui.logs.buffer;
		if (!buffer) return null;
		return <LogView buffer={buffer} version={ui.logs.version.get()} state={state} label={ui.logs.label} width={width} height={height} endKey={actionKeys('logEnd', ui.keymap)[0]} />;
	},
};
