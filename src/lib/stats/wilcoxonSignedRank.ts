import { checkAlternative, type Alternative } from './alternative';
import { StatsInputError } from './errors';
import { normalUpperTail } from './normalUpperTail';
import { pairedDifferences } from './pairedDifferences';
import { rootPseudoMedian, walshMedian } from './pseudoMedian';
import { rank, tieCorrection } from './rank';
import { signedRankCdf } from './signedRankDistribution';

export interface WilcoxonOptions {
	/** R's `alternative`, default 'two.sided' (about the location of x − y). */
	alternative?: Alternative;
	/** R's `exact`: null/undefined = exact when n < 50 (after dropping zeros). */
	exact?: boolean | null;
	/** R's `correct`: continuity correction in the normal approximation, default true. */
	correct?: boolean;
}

export interface WilcoxonResult {
	/** V: the sum of the ranks of the positive differences */
	statistic: number;
	pValue: number;
	/** whether the exact signed-rank distribution was used */
	exact: boolean;
	/** number of non-zero differences (zeros are dropped, as in R) */
	n: number;
	/** pseudo-median of x − y, as R's `estimate` with conf.int = TRUE */
	estimate: number;
	/** matched-pairs rank-biserial correlation (V⁺ − V⁻) / (V⁺ + V⁻), in [−1, 1] */
	rankBiserial: number;
	/** R's method string, e.g. "Wilcoxon signed rank exact test" */
	method: string;
	/** R's warnings about the p-value, e.g. "cannot compute exact p-value with ties" */
	warnings: string[];
}

/**
 * Wilcoxon signed-rank test on paired samples (differences x − y), as R 4.2.2.
 *
 * Rules, all R's: zero differences are dropped; the exact null distribution is
 * used when n < 50 (or `exact: true`) and there are no ties and no zeros;
 * otherwise the normal approximation with tie-corrected variance and (if
 * `correct`) continuity correction. Asking for `exact: true` with ties or zeros
 * falls back to the normal approximation and reports it in `warnings` (R warns).
 * Note R ≥ 4.6 computes exact p-values with ties; we follow 4.2.2.
 *
 * Estimate: median of Walsh averages in the exact case; R's uniroot root of the
 * asymptotic statistic in the normal case (see {@link rootPseudoMedian}).
 *
 * Throws {@link StatsInputError} for unequal lengths, fewer than 2 pairs,
 * non-finite values, or when every difference is zero (R would return NaN).
 *
 * @example
 * // ?wilcox.test: Hamilton depression scale before (x) and after (y)
 * wilcoxonSignedRank([1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30],
 *                    [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29],
 *                    { alternative: 'greater' })
 * // { statistic: 40, pValue: 0.01953, exact: true, n: 9, estimate: 0.46, rankBiserial: 0.7778 }
 * R: wilcox.test(x, y, paired = TRUE, alternative = "greater", conf.int = TRUE)
 */
export function wilcoxonSignedRank(
	x: readonly number[],
	y: readonly number[],
	options: WilcoxonOptions = {}
): WilcoxonResult {
	const alternative = checkAlternative(options.alternative, 'wilcoxonSignedRank');
	const correct = options.correct ?? true;
	const d = pairedDifferences(x, y, 'wilcoxonSignedRank');
	const nz = d.filter((v) => v !== 0);
	const zeroes = nz.length < d.length;
	const n = nz.length;
	if (n === 0) {
		throw new StatsInputError('wilcoxonSignedRank: all differences are zero; the test is undefined');
	}
	const exactRequested = options.exact ?? n < 50;
	const r = rank(nz.map(Math.abs));
	let V = 0;
	for (let i = 0; i < n; i++) if (nz[i] > 0) V += r[i];
	const ties = new Set(r).size !== r.length;
	const total = (n * (n + 1)) / 2;
	// Why V⁺ − V⁻ over the total rank sum: Kerby's (2014) simple difference formula.
	const rankBiserial = (V - (total - V)) / total;

	if (exactRequested && !ties && !zeroes) {
		let pValue: number;
		if (alternative === 'two.sided') {
			const p = V > (n * (n + 1)) / 4 ? signedRankCdf(V - 1, n, false) : signedRankCdf(V, n);
			pValue = Math.min(2 * p, 1);
		} else if (alternative === 'greater') {
			pValue = signedRankCdf(V - 1, n, false);
		} else {
			pValue = signedRankCdf(V, n);
		}
		return {
			statistic: V,
			pValue,
			exact: true,
			n,
			estimate: walshMedian(nz),
			rankBiserial,
			method: 'Wilcoxon signed rank exact test',
			warnings: []
		};
	}

	let z = V - (n * (n + 1)) / 4;
	const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieCorrection(r) / 48);
	let correction = 0;
	if (correct) {
		correction = alternative === 'two.sided' ? Math.sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
	}
	z = (z - correction) / sigma;
	const lowerTail = normalUpperTail(-z);
	const upperTail = normalUpperTail(z);
	const pValue =
		alternative === 'less' ? lowerTail : alternative === 'greater' ? upperTail : 2 * Math.min(lowerTail, upperTail);
	const warnings: string[] = [];
	if (exactRequested && ties) warnings.push('cannot compute exact p-value with ties');
	if (exactRequested && zeroes) warnings.push('cannot compute exact p-value with zeroes');
	return {
		statistic: V,
		pValue,
		exact: false,
		n,
		estimate: rootPseudoMedian(nz),
		rankBiserial,
		method: correct ? 'Wilcoxon signed rank test with continuity correction' : 'Wilcoxon signed rank test',
		warnings
	};
}
