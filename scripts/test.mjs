// `npm test`: type-check, check the layers, build the CLI the end-to-end tests run, run every test
// (unit, component, end-to-end on the lab swarm), and close with one plain line:
// "N passed, N failed, N skipped".
import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, {stdio: 'inherit'}).status ?? 1;
for (const [cmd, args] of [
	['npx', ['tsc', '-p', '.']],
	// The layer rules and no import cycles (.dependency-cruiser.cjs).
	['npx', ['depcruise', 'source', '--config', '.dependency-cruiser.cjs']],
	['node', ['scripts/build.mjs']],
]) {
	const status = run(cmd, args);
	if (status !== 0) process.exit(status);
}

const report = 'test-results.json';
rmSync(report, {force: true});
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);
try {
	const results = JSON.parse(readFileSync(report, 'utf8'));
	const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
	console.log(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
	if (results.numTotalTests === 0) {
		console.log('no test ran');
		process.exit(1);
	}
} catch {
	console.log('\nno test report: the run did not finish');
}
process.exit(status);
