// npm run bench: swarmtui against a simulated engine of two sizes, the log scenario,
// and the lab swarm when it is up. Writes bench/results.json and prints a table.
import {soakScenario} from './soak.js';
import {execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {request} from 'node:http';
import {join} from 'node:path';
import {createClient} from '../source/docker/client.js';
import {parseHost} from '../source/docker/endpoint.js';
import {followLogs} from '../source/docker/logfollow.js';
import {LogBuffer} from '../source/model/logbuffer.js';
import {cpuMs, peakRssMb, percentile, startPty} from './pty.js';

type Size = {name: string; nodes: number; services: number; tasks: number; markers: string[]};

const sizes: Size[] = [
	{name: 'small', nodes: 3, services: 10, tasks: 50, markers: ['node-0002', 'stack0000_svc-00001', 'stack0000_svc-00001.1']},
	{name: 'large', nodes: 1000, services: 5000, tasks: 50_000, markers: ['node-0000', 'stack0000_svc-00001', 'stack0000_svc-00001.1']},
];
const quick = process.argv.includes('--quick');
// swarmtui keeps Node's compile cache of a start in $XDG_CACHE_HOME (source/boot.ts): the bench
// has its own, so a start measured "with the cache" finds one written by an earlier start
// of this run, and one "without" finds none.
const codeCache = mkdtempSync(join(tmpdir(), 'swarmtui-bench-cache-'));
const withCache = {XDG_CACHE_HOME: codeCache};
const withoutCache = () => ({XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'swarmtui-bench-nocache-'))});
const idleSeconds = quick ? 6 : 20;

function get(socket: string, path: string): Promise<{status: number; body: string}> {
	return new Promise((resolve, reject) => {
		const req = request({socketPath: socket, path, method: 'GET'}, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString()}));
		});
		req.on('error', reject);
		req.end();
	});
}

async function startSim(size: Size, socket: string) {
	const child = spawn('node', ['--import', 'tsx', join(import.meta.dirname, 'sim-server.ts'), socket, String(size.nodes), String(size.services), String(size.tasks)], {stdio: ['ignore', 'pipe', 'inherit']});
	await new Promise<void>((resolve, reject) => {
		child.stdout?.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
		child.on('exit', (code) => reject(new Error(`simulator exited ${code}`)));
	});
	return child;
}

/** The floor: the same three list calls with no UI, parsed. Median of three. */
async function apiFloor(socket: string): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < 3; i++) {
		const start = performance.now();
		const answers = await Promise.all(['/v1.41/nodes', '/v1.41/services?status=true', '/v1.41/tasks'].map((p) => get(socket, p)));
		for (const a of answers) JSON.parse(a.body);
		times.push(performance.now() - start);
	}
	return percentile(times, 50);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measureCpu(pid: number, seconds: number): Promise<number> {
	const before = cpuMs(pid);
	await sleep(seconds * 1000);
	return cpuMs(pid) - before;
}

