/**
 * Results of the first view's queries, kept in this browser (IndexedDB) and
 * keyed by the dataset's content (the sha256 of every file, as computed here
 * and matched against the manifest: never a manifest's mere claim), its
 * origin and the app version. On a reload of the same data the overview is shown from here
 * at once, while the engine starts (≈3 s of DuckDB-WASM start-up that no HTTP
 * cache removes); it is replaced by the engine's own result as soon as that
 * is ready. Every cached value was computed by a query on the same row-level
 * data; a dataset without verified checksums (uploads, manifests without
 * sha256) is never cached.
 */
import { fullyVerified, type VerifiedContent } from './verify.ts';

const DB_NAME = 'ib-outcomes';
const STORE = 'results';
/** Entries kept; older ones are dropped (a few datasets × a few keys). */
const MAX_ENTRIES = 50;

/**
 * A string that changes whenever any file of the selected datasets changes,
 * or null when that cannot be known (a file whose sha256 the manifest did not
 * give or that was not verified, uploaded rows). Built from the hashes
 * computed on this machine (verify.ts) and each dataset's origin, so a crafted
 * manifest that claims another dataset's sha256s can never reach its results.
 * @example datasetFingerprint([{ origin: 'https://x.lv', files: { 'a.parquet': { sha256: 'ab', verified: true } } }]) // → 'https://x.lv#a.parquet:ab'
 */
export function datasetFingerprint(contents: readonly (VerifiedContent | null | undefined)[]): string | null {
	if (contents.length === 0) return null;
	const parts: string[] = [];
	for (const c of contents) {
		const files = contentFingerprint(c);
		if (files === null) return null;
		parts.push(`${c!.origin}#${files}`);
	}
	return parts.join('|');
}

/**
 * The files' hashes alone (path:sha256, sorted), or null unless every one was
 * verified: what derived files made by the publisher beside the data (the
 * packed release plans, data/plans.ts) are matched with, wherever the data are served.
 * @example contentFingerprint({ origin: 'https://x.lv', files: { 'a.parquet': { sha256: 'ab', verified: true } } }) // → 'a.parquet:ab'
 */
export function contentFingerprint(content: VerifiedContent | null | undefined): string | null {
	if (!fullyVerified(content)) return null;
	const files = Object.entries(content!.files).sort(([a], [b]) => a.localeCompare(b));
	return files.map(([path, f]) => `${path}:${f.sha256}`).join(',');
}

function open(): Promise<IDBDatabase | null> {
	if (typeof indexedDB === 'undefined') return Promise.resolve(null);
	return new Promise((resolve) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		// Private windows or blocked storage: the cache is an optimisation, never a requirement.
		req.onerror = () => resolve(null);
		req.onblocked = () => resolve(null);
	});
}

interface Entry<T> {
	value: T;
	savedAt: number;
}

/** The cached value under `key`, or undefined. Never throws. */
export async function readResult<T>(key: string): Promise<T | undefined> {
	try {
		const db = await open();
		if (!db) return undefined;
		return await new Promise<T | undefined>((resolve) => {
			const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
			req.onsuccess = () => resolve((req.result as Entry<T> | undefined)?.value);
			req.onerror = () => resolve(undefined);
		}).finally(() => db.close());
	} catch {
		return undefined;
	}
}

/** Store `value` under `key` (structured-cloneable), dropping the oldest entries beyond the limit. Never throws. */
export async function writeResult<T>(key: string, value: T): Promise<void> {
	try {
		const db = await open();
		if (!db) return;
		await new Promise<void>((resolve) => {
			const tx = db.transaction(STORE, 'readwrite');
			const store = tx.objectStore(STORE);
			store.put({ value, savedAt: Date.now() } satisfies Entry<T>, key);
			const all = store.getAll();
			const keys = store.getAllKeys();
			all.onsuccess = () => {
				keys.onsuccess = () => {
					const entries = (all.result as Entry<unknown>[]).map((e, i) => ({ key: keys.result[i], at: e.savedAt }));
					entries.sort((a, b) => b.at - a.at);
					for (const e of entries.slice(MAX_ENTRIES)) store.delete(e.key);
				};
			};
			tx.oncomplete = () => resolve();
			tx.onerror = () => resolve();
			tx.onabort = () => resolve();
		}).finally(() => db.close());
	} catch {
		/* an optimisation only */
	}
}

/** Forget every cached result (e.g. after live data were cleared). Never throws. */
export async function clearResults(): Promise<void> {
	try {
		const db = await open();
		if (!db) return;
		await new Promise<void>((resolve) => {
			const tx = db.transaction(STORE, 'readwrite');
			tx.objectStore(STORE).clear();
			tx.oncomplete = () => resolve();
			tx.onerror = () => resolve();
		}).finally(() => db.close());
	} catch {
		/* an optimisation only */
	}
}
