// The footer's message: the last thing swarmtui has to say, gone after a while (errors
// stay longer).
import {trace} from '../../trace.js';
import {ValueStore} from '../state/valueStore.js';

export type FooterMessage = {text: string; error?: boolean};

export class Messages extends ValueStore<FooterMessage | undefined> {
	private timer: ReturnType<typeof setTimeout> | undefined;
	constructor() {
		super(undefined);
	}
	say = (text: string, error = false): void => {
		clearTimeout(this.timer);
		trace('say', text);
		this.set({text, error});
		this.timer = setTimeout(() => this.set(undefined), error ? 8000 : 5000);
		this.timer.unref?.();
	};
	dispose = (): void => clearTimeout(this.timer);
}
