// url.parse() for docker-modem, without url.parse(): Node 24 prints a deprecation
// warning (DEP0169) on its first call, which docker-modem makes on every tcp:// request,
// so a TLS user saw two lines of warning on their terminal. The bundle hands
// docker-modem this instead (scripts/build.mjs): the WHATWG URL parser, answering the
// few fields docker-modem reads the way url.parse() did.
export type LegacyUrl = {protocol: string | null; hostname: string | null; port: string | null; pathname: string | null; path: string | null};

export function parseUrl(text: string): LegacyUrl {
	try {
		const url = new URL(text);
		return {
			protocol: url.protocol,
			// url.parse() gave IPv6 hosts without their brackets.
			hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
			port: url.port || null,
			pathname: url.pathname,
			path: `${url.pathname}${url.search}`,
		};
	} catch {
		// Not a URL (docker-modem parses its bare host name too): url.parse() took it all
		// for a path.
		return {protocol: null, hostname: null, port: null, pathname: text, path: text};
	}
}

/** url.resolve() for docker-modem (it calls url.parse() inside, and warns the same way). */
export function resolveUrl(from: string, to: string): string {
	return new URL(to, from).href;
}
