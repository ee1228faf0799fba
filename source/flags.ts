// The command line is checked before anything else runs: meow (yargs-parser) takes an
// unknown flag quietly, so `--readonly` for `--read-only` started with write access.
// Like the docker CLI, an unknown flag is an error with the nearest one suggested.

export type FlagSpec = Record<string, {type: 'string' | 'boolean' | 'number'; shortFlag?: string}>;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Edit distance (Levenshtein), for "did you mean". */
export function distance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length] as number;
}

/** The nearest of `names` to `word`, if it is near enough to be a typo. */
export function nearest(word: string, names: string[]): string | undefined {
	let best: {name: string; d: number} | undefined;
	for (const name of names) {
		const d = distance(word, name);
		if (!best || d < best.d) best = {name, d};
	}
	if (!best) return undefined;
	// A typo, a missing dash, a word left out of a longer flag ("--tail" for "--log-tail").
	const near = best.d <= Math.max(2, Math.floor(best.name.length / 3)) || best.name.includes(word) || word.includes(best.name);
	return near ? best.name : undefined;
}

/** Why the arguments cannot be run (an unknown flag, a value missing), or undefined. */
export function checkArgs(argv: string[], flags: FlagSpec): string | undefined {
	const long = new Map<string, FlagSpec[string]>();
	const short = new Map<string, FlagSpec[string]>();
	for (const [name, spec] of Object.entries(flags)) {
		long.set(kebab(name), spec);
		if (spec.type === 'boolean') long.set(`no-${kebab(name)}`, spec);
		if (spec.shortFlag) short.set(spec.shortFlag, spec);
	}
	long.set('help', {type: 'boolean'});
	long.set('version', {type: 'boolean'});
	const unknown = (flag: string, names: string[]) => {
		const near = nearest(flag, names);
		return `unknown flag: ${flag}${near ? ` (did you mean ${near}?)` : ''}\nSee 'swarmtui --help'.`;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (arg === '--') break;
		if (arg.startsWith('--')) {
			const [name = '', value] = arg.slice(2).split(/=(.*)/s);
			const spec = long.get(name) ?? long.get(kebab(name));
			if (!spec) return unknown(`--${name}`, [...long.keys()].map((n) => `--${n}`));
			if (spec.type !== 'boolean' && value === undefined) {
				const next = argv[i + 1];
				if (next === undefined || (next.startsWith('-') && next.length > 1 && !/^-\d/.test(next))) return `flag needs an argument: --${name}\nSee 'swarmtui --help'.`;
				i++;
			}
			continue;
		}
		if (arg.startsWith('-') && arg.length > 1) {
			const letters = arg.slice(1).split('=')[0] as string;
			for (let j = 0; j < letters.length; j++) {
				const letter = letters[j] as string;
				const spec = short.get(letter);
				// One letter is near every other: no suggestion (the docker CLI's wording).
				if (!spec) return `unknown shorthand flag: '${letter}' in ${arg}\nSee 'swarmtui --help'.`;
				if (spec.type !== 'boolean') {
					// The rest of the word, or the next argument, is its value.
					if (j === letters.length - 1 && !arg.includes('=')) {
						if (argv[i + 1] === undefined) return `flag needs an argument: -${letter}\nSee 'swarmtui --help'.`;
						i++;
					}
					break;
				}
			}
		}
	}
	return undefined;
}
