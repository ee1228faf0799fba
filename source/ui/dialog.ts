// Dialogs: a prompt (validated as you type), a y/N confirmation, and a confirmation
// that needs a name typed. Keys are handled here, purely, so bursts of keys work and
// the behaviour is tested without rendering.
import type {Key} from 'ink';

type Base = {title: string; lines?: string[]; warnings?: string[]};

export type Dialog =
	| (Base & {
			kind: 'prompt';
			value: string;
			fresh: boolean;
			check: (value: string) => string | undefined;
			/** May answer with a further dialog (a confirmation for a risky value). */
			submit: (value: string) => Dialog | void;
			/** Tab: the value completed. */
			complete?: (value: string) => string;
			/** A secret's value: shown as dots, never as typed. */
			secret?: boolean;
			/** A line under the field, from the value typed so far. */
			hint?: (value: string) => string;
	  })
	| (Base & {
			kind: 'confirm';
			yes: () => void;
			/**
			 * Lines shown at a time. A longer list pages (space or ↓ on, ↑ back) and `y` is
			 * taken only once every line has been on screen: nothing is confirmed unseen.
			 */
			page?: number;
			offset?: number;
			/** y was pressed before the end: the box says why nothing happened. */
			unseen?: boolean;
	  })
	| (Base & {kind: 'type'; expected: string; value: string; yes: () => void});

/** What a key does: the dialog to show next (none: closed), and work to run. */
export type DialogStep = {dialog?: Dialog; run?: () => Dialog | void};

export function dialogKey(dialog: Dialog, input: string, key: Key): DialogStep {
	if (dialog.kind === 'confirm') {
		const window = confirmWindow(dialog);
		if (window.paged) {
			const move = (offset: number) => ({dialog: {...dialog, offset: Math.max(0, Math.min(offset, window.total - window.page)), unseen: false}});
			if (input === ' ' || input === 'j' || key.downArrow || key.pageDown) return move(window.offset + window.page);
			if (input === 'k' || key.upArrow || key.pageUp) return move(window.offset - window.page);
			if ((input === 'y' || input === 'Y') && !window.seen) return {dialog: {...dialog, unseen: true}};
		}
		// Only y confirms; anything else cancels.
		if (input === 'y' || input === 'Y') return {run: dialog.yes};
		return {};
	}
	if (key.escape) return {};
	if (key.return) {
		if (dialog.kind === 'type') return dialog.value === dialog.expected ? {run: dialog.yes} : {dialog};
		if (dialog.check(dialog.value) !== undefined) return {dialog};
		const value = dialog.value;
		return {run: () => dialog.submit(value)};
	}
	if (key.tab && dialog.kind === 'prompt' && dialog.complete) return {dialog: {...dialog, value: dialog.complete(dialog.fresh ? '' : dialog.value), fresh: false}};
	const fresh = dialog.kind === 'prompt' && dialog.fresh;
	if (key.backspace || key.delete) return {dialog: {...dialog, value: fresh ? '' : dialog.value.slice(0, -1), ...(fresh ? {fresh: false} : {})} as Dialog};
	if (key.ctrl && input === 'u') return {dialog: {...dialog, value: '', ...(dialog.kind === 'prompt' ? {fresh: false} : {})} as Dialog};
	if (!input || key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return {dialog};
	// A prefilled value is selected: the first key typed replaces it.
	const value = (fresh ? '' : dialog.value) + input.replace(/[\u0000-\u001f\u007f]/g, '');
	// A secret typed (a token, a password) may be longer than other fields' values.
	const max = dialog.kind === 'prompt' && dialog.secret ? 16_384 : 512;
	return {dialog: {...dialog, value: value.slice(0, max), ...(dialog.kind === 'prompt' ? {fresh: false} : {})} as Dialog};
}

/** Which of a confirmation's lines are on screen, and whether the last one has been. */
export function confirmWindow(dialog: Extract<Dialog, {kind: 'confirm'}>): {paged: boolean; offset: number; page: number; total: number; seen: boolean} {
	const total = dialog.lines?.length ?? 0;
	const page = Math.max(1, dialog.page ?? total);
	const offset = Math.max(0, Math.min(dialog.offset ?? 0, Math.max(0, total - page)));
	return {paged: total > page, offset, page, total, seen: offset + page >= total};
}

/** The error to show under a prompt's field, as the operator types. */
export function dialogError(dialog: Dialog): string | undefined {
	if (dialog.kind === 'prompt') return dialog.check(dialog.value);
	if (dialog.kind === 'type' && dialog.value && !dialog.expected.startsWith(dialog.value)) return `type "${dialog.expected}" exactly`;
	return undefined;
}
