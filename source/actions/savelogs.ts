// Saving the log buffer to a file the operator names. Lines are written as plain text
// (no escape sequences), with timestamp and task prefix.
import {existsSync, statSync, writeFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {ActionError} from './errors.js';

/** What can be said of a path without the file system (checked as the operator types). */
export function pathSyntax(path: string): string | undefined {
	const trimmed = path.trim();
	if (!trimmed) return 'enter a file path';
	if (trimmed.includes('\0')) return 'the path has a NUL byte';
	return undefined;
}

/** The file system's word on a path: run once, when the operator submits it. */
export function checkPath(path: string): string | undefined {
	const syntax = pathSyntax(path);
	if (syntax) return syntax;
	const trimmed = path.trim();
	const full = resolve(trimmed);
	const dir = dirname(full);
	if (!existsSync(dir) || !statSync(dir).isDirectory()) return `no such directory: ${dir}`;
	if (existsSync(full)) return `${full} exists: choose another name`;
	return undefined;
}

export function saveLines(path: string, lines: readonly string[]): string {
	const problem = checkPath(path);
	if (problem) throw new ActionError(problem);
	const full = resolve(path.trim());
	try {
		writeFileSync(full, lines.length ? `${lines.join('\n')}\n` : '', {flag: 'wx', mode: 0o600});
	} catch (error) {
		throw new ActionError(`cannot write ${full}: ${(error as Error).message}`);
	}
	return full;
}
