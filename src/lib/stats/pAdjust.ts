import { StatsInputError } from './errors';

export type PAdjustMethod = 'holm' | 'BH' | 'bonferroni';

/**
 * Adjust p-values for multiple comparisons (e.g. one test per outcome domain).
 *
 * - `bonferroni`: min(1, m·p).
 * - `holm` (R's default, and ours): step-down Bonferroni; controls the
 *   family-wise error rate like Bonferroni but is never less powerful.
 * - `BH`: Benjamini–Hochberg; controls the false discovery rate, suited to
 *   screening many indicators.
 *
 * NaN entries are kept as NaN and not counted in m, as R does with NA.
 * Throws {@link StatsInputError} for values outside [0, 1] (R would adjust
 * them silently) or an unknown method. Output is in the input order.
 *
 * @example pAdjust([0.01, 0.02, 0.03, 0.04, 0.05], 'holm') // [0.05, 0.08, 0.09, 0.09, 0.09]
 * @example pAdjust([0.01, 0.02, 0.03, 0.04, 0.05], 'BH')   // [0.05, 0.05, 0.05, 0.05, 0.05]
 * R: p.adjust(p, method)
 */
export function pAdjust(p: readonly number[], method: PAdjustMethod = 'holm'): number[] {
	if (method !== 'holm' && method !== 'BH' && method !== 'bonferroni') {
		throw new StatsInputError(`pAdjust: method must be 'holm', 'BH' or 'bonferroni', got '${String(method)}'`);
	}
	const idx: number[] = [];
	for (let i = 0; i < p.length; i++) {
		const v = p[i];
		if (typeof v !== 'number') throw new StatsInputError(`pAdjust: p[${i}] is not a number`);
		if (Number.isNaN(v)) continue;
		if (!(v >= 0 && v <= 1)) throw new StatsInputError(`pAdjust: p[${i}] = ${v} is not a probability`);
		idx.push(i);
	}
	const out = p.slice();
	const n = idx.length;
	if (n <= 1) return out;
	if (method === 'bonferroni') {
		for (const i of idx) out[i] = Math.min(1, n * p[i]);
		return out;
	}
	if (method === 'holm') {
		// ascending p; running maximum of (n + 1 − i)·p₍ᵢ₎ keeps the adjusted values monotone
		const o = idx.slice().sort((a, b) => p[a] - p[b]);
		let running = -Infinity;
		for (let k = 0; k < n; k++) {
			running = Math.max(running, (n - k) * p[o[k]]);
			out[o[k]] = Math.min(1, running);
		}
		return out;
	}
	// BH: descending p; running minimum of (n / i)·p₍ᵢ₎
	const o = idx.slice().sort((a, b) => p[b] - p[a]);
	let running = Infinity;
	for (let k = 0; k < n; k++) {
		const i = n - k; // rank from the bottom
		running = Math.min(running, (n / i) * p[o[k]]);
		out[o[k]] = Math.min(1, running);
	}
	return out;
}
