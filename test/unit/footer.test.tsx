// The footer says things whole: a message too long to sit beside the keys gets rows of
// its own (the panes give them up while it shows).
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {Footer, footerExtra, messageRows} from '../../source/ui/Footer.js';

const long = 'node3: no route to its engine: set "nodeHosts": {"node3": "ssh://USER@192.168.213.13"} in the config file, or run: ssh 192.168.213.13 docker exec -it <container> sh';

describe('the footer', () => {
	it('a short message stays beside the keys; a long one wraps by words onto rows of its own, at most three', () => {
		expect(messageRows({text: 'scaled'}, 80)).toEqual([]);
		const rows = messageRows({text: long, error: true}, 80);
		expect(rows.length).toBe(3);
		expect(rows.join(' ')).toBe(long.replace(/\s+/g, ' '));
		for (const row of rows) expect(row.length).toBeLessThanOrEqual(78);
		expect(messageRows({text: `${long} ${long}`}, 80)[2]).toMatch(/…$/);
		// Never so many that the screen becomes too small.
		expect(footerExtra({text: long}, 80, 15)).toBe(1);
		expect(footerExtra({text: long}, 80, 23)).toBe(3);
	});

	it('draws a long error whole, the keys still on the last row', () => {
		const {lastFrame} = render(<Footer width={80} message={{text: long, error: true}} keys={['Tab next pane', '? help']} />);
		const lines = (lastFrame() ?? '').split('\n');
		expect(lines.length).toBe(4);
		expect(lines.slice(0, 3).join(' ').replace(/\s+/g, ' ').trim()).toBe(long.replace(/\s+/g, ' '));
		expect(lines[3]).toMatch(/Tab next pane {2}\? help/);
	});
});
