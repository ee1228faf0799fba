// Colours and marks. Marks come from figures so health reads without colour (NO_COLOR).
import figures from 'figures';
import type {Health} from '../model/nodes.js';

export const marks: Record<Health, string> = {
	ok: figures.tick,
	warn: figures.warning,
	bad: figures.cross,
};

export type ThemeName = 'dark' | 'light';

type Theme = {
	focusBorder: string;
	border: string;
	title: string;
	dim: string;
	error: string;
	warn: string;
	ok: string;
	accent: string;
	key: string;
};

// Light terminals: yellow and cyan on white are barely readable; darker hues instead.
const themes: Record<ThemeName, Theme> = {
	dark: {focusBorder: 'cyan', border: 'gray', title: 'cyan', dim: 'gray', error: 'red', warn: 'yellow', ok: 'green', accent: 'cyan', key: 'cyan'},
	light: {focusBorder: 'blue', border: 'gray', title: 'blue', dim: 'gray', error: 'red', warn: 'magenta', ok: 'green', accent: 'blue', key: 'blue'},
};

/** The active theme; chosen once at start, before the first frame. */
export const theme: Theme = {...themes.dark};

export const healthColor: Record<Health, string | undefined> = {
	ok: undefined,
	warn: theme.warn,
	bad: theme.error,
};

export function applyTheme(name: ThemeName): void {
	Object.assign(theme, themes[name]);
	healthColor.warn = theme.warn;
	healthColor.bad = theme.error;
}

export const themeNames = Object.keys(themes) as ThemeName[];
