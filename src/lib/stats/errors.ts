/**
 * Error thrown by every function in `#lib/stats` when its input cannot give a
 * meaningful answer (unequal lengths, too few pairs, NaN, all differences zero,
 * out-of-range parameters).
 *
 * Why a class of its own: callers (the dashboard) can tell "the data cannot be
 * tested" (show a message) from a programming error (let it crash), with
 * `err instanceof StatsInputError`.
 *
 * @example
 * try { pairedTTest([1], [2]); }
 * catch (e) { if (e instanceof StatsInputError) console.log(e.message); }
 * // "pairedTTest: need at least 2 pairs, got 1"
 */
export class StatsInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StatsInputError';
	}
}
