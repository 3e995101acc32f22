/**
 * SFK (ICF / ICF-CY) functioning change for children: activity and
 * participation chapters d1–d9, generic qualifier 0 (no difficulty) … 4
 * (complete difficulty); lower is better. Codes 8 (not specified) and 9 (not
 * applicable) are kept in the distributions but excluded from change.
 *
 * Per domain: qualifier distribution at baseline and follow-up (children with
 * both assessments), improved / unchanged / worse, and a paired Wilcoxon
 * signed-rank test with the nine p-values adjusted together (Holm, or
 * Benjamini–Hochberg on request).
 *
 * "Children with positive change" (the published 47): children whose
 * qualifier fell (improved) in at least one domain and rose (worsened) in
 * none, counting only domains rated 0–4 at both waves. This is the definition
 * the pilot data generator uses (data/generators/outcomes.ts: 47 children
 * improved only; 10 more improved in some domain but worsened in another).
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import type { PAdjustMethod } from '#lib/stats/index.ts';
import { comparePaired, type PairedComparison } from '#lib/outcomes/paired/compare.ts';
import {
	instrumentPairs,
	ASSESSMENT_PAIRS_SQL,
	type InstrumentPairs,
	type AssessmentPair,
	type InstrumentDimension
} from '#lib/metrics/kidscreen.ts';

/** The SFK query is the shared pairs query with instrument 'sfk', informant 'professional'. */
export const SFK_PAIRS_SQL = ASSESSMENT_PAIRS_SQL;

export const QUALIFIERS = ['0', '1', '2', '3', '4'] as const;
/** Category for codes 8 (not specified) and 9 (not applicable). */
export const NOT_RATED = '8/9';
export type QualifierCategory = (typeof QUALIFIERS)[number] | typeof NOT_RATED;
export const QUALIFIER_CATEGORIES: QualifierCategory[] = [...QUALIFIERS, NOT_RATED];

export function isRated(q: number): boolean {
	return Number.isInteger(q) && q >= 0 && q <= 4;
}

export type SfkData = InstrumentPairs;

export function sfkData(engine: Engine, f: Filters): Promise<SfkData> {
	return instrumentPairs(engine, f, 'sfk', 'professional');
}

export interface QualifierCount {
	dimension_code: string;
	wave: 'baseline' | 'followup';
	qualifier: QualifierCategory;
	count: number;
	/** count / children assessed in the domain (both waves, any code) */
	share: number;
}

export interface ChildrenChange {
	/** Children with at least one domain rated 0–4 at both waves. */
	assessed: number;
	/** Improved in ≥ 1 domain and worse in none: the published "positive change". */
	positive: number;
	/** Improved in ≥ 1 domain (whatever else happened). */
	improvedAny: number;
	/** Improved in some domain and worse in another. */
	mixed: number;
	/** Worse in ≥ 1 domain and improved in none. */
	onlyWorse: number;
	/** No change in any rated domain. */
	noChange: number;
}

export interface FunctioningSummary {
	dimensions: InstrumentDimension[];
	distribution: QualifierCount[];
	/** Per domain, children with both waves (any code) — the denominator of `share`. */
	assessedByDomain: Record<string, number>;
	comparisons: PairedComparison[];
	children: ChildrenChange;
	/** Domains in which more children improved than worsened. */
	domainsNetImproved: number;
}

export function summariseFunctioning(data: SfkData, options: { adjust?: PAdjustMethod } = {}): FunctioningSummary {
	const { dimensions, pairs } = data;
	const assessedByDomain: Record<string, number> = {};
	const counts = new Map<string, number>();
	const key = (d: string, w: string, q: string) => `${d}|${w}|${q}`;
	const category = (q: number): QualifierCategory => (isRated(q) ? (String(q) as QualifierCategory) : NOT_RATED);
	for (const p of pairs) {
		assessedByDomain[p.dimension_code] = (assessedByDomain[p.dimension_code] ?? 0) + 1;
		for (const [wave, q] of [['baseline', p.baseline], ['followup', p.followup]] as const) {
			const k = key(p.dimension_code, wave, category(q));
			counts.set(k, (counts.get(k) ?? 0) + 1);
		}
	}
	const distribution: QualifierCount[] = dimensions
		.filter((d) => assessedByDomain[d.dimension_code])
		.flatMap((d) =>
			(['baseline', 'followup'] as const).flatMap((wave) =>
				QUALIFIER_CATEGORIES.map((qualifier) => {
					const count = counts.get(key(d.dimension_code, wave, qualifier)) ?? 0;
					return { dimension_code: d.dimension_code, wave, qualifier, count, share: count / assessedByDomain[d.dimension_code] };
				})
			)
		);

	const rated = pairs.filter((p) => isRated(p.baseline) && isRated(p.followup));
	const comparisons = comparePaired(rated, dimensions, { test: 'wilcoxon', adjust: options.adjust ?? 'holm' });

	const perChild = new Map<string, { better: number; worse: number }>();
	for (const p of rated) {
		const c = perChild.get(p.participant_id) ?? { better: 0, worse: 0 };
		if (p.followup < p.baseline) c.better++;
		if (p.followup > p.baseline) c.worse++;
		perChild.set(p.participant_id, c);
	}
	const all = [...perChild.values()];
	const children: ChildrenChange = {
		assessed: all.length,
		positive: all.filter((c) => c.better > 0 && c.worse === 0).length,
		improvedAny: all.filter((c) => c.better > 0).length,
		mixed: all.filter((c) => c.better > 0 && c.worse > 0).length,
		onlyWorse: all.filter((c) => c.better === 0 && c.worse > 0).length,
		noChange: all.filter((c) => c.better === 0 && c.worse === 0).length
	};
	return {
		dimensions,
		distribution,
		assessedByDomain,
		comparisons,
		children,
		domainsNetImproved: comparisons.filter((r) => r.improved > r.worse).length
	};
}
