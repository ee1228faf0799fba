// The write path every action shares: read the object, apply the operator's intent to
// its current spec, send it with the version just read. A stale version answers "update
// out of sequence" (someone changed it meanwhile): read again and re-apply the intent
// once, on top of their change, never over it.
import {DockerError} from '../docker/errors.js';
import {ActionError} from './errors.js';

export function isOutOfSequence(error: unknown): boolean {
	return error instanceof DockerError && /out of sequence/i.test(error.message);
}

export async function readModifyWrite<T>(read: () => Promise<T>, write: (current: T) => Promise<void>): Promise<T> {
	let current = await read();
	try {
		await write(current);
		return current;
	} catch (error) {
		if (!isOutOfSequence(error)) throw error;
	}
	current = await read();
	try {
		await write(current);
		return current;
	} catch (error) {
		if (isOutOfSequence(error)) throw new ActionError('it keeps changing under us (update out of sequence twice): look at it again and retry');
		throw error;
	}
}

/** Engine errors in the words of the action: "shop_web: no longer exists". */
export function describeFailure(target: string, error: unknown): ActionError {
	if (error instanceof ActionError) return error;
	if (error instanceof DockerError) {
		if (error.statusCode === 404) return new ActionError(`${target} no longer exists (removed meanwhile?)`);
		return new ActionError(`${target}: ${error.message}`);
	}
	return new ActionError(`${target}: ${error instanceof Error ? error.message : String(error)}`);
}
