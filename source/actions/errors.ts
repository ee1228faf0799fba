// Errors an action reports to the operator: already one plain sentence.
export class ActionError extends Error {}

export class ReadOnlyError extends ActionError {
	/** `why`: what this action could change, where it is not the swarm itself. */
	constructor(why?: string) {
		super(`read-only mode: swarmtui was started with --read-only, so nothing can be changed${why ? ` (${why})` : ''}`);
	}
}