async function sizeScenario(size: Size) {
	const socket = `/tmp/swarmtui-bench-${size.name}.sock`;
	const sim = await startSim(size, socket);
	try {
		const floor = await apiFloor(socket);
		const args = ['--host', `unix://${socket}`];
		// Start-up varies from run to run on a busy machine: medians of five starts, the
		// usual one (with the code cache a first start wrote) and the first start ever (an
		// empty cache folder), taken in turns so both meet the same conditions.
		const once = async (env: Record<string, string>, linger = 0) => {
			const pty = startPty(args, 140, 40, env);
			const ms = await pty.waitFor(size.markers);
			await sleep(linger);
			await pty.stop();
			return ms;
		};
		await once(withCache, 3000);
		const coldStarts: number[] = [];
		const starts: number[] = [];
		for (let i = 0; i < 4; i++) {
			coldStarts.push(await once(withoutCache()));
			starts.push(await once(withCache));
		}
		coldStarts.push(await once(withoutCache()));
		const pty = startPty(args, 140, 40, withCache);
		starts.push(await pty.waitFor(size.markers));
		const firstFrame = percentile(starts, 50);
		const pid = pty.appPid();
		if (!pid) throw new Error('swarmtui did not start');
		await sleep(1500);

		const moves: number[] = [];
		// Within the list, so every key moves the selection (and must redraw).
		for (let i = 0; i < 40; i++) {
			moves.push(await pty.press(i % 20 < 10 ? 'j' : 'k'));
			await sleep(60);
		}
		const typing: number[] = [];
		await pty.press('/');
		for (const ch of 'svc-0001') {
			typing.push(await pty.press(ch));
			await sleep(60);
		}
		await pty.press('\u001b');
		await sleep(200);
		await pty.press('\u001b');
		await sleep(5000); // let the polls the keys caused settle

		await get(socket, '/_sim/reset');
		const idleCpu = await measureCpu(pid, idleSeconds);
		const counts = JSON.parse((await get(socket, '/_sim/counts')).body) as Record<string, number>;
		const perMinute = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Math.round((v * 60) / idleSeconds)]));

		await get(socket, '/_sim/churn?rate=100');
		await sleep(1000);
		const churnCpu = await measureCpu(pid, idleSeconds);
		await get(socket, '/_sim/churn?rate=0');
		const rss = peakRssMb(pid);
		await pty.stop();

		const refreshes = idleSeconds / 2;
		return {
			size: {nodes: size.nodes, services: size.services, tasks: size.tasks},
			firstFullFrameMs: Math.round(firstFrame),
			firstFullFrameNoCodeCacheMs: Math.round(percentile(coldStarts, 50)),
			startsMs: starts.map(Math.round),
			startsNoCodeCacheMs: coldStarts.map(Math.round),
			apiFloorMs: Math.round(floor),
			firstFrameOverFloor: Number((firstFrame / floor).toFixed(2)),
			keypressMoveMs: {p50: Math.round(percentile(moves, 50)), p95: Math.round(percentile(moves, 95))},
			keypressFilterMs: {p50: Math.round(percentile(typing, 50)), p95: Math.round(percentile(typing, 95))},
			cpuPerRefreshIdleMs: Math.round(idleCpu / refreshes),
			cpuPerRefreshChurnMs: Math.round(churnCpu / refreshes),
			idleCpuPercent: Number(((idleCpu / (idleSeconds * 1000)) * 100).toFixed(2)),
			churnCpuPercent: Number(((churnCpu / (idleSeconds * 1000)) * 100).toFixed(2)),
			peakRssMb: Math.round(rss),
			idleRequestsPerMinute: perMinute,
		};
	} finally {
		sim.kill('SIGTERM');
	}
}

/** 50,000 lines/s from 50 tasks into the docker layer's follower and the log buffer. */
async function logScenario() {
	const socket = '/tmp/swarmtui-bench-logs.sock';
	const sim = await startSim({name: 'logs', nodes: 3, services: 1, tasks: 50, markers: []}, socket);
	try {
		await get(socket, '/_sim/lograte?rate=50000');
		const api = createClient(parseHost(`unix://${socket}`, {context: 'bench', source: 'bench'}));
		const services = await api.services();
		const buffer = new LogBuffer(10_000);
		let received = 0;
		let receivedAll = 0;
		const rss: number[] = [];
		const follower = followLogs(api, [{kind: 'service', id: services[0]?.ID ?? '', name: 'svc', tty: false}], {follow: true, tail: 0}, {
			line: (line, target) => {
				received++;
				receivedAll++;
				buffer.push({...line, source: target.name});
			},
			notice: () => {},
		});
		const seconds = quick ? 4 : 10;
		await sleep(1000); // past the first burst
		const sentBefore = (JSON.parse((await get(socket, '/_sim/counts')).body) as Record<string, number>)['logLines'] ?? 0;
		received = 0;
		const start = performance.now();
		for (let i = 0; i < seconds; i++) {
			await sleep(1000);
			rss.push(process.memoryUsage().rss / 1e6);
		}
		const elapsed = (performance.now() - start) / 1000;
		const sentInWindow = ((JSON.parse((await get(socket, '/_sim/counts')).body) as Record<string, number>)['logLines'] ?? 0) - sentBefore;
		// Lost lines: everything the engine sent since the follow began against everything
		// that arrived, once the engine stops and the streams drain.
		await get(socket, '/_sim/lograte?rate=0');
		await sleep(1500);
		const sentAll = (JSON.parse((await get(socket, '/_sim/counts')).body) as Record<string, number>)['logLines'] ?? 0;
		follower.stop();
		api.close();
		return {
			linesPerSecond: Math.round(received / elapsed),
			offeredPerSecond: Math.round(sentInWindow / elapsed),
			sentLines: sentAll,
			receivedLines: receivedAll,
			lostLines: sentAll - receivedAll,
			bufferLines: buffer.size,
			droppedOldest: buffer.dropped,
			rssMbAt2s: Math.round(rss[1] ?? 0),
			rssMbAtEnd: Math.round(rss.at(-1) ?? 0),
		};
	} finally {
		sim.kill('SIGTERM');
	}
}

