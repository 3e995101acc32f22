/**
 * A set of people as bits (one per participant of a cohort), so the release
 * rules can intersect selections with table rows and test "is A inside B"
 * for thousands of cells in milliseconds.
 *
 * @example
 * const a = Bitset.of(8, [1, 3]); const b = Bitset.of(8, [1, 2, 3]);
 * a.subsetOf(b)        // true
 * b.andNot(a).count()  // 1: the person B has and A has not
 */
export class Bitset {
	readonly words: Uint32Array;
	private cached = -1;

	constructor(readonly size: number, words?: Uint32Array) {
		this.words = words ?? new Uint32Array((size + 31) >>> 5);
	}

	static of(size: number, members: Iterable<number>): Bitset {
		const b = new Bitset(size);
		for (const i of members) b.add(i);
		return b;
	}

	static full(size: number): Bitset {
		const b = new Bitset(size);
		b.words.fill(0xffffffff);
		const tail = size & 31;
		if (tail && b.words.length) b.words[b.words.length - 1] = (1 << tail) - 1;
		return b;
	}

	add(i: number): void {
		if (i < 0 || i >= this.size) throw new RangeError(`Bitset: ${i} outside 0..${this.size - 1}`);
		this.words[i >>> 5] |= 1 << (i & 31);
		this.cached = -1;
	}

	has(i: number): boolean {
		return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
	}

	/** Number of members (cached: sets are not changed once built). */
	count(): number {
		if (this.cached >= 0) return this.cached;
		let n = 0;
		for (let k = 0; k < this.words.length; k++) n += popcount(this.words[k]);
		return (this.cached = n);
	}

	and(other: Bitset): Bitset {
		const w = new Uint32Array(this.words.length);
		for (let k = 0; k < w.length; k++) w[k] = this.words[k] & other.words[k];
		return new Bitset(this.size, w);
	}

	or(other: Bitset): Bitset {
		const w = new Uint32Array(this.words.length);
		for (let k = 0; k < w.length; k++) w[k] = this.words[k] | other.words[k];
		return new Bitset(this.size, w);
	}

	andNot(other: Bitset): Bitset {
		const w = new Uint32Array(this.words.length);
		for (let k = 0; k < w.length; k++) w[k] = this.words[k] & ~other.words[k];
		return new Bitset(this.size, w);
	}

	subsetOf(other: Bitset): boolean {
		for (let k = 0; k < this.words.length; k++) if ((this.words[k] & ~other.words[k]) !== 0) return false;
		return true;
	}

	/** Members in ascending order. */
	*members(): IterableIterator<number> {
		for (let k = 0; k < this.words.length; k++) {
			let w = this.words[k];
			while (w) {
				const low = w & -w;
				yield (k << 5) + 31 - Math.clz32(low);
				w ^= low;
			}
		}
	}
}

function popcount(x: number): number {
	x = x - ((x >>> 1) & 0x55555555);
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
