/** SHA-256 of a Blob off the page's thread (verify.ts): the Blob comes by reference, only the hex goes back. */
import { digestHex } from './verify.ts';

self.onmessage = async (e: MessageEvent<{ id: number; data: Blob }>) => {
	const { id, data } = e.data;
	try {
		self.postMessage({ id, hex: await digestHex(await data.arrayBuffer()) });
	} catch (err) {
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
	}
};
