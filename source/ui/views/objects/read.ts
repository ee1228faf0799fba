// Reads a networks, secrets or configs list into the view (when opened, and again after
// a change or an engine event), the selection kept on the row named `keep`.
import {type ObjectKind, objectRows} from '../../../model/objects.js';
import type {Ui} from '../types.js';

export function readObjects(ui: Ui, kind: ObjectKind, keep?: string): void {
	const list = ui.reader.listObjects;
	if (!list) return;
	const mine = (state: {objects: ObjectKind}) => state.objects === kind;
	list(kind).then(
		(raw) =>
			ui.nav.update(
				'objects',
				(old) => {
					const rows = objectRows(kind, raw, ui.cluster.get());
					const at = keep ? rows.findIndex((row) => row.name === keep) : -1;
					return {...old, rows, error: undefined, index: at >= 0 ? at : Math.min(old.index, Math.max(0, rows.length - 1))};
				},
				mine,
			),
		(error: unknown) => ui.nav.update('objects', (old) => ({...old, error: error instanceof Error ? error.message : String(error)}), mine),
	);
}