async function labScenario() {
	const socket = '/run/stlab/node1.sock';
	if (!existsSync(socket)) return {skipped: 'the lab is not up (npm run lab -- up)'};
	const docker = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
	const root = join(import.meta.dirname, '..');
	const executable = join(root, 'dist', 'swarmtui-linux-x64');
	const image = join(root, 'dist', 'swarmtui-image.tar');
	execFileSync(docker, ['-H', `unix://${socket}`, 'load', '-q', '-i', image], {stdio: 'ignore'});
	// Each way of running swarmtui, and the docker CLI's two lists: three times each,
	// interleaved; medians. The image runs on the lab manager, with its socket mounted.
	const ways: Record<string, {args: string[]; program?: string}> = {
		source: {args: ['--host', `unix://${socket}`]},
		executable: {args: ['--host', `unix://${socket}`], program: executable},
		image: {args: [], program: `${docker} -H unix://${socket} run --rm -it --network none -v ${socket}:/var/run/docker.sock -e TERM swarmtui`},
	};
	const markers = ['node3', 'shop_web', 'Tasks · stack shop'];
	const frames: Record<string, number[]> = {source: [], executable: [], image: []};
	const cli: number[] = [];
	for (const way of Object.values(ways)) {
		const warm = startPty(way.args, 140, 40, withCache, way.program);
		await warm.waitFor(markers);
		await sleep(3000);
		await warm.stop();
	}
	for (let i = 0; i < 3; i++) {
		const cliStart = performance.now();
		execFileSync(docker, ['-H', `unix://${socket}`, 'service', 'ls'], {stdio: 'ignore'});
		execFileSync(docker, ['-H', `unix://${socket}`, 'node', 'ls'], {stdio: 'ignore'});
		cli.push(performance.now() - cliStart);
		for (const [name, way] of Object.entries(ways)) {
			const pty = startPty(way.args, 140, 40, withCache, way.program);
			frames[name]?.push(await pty.waitFor(markers));
			await pty.stop();
			await sleep(500); // the container's removal
		}
	}
	const median = (name: string) => Math.round(percentile(frames[name] ?? [], 50));
	return {
		firstFullFrameMs: median('source'),
		executableFirstFullFrameMs: median('executable'),
		imageFirstFullFrameMs: median('image'),
		dockerServiceLsPlusNodeLsMs: Math.round(percentile(cli, 50)),
		executableMb: Math.round(statSync(executable).size / 1e6),
		imageMb: Math.round(statSync(image).size / 1e6),
	};
}

/**
 * Keystroke echo through a shell in a task on the connected node: swarmtui's `E`
 * against `docker exec -it` on the same container, in turns. Each key's time is from
 * writing it to the pseudo-terminal to the first output after it (the echo).
 */
