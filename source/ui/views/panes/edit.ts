// `e`: the selected service's spec in the operator's editor, as YAML. On save: nothing
// changed -> nothing sent; a file that does not parse or check reopens the editor with
// the error on top; otherwise the changes, as field paths, are shown and `y` applies
// them with the version read before editing. If the service changed meanwhile, the
// footer says what the other change did and nothing is applied (`e` again starts from
// the current spec).
import type {ApiService, ApiServiceSpec} from '../../../docker/types.js';
import {changeLines, parseSpecYaml, specChanges, specToYaml} from '../../../model/specedit.js';
import type {Ui} from '../types.js';
import {selectedServiceId} from './moves.js';
import {operationContext} from './operations.js';

const errorMark = '# ! ';

export function editHere(ui: Ui): string | void {
	const offline = ui.runner.offline();
	if (offline) return offline;
	const chosen = selectedServiceId(ui);
	if ('why' in chosen) return chosen.why;
	const {handOver, editText} = ui;
	const inspect = ui.reader.inspect;
	if (!handOver || !inspect || !editText) return 'this screen cannot open an editor';
	const serviceId = chosen.id;
	void (async () => {
		let read: ApiService;
		try {
			read = (await inspect('service', serviceId)) as ApiService;
		} catch (error) {
			return ui.say(error instanceof Error ? error.message : String(error), true);
		}
		const name = read.Spec?.Name ?? serviceId.slice(0, 12);
		const header = [`${name} (${read.ID.slice(0, 12)}), version ${read.Version?.Index ?? '?'}: the spec as the engine has it.`, 'Save and quit to see the changes before anything is sent; quit without saving to drop the edit.'];
		const original = specToYaml(read.Spec, header);
		let text = original;
		for (;;) {
			let saved: string | undefined;
			try {
				saved = await handOver(() => editText(text, name));
			} catch (error) {
				return ui.say(`${name}: the editor could not run: ${error instanceof Error ? error.message : String(error)}`, true);
			}
			const strip = (all: string) => all.split('\n').filter((line) => !line.startsWith(errorMark)).join('\n');
			if (saved === undefined) return ui.say(`${name}: the editor exited with an error: edit dropped, nothing sent`);
			const body = strip(saved);
			// Saved as it was opened: nothing to send (after an error: the edit given up).
			if (body === strip(text)) return ui.say(text === original ? `${name}: nothing changed; nothing sent` : `${name}: edit dropped; nothing sent`);
			const parsed = parseSpecYaml(body);
			if (!parsed.ok) {
				// Reopened with the error on top (and the operator's text kept).
				text = `${errorMark}${parsed.error}\n${errorMark}fix it and save, or quit without saving to drop the edit\n${body}`;
				continue;
			}
			const changes = specChanges(read.Spec, parsed.spec);
			if (changes.length === 0) return ui.say(`${name}: nothing changed; nothing sent`);
			const lines = changeLines(changes);
			const run = operationContext(ui).run;
			ui.dialog.set({
				kind: 'confirm',
				title: `Apply ${changes.length} change${changes.length === 1 ? '' : 's'} to ${name}?`,
				lines: lines.length > 14 ? [...lines.slice(0, 13), `… and ${lines.length - 13} more`] : lines,
				yes: () =>
					run({
						target: name,
						label: `edit: ${lines.slice(0, 2).join('; ')}${lines.length > 2 ? '; …' : ''}`,
						perform: () => ui.actions.applySpec(read, parsed.spec as ApiServiceSpec),
						rollout: {kind: 'update', targetId: read.ID},
					}),
			});
			return;
		}
	})().catch((error: unknown) => ui.say(error instanceof Error ? error.message : String(error), true));
}
