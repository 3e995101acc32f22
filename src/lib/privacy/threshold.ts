/**
 * Disclosure control threshold: counts of people below it, and statistics on
 * fewer people, are not shown. About 10 people per pilot municipality, so 5
 * (NHS Digital's rule) is the default; NDIS uses 11.
 */
export const DEFAULT_MIN_CELL = 5;

/** True when a group of `n` people is too small to report. */
export function tooFew(n: number, minCell = DEFAULT_MIN_CELL): boolean {
	return n < minCell;
}
