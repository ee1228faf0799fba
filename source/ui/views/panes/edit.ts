// Specs in the operator's editor, as YAML: `e` on a service or a node, `c` (a copy of a
// service under a new name) and `:new service`. On save: nothing written or nothing
// changed -> nothing sent; a file that does not parse or check reopens the editor with
// the error on top; otherwise the changes are listed as field paths and `y` sends
// exactly that spec, with the version read before editing. If the object changed
// meanwhile, the other change is shown and the operator chooses: their edit again on
// top of the current spec (the editor opens with both), or drop it.
import {ChangedMeanwhile, type Done} from '../../../actions/index.js';
import type {ApiNode, ApiService, ApiServiceSpec} from '../../../docker/types.js';
import {plural} from '../../../model/format.js';
import {cloneSpec, newServiceTemplate} from '../../../model/newservice.js';
import {demoteImpact, drainImpact, promoteImpact} from '../../../model/plan.js';
import {changeLines, mergeSpecs, parseSpecYaml, type SpecKind, specChanges, specToYaml} from '../../../model/specedit.js';
import type {Dialog} from '../../dialog.js';
import type {Ui} from '../types.js';
import {selected, selectedServiceId} from './moves.js';
import {type Job, operationContext} from './operations.js';

const errorMark = '# ! ';
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One edit: what is edited, what the changes are measured against, and what `y` does. */
type Subject = {
	name: string;
	kind: SpecKind;
	/** The text the editor opens with. */
	text: string;
	/** What "changed" means: the spec as read (a new service: nothing). */
	base: unknown;
	/** Checks beyond the shape (a new service's name and image). */
	check?: (spec: Record<string, unknown>) => string | undefined;
	/**
	 * The confirmation for the changes (the runner does the work). `refused`: the engine
	 * refused the spec; the editor opens again on the operator's text with the error on top.
	 */
	confirm: (spec: Record<string, unknown>, lines: string[], refused: (error: unknown) => void) => Dialog;
	/** Said when the operator saved nothing (or nothing that differs). */
	unchanged: string;
};

const shortList = (lines: string[], max = 14) => (lines.length > max ? [...lines.slice(0, max - 1), `… and ${lines.length - max + 1} more`] : lines);
/** Lines of a confirmation on screen at a time (it pages beyond, and y waits for the last). */
export const confirmPage = (ui: Ui) => Math.max(4, ui.body().height - 10);
const summary = (lines: string[]) => `${lines.slice(0, 2).join('; ')}${lines.length > 2 ? `; and ${lines.length - 2} more` : ''}`;

function editable(ui: Ui): string | undefined {
	const offline = ui.runner.offline();
	if (offline) return offline;
	if (!ui.handOver || !ui.editText || !ui.reader.inspect) return 'this screen cannot open an editor';
	return undefined;
}

/** The editor, until the text parses and checks, the operator gives up, or a confirmation is up. */
async function editLoop(ui: Ui, subject: Subject, error?: string): Promise<void> {
	const {handOver, editText} = ui;
	if (!handOver || !editText) return;
	const {name} = subject;
	const withError = (problem: string, body: string) => `${errorMark}${problem}\n${errorMark}fix it and save, or quit without saving to drop the edit\n${body}`;
	let text = error ? withError(error, subject.text) : subject.text;
	let reopened = Boolean(error);
	for (;;) {
		let saved: {text: string; written: boolean} | undefined;
		try {
			saved = await handOver(() => editText(text, name));
		} catch (error) {
			return ui.say(`${name}: the editor could not run: ${errorMessage(error)}`, true);
		}
		if (saved === undefined) return ui.say(`${name}: the editor exited with an error: edit dropped, nothing sent`);
		// Quit without writing: dropped (after an error: the edit given up).
		if (!saved.written) return ui.say(reopened ? `${name}: edit dropped; nothing sent` : subject.unchanged);
		const body = saved.text
			.split('\n')
			.filter((line) => !line.startsWith(errorMark))
			.join('\n');
		const parsed = parseSpecYaml(body, subject.kind);
		const problem = parsed.ok ? subject.check?.(parsed.spec) : parsed.error;
		if (!parsed.ok || problem) {
			// Reopened with the error on top, the operator's text kept.
			text = withError(problem ?? '', body);
			reopened = true;
			continue;
		}
		const lines = changeLines(specChanges(subject.base, parsed.spec));
		if (lines.length === 0) return ui.say(subject.unchanged);
		// The engine refusing the spec (a port in use, a bad mount) reopens it the same way.
		const refused = (failure: unknown) => {
			void editLoop(ui, {...subject, text: body}, errorMessage(failure)).catch((later: unknown) => ui.say(errorMessage(later), true));
		};
		ui.dialog.set(subject.confirm(parsed.spec, lines, refused));
		return;
	}
}

const start = (ui: Ui, subject: () => Promise<Subject | undefined>) => {
	void subject()
		.then((ready) => ready && editLoop(ui, ready))
		.catch((error: unknown) => ui.say(errorMessage(error), true));
};

