/**
 * Content checks of downloaded files: every file a manifest lists is hashed
 * (WebCrypto SHA-256) before its bytes are used, and compared with the sha256
 * the manifest gives. The computed hashes, never the manifest's claims, are
 * what the saved-result cache is keyed by (result-cache.ts).
 */

/** A file's bytes did not match the manifest's sha256: nothing of the file is used. */
export class IntegrityError extends Error {
	constructor(
		readonly path: string,
		readonly expected: string,
		readonly actual: string
	) {
		super(`${path}: sha256 does not match the manifest (expected ${expected.slice(0, 12)}…, got ${actual.slice(0, 12)}…); the file was not loaded`);
		this.name = 'IntegrityError';
	}
}

/** Lower-case hex SHA-256 of bytes or a Blob (a Blob is read once; its buffer is dropped afterwards). */
export async function sha256Hex(data: Uint8Array | Blob): Promise<string> {
	if (data instanceof Blob && typeof Worker !== 'undefined') {
		const hex = await sha256InWorker(data);
		if (hex !== null) return hex;
	}
	return digestHex(data instanceof Blob ? await data.arrayBuffer() : data);
}

/** WebCrypto SHA-256 of bytes as lower-case hex (on the page, or in sha256.worker.ts). */
export async function digestHex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

let hasher: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (hex: string | null) => void; reject: (e: Error) => void }>();

/**
 * A Blob's hash in a worker (sha256.worker.ts), or null when the worker cannot
 * run (then the page hashes it). A database file is tens of MB: reading and
 * digesting it on the page made 100–350 ms tasks during a 5-year load
 * (`bench/profile-views.ts --cold`); its hash is not what the first figures
 * wait for (recall.ts), so the worker's extra hop costs nothing shown.
 */
function sha256InWorker(data: Blob): Promise<string | null> {
	try {
		hasher ??= startHasher();
	} catch {
		return Promise.resolve(null);
	}
	const id = nextId++;
	return new Promise((resolve, reject) => {
		waiting.set(id, { resolve, reject });
		hasher!.postMessage({ id, data });
	});
}

function startHasher(): Worker {
	const w = new Worker(new URL('./sha256.worker.ts', import.meta.url), { type: 'module' });
	w.onmessage = (e: MessageEvent<{ id: number; hex?: string; error?: string }>) => {
		const job = waiting.get(e.data.id);
		waiting.delete(e.data.id);
		if (e.data.hex !== undefined) job?.resolve(e.data.hex);
		else job?.reject(new Error(`sha256: ${e.data.error}`));
	};
	// A worker that cannot start (a policy, a missing file): every waiting hash falls back to the page.
	w.onerror = (e) => {
		e.preventDefault();
		hasher = null;
		w.terminate();
		for (const job of waiting.values()) job.resolve(null);
		waiting.clear();
	};
	return w;
}

/**
 * Hash a file and check it against the manifest's sha256 (when it gives one).
 * Returns the computed hash, or throws IntegrityError on a mismatch.
 */
export async function verifyFile(path: string, expected: string | undefined, data: Uint8Array | Blob): Promise<string> {
	const actual = await sha256Hex(data);
	if (expected !== undefined && actual !== expected.trim().toLowerCase()) throw new IntegrityError(path, expected, actual);
	return actual;
}

/**
 * What was verified of one dataset: its origin and, per manifest file, the
 * computed sha256 and whether it matched a sha256 the manifest gave. Only a
 * dataset whose every file matched counts as verified.
 */
export interface VerifiedContent {
	/** The origin the files came from (the site's own for the pilot). */
	origin: string;
	/** Manifest path → computed sha256 and whether the manifest gave it (and it matched). */
	files: Record<string, { sha256: string; verified: boolean }>;
}

/** True when every file's sha256 was given by the manifest and matched. */
export function fullyVerified(c: VerifiedContent | null | undefined): c is VerifiedContent {
	const files = c ? Object.values(c.files) : [];
	return files.length > 0 && files.every((f) => f.verified);
}
