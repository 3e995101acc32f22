/**
 * Arithmetic mean with R's refinement pass: sum/n, then add the mean of the
 * residuals.
 *
 * Why not just simple-statistics' `mean`: the paired t statistic divides the
 * mean by its standard error, and the extra pass makes our mean agree with
 * R's (which sums in long double) to the last bit or two in the cases we test.
 *
 * @example mean([1, 2, 3, 4]) // 2.5
 * R: mean(x)
 */
export function mean(x: readonly number[]): number {
	const n = x.length;
	let s = 0;
	for (const v of x) s += v;
	s /= n;
	if (!Number.isFinite(s)) return s;
	let t = 0;
	for (const v of x) t += v - s;
	return s + t / n;
}

/**
 * Sample variance (denominator n − 1), two-pass about the refined mean.
 *
 * Why: simple-statistics `tTest` uses the population SD, which gives the wrong
 * paired t (sleep data: −4.2819 instead of R's −4.0621); this is R's `var`.
 *
 * @example sampleVariance([1, 2, 3, 4]) // 1.6666…
 * R: var(x)
 */
export function sampleVariance(x: readonly number[]): number {
	const n = x.length;
	if (n < 2) return NaN;
	const m = mean(x);
	let ss = 0;
	for (const v of x) ss += (v - m) * (v - m);
	return ss / (n - 1);
}