async function execScenario() {
	const socket = '/run/stlab/node1.sock';
	if (!existsSync(socket)) return {skipped: 'the lab is not up (npm run lab -- up)'};
	const docker = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
	const container = execFileSync(docker, ['-H', `unix://${socket}`, 'ps', '--filter', 'label=com.docker.swarm.service.name=monitor', '--format', '{{.ID}}'], {encoding: 'utf8'}).trim().split('\n')[0];
	if (!container) return {skipped: 'no monitor task on node1 (npm run lab -- seed)'};
	const keys = async (pty: ReturnType<typeof startPty>, into: number[]) => {
		for (let i = 0; i < 40; i++) {
			into.push(await pty.press('x'));
			await sleep(40);
		}
		await pty.press('\u0015'); // Ctrl-U: the line cleared
		await pty.press('exit\r');
	};
	const viaSwarmtui: number[] = [];
	const viaDocker: number[] = [];
	for (let round = 0; round < 2; round++) {
		const ui = startPty(['--host', `unix://${socket}`], 140, 40, withCache);
		await ui.waitFor(['monitor', 'shop_web']);
		for (const key of ['/', ...'monitor', '\r', '\r', '/', ...'node1', '\r']) {
			await ui.press(key);
			await sleep(30);
		}
		await sleep(500);
		await ui.press('E');
		await ui.waitFor([' # ']);
		await sleep(300);
		await keys(ui, viaSwarmtui);
		await sleep(500);
		await ui.stop();
		const cli = startPty([], 140, 40, {}, `${docker} -H unix://${socket} exec -it ${container} sh`);
		await cli.waitFor([' # ']);
		await sleep(300);
		await keys(cli, viaDocker);
		await cli.stop();
	}
	const summary = (times: number[]) => ({p50: Math.round(percentile(times, 50) * 10) / 10, p95: Math.round(percentile(times, 95) * 10) / 10});
	return {container: container.slice(0, 12), keys: viaSwarmtui.length, swarmtuiEchoMs: summary(viaSwarmtui), dockerExecEchoMs: summary(viaDocker)};
}

const resultsFile = join(import.meta.dirname, 'results.json');
// --soak-only, --exec-only: that part alone, its figures put into the last run's results.
const soakOnly = process.argv.includes('--soak-only');
const execOnly = process.argv.includes('--exec-only');
const results: Record<string, unknown> = soakOnly || execOnly
	? {...(JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>), [soakOnly ? 'soakDate' : 'execDate']: new Date().toISOString()}
	: {date: new Date().toISOString(), node: process.version, machine: `${execFileSync('nproc').toString().trim()} cores`};
if (process.argv.includes('--logs-only')) {
	console.log(JSON.stringify(await logScenario()));
	process.exit(0);
}
if (!soakOnly) {
	process.stderr.write('bench: keystroke echo through a shell in a task…\n');
	results['exec'] = await execScenario();
}
if (!soakOnly && !execOnly) {
	for (const size of sizes) {
		process.stderr.write(`bench: ${size.name} cluster…\n`);
		results[size.name] = await sizeScenario(size);
	}
	process.stderr.write('bench: logs…\n');
	results['logs'] = await logScenario();
	process.stderr.write('bench: lab…\n');
	results['lab'] = await labScenario();
}
// The soak: 30 minutes over ssh on the lab while it misbehaves (bench/soak.ts);
// --soak-minutes N for another length, --no-soak to leave it out, --soak-only for it alone.
const soakAt = process.argv.indexOf('--soak-minutes');
const soakMinutes = process.argv.includes('--no-soak') || execOnly ? 0 : soakAt > 0 ? Number(process.argv[soakAt + 1]) : 30;
if (soakMinutes > 0 && existsSync('/run/stlab/node1.sock')) {
	process.stderr.write(`bench: soak, ${soakMinutes} minutes…\n`);
	results['soak'] = await soakScenario(soakMinutes);
	results['soakDate'] = results['date'] ?? new Date().toISOString();
} else if (!results['soak'] && existsSync(resultsFile)) {
	// --no-soak: the last soak's figures stay, with their own date (a run without one
	// must not erase the only proof of the long run).
	const last = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>;
	if (last['soak']) {
		results['soak'] = last['soak'];
		results['soakDate'] = last['soakDate'] ?? last['date'];
	}
}

