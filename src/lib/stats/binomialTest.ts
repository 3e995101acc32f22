import { checkAlternative, type Alternative } from './alternative';
import { binomialCdf, binomialPmf } from './binomialDistribution';
import { StatsInputError } from './errors';

export interface BinomialTestOptions {
	/** hypothesised probability of success, default 0.5 */
	p?: number;
	alternative?: Alternative;
}

export interface BinomialTestResult {
	/** number of successes k */
	statistic: number;
	/** number of trials */
	n: number;
	pValue: number;
	/** k / n */
	estimate: number;
}

/**
 * Exact binomial test of k successes in n trials against probability p.
 *
 * Two-sided p-value by R's rule: the sum of the probabilities of all outcomes
 * no more likely than the observed one, where "no more likely" allows a
 * relative error of 1e-7 (relErr = 1 + 1e-7) so that outcomes that are equally
 * likely in exact arithmetic are not split by rounding.
 *
 * Throws {@link StatsInputError} unless n is a positive integer, k an integer
 * in 0..n and p in [0, 1].
 *
 * @example binomialTest(682, 925, { p: 0.75 }) // pValue 0.3825 (?binom.test)
 * @example binomialTest(7, 20, { p: 0.3 })     // pValue 0.6295
 * R: binom.test(k, n, p, alternative)$p.value
 */
export function binomialTest(k: number, n: number, options: BinomialTestOptions = {}): BinomialTestResult {
	const alternative = checkAlternative(options.alternative, 'binomialTest');
	const p = options.p ?? 0.5;
	if (!Number.isInteger(n) || n < 1) throw new StatsInputError(`binomialTest: n must be a positive integer, got ${n}`);
	if (!Number.isInteger(k) || k < 0 || k > n) {
		throw new StatsInputError(`binomialTest: k must be an integer between 0 and n = ${n}, got ${k}`);
	}
	if (!(p >= 0 && p <= 1)) throw new StatsInputError(`binomialTest: p must be in [0, 1], got ${p}`);

	let pValue: number;
	if (alternative === 'less') {
		pValue = binomialCdf(k, n, p);
	} else if (alternative === 'greater') {
		pValue = binomialCdf(k - 1, n, p, false);
	} else if (p === 0) {
		pValue = k === 0 ? 1 : 0;
	} else if (p === 1) {
		pValue = k === n ? 1 : 0;
	} else {
		const relErr = 1 + 1e-7;
		const d = binomialPmf(k, n, p);
		const m = n * p;
		if (k === m) {
			pValue = 1;
		} else if (k < m) {
			let y = 0;
			for (let i = Math.ceil(m); i <= n; i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
			pValue = binomialCdf(k, n, p) + binomialCdf(n - y, n, p, false);
		} else {
			let y = 0;
			for (let i = 0; i <= Math.floor(m); i++) if (binomialPmf(i, n, p) <= d * relErr) y++;
			pValue = binomialCdf(y - 1, n, p) + binomialCdf(k - 1, n, p, false);
		}
		// Mathematically ≤ 1; the two tails can overshoot by an ulp.
		pValue = Math.min(1, pValue);
	}
	return { statistic: k, n, pValue, estimate: k / n };
}
