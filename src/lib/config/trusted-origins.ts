/**
 * The origins, besides the site's own, whose `?data=` manifests load without
 * asking and that the Content-Security-Policy lets the page connect to. Set at
 * build time, space- or comma-separated:
 *   VITE_IB_TRUSTED_ORIGINS="https://dati.example.gov.lv https://intranet.example.lv" npm run build
 * Read here only (the site) and by kit.config.js (the CSP's connect-src), so the
 * two never disagree.
 */

/**
 * The configured origins, normalised (`new URL(x).origin`); anything that is
 * not an http(s) origin is an error, so a typo fails the build instead of
 * silently trusting nothing (or something else).
 * @example parseTrustedOrigins('https://a.lv/, http://b.lv:8080') // → ['https://a.lv', 'http://b.lv:8080']
 */
export function parseTrustedOrigins(raw: string | undefined): string[] {
	const out: string[] = [];
	for (const item of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
		let url: URL;
		try {
			url = new URL(item);
		} catch {
			throw new Error(`VITE_IB_TRUSTED_ORIGINS: not a URL: ${item}`);
		}
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`VITE_IB_TRUSTED_ORIGINS: only http(s) origins: ${item}`);
		if (!out.includes(url.origin)) out.push(url.origin);
	}
	return out;
}

/** The site's configured origins (a function so that kit.config.js can import the parser without Vite's env). */
export function trustedOrigins(): string[] {
	return parseTrustedOrigins(import.meta.env.VITE_IB_TRUSTED_ORIGINS as string | undefined);
}
