/**
 * Subjective quality of life of adults (Gigantesco & Giuliani): 13 life
 * aspects, each rated once, at follow-up, as changed for the better (+1), the
 * same (0) or for the worse (−1).
 *
 * Per aspect: n, % better / same / worse (of those who rated it), ordered by
 * % better; a sign test = binomialTest(#better, #better + #worse, p = ½), the
 * 13 p-values adjusted together (Holm by default).
 *
 * "Persons reporting positive change overall" (the published 84%): persons
 * who rated more aspects better than worse, as a share of persons with any
 * rating. This is the definition the pilot data generator uses
 * (data/generators/outcomes.ts: SQOL_NET_POSITIVE = 81 of the 97 served adults).
 */
import { query, type Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { binomialTest, pAdjust, type PAdjustMethod } from '#lib/stats/index.ts';
import { SELECTED_PARTICIPANTS_SQL, filterParams, periodBounds } from '#lib/metrics/filter-sql.ts';
import { instrumentDimensions, type InstrumentDimension } from '#lib/metrics/kidscreen.ts';

/**
 * Follow-up change ratings of the selected persons. Params: filterParams, then
 * the period bounds [from, from, to, to] applied to the rating date.
 */
export const SQOL_RATINGS_SQL = `
WITH sel AS (${SELECTED_PARTICIPANTS_SQL})
SELECT a.participant_id, a.dimension_code, a.score::INTEGER AS rating
FROM assessments a JOIN sel USING (participant_id)
WHERE a.instrument = 'sqol' AND a.wave = 'followup' AND a.score IN (-1, 0, 1)
	AND (?::DATE IS NULL OR a.assessed_on >= ?::DATE) AND (?::DATE IS NULL OR a.assessed_on <= ?::DATE)
ORDER BY a.dimension_code, a.participant_id`;

export interface SqolRating {
	participant_id: string;
	dimension_code: string;
	rating: -1 | 0 | 1;
}

export interface SqolData {
	dimensions: InstrumentDimension[];
	ratings: SqolRating[];
}

export async function sqolData(engine: Engine, f: Filters): Promise<SqolData> {
	const [from, to] = periodBounds(f);
	const [dimensions, ratings] = await Promise.all([
		instrumentDimensions(engine, 'sqol'),
		query<SqolRating>(engine, SQOL_RATINGS_SQL, [...filterParams(f), from, from, to, to])
	]);
	return { dimensions, ratings };
}

export interface SqolAspect {
	dimension_code: string;
	name_lv: string;
	name_en: string;
	n: number;
	better: number;
	same: number;
	worse: number;
	betterShare: number;
	sameShare: number;
	worseShare: number;
	/** Sign test: #better of #better + #worse against ½; NaN when nobody changed. */
	pValue: number;
	pAdjusted: number;
	adjust: PAdjustMethod;
	/** (better − worse) / (better + worse), in [−1, 1]; NaN when nobody changed. */
	effectSize: number;
}

export interface SqolSummary {
	/** Persons with at least one rating. */
	persons: number;
	/** Persons rating more aspects better than worse. */
	netPositive: number;
	netPositiveShare: number;
	/** Aspects ordered by % better (descending), then display order. */
	aspects: SqolAspect[];
	/** Aspects in which more than half of the respondents rated better. */
	majorityImproved: number;
}

export function summariseSqol(data: SqolData, options: { adjust?: PAdjustMethod } = {}): SqolSummary {
	const adjust = options.adjust ?? 'holm';
	const byAspect = new Map<string, SqolRating[]>();
	const perPerson = new Map<string, { better: number; worse: number }>();
	for (const r of data.ratings) {
		const list = byAspect.get(r.dimension_code);
		if (list) list.push(r);
		else byAspect.set(r.dimension_code, [r]);
		const p = perPerson.get(r.participant_id) ?? { better: 0, worse: 0 };
		if (r.rating > 0) p.better++;
		if (r.rating < 0) p.worse++;
		perPerson.set(r.participant_id, p);
	}
	const order = new Map(data.dimensions.map((d, i) => [d.dimension_code, i]));
	const aspects: SqolAspect[] = data.dimensions
		.filter((d) => byAspect.has(d.dimension_code))
		.map((d) => {
			const rs = byAspect.get(d.dimension_code)!;
			const n = rs.length;
			const better = rs.filter((r) => r.rating > 0).length;
			const worse = rs.filter((r) => r.rating < 0).length;
			const same = n - better - worse;
			const changed = better + worse;
			return {
				dimension_code: d.dimension_code,
				name_lv: d.name_lv,
				name_en: d.name_en,
				n,
				better,
				same,
				worse,
				betterShare: better / n,
				sameShare: same / n,
				worseShare: worse / n,
				pValue: changed > 0 ? binomialTest(better, changed).pValue : NaN,
				pAdjusted: NaN,
				adjust,
				effectSize: changed > 0 ? (better - worse) / changed : NaN
			};
		})
		.sort((a, b) => b.betterShare - a.betterShare || order.get(a.dimension_code)! - order.get(b.dimension_code)!);
	const tested = aspects.filter((a) => Number.isFinite(a.pValue));
	const adjusted = tested.length ? pAdjust(tested.map((a) => a.pValue), adjust) : [];
	tested.forEach((a, i) => (a.pAdjusted = adjusted[i]));
	const people = [...perPerson.values()];
	const netPositive = people.filter((p) => p.better > p.worse).length;
	return {
		persons: people.length,
		netPositive,
		netPositiveShare: people.length ? netPositive / people.length : NaN,
		aspects,
		majorityImproved: aspects.filter((a) => a.betterShare > 0.5).length
	};
}
