// A unix-socket proxy in front of a real engine that makes it slow: every request waits
// `delay` ms before it is forwarded, and requests whose path matches `hang` get no answer
// at all. It records how many identical requests were in flight at once.
import {type ClientRequest, createServer, request, type IncomingMessage, type ServerResponse} from 'node:http';
import {rmSync} from 'node:fs';

export type SlowProxy = {
	delay: number;
	hang?: RegExp;
	/** Most identical requests (method + URL) in flight at the same time, per URL. */
	readonly peak: Map<string, number>;
	readonly seen: string[];
	close(): Promise<void>;
};

const streaming = (url: string) => /\/events|\/logs/.test(url);

export async function slowProxy(listen: string, upstream: string, delay: number): Promise<SlowProxy> {
	const inFlight = new Map<string, number>();
	const held = new Set<ServerResponse>();
	const timers = new Set<NodeJS.Timeout>();
	const upstreams = new Set<ClientRequest>();
	let closed = false;
	const proxy: SlowProxy = {
		delay,
		peak: new Map(),
		seen: [],
		close: () =>
			new Promise((resolve) => {
				closed = true;
				for (const timer of timers) clearTimeout(timer);
				for (const out of upstreams) out.destroy();
				for (const res of held) res.destroy();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
	const handle = (req: IncomingMessage, res: ServerResponse) => {
		const url = req.url ?? '/';
		const key = `${req.method} ${url}`;
		proxy.seen.push(key);
		if (!streaming(url)) {
			const now = (inFlight.get(key) ?? 0) + 1;
			inFlight.set(key, now);
			proxy.peak.set(key, Math.max(proxy.peak.get(key) ?? 0, now));
		}
		let finished = false;
		const done = () => {
			if (finished || streaming(url)) return;
			finished = true;
			inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
		};
		res.on('close', done);
		if (proxy.hang?.test(url)) {
			held.add(res);
			return;
		}
		const body: Buffer[] = [];
		req.on('data', (chunk: Buffer) => body.push(chunk));
		req.on('end', () => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				// The client went away while it waited: nothing to forward (an upstream
				// events stream opened now would never be closed).
				if (res.destroyed || closed) return;
				const out = request({socketPath: upstream, path: url, method: req.method, headers: req.headers, agent: false}, (answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				});
				upstreams.add(out);
				out.on('close', () => upstreams.delete(out));
				out.on('error', () => res.destroy());
				res.on('close', () => out.destroy());
				out.end(Buffer.concat(body));
			}, streaming(url) ? 0 : proxy.delay);
			timers.add(timer);
		});
	};
	const server = createServer(handle);
	rmSync(listen, {force: true});
	await new Promise<void>((resolve) => server.listen(listen, resolve));
	return proxy;
}
