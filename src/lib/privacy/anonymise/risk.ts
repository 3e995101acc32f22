/**
 * Re-identification risk of a record under the prosecutor model (as ARX
 * computes it): the attacker knows the target is in the file and knows their
 * quasi-identifiers, so they pick at random among the records of the target's
 * equivalence class; the chance of the right one is 1 / the class size.
 * A cap of 0.2 means no released record sits in a class of fewer than 5.
 */

export interface RiskSummary {
	/** Records the summary is over. */
	records: number;
	/** Highest risk of a record (0 when there are none). */
	max: number;
	/** Mean risk over the records (= classes / records: each class contributes 1 in total). */
	mean: number;
	/** Records whose risk is above the cap. */
	aboveCap: number;
	cap: number;
}

/** Prosecutor risk of a record in a class of `size`. @example prosecutorRisk(4) // → 0.25 */
export function prosecutorRisk(size: number): number {
	return size > 0 ? 1 / size : 0;
}

/** True when a class of `size` is too risky to release under `cap`. @example aboveCap(4, 0.2) // → true */
export function aboveCap(size: number, cap: number): boolean {
	return prosecutorRisk(size) > cap + 1e-12;
}

/**
 * Risk over the records of the given classes (sizes).
 * @example riskSummary([2, 5, 5], 0.2)
 * // → { records: 12, max: 0.5, mean: 3 / 12 = 0.25, aboveCap: 2, cap: 0.2 }
 */
export function riskSummary(classSizes: readonly number[], cap: number): RiskSummary {
	let records = 0;
	let max = 0;
	let aboveCount = 0;
	for (const size of classSizes) {
		if (size <= 0) continue;
		records += size;
		max = Math.max(max, prosecutorRisk(size));
		if (aboveCap(size, cap)) aboveCount += size;
	}
	const classes = classSizes.filter((s) => s > 0).length;
	return { records, max, mean: records ? classes / records : 0, aboveCap: aboveCount, cap };
}
