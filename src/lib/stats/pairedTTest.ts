import { checkAlternative, type Alternative } from './alternative.ts';
import { StatsInputError } from './errors.ts';
import { mean, sampleVariance } from './moments.ts';
import { pairedDifferences } from './pairedDifferences.ts';
import { tCdf, tQuantile, tUpperTail } from './tDistribution.ts';

export interface PairedTTestOptions {
	/** R's `alternative`, default 'two.sided'. Tests the mean of x − y against `mu`. */
	alternative?: Alternative;
	/** R's `conf.level`, default 0.95. */
	confLevel?: number;
	/** R's `mu`, the hypothesised mean difference, default 0. */
	mu?: number;
}

export interface PairedTTestResult {
	/** t statistic */
	statistic: number;
	/** degrees of freedom, n − 1 */
	df: number;
	pValue: number;
	/** mean of the differences x − y */
	estimate: number;
	/** confidence interval for the mean difference; one-sided tests give an infinite end, as in R */
	confInt: [number, number];
	/** number of pairs */
	n: number;
}

/**
 * Paired t-test on the differences d = x − y.
 *
 * Throws {@link StatsInputError} for unequal lengths, fewer than 2 pairs,
 * non-finite values, a confLevel outside (0, 1), or constant differences
 * (R: "data are essentially constant").
 *
 * @example
 * // R's sleep data (?t.test): drug 1 vs drug 2 in the same 10 patients
 * pairedTTest([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0],
 *             [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4])
 * // { statistic: -4.0621, df: 9, pValue: 0.002833, estimate: -1.58,
 * //   confInt: [-2.4599, -0.7001], n: 10 }
 * R: t.test(x, y, paired = TRUE, alternative, mu, conf.level)
 */
export function pairedTTest(
	x: readonly number[],
	y: readonly number[],
	options: PairedTTestOptions = {}
): PairedTTestResult {
	const alternative = checkAlternative(options.alternative, 'pairedTTest');
	const confLevel = options.confLevel ?? 0.95;
	const mu = options.mu ?? 0;
	if (!(confLevel > 0 && confLevel < 1)) {
		throw new StatsInputError(`pairedTTest: confLevel must be between 0 and 1, got ${confLevel}`);
	}
	if (!Number.isFinite(mu)) throw new StatsInputError('pairedTTest: mu must be a finite number');
	const d = pairedDifferences(x, y, 'pairedTTest');
	const n = d.length;
	const mx = mean(d);
	const vx = sampleVariance(d);
	const df = n - 1;
	const stderr = Math.sqrt(vx / n);
	// Same guard as R: with (near-)constant differences t is 0/0 or astronomically large.
	if (stderr < 10 * Number.EPSILON * Math.abs(mx) || stderr === 0) {
		throw new StatsInputError('pairedTTest: the differences are (essentially) constant, so t is undefined');
	}
	const tstat = (mx - mu) / stderr;
	let pValue: number;
	let cint: [number, number];
	if (alternative === 'less') {
		pValue = tCdf(tstat, df);
		cint = [-Infinity, tstat + tQuantile(confLevel, df)];
	} else if (alternative === 'greater') {
		pValue = tUpperTail(tstat, df);
		cint = [tstat - tQuantile(confLevel, df), Infinity];
	} else {
		// Why 2·P(T < −|t|) rather than 2·(1 − P(T < |t|)): keeps tiny p-values.
		pValue = 2 * tCdf(-Math.abs(tstat), df);
		const alpha = 1 - confLevel;
		const q = tQuantile(1 - alpha / 2, df);
		cint = [tstat - q, tstat + q];
	}
	const confInt: [number, number] = [mu + cint[0] * stderr, mu + cint[1] * stderr];
	return { statistic: tstat, df, pValue, estimate: mx, confInt, n };
}
