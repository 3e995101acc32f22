/**
 * Ranks with ties given their average rank (1-based).
 *
 * Ties are exact equality of doubles, as in R: values that only print the same
 * are not tied. Why it matters: the Wilcoxon tie correction and the
 * exact/normal switch both depend on which values tie.
 *
 * @example rank([10, 30, 20, 20]) // [1, 4, 2.5, 2.5]
 * R: rank(x)   (ties.method = "average")
 */
export function rank(values: readonly number[]): number[] {
	const n = values.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
	const ranks = new Array<number>(n);
	let i = 0;
	while (i < n) {
		let j = i;
		while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
		// Same formula as R's C code ((i + j + 2) / 2 with 0-based i, j): exact in doubles.
		const r = (i + j + 2) / 2;
		for (let k = i; k <= j; k++) ranks[order[k]] = r;
		i = j + 1;
	}
	return ranks;
}

/**
 * Sizes of the groups of tied values in a vector of ranks (R's `table(r)`),
 * needed for the tie correction Σ(t³ − t).
 *
 * @example tieCorrection([1, 2.5, 2.5, 4]) // 6  (one group of 2: 2³ − 2)
 * R: sum(table(r)^3 - table(r))
 */
export function tieCorrection(ranks: readonly number[]): number {
	const counts = new Map<number, number>();
	for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
	let s = 0;
	for (const t of counts.values()) s += t * t * t - t;
	return s;
}
