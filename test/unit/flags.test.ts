// A mistyped flag must stop swarmtui, never be ignored: `--readonly` started it with write access.
import {describe, expect, it} from 'vitest';
import {checkArgs, nearest} from '../../source/flags.js';

const spec = {
	context: {type: 'string', shortFlag: 'c'},
	host: {type: 'string', shortFlag: 'H'},
	readOnly: {type: 'boolean'},
	logTail: {type: 'string'},
	logColors: {type: 'boolean'},
	config: {type: 'string'},
	follow: {type: 'boolean', shortFlag: 'f'},
	timestamps: {type: 'boolean', shortFlag: 't'},
	tail: {type: 'string'},
} as const;

describe('the command line check', () => {
	it('refuses unknown flags and names the nearest one', () => {
		expect(checkArgs(['--readonly'], spec)).toMatch(/^unknown flag: --readonly \(did you mean --read-only\?\)/);
		expect(checkArgs(['--bogus'], spec)).toMatch(/^unknown flag: --bogus\n/);
		expect(checkArgs(['-z'], spec)).toMatch(/^unknown shorthand flag: 'z' in -z/);
		expect(checkArgs(['-fz'], spec)).toMatch(/'z' in -fz/);
		expect(checkArgs(['logs', '--bogus', 'shop_api'], spec)).toMatch(/--bogus/);
		expect(checkArgs(['--read-only=true', '--contxt', 'prod'], spec)).toMatch(/did you mean --context/);
	});

	it('takes every known spelling, values and the end of flags', () => {
		expect(checkArgs(['--read-only', '--no-log-colors', '--log-tail', '5', '-c', 'prod', '-Hssh://x', '--config=/x.json', '-ft', 'logs', 'a'], spec)).toBeUndefined();
		expect(checkArgs(['--readOnly'], spec)).toBeUndefined();
		expect(checkArgs(['logs', '--', '--not-a-flag'], spec)).toBeUndefined();
		expect(checkArgs(['--help'], spec)).toBeUndefined();
	});

	it('says when a flag has no value', () => {
		expect(checkArgs(['-H'], spec)).toMatch(/^flag needs an argument: -H/);
		expect(checkArgs(['--context', '--read-only'], spec)).toMatch(/^flag needs an argument: --context/);
	});

	it('suggests only near names', () => {
		expect(nearest('--tial', ['--tail', '--timeout'])).toBe('--tail');
		expect(nearest('--zzzzzzzz', ['--tail', '--host'])).toBeUndefined();
	});
});
