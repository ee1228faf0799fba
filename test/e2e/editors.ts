// EDITOR scripts for the e2e tests of `e`, `c` and `:new service`: small shell scripts
// that edit the file the way a person would. Unless a script handles it itself, a
// reopened file (an error on top, `# ! …`) is given up at once (exit without writing).
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export function editorScripts(): {dir: string; editor: (name: string, body: string, onError?: string) => string} {
	const dir = mkdtempSync(join(tmpdir(), 'swarmtui-e2e-editor-'));
	return {
		dir,
		editor: (name, body, onError = 'exit 0') => {
			const path = join(dir, name);
			writeFileSync(path, `#!/bin/sh\nset -e\nif grep -q '^# ! ' "$1"; then ${onError}; fi\n${body}\n`);
			chmodSync(path, 0o755);
			return path;
		},
	};
}
