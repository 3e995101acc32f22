/**
 * Paired t-test (as R's t.test(x, y, paired = TRUE), two-sided) for the
 * generator's self-checks. Student t CDF via the regularized incomplete beta
 * function (Numerical Recipes continued fraction).
 */

function logGamma(x: number): number {
	const g = [
		76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155,
		0.1208650973866179e-2, -0.5395239384953e-5
	];
	let y = x;
	const tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
	let ser = 1.000000000190015;
	for (const c of g) ser += c / ++y;
	return -tmp + Math.log((2.5066282746310005 * ser) / x);
}

function betacf(a: number, b: number, x: number): number {
	const MAXIT = 300;
	const EPS = 3e-16;
	const FPMIN = 1e-300;
	const qab = a + b;
	const qap = a + 1;
	const qam = a - 1;
	let c = 1;
	let d = 1 - (qab * x) / qap;
	if (Math.abs(d) < FPMIN) d = FPMIN;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= MAXIT; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < FPMIN) d = FPMIN;
		c = 1 + aa / c;
		if (Math.abs(c) < FPMIN) c = FPMIN;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < FPMIN) d = FPMIN;
		c = 1 + aa / c;
		if (Math.abs(c) < FPMIN) c = FPMIN;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < EPS) break;
	}
	return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const bt = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
	if (x < (a + 1) / (a + b + 2)) return (bt * betacf(a, b, x)) / a;
	return 1 - (bt * betacf(b, a, 1 - x)) / b;
}

/** Two-sided p-value of Student's t with df degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
	return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

export interface PairedT {
	n: number;
	meanDiff: number;
	sdDiff: number;
	t: number;
	df: number;
	p: number;
}

/** Paired t-test of after − before. */
export function pairedT(before: readonly number[], after: readonly number[]): PairedT {
	if (before.length !== after.length) throw new Error('pairedT: unequal lengths');
	const n = before.length;
	const d = before.map((b, i) => after[i] - b);
	const mean = d.reduce((s, x) => s + x, 0) / n;
	const ss = d.reduce((s, x) => s + (x - mean) ** 2, 0);
	const sd = Math.sqrt(ss / (n - 1));
	const t = mean / (sd / Math.sqrt(n));
	const df = n - 1;
	return { n, meanDiff: mean, sdDiff: sd, t, df, p: tTwoSidedP(t, df) };
}
