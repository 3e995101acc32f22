import erfc from '@stdlib/math-base-special-erfc';
import { StatsInputError } from './errors';

/** log Γ(j + 1) for integers by summation: exact enough (≲1e-14 relative) for the df we allow. */
function logFactorial(j: number): number {
	let s = 0;
	for (let i = 2; i <= j; i++) s += Math.log(i);
	return s;
}

/**
 * Chi-square upper tail P(X > q) for a positive integer number of degrees of
 * freedom (up to 1000).
 *
 * Closed forms, each summing only positive terms so tiny p-values keep their
 * digits (never `1 − cdf`):
 * - odd df: erfc(√(q/2)) + Σ_{j=1}^{(df−1)/2} e^{−q/2} (q/2)^{j−½} / Γ(j + ½)
 * - even df: Σ_{j=0}^{df/2−1} e^{−q/2} (q/2)^j / j!   (a Poisson tail)
 * Terms are computed on the log scale so large q and df do not overflow.
 *
 * Why not @stdlib's incomplete gamma: the dashboard only needs df = 1
 * (McNemar); this is a few lines instead of ~25 kB (gzipped) of browser code.
 * NaN for NaN q (as R for McNemar's 0/0 statistic). Throws
 * {@link StatsInputError} for a df that is not an integer in 1..1000.
 *
 * @example chiSquareUpperTail(3.841459, 1) // 0.05
 * @example chiSquareUpperTail(7.3, 3)      // 0.06293
 * R: pchisq(q, df, lower.tail = FALSE)
 */
export function chiSquareUpperTail(q: number, df: number): number {
	if (!Number.isInteger(df) || df < 1 || df > 1000) {
		throw new StatsInputError(`chiSquareUpperTail: df must be an integer from 1 to 1000, got ${df}`);
	}
	if (Number.isNaN(q)) return NaN;
	if (q <= 0) return 1;
	if (q === Infinity) return 0;
	const h = q / 2;
	const logh = Math.log(h);
	let sum = 0;
	if (df % 2 === 1) {
		sum = erfc(Math.sqrt(h));
		// log Γ(j + ½) = log Γ(½) + Σ_{i<j} log(i + ½)
		let logGamma = 0.5 * Math.log(Math.PI);
		for (let j = 1; j <= (df - 1) / 2; j++) {
			logGamma += Math.log(j - 0.5);
			sum += Math.exp(-h + (j - 0.5) * logh - logGamma);
		}
	} else {
		for (let j = 0; j < df / 2; j++) sum += Math.exp(-h + j * logh - logFactorial(j));
	}
	return Math.min(1, sum);
}
