/**
 * Incremental SHA-256 (FIPS 180-4) for bytes that arrive in chunks: WebCrypto
 * digests only a whole buffer, so hashing a file while it downloads would need
 * this. bench/verify.ts measures it against WebCrypto in Chromium: ~140 MB/s in
 * a worker against WebCrypto's ~850 MB/s (which uses the CPU's SHA
 * instructions), so a streamed hash would end well after the download; the
 * site hashes the whole file with WebCrypto once it has arrived (db/verify.ts).
 * Chunks may split the message anywhere; the result equals one digest of
 * their concatenation.
 *
 * @example
 *   const h = createSha256();
 *   h.update(new TextEncoder().encode('a'));
 *   h.update(new TextEncoder().encode('bc'));
 *   h.digestHex(); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */

const K = new Int32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/**
 * Run the compression function over `blocks` 64-byte blocks of `bytes` from
 * `offset`, updating `state` (8 words). Hot loop: state kept in locals, words
 * read big-endian by hand, no allocation.
 */
function compress(state: Int32Array, w: Int32Array, bytes: Uint8Array, offset: number, blocks: number): void {
	let h0 = state[0], h1 = state[1], h2 = state[2], h3 = state[3], h4 = state[4], h5 = state[5], h6 = state[6], h7 = state[7];
	for (let block = 0; block < blocks; block++, offset += 64) {
		for (let i = 0, p = offset; i < 16; i++, p += 4) w[i] = (bytes[p] << 24) | (bytes[p + 1] << 16) | (bytes[p + 2] << 8) | bytes[p + 3];
		for (let i = 16; i < 64; i++) {
			const x = w[i - 15], y = w[i - 2];
			const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
			const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
			w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
		}
		let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
		for (let i = 0; i < 64; i++) {
			const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
			const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
			const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
			const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
			h = g;
			g = f;
			f = e;
			e = (d + t1) | 0;
			d = c;
			c = b;
			b = a;
			a = (t1 + t2) | 0;
		}
		h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
		h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
	}
	state[0] = h0; state[1] = h1; state[2] = h2; state[3] = h3; state[4] = h4; state[5] = h5; state[6] = h6; state[7] = h7;
}

export interface Sha256 {
	/** Add the next bytes of the message (the array is only read, not kept). */
	update(bytes: Uint8Array): void;
	/** The digest as lower-case hex; the hasher is finished afterwards. */
	digestHex(): string;
}

export function createSha256(): Sha256 {
	const state = new Int32Array(INITIAL);
	const w = new Int32Array(64);
	// The unfinished block, carried over between chunks split at any byte.
	const pending = new Uint8Array(64);
	let pendingLength = 0;
	let length = 0; // message bytes so far (a double: exact up to 2^53)
	let finished = false;

	function update(bytes: Uint8Array): void {
		if (finished) throw new Error('sha256: update after digest');
		length += bytes.length;
		let offset = 0;
		if (pendingLength > 0) {
			const take = Math.min(64 - pendingLength, bytes.length);
			pending.set(bytes.subarray(0, take), pendingLength);
			pendingLength += take;
			offset = take;
			if (pendingLength < 64) return;
			compress(state, w, pending, 0, 1);
			pendingLength = 0;
		}
		const blocks = (bytes.length - offset) >>> 6;
		if (blocks > 0) compress(state, w, bytes, offset, blocks);
		offset += blocks * 64;
		if (offset < bytes.length) {
			pending.set(bytes.subarray(offset), 0);
			pendingLength = bytes.length - offset;
		}
	}

	function digestHex(): string {
		if (finished) throw new Error('sha256: digest twice');
		// Padding: 0x80, zeros to 56 mod 64, then the bit length as 64-bit big-endian.
		const bits = length * 8;
		const tail = new Uint8Array(pendingLength < 56 ? 64 : 128);
		tail.set(pending.subarray(0, pendingLength));
		tail[pendingLength] = 0x80;
		const view = new DataView(tail.buffer);
		view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
		view.setUint32(tail.length - 4, bits >>> 0);
		compress(state, w, tail, 0, tail.length / 64);
		finished = true;
		let hex = '';
		for (const word of state) hex += (word >>> 0).toString(16).padStart(8, '0');
		return hex;
	}

	return { update, digestHex };
}
