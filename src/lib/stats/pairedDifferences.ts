import { StatsInputError } from './errors.ts';

/**
 * Validate two paired samples and return the differences `x[i] − y[i]`.
 *
 * Throws {@link StatsInputError} when the lengths differ, when there are fewer
 * than `minPairs` pairs, or when any value is not a finite number.
 *
 * Why no silent NA dropping (R's `complete.cases`): in the dashboard a missing
 * value means a data problem upstream (the query should have filtered the
 * pair out), and a test run on silently fewer pairs would report the wrong n.
 *
 * @example pairedDifferences([3, 5], [1, 4], 'f') // [2, 1]
 * R: x - y  (after stopifnot(length(x) == length(y)))
 */
export function pairedDifferences(
	x: readonly number[],
	y: readonly number[],
	fn: string,
	minPairs = 2
): number[] {
	if (!Array.isArray(x) || !Array.isArray(y)) {
		throw new StatsInputError(`${fn}: x and y must be arrays of numbers`);
	}
	if (x.length !== y.length) {
		throw new StatsInputError(`${fn}: x and y must have the same length (got ${x.length} and ${y.length})`);
	}
	if (x.length < minPairs) {
		throw new StatsInputError(`${fn}: need at least ${minPairs} pairs, got ${x.length}`);
	}
	const d = new Array<number>(x.length);
	for (let i = 0; i < x.length; i++) {
		const a = x[i];
		const b = y[i];
		if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) {
			throw new StatsInputError(`${fn}: pair ${i} is not two finite numbers (${String(a)}, ${String(b)})`);
		}
		d[i] = a - b;
	}
	return d;
}
