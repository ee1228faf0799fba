// Colours and marks. Marks come from figures so health reads without colour (NO_COLOR).
import figures from 'figures';
import type {Health} from '../model/nodes.js';

export const marks: Record<Health, string> = {
	ok: figures.tick,
	warn: figures.warning,
	bad: figures.cross,
};

export const healthColor: Record<Health, string | undefined> = {
	ok: undefined,
	warn: 'yellow',
	bad: 'red',
};

export const theme = {
	focusBorder: 'cyan',
	border: 'gray',
	title: 'cyan',
	dim: 'gray',
	error: 'red',
	accent: 'cyan',
	key: 'cyan',
};