/**
 * A job whose failure leads back to the editor: a spec the engine refused reopens it
 * on the operator's text with the error on top (`refused`); "out of sequence" offers
 * the edit again on top of the object as it is now (`again`: the merged spec).
 */
function withRetry(
	ui: Ui,
	job: Job,
	mine: unknown,
	read: unknown,
	again: (current: ChangedMeanwhile['current'], text: (header: string[]) => string) => void,
	refused: (error: unknown) => void,
): Job {
	return {
		...job,
		perform: async (): Promise<Done> => {
			try {
				return await job.perform();
			} catch (error) {
				if (!(error instanceof ChangedMeanwhile)) refused(error);
				else {
					const current = error.current.object.Spec;
					const merged = mergeSpecs(read, mine, current);
					const conflicts = merged.conflicts.length ? [`both changed: ${merged.conflicts.join(', ')} (yours kept)`] : [];
					ui.dialog.set({
						kind: 'confirm',
						title: `${job.target} changed while you edited it. Edit again on top of the current spec?`,
						lines: [
							...shortList(['The other change:', ...error.theirs.map((line) => `  ${line}`), ...conflicts], 12),
							'y: the editor opens on the current spec with your changes carried over; other keys drop them.',
						],
						yes: () =>
							again(error.current, (header) =>
								specToYaml(merged.spec, [
									...header,
									'Your edit, carried onto the spec as it is now. The other change was:',
									...error.theirs.map((line) => `  ${line}`),
									...conflicts,
								]),
							),
					});
				}
				throw error;
			}
		},
	};
}

// --- e on a service -------------------------------------------------------------

function serviceSubject(ui: Ui, read: ApiService, text?: (header: string[]) => string): Subject {
	const name = read.Spec?.Name ?? read.ID.slice(0, 12);
	const header = [`${name} (${read.ID.slice(0, 12)}), version ${read.Version?.Index ?? '?'}: the spec as the engine has it.`, 'Save and quit to see the changes before anything is sent;', 'quit without saving to drop the edit.'];
	return {
		name,
		kind: 'service',
		text: text ? text(header) : specToYaml(read.Spec, header),
		base: read.Spec,
		unchanged: `${name}: nothing changed; nothing sent`,
		confirm: (spec, lines, refused) => ({
			kind: 'confirm',
			title: `Apply ${plural(lines.length, 'change')} to ${name}?`,
			lines,
			page: confirmPage(ui),
			yes: () =>
				operationContext(ui).run(
					withRetry(
						ui,
						{target: name, label: `edit: ${summary(lines)}`, perform: () => ui.actions.applySpec(read, spec as ApiServiceSpec), rollout: {kind: 'update', targetId: read.ID}},
						spec,
						read.Spec,
						(current, merged) => current.kind === 'service' && void editLoop(ui, serviceSubject(ui, current.object, merged)).catch((error: unknown) => ui.say(errorMessage(error), true)),
						refused,
					),
				),
		}),
	};
}

export function editHere(ui: Ui): string | void {
	if (ui.panes.get().nav.focus === 'nodes') return editNode(ui);
	const refused = editable(ui);
	if (refused) return refused;
	const chosen = selectedServiceId(ui);
	if ('why' in chosen) return chosen.why;
	const inspect = ui.reader.inspect as NonNullable<Ui['reader']['inspect']>;
	start(ui, async () => serviceSubject(ui, (await inspect('service', chosen.id)) as ApiService));
}

// --- e on a node ----------------------------------------------------------------

function nodeSubject(ui: Ui, read: ApiNode, text?: (header: string[]) => string): Subject {
	const name = read.Description?.Hostname ?? read.ID.slice(0, 12);
	const header = [`node ${name} (${read.ID.slice(0, 12)}), version ${read.Version?.Index ?? '?'}: its labels,`, 'Role (worker, manager) and Availability (active, pause, drain).', 'Save and quit to see the changes before anything is sent;', 'quit without saving to drop the edit.'];
	const spec = {Labels: {}, ...read.Spec};
	return {
		name,
		kind: 'node',
		text: text ? text(header) : specToYaml(spec, header),
		base: spec,
		unchanged: `${name}: nothing changed; nothing sent`,
		confirm: (edited, lines, refused) => {
			const snapshot = ui.cluster.get();
			// The same warnings as the drain / promote / demote keys give.
			const impacts = [
				edited['Availability'] === 'drain' && read.Spec?.Availability !== 'drain' ? drainImpact(snapshot, read.ID) : undefined,
				edited['Role'] === 'worker' && read.Spec?.Role === 'manager' ? demoteImpact(snapshot, read.ID) : undefined,
				edited['Role'] === 'manager' && read.Spec?.Role !== 'manager' ? promoteImpact(snapshot) : undefined,
			].filter((impact) => impact !== undefined);
			const yes = () =>
				operationContext(ui).run(
					withRetry(
						ui,
						{
							target: name,
							label: `edit: ${summary(lines)}`,
							perform: () => ui.actions.applyNodeSpec(read, edited as NonNullable<ApiNode['Spec']>),
							rollout: edited['Availability'] === 'drain' && read.Spec?.Availability !== 'drain' ? {kind: 'drain', targetId: read.ID} : undefined,
							settled: (s) => specChanges(edited, {Labels: {}, ...s.nodes.get(read.ID)?.Spec}).length === 0,
						},
						edited,
						spec,
						(current, merged) => current.kind === 'node' && void editLoop(ui, nodeSubject(ui, current.object, merged)).catch((error: unknown) => ui.say(errorMessage(error), true)),
						refused,
					),
				);
			const title = `Apply ${plural(lines.length, 'change')} to ${name}?`;
			const all = {lines: [...lines, ...impacts.flatMap((impact) => impact.lines)], warnings: impacts.flatMap((impact) => impact.warnings ?? [])};
			if (impacts.some((impact) => impact.danger)) return {kind: 'type', title, ...all, expected: name, value: '', yes};
			return {kind: 'confirm', title, ...all, page: confirmPage(ui), yes};
		},
	};
}

