import { binomialTest } from './binomialTest';
import { chiSquareUpperTail } from './chiSquareUpperTail';
import { StatsInputError } from './errors';

export interface McNemarOptions {
	/** continuity correction (R's `correct`), default true; ignored when exact */
	correct?: boolean;
	/** exact binomial test on the discordant pairs instead of χ², default false */
	exact?: boolean;
}

export interface McNemarResult {
	/** χ² statistic; with `exact`, the count b (binom.test's "number of successes") */
	statistic: number;
	/** 1 for the χ² test; NaN with `exact` (no degrees of freedom) */
	df: number;
	pValue: number;
	/** discordant pairs false → true (before false, after true): R's table cell [1, 2] */
	b: number;
	/** discordant pairs true → false (before true, after false): R's table cell [2, 1] */
	c: number;
}

/**
 * McNemar's test from the two discordant counts b and c of a paired 2×2 table.
 * See {@link mcnemarTest}. With b + c = 0 the statistic and p-value are NaN (R
 * gives NaN for the χ² test; its binom.test would stop with an error).
 *
 * @example mcnemarFromCounts(150, 86) // { statistic: 16.818, df: 1, pValue: 4.115e-5, b: 150, c: 86 }
 * R: mcnemar.test(matrix(c(a, c, b, d), 2))
 */
export function mcnemarFromCounts(b: number, c: number, options: McNemarOptions = {}): McNemarResult {
	const correct = options.correct ?? true;
	if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
		throw new StatsInputError(`mcnemarTest: b and c must be non-negative integers, got ${b} and ${c}`);
	}
	if (options.exact) {
		if (b + c === 0) return { statistic: NaN, df: NaN, pValue: NaN, b, c };
		return { statistic: b, df: NaN, pValue: binomialTest(b, b + c).pValue, b, c };
	}
	// Why no correction when b = c: R only corrects when the table is asymmetric;
	// (|0| − 1)² would otherwise turn a perfect balance into a positive statistic.
	const diff = correct && b !== c ? Math.abs(b - c) - 1 : b - c;
	const statistic = (diff * diff) / (b + c); // 0/0 = NaN when there are no discordant pairs, as in R
	return { statistic, df: 1, pValue: chiSquareUpperTail(statistic, 1), b, c };
}

/**
 * McNemar's test for paired binary outcomes (e.g. "employed" at baseline and at
 * follow-up in the same people): did the proportion change?
 *
 * Only the discordant pairs matter: b = false→true, c = true→false.
 * χ² = (|b − c| − 1)² / (b + c) with continuity correction (none when b = c,
 * as in R), df = 1. With `exact: true`, the two-sided binomial test of b out of
 * b + c at p = ½ (R: `binom.test(b, b + c)`), the better choice when b + c is small
 * (say < 25).
 *
 * Unlike R, a variable that never changes level (all true, say) is not an
 * error: it is a 2×2 table with empty cells. Throws {@link StatsInputError}
 * for unequal lengths, fewer than 2 pairs or non-boolean values.
 *
 * @example
 * // ?mcnemar.test: presidential approval, 1600 people surveyed twice
 * // 794 stayed approving, 150 approve→disapprove, 86 disapprove→approve, 570 stayed
 * mcnemarTest(before, after) // { statistic: 16.82, df: 1, pValue: 4.115e-5, ... }
 * R: mcnemar.test(table(before, after))
 */
export function mcnemarTest(
	before: readonly boolean[],
	after: readonly boolean[],
	options: McNemarOptions = {}
): McNemarResult {
	if (!Array.isArray(before) || !Array.isArray(after)) {
		throw new StatsInputError('mcnemarTest: before and after must be arrays of booleans');
	}
	if (before.length !== after.length) {
		throw new StatsInputError(
			`mcnemarTest: before and after must have the same length (got ${before.length} and ${after.length})`
		);
	}
	if (before.length < 2) throw new StatsInputError(`mcnemarTest: need at least 2 pairs, got ${before.length}`);
	let b = 0;
	let c = 0;
	for (let i = 0; i < before.length; i++) {
		const u = before[i];
		const v = after[i];
		if (typeof u !== 'boolean' || typeof v !== 'boolean') {
			throw new StatsInputError(`mcnemarTest: pair ${i} is not two booleans (${String(u)}, ${String(v)})`);
		}
		if (!u && v) b++;
		else if (u && !v) c++;
	}
	return mcnemarFromCounts(b, c, options);
}
