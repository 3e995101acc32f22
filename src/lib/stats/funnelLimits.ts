/**
 * Funnel plot control limits for a rate compared across units of different
 * size (Spiegelhalter 2005, "Funnel plots for comparing institutional
 * performance"). Pure functions.
 *
 * Limits use the normal approximation to the binomial:
 *   p0 ± z·√(p0(1−p0)/n)
 * with z = 1.959964 (95%, two-sided) and z = 3.090232 (99.8%), clamped to
 * [0, 1]. For goal attainment, n is the number of goals and p0 the overall
 * attainment rate. A goal scored "partly" counts 0.5, so the score is not
 * strictly binomial: its variance per goal is at most p0(1−p0) (a 0/0.5/1
 * score with mean p0 has variance ≤ that of a 0/1 score), so the limits are
 * if anything a little wide — conservative for flagging. Goals of one person
 * are also not independent; the limits ignore this clustering.
 */

/** z for a two-sided 95% limit: qnorm(0.975). */
export const Z95 = 1.959964;
/** z for a two-sided 99.8% limit: qnorm(0.999). */
export const Z998 = 3.090232;

export interface FunnelLimits {
	n: number;
	lower95: number;
	upper95: number;
	lower998: number;
	upper998: number;
}

/**
 * Control limits around the overall rate p0 for a unit with n trials.
 *
 * @example
 * funnelLimits(0.75, 50)
 * // se = √(0.75·0.25/50) = 0.0612372
 * // → lower95 0.629977, upper95 0.870023, lower998 0.560763, upper998 0.939237
 */
export function funnelLimits(p0: number, n: number): FunnelLimits {
	if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`funnelLimits: p0 must be in [0, 1], got ${p0}`);
	if (!(n > 0)) throw new RangeError(`funnelLimits: n must be positive, got ${n}`);
	const se = Math.sqrt((p0 * (1 - p0)) / n);
	const clamp = (x: number) => Math.min(1, Math.max(0, x));
	return {
		n,
		lower95: clamp(p0 - Z95 * se),
		upper95: clamp(p0 + Z95 * se),
		lower998: clamp(p0 - Z998 * se),
		upper998: clamp(p0 + Z998 * se)
	};
}

/** Up to this n the curve has a point at every integer; beyond it, points 2% apart. */
const DENSE_UP_TO = 100;
const STEP_RATIO = 1.02;

/**
 * Limits from nMin to nMax for drawing the funnel: at every integer n up to
 * 100, then at n growing by 2% a step (and at nMax), where the curve is
 * smooth: a national unit of 30,000 goals needs ~350 points, not 30,000
 * (which took Plot 80 ms and made an SVG path of 30,000 vertices).
 *
 * @example funnelCurve(0.75, 1, 3).map((l) => l.n) // [1, 2, 3]
 * @example funnelCurve(0.75, 1, 200).length // 142: 1, 2, … 100, then 102, 104, … 198, 200
 */
export function funnelCurve(p0: number, nMin: number, nMax: number): FunnelLimits[] {
	const lo = Math.max(1, Math.floor(nMin));
	const hi = Math.max(lo, Math.ceil(nMax));
	const out: FunnelLimits[] = [];
	let n = lo;
	while (n < hi) {
		out.push(funnelLimits(p0, n));
		n = n < DENSE_UP_TO ? n + 1 : Math.max(n + 1, Math.floor(n * STEP_RATIO));
	}
	out.push(funnelLimits(p0, hi));
	return out;
}

export type FunnelFlag = 'above998' | 'above95' | 'within' | 'below95' | 'below998';

/**
 * Where a unit's rate lies relative to the limits. A rate exactly on a limit
 * counts as within.
 *
 * @example funnelFlag(0.95, 50, 0.75) // 'above998' (upper 99.8% limit 0.939)
 * @example funnelFlag(0.9, 50, 0.75)  // 'above95'
 * @example funnelFlag(0.6, 50, 0.75)  // 'below95'
 * @example funnelFlag(0.7, 50, 0.75)  // 'within'
 */
export function funnelFlag(rate: number, n: number, p0: number): FunnelFlag {
	const l = funnelLimits(p0, n);
	if (rate > l.upper998) return 'above998';
	if (rate > l.upper95) return 'above95';
	if (rate < l.lower998) return 'below998';
	if (rate < l.lower95) return 'below95';
	return 'within';
}
