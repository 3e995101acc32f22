/**
 * SHA-256 of a Blob off the page's thread. On a warm reload the page's thread
 * is busy for the first second (hydration, the engine's start-up), and reading
 * a 50 MB Blob back on it waits behind that work: hashing the packed database
 * in a dedicated worker (hash.worker.ts) makes the saved figures appear ~15%
 * sooner (bench/warm-load.ts). The digest is still WebCrypto's over the very
 * bytes DuckDB attaches (the same Blob); an incremental JS SHA-256 fed while
 * the file streams in was measured ~10× slower than WebCrypto (bench/verify.ts).
 * Where Workers are missing or the worker fails to start, the page hashes
 * as before (verify.ts sha256Hex).
 */
import { sha256Hex } from './verify.ts';

export interface HashRequest {
	id: number;
	blob: Blob;
}
export type HashReply = { id: number; sha256: string } | { id: number; error: string };

interface Pending {
	blob: Blob;
	resolve: (sha256: string) => void;
	reject: (e: Error) => void;
}

let worker: Worker | null = null;
/** The worker could not be started or failed: hash on the page from then on. */
let broken = typeof Worker === 'undefined';
let nextId = 0;
const pending = new Map<number, Pending>();

/** The page's own hashing for requests the worker can no longer answer. */
function fallBack(): void {
	broken = true;
	worker?.terminate();
	worker = null;
	for (const [id, p] of pending) {
		pending.delete(id);
		sha256Hex(p.blob).then(p.resolve, p.reject);
	}
}

function hashWorker(): Worker | null {
	if (worker || broken) return worker;
	try {
		worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		broken = true;
		return null;
	}
	worker.onmessage = (e: MessageEvent<HashReply>) => {
		const p = pending.get(e.data.id);
		if (!p) return;
		pending.delete(e.data.id);
		if ('sha256' in e.data) p.resolve(e.data.sha256);
		else p.reject(new Error(e.data.error));
	};
	// A worker that does not load (an old browser without module workers, a policy) reports here.
	worker.onerror = (e) => {
		e.preventDefault();
		fallBack();
	};
	return worker;
}

/** Start the worker ahead of the first file, so its start-up overlaps the download. */
export function prepareHashWorker(): void {
	hashWorker();
}

/** Lower-case hex SHA-256 of a Blob, computed in the hash worker (or on the page where there is none). */
export function sha256OffThread(blob: Blob): Promise<string> {
	const w = hashWorker();
	if (!w) return sha256Hex(blob);
	return new Promise((resolve, reject) => {
		const id = ++nextId;
		pending.set(id, { blob, resolve, reject });
		w.postMessage({ id, blob } satisfies HashRequest);
	});
}
