/** Fetch a file fully, failing loudly on HTTP errors (a 404 must not look like empty data). */
export async function fetchBytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
	const res = await fetch(url, { signal });
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return new Uint8Array(await res.arrayBuffer());
}
