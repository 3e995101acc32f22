/**
 * Data are fetched without following redirects: a manifest's files must come
 * from the manifest's own origin (source.ts), and a redirect could lead elsewhere.
 */
const NO_REDIRECT: RequestInit = { redirect: 'error', credentials: 'same-origin' };

/** Fetch a file fully, failing loudly on HTTP errors (a 404 must not look like empty data). */
export async function fetchBytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
	const res = await fetch(url, { ...NO_REDIRECT, signal });
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return new Uint8Array(await res.arrayBuffer());
}

/** A file as a Blob: the browser may keep it out of the JS heap, and DuckDB reads only the slices it needs. */
export async function fetchBlob(url: string, signal?: AbortSignal): Promise<Blob> {
	const res = await fetch(url, { ...NO_REDIRECT, signal });
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return res.blob();
}

/** A manifest as JSON, with the same rules as its files. */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
	const res = await fetch(url, { ...NO_REDIRECT, signal });
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return res.json();
}
