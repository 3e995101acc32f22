import { StatsInputError } from './errors.ts';

/**
 * The alternative hypothesis, spelled as in R (`alternative = "two.sided"`).
 * For paired tests the tested difference is `x − y`, so `'greater'` means
 * "x tends to be larger than y" (e.g. follow-up above baseline when x is the
 * follow-up).
 */
export type Alternative = 'two.sided' | 'less' | 'greater';

/**
 * Check an `alternative` option and apply R's default.
 *
 * @example checkAlternative(undefined, 'f') // 'two.sided'
 * R: match.arg(alternative)
 */
export function checkAlternative(alternative: Alternative | undefined, fn: string): Alternative {
	const a = alternative ?? 'two.sided';
	// Why: a typo such as 'two-sided' must not silently run a different test.
	if (a !== 'two.sided' && a !== 'less' && a !== 'greater') {
		throw new StatsInputError(`${fn}: alternative must be 'two.sided', 'less' or 'greater', got '${String(a)}'`);
	}
	return a;
}
