// Colours and marks. Marks come from figures so health reads without colour (NO_COLOR).
// The theme reaches components through context: chosen by the CLI, never a global to
// change.
import figures from 'figures';
import {createContext, useContext} from 'react';
import type {Health} from '../model/snapshot.js';
import {type Theme, themes} from '../themes.js';

export type {Theme} from '../themes.js';

export const marks: Record<Health, string> = {
	ok: figures.tick,
	warn: figures.warning,
	bad: figures.cross,
};

export const ThemeContext = createContext<Theme>(themes.dark);

export const useTheme = (): Theme => useContext(ThemeContext);

/** A row's colour for its health (none for healthy rows). */
export const healthColor = (theme: Theme, health: Health): string | undefined => (health === 'ok' ? undefined : health === 'warn' ? theme.warn : theme.error);
