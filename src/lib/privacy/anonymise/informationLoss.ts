/**
 * How much information anonymisation cost: records suppressed, how far each
 * quasi-identifier was generalised (height = level / top level, 0 = as
 * recorded, 1 = "*"), and two standard class-size measures.
 */

export interface InformationLossInput {
	/** Records before anonymisation. */
	records: number;
	suppressed: number;
	levels: readonly number[];
	maxLevels: readonly number[];
	/** Sizes of the equivalence classes of the kept records. */
	classSizes: readonly number[];
	k: number;
}

export interface InformationLoss {
	suppressedRecords: number;
	/** suppressed / records (0..1). */
	suppressedShare: number;
	/** Per QI: level / maxLevel (0..1). */
	heights: number[];
	/** Mean of the heights (0..1); Sweeney's precision is 1 − this. */
	generalisationHeight: number;
	/** Discernibility metric: Σ|E|² over classes + suppressed × records (lower is better). */
	discernibility: number;
	/** Normalised average class size kept / (classes × k): 1 is ideal. */
	averageClassSize: number | null;
}

/**
 * @example
 * informationLoss({ records: 10, suppressed: 2, levels: [1, 0], maxLevels: [2, 1], classSizes: [5, 3], k: 3 })
 * // → { suppressedRecords: 2, suppressedShare: 0.2, heights: [0.5, 0], generalisationHeight: 0.25,
 * //     discernibility: 25 + 9 + 20 = 54, averageClassSize: 8 / (2 × 3) = 1.333… }
 */
export function informationLoss(input: InformationLossInput): InformationLoss {
	const heights = input.levels.map((l, i) => (input.maxLevels[i] > 0 ? l / input.maxLevels[i] : 0));
	const kept = input.classSizes.reduce((a, b) => a + b, 0);
	return {
		suppressedRecords: input.suppressed,
		suppressedShare: input.records > 0 ? input.suppressed / input.records : 0,
		heights,
		generalisationHeight: heights.length ? heights.reduce((a, b) => a + b, 0) / heights.length : 0,
		discernibility: input.classSizes.reduce((a, s) => a + s * s, 0) + input.suppressed * input.records,
		averageClassSize: input.classSizes.length ? kept / (input.classSizes.length * input.k) : null
	};
}
