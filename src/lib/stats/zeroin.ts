/**
 * Root of f in [lower, upper] by Brent's method (Brent 1973; Forsythe,
 * Malcolm & Moler 1977), step for step the variant R's `uniroot()` runs
 * (`R_zeroin2`, given f(lower) and f(upper)).
 *
 * Why replicate R's exact steps instead of any root finder: R's
 * `wilcox.test` finds the normal-approximation pseudo-median with
 * `uniroot(tol = 1e-4)` on a step function. The answer is only accurate to
 * ~1e-4 in absolute terms, so to agree with R to 1e-6 we must take the same
 * steps and stop at the same point.
 *
 * @example zeroin((x) => x * x - 2, 0, 2, -2, 2, 1e-4) // ≈ 1.41421
 * R: uniroot(f, c(lower, upper), f.lower = fLower, f.upper = fUpper, tol = tol)$root
 */
export function zeroin(
	f: (x: number) => number,
	lower: number,
	upper: number,
	fLower: number,
	fUpper: number,
	tol: number,
	maxIter = 1000
): number {
	let a = lower;
	let b = upper;
	let fa = fLower;
	let fb = fUpper;
	let c = a;
	let fc = fa;
	const EPSILON = Number.EPSILON;

	if (fa === 0) return a;
	if (fb === 0) return b;

	let maxit = maxIter + 1;
	while (maxit--) {
		const prevStep = b - a;
		if (Math.abs(fc) < Math.abs(fb)) {
			// swap so that b is the best approximation
			a = b;
			b = c;
			c = a;
			fa = fb;
			fb = fc;
			fc = fa;
		}
		const tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
		let newStep = (c - b) / 2;

		if (Math.abs(newStep) <= tolAct || fb === 0) return b;

		// Try interpolation when the previous step was large enough and went the right way.
		if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
			let p: number;
			let q: number;
			const cb = c - b;
			if (a === c) {
				// linear interpolation (only two distinct points)
				const t1 = fb / fa;
				p = cb * t1;
				q = 1.0 - t1;
			} else {
				// inverse quadratic interpolation
				q = fa / fc;
				const t1 = fb / fc;
				const t2 = fb / fa;
				p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
				q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
			}
			if (p > 0) q = -q;
			else p = -p;

			if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) {
				newStep = p / q;
			}
		}

		if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;

		a = b;
		fa = fb;
		b += newStep;
		fb = f(b);
		if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
			c = a;
			fc = fa;
		}
	}
	// Not converged: R warns and returns the last approximation.
	return b;
}
