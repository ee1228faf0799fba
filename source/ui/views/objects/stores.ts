// Secrets and configs from the keyboard: `n` creates one, `r` rotates the selected one
// (a new version; every service using it switched to it, listed before `y`), `x`
// removes one no service uses. The value comes from a file (its path) or is typed in
// a prompt that shows a secret as dots; it goes to the actions layer and nowhere else.
import type {ObjectSource, StoredObject} from '../../../actions/index.js';
import {nextVersionName, servicesUsing, type StoreKind} from '../../../model/rotation.js';
import type {Dialog} from '../../dialog.js';
import type {StateOf, Ui} from '../types.js';
import {confirmPage} from '../panes/edit.js';
import type {Job} from '../panes/operations.js';
import {readObjects} from './read.js';

type State = StateOf<'objects'>;
const word = (kind: StoreKind) => (kind === 'secrets' ? 'secret' : 'config');

function storeOf(state: State): StoreKind | undefined {
	return state.objects === 'networks' ? undefined : state.objects;
}

/** The value's prompt: a path, or ⏎ for a prompt of its own (dots for a secret). */
function valuePrompt(ui: Ui, kind: StoreKind, title: string, then: (source: ObjectSource, said: string) => Dialog | void): Dialog {
	return {
		kind: 'prompt',
		title: `${title}: the value from a file (type its path), or ⏎ to type the value${kind === 'secrets' ? ' (hidden)' : ''}`,
		value: '',
		fresh: false,
		check: () => undefined,
		submit: (value) => {
			if (!value.trim()) {
				return {
					kind: 'prompt',
					title: `${title}: type the value${kind === 'secrets' ? ' (shown as dots; several lines: use a file)' : ''}`,
					value: '',
					fresh: false,
					secret: kind === 'secrets',
					check: (typed) => (typed ? undefined : 'the value is empty'),
					submit: (typed) => then({text: typed}, 'the typed value'),
				};
			}
			const problem = ui.actions.fileProblem(value);
			if (problem) return {...valuePrompt(ui, kind, title, then), value, warnings: [problem]};
			return then({file: value.trim()}, value.trim());
		},
	};
}

const runAndReread = (ui: Ui, kind: StoreKind, job: Job, keep?: string): void =>
	ui.runner.run({
		...job,
		perform: async () => {
			const done = await job.perform();
			readObjects(ui, kind, keep);
			return done;
		},
	});

export function createHere(ui: Ui, state: State): string | void {
	const kind = storeOf(state);
	if (!kind) return 'networks are made with docker network create (or a stack): swarmtui creates secrets and configs';
	const taken = new Set((state.rows ?? []).map((row) => row.name));
	ui.dialog.set({
		kind: 'prompt',
		title: `New ${word(kind)}: its name`,
		value: '',
		fresh: false,
		check: (value) => ui.actions.nameProblem(value.trim(), `a ${word(kind)}`) ?? (taken.has(value.trim()) ? `a ${word(kind)} named ${value.trim()} exists already (r rotates it)` : undefined),
		submit: (value) => {
			const name = value.trim();
			return valuePrompt(ui, kind, `New ${word(kind)} ${name}`, (source, from) =>
				runAndReread(ui, kind, {target: `${word(kind)} ${name}`, label: `create (from ${from})`, perform: () => ui.actions.createObject(kind, name, source)}, name),
			);
		},
	});
}

export function rotateHere(ui: Ui, state: State): string | void {
	const kind = storeOf(state);
	if (!kind) return 'networks are not rotated: r works in :secrets and :configs';
	const row = state.rows?.[state.index];
	if (!row) return `no ${word(kind)} selected`;
	const old: StoredObject = {id: row.id, name: row.name};
	const taken = new Set((state.rows ?? []).map((r) => r.name));
	ui.dialog.set({
		kind: 'prompt',
		title: `Rotate ${word(kind)} ${row.name}: the new version's name`,
		value: nextVersionName(row.name, taken),
		fresh: false,
		check: (value) => ui.actions.nameProblem(value.trim(), `a ${word(kind)}`) ?? (taken.has(value.trim()) ? `a ${word(kind)} named ${value.trim()} exists already` : undefined),
		submit: (value) => {
			const name = value.trim();
			return valuePrompt(ui, kind, `${row.name} -> ${name}`, (source, from) => {
				// Who uses it now (not when the list was read): these are switched.
				const users = servicesUsing(ui.cluster.get(), kind, old);
				const yes = () =>
					runAndReread(
						ui,
						kind,
						{
							target: `${word(kind)} ${row.name}`,
							label: `rotate to ${name} (from ${from})${users.length ? `; switch ${users.map((u) => u.name).join(', ')}` : ''}`,
							perform: async () => {
								const done = await ui.actions.rotateObject(kind, old, name, source, users.map((u) => u.id));
								offerRemoval(ui, kind, old);
								return done;
							},
						},
						name,
					);
				return {
					kind: 'confirm',
					title: `Create ${word(kind)} ${name} and switch ${users.length ? `${users.length} service${users.length === 1 ? '' : 's'}` : 'no service'} from ${row.name} to it?`,
					lines: users.length
						? ['the same file name, uid, gid and mode; their tasks are replaced (their update config):', ...users.map((u) => `  ${u.name}`)]
						: [`no service uses ${row.name}: only ${name} is created`],
					page: confirmPage(ui),
					yes,
				};
			});
		},
	});
}

/** After a rotation: the old version may go, if no service names it any more. */
function offerRemoval(ui: Ui, kind: StoreKind, old: StoredObject): void {
	const hint = `${word(kind)} ${old.name} can be removed now (x in :${kind})`;
	// Never over a dialog the operator is answering.
	if (ui.dialog.get()) return ui.say(hint);
	ui.dialog.set({
		kind: 'confirm',
		title: `Remove the old ${word(kind)} ${old.name}?`,
		lines: ['no service spec names it now (the engine refuses if one does); tasks still running with it keep their copy until replaced'],
		yes: () =>
			runAndReread(ui, kind, {
				target: `${word(kind)} ${old.name}`,
				label: 'remove',
				// The services' specs as the engine has them now decide; the engine refuses too.
				perform: () => ui.actions.removeObject(kind, old, []),
			}),
	});
}

export function removeHere(ui: Ui, state: State): string | void {
	const kind = storeOf(state);
	if (!kind) return 'networks are removed with docker network rm: x works in :secrets and :configs';
	const row = state.rows?.[state.index];
	if (!row) return `no ${word(kind)} selected`;
	const object = {id: row.id, name: row.name};
	const users = servicesUsing(ui.cluster.get(), kind, object).map((u) => u.name);
	if (users.length) return `${word(kind)} ${row.name} is used by ${users.join(', ')}: rotate it (r) or remove those services first`;
	ui.dialog.set({
		kind: 'confirm',
		title: `Remove ${word(kind)} ${row.name}?`,
		lines: ['no service uses it; it cannot be read back once removed'],
		yes: () => runAndReread(ui, kind, {target: `${word(kind)} ${row.name}`, label: 'remove', perform: () => ui.actions.removeObject(kind, object, servicesUsing(ui.cluster.get(), kind, object).map((u) => u.name))}),
	});
}
