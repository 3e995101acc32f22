/**
 * The incremental SHA-256 bench/verify.ts times equals node:crypto's on the
 * padding edge cases, on chunks split at odd places, on a few MB, and on the
 * FIPS 180-4 / NIST example messages.
 */
import { describe, it, expect } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { createSha256 } from '../../../bench/sha256';

const reference = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function hashChunks(bytes: Uint8Array, cuts: number[]): string {
	const h = createSha256();
	let from = 0;
	for (const cut of [...cuts, bytes.length]) {
		h.update(bytes.subarray(from, cut));
		from = cut;
	}
	return h.digestHex();
}

/** A reproducible pseudo-random sequence (xorshift32), so a failure can be replayed. */
function random(seed: number): () => number {
	let x = seed;
	return () => {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		return (x >>> 0) / 2 ** 32;
	};
}

describe('incremental SHA-256', () => {
	const text = (s: string) => new TextEncoder().encode(s);

	it('gives the NIST example digests', () => {
		expect(hashChunks(text(''), [])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(hashChunks(text('abc'), [])).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(hashChunks(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), [])).toBe(
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		);
		const m896 = 'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu';
		expect(hashChunks(text(m896), [])).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
		// A million 'a's, fed in uneven pieces.
		const h = createSha256();
		for (let left = 1_000_000, n = 1; left > 0; n = (n * 7 + 3) % 1000) {
			const take = Math.min(left, n + 1);
			h.update(new Uint8Array(take).fill(0x61));
			left -= take;
		}
		expect(h.digestHex()).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
	});

	it('matches node:crypto at the padding edges, whole and byte by byte', () => {
		for (const n of [0, 1, 2, 55, 56, 57, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 191, 192, 193]) {
			const bytes = new Uint8Array(randomBytes(n));
			expect(hashChunks(bytes, []), `length ${n}`).toBe(reference(bytes));
			expect(hashChunks(bytes, Array.from({ length: n }, (_, i) => i)), `length ${n}, one byte per chunk`).toBe(reference(bytes));
		}
	});

	it('matches node:crypto on random lengths split at random places', () => {
		const next = random(20251201);
		for (let i = 0; i < 300; i++) {
			const n = Math.floor(next() * 5000);
			const bytes = new Uint8Array(randomBytes(n));
			const cuts = Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * (n + 1))).sort((a, b) => a - b);
			expect(hashChunks(bytes, cuts), `length ${n}, cuts ${cuts}`).toBe(reference(bytes));
		}
	});

	it('matches node:crypto on a few MB in network-sized chunks with odd boundaries', () => {
		const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024 + 17));
		const cuts: number[] = [];
		for (let at = 65_533; at < bytes.length; at += 65_536 + (cuts.length % 5) * 13) cuts.push(at);
		expect(hashChunks(bytes, cuts)).toBe(reference(bytes));
	});

	it('refuses to be used after its digest', () => {
		const h = createSha256();
		h.digestHex();
		expect(() => h.update(new Uint8Array(1))).toThrow();
		expect(() => h.digestHex()).toThrow();
	});
});
