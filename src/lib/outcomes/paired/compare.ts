/**
 * Shaping shared by every before/after outcome: per dimension of an
 * instrument, the n pairs, baseline and follow-up, change, improved /
 * unchanged / worse, a paired test and an effect size; p-values of one
 * instrument are adjusted together (Holm by default).
 *
 * Tests are run on follow-up − baseline (R: t.test(followup, baseline, paired = TRUE)).
 */
import {
	pairedTTest,
	wilcoxonSignedRank,
	signTest,
	pAdjust,
	cohensDz,
	StatsInputError,
	type PAdjustMethod
} from '#lib/stats/index.ts';

/** t-test for interval scores (T-scores, item means); Wilcoxon or sign test for ordinal qualifiers. */
export type PairedTestKind = 'paired_t' | 'wilcoxon' | 'sign';

export interface PairedObservation {
	dimension_code: string;
	participant_id: string;
	baseline: number;
	followup: number;
}

export interface DimensionMeta {
	dimension_code: string;
	name_lv: string;
	name_en: string;
	higher_is_better: boolean;
}

export interface PairedComparison extends DimensionMeta {
	n: number;
	baselineMean: number;
	followupMean: number;
	meanChange: number;
	medianChange: number;
	improved: number;
	unchanged: number;
	worse: number;
	test: PairedTestKind;
	statistic: number;
	pValue: number;
	pAdjusted: number;
	adjust: PAdjustMethod;
	/** Cohen's d_z for the t-test; matched-pairs rank-biserial r for Wilcoxon; (improved − worse)/changed for the sign test. */
	effectSize: number;
	/** Why a test could not be run (e.g. no change at all), else null. */
	note: string | null;
}

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runTest(test: PairedTestKind, follow: number[], base: number[]) {
	if (test === 'paired_t') {
		const r = pairedTTest(follow, base);
		return { statistic: r.statistic, pValue: r.pValue, effectSize: cohensDz(follow, base) };
	}
	if (test === 'wilcoxon') {
		const r = wilcoxonSignedRank(follow, base);
		return { statistic: r.statistic, pValue: r.pValue, effectSize: r.rankBiserial };
	}
	const r = signTest(follow, base);
	return { statistic: r.statistic, pValue: r.pValue, effectSize: NaN };
}

export function comparePaired(
	observations: readonly PairedObservation[],
	dimensions: readonly DimensionMeta[],
	options: { test: PairedTestKind; adjust?: PAdjustMethod }
): PairedComparison[] {
	const adjust = options.adjust ?? 'holm';
	const byDim = new Map<string, PairedObservation[]>();
	for (const o of observations) {
		const list = byDim.get(o.dimension_code) ?? [];
		list.push(o);
		byDim.set(o.dimension_code, list);
	}
	const rows: PairedComparison[] = dimensions
		.filter((d) => byDim.has(d.dimension_code))
		.map((d) => {
			const obs = byDim.get(d.dimension_code)!;
			const base = obs.map((o) => o.baseline);
			const follow = obs.map((o) => o.followup);
			const change = obs.map((o) => o.followup - o.baseline);
			const better = (c: number) => (d.higher_is_better ? c > 0 : c < 0);
			const improved = change.filter((c) => c !== 0 && better(c)).length;
			const worse = change.filter((c) => c !== 0 && !better(c)).length;
			let result = { statistic: NaN, pValue: NaN, effectSize: NaN };
			let note: string | null = null;
			try {
				result = runTest(options.test, follow, base);
				if (options.test === 'sign') {
					result.effectSize = improved + worse > 0 ? (improved - worse) / (improved + worse) : NaN;
				}
			} catch (e) {
				if (!(e instanceof StatsInputError)) throw e;
				note = e.message;
			}
			return {
				...d,
				n: obs.length,
				baselineMean: base.reduce((a, b) => a + b, 0) / obs.length,
				followupMean: follow.reduce((a, b) => a + b, 0) / obs.length,
				meanChange: change.reduce((a, b) => a + b, 0) / obs.length,
				medianChange: median(change),
				improved,
				unchanged: obs.length - improved - worse,
				worse,
				test: options.test,
				...result,
				pAdjusted: NaN,
				adjust,
				note
			};
		});
	// Adjust the p-values of the dimensions that could be tested, together.
	const tested = rows.filter((r) => Number.isFinite(r.pValue));
	const adjusted = tested.length ? pAdjust(tested.map((r) => r.pValue), adjust) : [];
	tested.forEach((r, i) => (r.pAdjusted = adjusted[i]));
	return rows;
}
