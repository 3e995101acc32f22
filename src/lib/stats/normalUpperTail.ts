import erfc from '@stdlib/math-base-special-erfc';

/**
 * Standard normal upper tail P(Z > z).
 *
 * Why erfc and not `1 − Φ(z)`: for z = 10 the answer is 7.6e-24, and
 * 1 − 0.99999… rounds to 0. erfc keeps full relative precision far into the
 * tail (the fixtures check z up to 30 against R).
 *
 * @example normalUpperTail(1.959964) // 0.025
 * R: pnorm(z, lower.tail = FALSE)
 */
export function normalUpperTail(z: number): number {
	return 0.5 * erfc(z / Math.SQRT2);
}
