/**
 * Where a `?data=` manifest may come from. The site's own origin and the
 * configured ones (config/trusted-origins.ts) load directly; any other http(s)
 * origin is asked about first (nothing is fetched before the user agrees);
 * every other scheme (`data:`, `blob:`, `file:`, `javascript:` …) is refused:
 * such a manifest has no origin to show, so nobody could tell whose data it is.
 */

/** How far a dataset's source is trusted: the site's own files, a configured origin, or one the user must agree to. */
export type SourceTrust = 'same-origin' | 'configured' | 'ask';

export type DataUrlVerdict =
	| { kind: 'none' }
	| { kind: 'load'; url: string; origin: string; trust: SourceTrust }
	| { kind: 'refused'; url: string; scheme: string };

/**
 * The verdict on a manifest URL as given (`?data=` or typed on /data), resolved against the page.
 * @example classifyDataUrl('https://x.lv/m.json', 'https://site.lv/', []) // → { kind: 'load', trust: 'ask', origin: 'https://x.lv', … }
 */
export function classifyDataUrl(raw: string | null, pageHref: string, trusted: readonly string[]): DataUrlVerdict {
	if (raw === null || raw.trim() === '') return { kind: 'none' };
	let url: URL;
	try {
		url = new URL(raw.trim(), pageHref);
	} catch {
		return { kind: 'refused', url: raw, scheme: '?' };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'refused', url: raw.slice(0, 80), scheme: url.protocol };
	const page = new URL(pageHref).origin;
	const trust: SourceTrust = url.origin === page ? 'same-origin' : trusted.includes(url.origin) ? 'configured' : 'ask';
	return { kind: 'load', url: url.href, origin: url.origin, trust };
}

/**
 * A manifest's file path as a URL, which must stay on the manifest's origin: a
 * manifest cannot make the browser fetch (and the views show) another site's files.
 * @example fileUrlOf('https://x.lv/d/manifest.json', 'a.parquet') // → 'https://x.lv/d/a.parquet'
 */
export function fileUrlOf(manifestUrl: string, path: string): string {
	const base = new URL(manifestUrl);
	const url = new URL(path, base);
	if (url.origin !== base.origin) throw new Error(`${path}: a manifest's files must be on its own origin (${base.origin})`);
	return url.href;
}

/**
 * Whether a Content-Security-Policy (the page's meta, null when there is none)
 * lets the page connect to an origin: asked after the user agreed to a
 * third-party origin, so that a fetch the policy would block is refused with
 * the reason instead of failing as a network error.
 * @example cspAllowsConnect("default-src 'self'; connect-src 'self' https://a.lv", 'https://a.lv', 'https://site.lv') // → true
 */
export function cspAllowsConnect(csp: string | null, origin: string, pageOrigin: string): boolean {
	if (!csp) return true;
	const directives = new Map(
		csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name.toLowerCase(), values] as const)
	);
	const sources = directives.get('connect-src') ?? directives.get('default-src');
	if (!sources) return true;
	const url = new URL(origin);
	return sources.some((s) => {
		if (s === '*') return url.protocol === 'http:' || url.protocol === 'https:';
		if (s === "'self'") return url.origin === pageOrigin;
		if (/^[a-z][a-z0-9+.-]*:$/i.test(s)) return url.protocol === s.toLowerCase();
		try {
			return new URL(s).origin === url.origin;
		} catch {
			return false;
		}
	});
}
