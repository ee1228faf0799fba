// The docker contexts view's state, and what the CLI gives it to list and switch.

export type ContextRow = {name: string; host: string; transport: 'ssh' | 'tls' | 'tcp' | 'unix' | 'npipe' | 'other'; description: string; current: boolean};

export type ContextsState = {rows?: ContextRow[]; error?: string; index: number; switching?: string};

export type ContextAccess = {
	/** The contexts in the docker config directory (and "default"), read when the view opens. */
	list: () => Promise<ContextRow[]>;
	/** The names from the last listing (read at start and whenever the view opens): Tab completes from these, never from the disk. */
	names: () => string[];
	/** The context in use. */
	current: () => string;
	/**
	 * Connects to a context and checks it; only then drops the old connection. Rejects
	 * with one sentence when the new one fails (the old one stays).
	 */
	switchTo: (name: string) => Promise<void>;
};
