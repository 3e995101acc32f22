import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Chi-square upper tail P(X > q) with `df` degrees of freedom.
 *
 * Why the regularized upper incomplete gamma directly (not `1 − cdf`): the
 * McNemar p-value for a large table is ~1e-8 or smaller, and 1 − cdf loses
 * those digits. Returns NaN for NaN input (as R does for a 0/0 statistic).
 *
 * @example chiSquareUpperTail(3.841459, 1) // 0.05
 * R: pchisq(q, df, lower.tail = FALSE)
 */
export function chiSquareUpperTail(q: number, df: number): number {
	if (Number.isNaN(q) || Number.isNaN(df)) return NaN;
	if (q <= 0) return 1;
	return gammainc(q / 2, df / 2, true, true);
}
