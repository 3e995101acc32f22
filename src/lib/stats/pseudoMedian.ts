import { rank, tieCorrection } from './rank';
import { zeroin } from './zeroin';

/**
 * Median of the Walsh averages (dᵢ + dⱼ)/2, i ≤ j: the Hodges–Lehmann
 * pseudo-median of the differences.
 *
 * This is what R's `wilcox.test(..., conf.int = TRUE)` reports as the estimate
 * in the exact case. O(n²) memory: fine for the n < 50 where R uses it (and
 * for a few thousand if exact is forced).
 *
 * @example walshMedian([1, 2, -3]) // 0.25
 * R: wilcox.test(d, exact = TRUE, conf.int = TRUE)$estimate
 */
export function walshMedian(d: readonly number[]): number {
	const n = d.length;
	const w: number[] = [];
	for (let i = 0; i < n; i++) for (let j = i; j < n; j++) w.push((d[i] + d[j]) / 2);
	w.sort((a, b) => a - b);
	const m = w.length;
	const half = Math.floor(m / 2);
	return m % 2 === 1 ? w[half] : (w[half - 1] + w[half]) / 2;
}

/**
 * The asymptotic (normal-approximation) standardized signed-rank statistic of
 * d − mu, without continuity correction: R's internal `W(mu)` in
 * `wilcox.test`. A decreasing step function of mu; NaN when every d equals mu.
 */
function standardizedSignedRank(d: readonly number[], mu: number): number {
	const xd: number[] = [];
	for (const v of d) {
		const s = v - mu;
		if (s !== 0) xd.push(s);
	}
	const nx = xd.length;
	const dr = rank(xd.map(Math.abs));
	let pos = 0;
	for (let i = 0; i < nx; i++) if (xd[i] > 0) pos += dr[i];
	const zd = pos - (nx * (nx + 1)) / 4;
	const sigma = Math.sqrt((nx * (nx + 1) * (2 * nx + 1)) / 24 - tieCorrection(dr) / 48);
	return zd / sigma;
}

/**
 * Pseudo-median used by R's `wilcox.test` in the normal-approximation case:
 * the root of the standardized signed-rank statistic in mu, found by Brent's
 * method with R's `tol.root = 1e-4` over [min(d), max(d)].
 *
 * Why not the Walsh median here too: R does this, and we want the dashboard to
 * print what an analyst rerunning it in R sees. The result is only within
 * ~1e-4 of the true root; we match R's steps so we agree with R to ~1e-6.
 * When all (non-zero) differences are equal R returns the midrange, so do we.
 *
 * @example rootPseudoMedian([-1.2, -2.4, -1.3, -1.3, -1.0, -1.8, -0.8, -4.6, -1.4]) // -1.40003
 * R: wilcox.test(d, exact = FALSE, conf.int = TRUE)$estimate
 */
export function rootPseudoMedian(d: readonly number[]): number {
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of d) {
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	const W = (mu: number) => standardizedSignedRank(d, mu);
	const wLo = W(lo);
	const wHi = Number.isFinite(wLo) ? W(hi) : NaN;
	if (!Number.isFinite(wLo) || !Number.isFinite(wHi)) return (lo + hi) / 2;
	return zeroin(W, lo, hi, wLo, wHi, 1e-4);
}
