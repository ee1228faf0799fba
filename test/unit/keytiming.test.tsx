// Keys arrive whenever the terminal sends them, also between a render and Ink's effects
// (fast typing, a slow ssh link): each must act on what the key before left on screen.
import {expect, it} from 'vitest';
import type {AppProps} from '../../source/ui/App.js';
import {renderApp} from './helpers.js';

it('a filter, Enter and "l" typed fast open the logs of the filtered row, not of the row the filter hid', async () => {
	const opened: string[] = [];
	const openLogs: AppProps['openLogs'] = (targets) => {
		opened.push(targets.map((t) => t.name).join(','));
		return {stop() {}} as ReturnType<NonNullable<AppProps['openLogs']>>;
	};
	const {app, press} = renderApp({openLogs});
	await press('');
	// One key per read, each read after the render of the key before but before its effects.
	for (const key of ['/', 'm', 'o', 'n', 'i', 't', 'o', 'r', '\r', 'l']) {
		app.stdin.write(key);
		await Promise.resolve();
	}
	await press('');
	expect(opened).toEqual(['monitor']);
});
