/**
 * Data are fetched without following redirects: a manifest's files must come
 * from the manifest's own origin (source.ts), and a redirect could lead elsewhere.
 */
const NO_REDIRECT: RequestInit = { redirect: 'error', credentials: 'same-origin' };

/** fetch, with a refused redirect or a network failure named (the browser says only "Failed to fetch"). */
async function get(url: string, signal?: AbortSignal): Promise<Response> {
	try {
		return await fetch(url, { ...NO_REDIRECT, signal });
	} catch (e) {
		if (signal?.aborted) throw e;
		throw new Error(`${url}: not fetched (network error, a redirect, which is not followed, or the site's security policy)`);
	}
}

/** Fetch a file fully, failing loudly on HTTP errors (a 404 must not look like empty data). */
export async function fetchBytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
	const res = await get(url, signal);
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return new Uint8Array(await res.arrayBuffer());
}

/** A file as a Blob: the browser may keep it out of the JS heap, and DuckDB reads only the slices it needs. */
export async function fetchBlob(url: string, signal?: AbortSignal): Promise<Blob> {
	const res = await get(url, signal);
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return res.blob();
}

/** A manifest as JSON, with the same rules as its files. */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
	const res = await get(url, signal);
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return res.json();
}
