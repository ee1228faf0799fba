// Input checks for prompts: each returns the value or one sentence saying what is wrong.
export type Checked<T> = {value: T; error?: undefined} | {value?: undefined; error: string};

export const maxReplicas = 10_000;

export function parseReplicas(text: string): Checked<number> {
	const trimmed = text.trim();
	if (trimmed === '') return {error: 'enter the number of replicas'};
	if (!/^\d+$/.test(trimmed)) {
		if (/^-/.test(trimmed)) return {error: 'replicas cannot be negative'};
		if (/^\d*[.,]\d+$/.test(trimmed)) return {error: 'replicas must be a whole number'};
		return {error: `"${trimmed.slice(0, 20)}" is not a number`};
	}
	const value = Number(trimmed);
	if (!Number.isSafeInteger(value) || value > maxReplicas) return {error: `at most ${maxReplicas} replicas`};
	return {value};
}

// The docker reference grammar: [host[:port]/]path[:tag][@digest], path in lower case.
const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const host = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?';
const reference = new RegExp(`^${host}${component}(?:/${component})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);

export function parseImage(text: string): Checked<string> {
	const trimmed = text.trim();
	if (trimmed === '') return {error: 'enter an image, like nginx:1.25'};
	if (trimmed.length > 512) return {error: 'image reference too long'};
	if (/\s/.test(trimmed)) return {error: 'an image reference has no spaces'};
	if (!reference.test(trimmed)) {
		if (/[A-Z]/.test(trimmed.split('/').pop()?.split(':')[0] ?? '')) return {error: 'image names must be lower case'};
		return {error: `"${trimmed.slice(0, 40)}" is not a valid image reference`};
	}
	return {value: trimmed};
}
