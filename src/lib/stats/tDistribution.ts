import stdlibTCdf from '@stdlib/stats-base-dists-t-cdf';
import stdlibTQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * Student t cumulative distribution function P(T ≤ t) with `df` degrees of
 * freedom.
 *
 * Why @stdlib: it evaluates the incomplete beta function directly for each tail,
 * and matches R's `pt` to about 1e-15 (checked in the fixtures), so small
 * p-values keep their precision when called as `tCdf(-|t|, df)`.
 *
 * @example tCdf(-4.0621, 9) // 0.001416... (the sleep paired t-test, one tail)
 * R: pt(q, df)
 */
export function tCdf(t: number, df: number): number {
	return stdlibTCdf(t, df);
}

/**
 * Upper tail P(T > t): computed as the lower tail at −t (the t distribution is
 * symmetric), never as 1 − cdf, so tiny p-values are not lost to rounding.
 *
 * @example tUpperTail(4.0621, 9) // 0.001416...
 * R: pt(q, df, lower.tail = FALSE)
 */
export function tUpperTail(t: number, df: number): number {
	return stdlibTCdf(-t, df);
}

/**
 * Student t quantile function.
 *
 * @example tQuantile(0.975, 9) // 2.262157...
 * R: qt(p, df)
 */
export function tQuantile(p: number, df: number): number {
	return stdlibTQuantile(p, df);
}
