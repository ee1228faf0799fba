// The `:` prompt: the commands every view declares (views/registry.ts), with Tab
// completion of names and of arguments (context names), a hint as the operator types,
// and the nearest names for a typo.
import type {Dialog} from './dialog.js';
import type {Command} from './views/types.js';
import type {Ui} from './views/ui.js';

export function parseCommand(commands: readonly Command[], text: string): {command?: Command; word: string; arg: string} {
	const [first = '', ...rest] = text.trim().replace(/^:/, '').split(/\s+/);
	const word = first.toLowerCase();
	return {command: commands.find((command) => command.names.includes(word)), word, arg: rest.join(' ')};
}

function distance(a: string, b: string): number {
	const row = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0] as number;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j] as number;
			row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length] as number;
}

/** Commands whose names start with the word, else those within two typos of it. */
export function suggestCommands(commands: readonly Command[], word: string): string[] {
	const w = word.toLowerCase();
	const name = (command: Command) => command.names[0] as string;
	const byPrefix = commands.filter((command) => command.names.some((n) => n.startsWith(w)));
	if (w && byPrefix.length) return byPrefix.map(name);
	return commands.filter((command) => command.names.some((n) => distance(w, n) <= 2)).map(name);
}

const commonStart = (words: string[]) => words.reduce((common, w) => {
	while (!w.startsWith(common)) common = common.slice(0, -1);
	return common;
}, words[0] ?? '');

/** Tab: the whole name (or argument) when one fits, else the common start. */
export function completeCommand(commands: readonly Command[], value: string, ui?: Ui): string {
	const text = value.trimStart().replace(/^:/, '');
	const space = text.search(/\s/);
	if (space >= 0) {
		const {command, arg} = parseCommand(commands, text);
		if (!command?.complete || !ui || /\s/.test(arg)) return value;
		const options = command.complete(ui).filter((option) => option.startsWith(arg));
		if (options.length === 1) return `${text.slice(0, space)} ${options[0]}`;
		const common = commonStart(options);
		return common.length > arg.length ? `${text.slice(0, space)} ${common}` : value;
	}
	const lower = text.toLowerCase();
	const full = commands.filter((command) => command.names.some((n) => n.startsWith(lower)));
	if (full.length === 1) return `${full[0]!.names[0]} `;
	const matches = commands.flatMap((command) => command.names).filter((n) => n.startsWith(lower));
	if (matches.length === 0) return value;
	const common = commonStart(matches);
	return common.length > text.length ? common : value;
}

/** What the prompt says under the field as the operator types. */
export function commandHint(commands: readonly Command[], value: string, ui?: Ui): string {
	const {command, word, arg} = parseCommand(commands, value);
	if (command) {
		const options = command.complete && ui ? command.complete(ui).filter((o) => o.startsWith(arg)) : [];
		return `${command.names.join(' ')}${command.arg ? ` ${command.arg}` : ''} · ${command.help}${options.length ? ` · Tab: ${options.slice(0, 6).join('  ')}` : ''}`;
	}
	const matches = suggestCommands(commands, word);
	return matches.length ? `Tab completes: ${matches.join('  ')}` : '';
}

export function commandError(commands: readonly Command[], value: string): string | undefined {
	const {command, word} = parseCommand(commands, value);
	if (command) return undefined;
	if (!word) return 'type a command';
	const near = suggestCommands(commands, word);
	return `unknown command "${word}"${near.length ? `; did you mean ${near.slice(0, 4).join(', ')}?` : ''}`;
}

export function commandPrompt(ui: Ui, commands: readonly Command[]): Dialog {
	return {
		kind: 'prompt',
		title: `Command (${commands.map((c) => c.names[0]).join(', ')})`,
		value: '',
		fresh: false,
		check: (value) => commandError(commands, value),
		complete: (value) => completeCommand(commands, value, ui),
		hint: (value) => commandHint(commands, value, ui),
		submit: (value) => {
			const {command, arg} = parseCommand(commands, value);
			const said = command?.run(ui, arg);
			if (typeof said === 'string') ui.say(said);
		},
	};
}