type R = Record<string, any>;
const small = results['small'] as R;
const large = results['large'] as R;
const logs = results['logs'] as R;
const targets = [
	['small: first full frame <= 400 ms', small.firstFullFrameMs <= 400, `${small.firstFullFrameMs} ms`],
	['large: first full frame <= 1.5x floor + 300 ms', large.firstFullFrameMs <= 1.5 * large.apiFloorMs + 300, `${large.firstFullFrameMs} ms (floor ${large.apiFloorMs} ms)`],
	['large: keypress p95 <= 30 ms', large.keypressMoveMs.p95 <= 30, `${large.keypressMoveMs.p95} ms`],
	['large: filter typing p95 <= 50 ms', large.keypressFilterMs.p95 <= 50, `${large.keypressFilterMs.p95} ms`],
	['large: peak RSS <= 300 MB', large.peakRssMb <= 300, `${large.peakRssMb} MB`],
	['large: idle CPU < 2% of a core', large.idleCpuPercent < 2, `${large.idleCpuPercent}%`],
	['idle: <= 1 tasks list per refresh (30/min at 2 s)', (large.idleRequestsPerMinute.tasks ?? 0) <= 30, `${large.idleRequestsPerMinute.tasks ?? 0}/min`],
	['idle: no repeated full service/node lists (<= 1/min)', (large.idleRequestsPerMinute.services ?? 0) <= 1 && (large.idleRequestsPerMinute.nodes ?? 0) <= 1, `services ${large.idleRequestsPerMinute.services ?? 0}/min, nodes ${large.idleRequestsPerMinute.nodes ?? 0}/min`],
	['logs: >= 50,000 lines/s ingested, none lost', logs.linesPerSecond >= 49_500 && logs.lostLines === 0, `${logs.linesPerSecond} lines/s of ${logs.offeredPerSecond} sent; ${logs.lostLines} of ${logs.sentLines} lost`],
	['logs: memory flat', logs.rssMbAtEnd - logs.rssMbAt2s < 50, `${logs.rssMbAt2s} -> ${logs.rssMbAtEnd} MB`],
] as const;
const soak = results['soak'] as R | undefined;
const soakTargets = soak
	? ([
			[`soak (${soak.minutes} min, ssh, node restarts, leader change, churn): alive, memory, fds and children flat`, soak.alive && soak.rssMb.spreadAfterWarmup <= 50 && soak.fds.spreadAfterWarmup <= 10 && soak.children.spreadAfterWarmup <= 6, `${soak.alive ? 'alive' : soak.crashed}; RSS ${soak.rssMb.first} -> ${soak.rssMb.last} MB (spread ${soak.rssMb.spreadAfterWarmup}), fds ${soak.fds.first} -> ${soak.fds.last}, children ${soak.children.first} -> ${soak.children.last}`],
		] as const)
	: [];
results['targets'] = [...targets, ...soakTargets].map(([name, ok, value]) => ({name, ok, value}));
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

const row = (cells: string[]) => console.log(cells.map((c, i) => c.padEnd(i === 0 ? 30 : 16)).join(''));
row(['', 'small', 'large']);
for (const [label, key] of [
	['first full frame (ms)', 'firstFullFrameMs'],
	['  without compile cache (ms)', 'firstFullFrameNoCodeCacheMs'],
	['API floor (ms)', 'apiFloorMs'],
	['frame / floor', 'firstFrameOverFloor'],
	['cpu per refresh idle (ms)', 'cpuPerRefreshIdleMs'],
	['cpu per refresh churn (ms)', 'cpuPerRefreshChurnMs'],
	['idle CPU (%)', 'idleCpuPercent'],
	['peak RSS (MB)', 'peakRssMb'],
] as const) row([label, String(small[key]), String(large[key])]);
row(['keypress move p50/p95 (ms)', `${small.keypressMoveMs.p50}/${small.keypressMoveMs.p95}`, `${large.keypressMoveMs.p50}/${large.keypressMoveMs.p95}`]);
row(['filter typing p50/p95 (ms)', `${small.keypressFilterMs.p50}/${small.keypressFilterMs.p95}`, `${large.keypressFilterMs.p50}/${large.keypressFilterMs.p95}`]);
row(['idle requests/min', JSON.stringify(small.idleRequestsPerMinute), JSON.stringify(large.idleRequestsPerMinute)]);
console.log(`logs: ${logs.linesPerSecond} lines/s ingested of ${logs.offeredPerSecond} sent; ${logs.lostLines} of ${logs.sentLines} lines lost once the streams drained; RSS ${logs.rssMbAt2s} -> ${logs.rssMbAtEnd} MB; buffer ${logs.bufferLines}, dropped ${logs.droppedOldest}`);
console.log(`lab: ${JSON.stringify(results['lab'])}`);
if (soak) console.log(`soak: ${JSON.stringify({...soak, samples: undefined})}`);
console.log(`exec: ${JSON.stringify(results['exec'])}`);
for (const t of results['targets'] as Array<{name: string; ok: boolean; value: string}>) console.log(`${t.ok ? 'PASS' : 'MISS'}  ${t.name}: ${t.value}`);
