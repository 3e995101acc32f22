import { median } from 'simple-statistics';
import { cohensDz } from './cohensDz';
import { mean, sampleVariance } from './moments';
import { pairedDifferences } from './pairedDifferences';

export interface PairedDescription {
	n: number;
	meanX: number;
	meanY: number;
	medianX: number;
	medianY: number;
	/** mean of x − y */
	meanDiff: number;
	/** median of x − y (not the difference of the medians) */
	medianDiff: number;
	/** sample SD (n − 1) of x − y */
	sdDiff: number;
	/** meanDiff / sdDiff */
	cohensDz: number;
}

/**
 * The numbers that go next to a paired test in a table: n, baseline and
 * follow-up means and medians, and the mean, median and SD of the differences.
 *
 * Why median of differences and not difference of medians: the paired tests
 * are about the differences; the two can disagree, even in sign.
 *
 * Throws {@link StatsInputError} for unequal lengths, fewer than 2 pairs or
 * non-finite values.
 *
 * @example describePaired([3, 5, 4], [1, 4, 1])
 * // { n: 3, meanX: 4, meanY: 2, medianX: 4, medianY: 1, meanDiff: 2, medianDiff: 2, sdDiff: 1, cohensDz: 2 }
 * R: c(mean(x), mean(y), median(x), median(y), mean(x - y), median(x - y), sd(x - y))
 */
export function describePaired(x: readonly number[], y: readonly number[]): PairedDescription {
	const d = pairedDifferences(x, y, 'describePaired');
	return {
		n: d.length,
		meanX: mean(x),
		meanY: mean(y),
		medianX: median(x as number[]),
		medianY: median(y as number[]),
		meanDiff: mean(d),
		medianDiff: median(d),
		sdDiff: Math.sqrt(sampleVariance(d)),
		cohensDz: cohensDz(x, y)
	};
}
