// The operator's editor on a text (the UI runs it inside the terminal hand-over, and
// gets it from the CLI: the UI does no file or process I/O itself): a private file (a
// 0700 folder of its own, the file 0600), $VISUAL, else $EDITOR, else vi, and the file
// removed afterwards whatever happened. Answers the text and whether the editor wrote
// the file (its inode or modification time changed: `:q` in vi writes nothing, `:wq`
// writes even an unchanged text), or undefined when the editor failed (a non-zero exit:
// quitting vi with :cq drops the edit).
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export function editorCommand(env: NodeJS.ProcessEnv = process.env): string[] {
	const chosen = (env['VISUAL'] || env['EDITOR'] || 'vi').trim();
	return chosen.split(/\s+/).filter(Boolean);
}

export type Edited = {text: string; written: boolean};

export async function editText(text: string, name: string, env: NodeJS.ProcessEnv = process.env): Promise<Edited | undefined> {
	const dir = mkdtempSync(join(tmpdir(), 'swarmtui-edit-'));
	const file = join(dir, `${name.replace(/[^\w.-]/g, '_')}.yaml`);
	// Removed even if swarmtui ends meanwhile (a dropped ssh session ends it with the editor).
	const remove = () => rmSync(dir, {recursive: true, force: true});
	process.once('exit', remove);
	try {
		writeFileSync(file, text, {mode: 0o600});
		// Dated in the past: a write in the same clock tick as ours still shows.
		utimesSync(file, 946684800, 946684800);
		const stamp = (path: string) => {
			const stat = statSync(path, {bigint: true});
			return `${stat.ino}:${stat.mtimeNs}`;
		};
		const before = stamp(file);
		const [command, ...args] = editorCommand(env);
		const code = await new Promise<number | null>((resolve) => {
			const child = spawn(command as string, [...args, file], {stdio: 'inherit'});
			child.on('error', () => resolve(127));
			child.on('exit', (exit) => resolve(exit));
		});
		if (code !== 0) return undefined;
		const saved = readFileSync(file, 'utf8');
		return {text: saved, written: saved !== text || stamp(file) !== before};
	} finally {
		process.removeListener('exit', remove);
		remove();
	}
}
