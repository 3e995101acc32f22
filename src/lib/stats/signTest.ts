import type { Alternative } from './alternative';
import { binomialTest } from './binomialTest';
import { StatsInputError } from './errors';
import { pairedDifferences } from './pairedDifferences';

export interface SignTestResult {
	/** number of positive differences x − y */
	statistic: number;
	/** number of non-zero differences (ties between x and y are dropped) */
	n: number;
	pValue: number;
}

/**
 * Sign test on paired samples: are positive differences x − y as likely as
 * negative ones? An exact binomial test of #positive out of #non-zero, p = ½.
 *
 * Why offer it next to Wilcoxon: it needs only the direction of change, so it
 * is valid for ordinal scales where "how much" is not meaningful.
 *
 * Throws {@link StatsInputError} for unequal lengths, fewer than 2 pairs,
 * non-finite values, or all differences zero.
 *
 * @example signTest([3, 4, 5, 2, 6], [1, 1, 1, 3, 6]) // { statistic: 3, n: 4, pValue: 0.625 }
 * R: binom.test(sum(x > y), sum(x != y))
 */
export function signTest(
	x: readonly number[],
	y: readonly number[],
	options: { alternative?: Alternative } = {}
): SignTestResult {
	const d = pairedDifferences(x, y, 'signTest');
	let k = 0;
	let n = 0;
	for (const v of d) {
		if (v > 0) k++;
		if (v !== 0) n++;
	}
	if (n === 0) throw new StatsInputError('signTest: all differences are zero; the test is undefined');
	const r = binomialTest(k, n, { p: 0.5, alternative: options.alternative });
	return { statistic: k, n, pValue: r.pValue };
}
