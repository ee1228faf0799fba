// The colour themes, as plain data: the config file picks one by name, the UI hands it
// to its components through React context (ui/theme.ts). Light terminals: yellow and
// cyan on white are barely readable; darker hues there.
export type Theme = {
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

export const themes = {
	dark: {focusBorder: 'cyan', border: 'gray', title: 'cyan', dim: 'gray', error: 'red', warn: 'yellow', ok: 'green', accent: 'cyan', key: 'cyan'},
	light: {focusBorder: 'blue', border: 'gray', title: 'blue', dim: 'gray', error: 'red', warn: 'magenta', ok: 'green', accent: 'blue', key: 'blue'},
} as const satisfies Record<string, Theme>;

export type ThemeName = keyof typeof themes;
export const themeNames = Object.keys(themes) as ThemeName[];
