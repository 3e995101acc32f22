/**
 * Files this browser verified before, recalled by their HTTP validators
 * (ETag, Last-Modified, Content-Length), so that a reload can key the saved
 * figures (result-cache.ts) as soon as a file's response headers arrive,
 * instead of after it has been read and hashed again: for a 61 MB database
 * file that is half a second of the first second (issue 15).
 *
 * A file is recalled only when its URL and validators are those of a response
 * whose bytes were hashed here and matched their manifest, and the manifest
 * now claims that same sha256. The file is still hashed before anything of it
 * is used; if it no longer matches, the load fails and the saved figures are
 * withdrawn (open.ts, overview/Panel.svelte). What can show for that moment is
 * this browser's saved result of the earlier, verified file at the same URL.
 */
import { readLocalJson, removeLocalJson, writeLocalJson } from './persist/local-json.ts';

const KEY = 'ib-outcomes.verified-files';
/** Files remembered; the oldest are dropped (a few datasets × a few files). */
const MAX_FILES = 24;

interface Remembered {
	validator: string;
	sha256: string;
	at: number;
}

/**
 * A response's validators as one string, or null when it has none (then the
 * file is never recalled: only a fresh hash keys its results).
 * @example validatorOf(new Headers({ etag: '"5-1"', 'content-length': '5' })) // → '"5-1"||5'
 */
export function validatorOf(headers: Headers): string | null {
	const etag = headers.get('etag');
	const modified = headers.get('last-modified');
	if (!etag && !modified) return null;
	return [etag ?? '', modified ?? '', headers.get('content-length') ?? ''].join('|');
}

/** After a file's bytes matched its manifest's sha256: remember the response's validators with that hash. */
export function rememberVerified(url: string, validator: string | null, sha256: string): void {
	if (validator === null) return;
	const all = readLocalJson<Remembered>(KEY);
	all[url] = { validator, sha256, at: Date.now() };
	const kept = Object.entries(all)
		.sort((a, b) => b[1].at - a[1].at)
		.slice(0, MAX_FILES);
	// Refused (private modes, no storage): reloads key the saved figures after hashing, as before.
	writeLocalJson(KEY, Object.fromEntries(kept));
}

/** True when `url` answered with these validators before, its bytes then hashed to `claimed`. */
export function recallVerified(url: string, validator: string | null, claimed: string | undefined): boolean {
	if (validator === null || claimed === undefined) return false;
	const r = readLocalJson<Remembered>(KEY)[url];
	return r !== undefined && r.validator === validator && r.sha256 === claimed.trim().toLowerCase();
}

/** Forget every remembered file (e.g. when this browser's data are cleared). */
export function forgetVerified(): void {
	removeLocalJson(KEY);
}
