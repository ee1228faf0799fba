// Turns what dockerode, node's sockets and the engine throw into one plain sentence.
import type {Endpoint} from './endpoint.js';

type Raw = {
	code?: string;
	statusCode?: number;
	reason?: string;
	message?: string;
	json?: unknown;
	name?: string;
};

/** An error whose message is already fit to show the operator. */
export class DockerError extends Error {
	constructor(
		message: string,
		readonly statusCode?: number,
		readonly kind: 'connection' | 'tls' | 'permission' | 'api' | 'timeout' | 'quorum' = 'api',
	) {
		super(message);
	}
}

const tlsCodes = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'ERR_SSL_WRONG_VERSION_NUMBER',
	'EPROTO',
	'ECONNRESET_TLS',
]);

function engineMessage(raw: Raw): string | undefined {
	const json = raw.json as {message?: unknown} | string | undefined;
	if (json && typeof json === 'object' && typeof json.message === 'string') return json.message.trim();
	if (typeof json === 'string' && json.trim()) return json.trim();
	return undefined;
}

/** A TLS failure as what it means and what to do; undefined if it is none. */
function tlsMessage(code: string, message: string, endpoint: Endpoint): string | undefined {
	const where = endpoint.host;
	const ca = endpoint.tls?.ca ? `the CA in ${endpoint.tls.ca}` : "the system's CAs";
	if (['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'].includes(code)) {
		return `the engine's certificate at ${where} is not signed by ${ca}: check --tlscacert (or ca.pem in DOCKER_CERT_PATH)`;
	}
	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the engine's certificate is not for ${endpoint.hostname ?? where}: connect by a name the certificate holds, or fix the certificate`;
	if (code === 'CERT_HAS_EXPIRED') return `the engine's certificate at ${where} has expired`;
	if (/certificate required/i.test(message)) return `the engine at ${where} requires a client certificate: give --tlscert and --tlskey (or cert.pem and key.pem in DOCKER_CERT_PATH)`;
	if (/unknown ca|bad certificate|certificate unknown/i.test(message)) return `the engine at ${where} refused swarmtui's client certificate (not signed by a CA it trusts): check --tlscert and --tlskey`;
	if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(message)) return `the engine at ${where} does not speak TLS on this port: drop --tls/--tlsverify, or use its TLS port (usually 2376)`;
	if (tlsCodes.has(code) || /certificate|SSL|TLS/.test(message)) {
		// OpenSSL's own text runs on with file names and line numbers: its reason is enough.
		const reason = /:([^:]*):\.\.\//.exec(message)?.[1] ?? message.split('\n')[0] ?? code;
		return `TLS failure talking to ${where}: ${reason.trim()}; check --tlscacert/--tlscert/--tlskey or DOCKER_CERT_PATH`;
	}
	return undefined;
}

export function toDockerError(error: unknown, endpoint: Endpoint): DockerError {
	if (error instanceof DockerError) return error;
	const raw = (error ?? {}) as Raw;
	const where = endpoint.host;
	const code = raw.code ?? '';
	if (raw.name === 'AbortError' || raw.name === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'ABORT_ERR') {
		return new DockerError(`the engine at ${where} did not answer in time`, undefined, 'timeout');
	}
	if (code === 'ENOENT' || code === 'ECONNREFUSED') {
		const fix = endpoint.transport === 'unix' ? 'is dockerd running on this machine?' : 'check the address and that the engine listens there';
		return new DockerError(`cannot connect to the Docker engine at ${where}: ${fix}`, undefined, 'connection');
	}
	if (code === 'EACCES' || code === 'EPERM') {
		return new DockerError(
			`permission denied on ${where}: run as root or as a member of the docker group`,
			undefined,
			'permission',
		);
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
		return new DockerError(`cannot reach ${where} (${code}): check the host name and network`, undefined, 'connection');
	}
	const tls = tlsMessage(code, raw.message ?? '', endpoint);
	if (tls) return new DockerError(tls, undefined, 'tls');
	if ((code === 'ECONNRESET' || code === 'EPIPE') && endpoint.transport === 'tcp' && !endpoint.tls) {
		return new DockerError(`the engine at ${where} closed the connection (${code}): if it expects TLS (port 2376 usually does), use --tlsverify with its certificates`, undefined, 'connection');
	}
	if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
		return new DockerError(`the connection to ${where} was closed (${code})`, undefined, 'connection');
	}
	if (typeof raw.statusCode === 'number') {
		// The swarm's gRPC wrapper ("rpc error: code = InvalidArgument desc = …") says nothing to a person.
		const message = (engineMessage(raw) ?? raw.reason ?? `HTTP ${raw.statusCode}`).replace(/^rpc error: code = \w+ desc = /, '');
		if (raw.statusCode === 400 && /client version .* is too (old|new)/i.test(message)) {
			return new DockerError(`engine at ${where} refused the API version: ${message}`, 400, 'api');
		}
		// What a manager answers every cluster read with while the managers cannot elect a leader.
		if (/does not have a leader|no elected cluster leader|raft: no leader/i.test(message)) {
			return new DockerError('the swarm has no leader (quorum lost): more than half of the managers must be online again', raw.statusCode, 'quorum');
		}
		if (/HTTP request to an HTTPS server/i.test(message)) {
			return new DockerError(`the engine at ${where} expects TLS: use --tlsverify with --tlscacert/--tlscert/--tlskey (or DOCKER_CERT_PATH)`, raw.statusCode, 'tls');
		}
		if (raw.statusCode === 403 || raw.statusCode === 401) {
			return new DockerError(`the engine at ${where} denied the request: ${message}`, raw.statusCode, 'permission');
		}
		return new DockerError(message, raw.statusCode, 'api');
	}
	const message = raw.message ?? String(error);
	return new DockerError(message.split('\n')[0] ?? message, undefined, 'connection');
}
