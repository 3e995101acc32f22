import { mean, sampleVariance } from './moments';
import { pairedDifferences } from './pairedDifferences';

/**
 * Cohen's d_z for paired samples: mean(x − y) / sd(x − y).
 *
 * Why d_z and not d_av: it is the effect size that goes with the paired t-test
 * (t = d_z·√n), and it needs nothing but the differences.
 *
 * With constant differences the SD is 0 and the result is ±Infinity (or NaN
 * when the mean is 0 too), as in R. Throws {@link StatsInputError} for unequal
 * lengths, fewer than 2 pairs or non-finite values.
 *
 * @example cohensDz([3, 5, 4], [1, 4, 1]) // mean 2 / sd 1 = 2
 * R: mean(x - y) / sd(x - y)
 */
export function cohensDz(x: readonly number[], y: readonly number[]): number {
	const d = pairedDifferences(x, y, 'cohensDz');
	return mean(d) / Math.sqrt(sampleVariance(d));
}
