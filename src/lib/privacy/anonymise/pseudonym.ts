/**
 * Keyed pseudonyms: HMAC-SHA-256 of the participant id under a key the user
 * enters or generates, via WebCrypto (browser and Node 22 alike). The same key
 * and id always give the same pseudonym; without the key the pseudonyms can be
 * neither recomputed nor linked to another export made with another key. The
 * key is never stored or written into an export.
 */

/** Hex characters kept from the 64-hex HMAC (16 hex = 64 bits). */
export const PSEUDONYM_LENGTH = 16;
/** Shortest key accepted (characters); a generated key has 64. */
export const MIN_KEY_LENGTH = 16;

function subtle(): SubtleCrypto {
	const c = globalThis.crypto;
	if (!c?.subtle) throw new Error('WebCrypto (crypto.subtle) is not available');
	return c.subtle;
}

function toHex(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += b.toString(16).padStart(2, '0');
	return s;
}

/**
 * A fresh random key: 32 bytes from `crypto.getRandomValues` as 64 hex characters.
 * @example generateKey() // → 'a3f0…' (64 hex characters, different each call)
 */
export function generateKey(bytes = 32): string {
	const b = new Uint8Array(bytes);
	globalThis.crypto.getRandomValues(b);
	return toHex(b);
}

/** Why a key cannot be used, or null when it can. @example keyProblem('short') // → 'too_short' */
export function keyProblem(key: string): 'empty' | 'too_short' | null {
	if (!key) return 'empty';
	if ([...key].length < MIN_KEY_LENGTH) return 'too_short';
	return null;
}

/**
 * A pseudonymiser bound to one key (the key is imported once as a non-extractable
 * HMAC key; the UTF-8 bytes of the key text are the HMAC key).
 *
 * @example
 * const p = await pseudonymiser('0123456789abcdef0123456789abcdef');
 * await p('C001') // → 16 lowercase hex characters; the same for the same key and id
 */
export async function pseudonymiser(key: string, length = PSEUDONYM_LENGTH): Promise<(id: string) => Promise<string>> {
	const problem = keyProblem(key);
	if (problem) throw new Error(`Pseudonym key unusable: ${problem}`);
	const enc = new TextEncoder();
	const cryptoKey = await subtle().importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
	return async (id: string) => {
		const mac = new Uint8Array(await subtle().sign('HMAC', cryptoKey, enc.encode(id)));
		return toHex(mac).slice(0, length);
	};
}

/**
 * Pseudonyms for many ids under one key; throws if two ids collide (at 64 bits
 * practically impossible, but an export must never merge two people).
 * @example await pseudonymise('…key…', ['C001', 'C002']) // → Map { 'C001' → '5f…', 'C002' → '9c…' }
 */
export async function pseudonymise(key: string, ids: readonly string[], length = PSEUDONYM_LENGTH): Promise<Map<string, string>> {
	const p = await pseudonymiser(key, length);
	const out = new Map<string, string>();
	const seen = new Set<string>();
	for (const id of ids) {
		if (out.has(id)) continue;
		const ps = await p(id);
		if (seen.has(ps)) throw new Error('Pseudonym collision: use a longer pseudonym');
		seen.add(ps);
		out.set(id, ps);
	}
	return out;
}

/** SHA-256 of bytes as hex (for the manifest's file checksums). @example await sha256Hex(new TextEncoder().encode('abc')) // → 'ba7816bf…' */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	return toHex(new Uint8Array(await subtle().digest('SHA-256', bytes as BufferSource)));
}