function editNode(ui: Ui): string | void {
	const refused = editable(ui);
	if (refused) return refused;
	const row = selected(ui, 'nodes');
	if (!row) return 'select a node first';
	const inspect = ui.reader.inspect as NonNullable<Ui['reader']['inspect']>;
	start(ui, async () => nodeSubject(ui, (await inspect('node', row.id)) as ApiNode));
}

// --- new services: :new service, c ---------------------------------------------

function createSubject(ui: Ui, name: string, text: string, base: unknown, from?: string): Subject {
	const taken = (spec: Record<string, unknown>) =>
		[...ui.cluster.get().services.values()].some((service) => service.Spec?.Name === spec['Name']) ? `a service named ${String(spec['Name'])} exists already: change Name` : undefined;
	return {
		name,
		kind: 'service',
		text,
		base,
		unchanged: from ? `copy of ${from} dropped; nothing created` : 'no service created',
		check: (spec) => ui.actions.newServiceProblem(spec as ApiServiceSpec) ?? taken(spec),
		confirm: (spec, lines, refused) => {
			const created = String(spec['Name']);
			return {
				kind: 'confirm',
				title: from ? `Create ${created}, a copy of ${from} with these changes?` : `Create the service ${created}?`,
				lines,
				page: confirmPage(ui),
				yes: () =>
					operationContext(ui).run({
						target: created,
						label: `create${from ? ` (copy of ${from})` : ''}: ${summary(lines)}`,
						perform: () =>
							ui.actions.createService(spec as ApiServiceSpec).catch((error: unknown) => {
								refused(error);
								throw error;
							}),
						settled: (s) => [...s.services.values()].some((service) => service.Spec?.Name === created),
					}),
			};
		},
	};
}

export function newService(ui: Ui): string | void {
	const refused = editable(ui);
	if (refused) return refused;
	if (ui.readOnly) return 'read-only mode: nothing can be changed';
	start(ui, async () => createSubject(ui, 'new-service', newServiceTemplate(), {}));
}

export function cloneHere(ui: Ui): string | void {
	const refused = editable(ui);
	if (refused) return refused;
	const chosen = selectedServiceId(ui);
	if ('why' in chosen) return chosen.why;
	const inspect = ui.reader.inspect as NonNullable<Ui['reader']['inspect']>;
	const names = new Set([...ui.cluster.get().services.values()].map((service) => service.Spec?.Name));
	const original = ui.cluster.get().services.get(chosen.id)?.Spec?.Name ?? chosen.id.slice(0, 12);
	let suggestion = `${original}-copy`;
	for (let n = 2; names.has(suggestion); n++) suggestion = `${original}-copy${n}`;
	ui.dialog.set({
		kind: 'prompt',
		title: `Copy ${original}: the new service's name (its spec opens in the editor next)`,
		value: suggestion,
		fresh: false,
		check: (value) => ui.actions.newServiceProblem({Name: value.trim(), TaskTemplate: {ContainerSpec: {Image: 'x'}}}) ?? (names.has(value.trim()) ? `a service named ${value.trim()} exists already` : undefined),
		submit: (value) => {
			const name = value.trim();
			start(ui, async () => {
				const read = (await inspect('service', chosen.id)) as ApiService;
				const copy = cloneSpec(read.Spec ?? {}, name);
				const header = [
					`${name}: a new service, a copy of ${original}'s spec (version ${read.Version?.Index ?? '?'}).`,
					...copy.notes.map((note) => `Note: ${note}.`),
					'Save and quit to see how it differs from the original before it is created;',
					'quit without saving to create nothing.',
				];
				return createSubject(ui, name, specToYaml(copy.spec, header), read.Spec, original);
			});
		},
	});
}
