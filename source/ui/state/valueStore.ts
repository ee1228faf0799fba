// State that lives outside React: a value, changed synchronously (keys of one burst see
// each other's changes at once) and read by components with useSyncExternalStore.
import {useSyncExternalStore} from 'react';

export class ValueStore<T> {
	private listeners = new Set<() => void>();
	constructor(private value: T) {}

	get = (): T => this.value;

	set = (change: T | ((old: T) => T)): void => {
		const next = typeof change === 'function' ? (change as (old: T) => T)(this.value) : change;
		if (Object.is(next, this.value)) return;
		this.value = next;
		for (const listener of [...this.listeners]) listener();
	};

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};
}

/** Anything with get and subscribe, read in a component. */
export type Readable<T> = {get: () => T; subscribe: (listener: () => void) => () => void};

export function useStore<T>(store: Readable<T>): T {
	return useSyncExternalStore(store.subscribe, store.get);
}
