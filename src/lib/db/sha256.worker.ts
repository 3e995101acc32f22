/** SHA-256 of a Blob off the page's thread (verify.ts): the Blob comes by reference, only the hex goes back. */
self.onmessage = async (e: MessageEvent<{ id: number; data: Blob }>) => {
	const { id, data } = e.data;
	try {
		const digest = await crypto.subtle.digest('SHA-256', await data.arrayBuffer());
		const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
		self.postMessage({ id, hex });
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
};
