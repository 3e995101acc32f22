/**
 * Results of the first view's queries, kept in this browser (localStorage) and
 * keyed by the dataset's content (the sha256 of every file, as computed here
 * and matched against the manifest: never a manifest's mere claim), its
 * origin and the app version. On a reload of the same data the overview is shown from here
 * at once, while the engine starts (≈3 s of DuckDB-WASM start-up that no HTTP
 * cache removes); it is replaced by the engine's own result as soon as that
 * is ready. Every cached value was computed by a query on the same row-level
 * data; a dataset without verified checksums (uploads, manifests without
 * sha256) is never cached.
 *
 * localStorage, not IndexedDB: the entries are small (the overview's released
 * figures), and on a reload IndexedDB answered only once the data file had
 * streamed in from the HTTP cache (≈0.5 s for 61 MB, bench/warm-load.ts),
 * while localStorage answers at once.
 */
import { fullyVerified, type VerifiedContent } from './verify.ts';
import { readLocalJson, removeLocalJson, writeLocalJson } from './persist/local-json.ts';

const KEY = 'ib-outcomes.results';
/** Where the results were kept before: deleted with them (clearResults). */
const LEGACY_DB = 'ib-outcomes';
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

interface Entry<T> {
	value: T;
	savedAt: number;
}

/** The cached value under `key`, or undefined. Never throws. */
export async function readResult<T>(key: string): Promise<T | undefined> {
	return readLocalJson<Entry<unknown>>(KEY)[key]?.value as T | undefined;
}

/** Store `value` under `key` (JSON), dropping the oldest entries beyond the limit. Never throws. */
export async function writeResult<T>(key: string, value: T): Promise<void> {
	const all = readLocalJson<Entry<unknown>>(KEY);
	all[key] = { value, savedAt: Date.now() } satisfies Entry<T>;
	const kept = Object.entries(all).sort((a, b) => b[1].savedAt - a[1].savedAt).slice(0, MAX_ENTRIES);
	// A full storage keeps the newest half instead; the cache is an optimisation, never a requirement.
	if (!writeLocalJson(KEY, Object.fromEntries(kept))) writeLocalJson(KEY, Object.fromEntries(kept.slice(0, Math.ceil(kept.length / 2))));
}

/** Forget every cached result (e.g. after live data were cleared), and those an earlier version kept in IndexedDB. Never throws. */
export async function clearResults(): Promise<void> {
	removeLocalJson(KEY);
	try {
		if (typeof indexedDB !== 'undefined') indexedDB.deleteDatabase(LEGACY_DB);
	} catch {
		/* nothing kept there */
	}
}
