/**
 * Small deterministic PRNG (sfc32 seeded through splitmix32) and helpers.
 * No Math.random anywhere in the generator: the same seed gives the same bytes.
 */

function splitmix32(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
}

export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max] inclusive. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** Index drawn with probability proportional to weights. */
	weighted(weights: readonly number[]): number;
	shuffle<T>(items: T[]): T[];
	/** Standard normal (Box–Muller). */
	normal(mean?: number, sd?: number): number;
	chance(p: number): boolean;
	/** A new independent stream derived from this one and a label. */
	fork(label: string): Rng;
}

function hashLabel(label: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

export function createRng(seed: number): Rng {
	const sm = splitmix32(seed);
	let a = sm();
	let b = sm();
	let c = sm();
	let d = sm();
	const raw = (): number => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	for (let i = 0; i < 16; i++) raw();
	const rng: Rng = {
		next: raw,
		int(min, max) {
			return min + Math.floor(raw() * (max - min + 1));
		},
		pick(items) {
			return items[Math.floor(raw() * items.length)];
		},
		weighted(weights) {
			const total = weights.reduce((s, w) => s + w, 0);
			let r = raw() * total;
			for (let i = 0; i < weights.length; i++) {
				r -= weights[i];
				if (r < 0) return i;
			}
			return weights.length - 1;
		},
		shuffle(items) {
			for (let i = items.length - 1; i > 0; i--) {
				const j = Math.floor(raw() * (i + 1));
				[items[i], items[j]] = [items[j], items[i]];
			}
			return items;
		},
		normal(mean = 0, sd = 1) {
			let u = raw();
			while (u <= 1e-12) u = raw();
			const v = raw();
			return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
		},
		chance(p) {
			return raw() < p;
		},
		fork(label) {
			return createRng((Math.floor(raw() * 4294967296) ^ hashLabel(label)) >>> 0);
		}
	};
	return rng;
}

/**
 * Split an integer total into integer parts proportional to weights
 * (largest-remainder method), each part at least `min`.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
	const n = weights.length;
	if (n === 0) {
		if (total !== 0) throw new Error('apportion: nothing to apportion to');
		return [];
	}
	const free = total - min * n;
	if (free < 0) throw new Error(`apportion: total ${total} < ${n} x min ${min}`);
	const sw = weights.reduce((s, w) => s + w, 0);
	const exact = weights.map((w) => (sw > 0 ? (free * w) / sw : free / n));
	const parts = exact.map((x) => Math.floor(x));
	let rest = free - parts.reduce((s, x) => s + x, 0);
	const order = exact
		.map((x, i) => ({ i, r: x - Math.floor(x) }))
		.sort((p, q) => q.r - p.r || p.i - q.i);
	for (let k = 0; rest > 0; k = (k + 1) % n, rest--) parts[order[k].i]++;
	return parts.map((x) => x + min);
}

/** Round to cents, avoiding binary artefacts (x.xx5 rounds half up). */
export function cents(x: number): number {
	return Math.round(Math.round(x * 1000) / 10) / 100;
}
