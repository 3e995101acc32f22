/**
 * Exact null distribution of the Wilcoxon signed-rank statistic V for n
 * untied, non-zero differences.
 *
 * Why our own code (30 lines) rather than a package: it is R's algorithm
 * (counts of subsets of {1..n} with each sum, built up one rank at a time, and
 * summed in the same order), so p-values agree with R's `psignrank` to the last
 * bits, and it needs no dependency. Counts are held in doubles as in R.
 */

const cache = new Map<number, Float64Array>();

/** Counts of subsets of {1..n} by sum, for sums 0..floor(n(n+1)/4) (the rest by symmetry). */
function counts(n: number): Float64Array {
	let w = cache.get(n);
	if (w) return w;
	const u = (n * (n + 1)) / 2;
	const c = Math.floor(u / 2);
	w = new Float64Array(c + 1);
	w[0] = 1;
	if (c >= 1) w[1] = 1;
	for (let j = 2; j <= n; j++) {
		const end = Math.min((j * (j + 1)) / 2, c);
		for (let i = end; i >= j; i--) w[i] += w[i - j];
	}
	if (cache.size > 64) cache.clear(); // bounded memory in a long-lived page
	cache.set(n, w);
	return w;
}

/**
 * Number of subsets of {1..n} whose sum is k.
 *
 * @example signedRankCount(3, 3) // 2   ({3} and {1, 2})
 * R: dsignrank(k, n) * 2^n
 */
export function signedRankCount(k: number, n: number): number {
	const u = (n * (n + 1)) / 2;
	const c = Math.floor(u / 2);
	if (k < 0 || k > u) return 0;
	if (k > c) k = u - k;
	if (n === 1) return 1;
	return counts(n)[k];
}

/**
 * Cumulative distribution of V: P(V ≤ q), or P(V > q) with `lowerTail = false`.
 * Works for any n (R's rule of n < 50 is applied by the caller).
 *
 * @example signedRankCdf(3, 5) // 0.15625  (5 of the 32 sign patterns)
 * @example signedRankCdf(10, 9, false) // 0.9180 (P(V > 10))
 * R: psignrank(q, n, lower.tail = lowerTail)
 */
export function signedRankCdf(q: number, n: number, lowerTail = true): number {
	// R rounds q + 1e-7 to the nearest integer before summing.
	let x = Math.round(q + 1e-7);
	const u = (n * (n + 1)) / 2;
	if (x < 0) return lowerTail ? 0 : 1;
	if (x >= u) return lowerTail ? 1 : 0;
	const f = Math.exp(-n * Math.LN2);
	let p = 0;
	let lower = lowerTail;
	// Why sum the shorter tail and complement: same as R, and it keeps the
	// tail that is usually reported (the small one) accurate.
	if (x <= u / 2) {
		for (let i = 0; i <= x; i++) p += signedRankCount(i, n) * f;
	} else {
		x = u - x;
		for (let i = 0; i < x; i++) p += signedRankCount(i, n) * f;
		lower = !lower;
	}
	return lower ? p : 0.5 - p + 0.5;
}
