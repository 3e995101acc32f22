import betainc from '@stdlib/math-base-special-betainc';
import stdlibBinomialPmf from '@stdlib/stats-base-dists-binomial-pmf';

/**
 * Binomial probability mass P(X = k) for X ~ Binomial(n, p).
 *
 * @example binomialPmf(3, 10, 0.5) // 0.1171875
 * R: dbinom(k, n, p)
 */
export function binomialPmf(k: number, n: number, p: number): number {
	return stdlibBinomialPmf(k, n, p);
}

/**
 * Binomial cumulative probability, lower tail P(X ≤ k) or, with
 * `lowerTail = false`, upper tail P(X > k).
 *
 * Why through the incomplete beta function (as R's `pbinom` does): each tail
 * is computed directly, so the tiny upper tail of an extreme count keeps its
 * digits (no `1 − cdf`).
 *
 * @example binomialCdf(2, 10, 0.5) // 0.0546875
 * @example binomialCdf(7, 10, 0.5, false) // 0.0546875
 * R: pbinom(k, n, p, lower.tail = lowerTail)
 */
export function binomialCdf(k: number, n: number, p: number, lowerTail = true): number {
	// Same integer rounding as R (floor(k + 1e-7)): protects against 2.9999999.
	const x = Math.floor(k + 1e-7);
	if (x < 0) return lowerTail ? 0 : 1;
	if (x >= n) return lowerTail ? 1 : 0;
	// P(X ≤ x) = I_{1−p}(n − x, x + 1) = 1 − I_p(x + 1, n − x)
	return betainc(p, x + 1, n - x, true, lowerTail);
}
