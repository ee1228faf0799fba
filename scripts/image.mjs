// The container image (dist/swarmtui-image.tar, for `docker load`), written here as the
// docker-archive format the engine reads, so that it builds with no engine, no base image
// and no network: one layer holding the single executable, the C and C++ libraries it
// links (ldd), an ssh client with its libraries for ssh:// hosts, and the few files they
// expect (/etc/passwd for ssh's user, /tmp, HOME). Files are owned by root and dated
// `created` (the last commit's time), so the same inputs give the same image ID.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

const tarFlags = (created) => ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', `--mtime=@${Math.floor(created.getTime() / 1000)}`, '--format=posix', '--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime'];
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The shared libraries a binary loads, with the loader itself, as ldd lists them. */
function libraries(binary) {
	return execFileSync('ldd', [binary], {encoding: 'utf8'})
		.split('\n')
		.map((line) => /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line)?.[1])
		.filter(Boolean);
}

export function buildImage({executable, version, output, work, created}) {
	const root = join(work, 'root');
	rmSync(work, {recursive: true, force: true});
	mkdirSync(root, {recursive: true});
	const put = (from, to = from, mode) => {
		const target = join(root, to);
		mkdirSync(dirname(target), {recursive: true});
		copyFileSync(from, target); // follows symlinks: the library itself, under the name ldd gave
		if (mode !== undefined) chmodSync(target, mode);
	};
	put(executable, '/usr/bin/swarmtui', 0o755);
	const files = new Set(libraries(executable));
	const ssh = ['/usr/bin/ssh'].find((path) => existsSync(path));
	if (ssh) {
		put(ssh, '/usr/bin/ssh', 0o755);
		for (const lib of libraries(ssh)) files.add(lib);
	}
	for (const lib of files) put(lib);
	mkdirSync(join(root, 'etc'), {recursive: true});
	writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/usr/bin/swarmtui\n');
	writeFileSync(join(root, 'etc/group'), 'root:x:0:\n');
	mkdirSync(join(root, 'root'), {mode: 0o700});
	mkdirSync(join(root, 'tmp'));
	chmodSync(join(root, 'tmp'), 0o1777);

	const image = join(work, 'image');
	mkdirSync(image);
	execFileSync('tar', [...tarFlags(created), '-C', root, '-cf', join(image, 'layer.tar'), '.']);
	const layerId = sha256(join(image, 'layer.tar'));
	mkdirSync(join(image, layerId));
	execFileSync('mv', [join(image, 'layer.tar'), join(image, layerId, 'layer.tar')]);
	const config = {
		architecture: {x64: 'amd64', arm64: 'arm64'}[process.arch],
		os: 'linux',
		created: created.toISOString(),
		config: {
			Entrypoint: ['/usr/bin/swarmtui'],
			Env: ['PATH=/usr/bin', 'HOME=/root'],
			WorkingDir: '/root',
			Labels: {'org.opencontainers.image.title': 'swarmtui', 'org.opencontainers.image.version': version},
		},
		rootfs: {type: 'layers', diff_ids: [`sha256:${layerId}`]},
		history: [{created: created.toISOString(), created_by: 'npm run package (scripts/image.mjs)'}],
	};
	const configText = JSON.stringify(config);
	const configId = createHash('sha256').update(configText).digest('hex');
	writeFileSync(join(image, `${configId}.json`), configText);
	writeFileSync(join(image, 'manifest.json'), JSON.stringify([{Config: `${configId}.json`, RepoTags: [`swarmtui:${version}`, 'swarmtui:latest'], Layers: [`${layerId}/layer.tar`]}]));
	writeFileSync(join(image, 'repositories'), JSON.stringify({swarmtui: {[version]: layerId, latest: layerId}}));
	rmSync(output, {force: true});
	execFileSync('tar', [...tarFlags(created), '-C', image, '-cf', output, '.']);
	rmSync(work, {recursive: true, force: true});
	return {id: `sha256:${configId}`};
}
