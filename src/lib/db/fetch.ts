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

/** A file's response once its headers are in, failing loudly on HTTP errors (a 404 must not look like empty data). */
export async function fetchResponse(url: string, signal?: AbortSignal): Promise<Response> {
	const res = await get(url, signal);
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return res;
}

/** Fetch a file fully. (A large file is read as a Blob from `fetchResponse`: the browser may keep it out of the JS heap.) */
export async function fetchBytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
	return new Uint8Array(await (await fetchResponse(url, signal)).arrayBuffer());
}

/** A manifest as JSON, with the same rules as its files. */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
	const res = await get(url, signal);
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return res.json();
}
