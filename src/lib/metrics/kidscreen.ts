/**
 * KIDSCREEN-52 (children 8–18): child self-report and parent proxy, 10
 * dimensions, Rasch T-scores (European norm mean 50, SD 10; higher is
 * better). Per informant: baseline and follow-up means on the children with
 * both waves, change, paired t-test per dimension with the p-values of one
 * informant adjusted together (Holm by default).
 *
 * Also home of the two queries every before/after instrument uses
 * (`ASSESSMENT_PAIRS_SQL`, `INSTRUMENT_DIMENSIONS_SQL`); SFK and FQOLS reuse them.
 */
import { query, type Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import type { PAdjustMethod } from '#lib/stats/index.ts';
import { SELECTED_PARTICIPANTS_SQL, filterParams, periodBounds } from '#lib/metrics/filter-sql.ts';
import { comparePaired, type DimensionMeta, type PairedComparison, type PairedObservation } from '#lib/outcomes/paired/compare.ts';

/**
 * One row per selected participant and dimension with both a baseline and a
 * follow-up score from the same informant. Params: filterParams, instrument,
 * informant, then the period bounds [from, from, to, to]; the period filter
 * keeps pairs whose follow-up was assessed inside it (as goals use the review date).
 */
export const ASSESSMENT_PAIRS_SQL = `
WITH sel AS (${SELECTED_PARTICIPANTS_SQL}),
a AS (
	SELECT a.participant_id, a.informant, a.wave, a.dimension_code, a.score, a.assessed_on, a.scoring_method
	FROM assessments a JOIN sel USING (participant_id)
	WHERE a.instrument = ? AND a.informant = ?
)
SELECT b.participant_id, b.dimension_code, b.score AS baseline, f.score AS followup,
	f.scoring_method AS scoring_method
FROM a b JOIN a f
	ON f.participant_id = b.participant_id AND f.dimension_code = b.dimension_code AND f.informant = b.informant
WHERE b.wave = 'baseline' AND f.wave = 'followup'
	AND (?::DATE IS NULL OR f.assessed_on >= ?::DATE) AND (?::DATE IS NULL OR f.assessed_on <= ?::DATE)
ORDER BY b.dimension_code, b.participant_id`;

/** Dimensions of one instrument in display order. Param: instrument. */
export const INSTRUMENT_DIMENSIONS_SQL = `
SELECT dimension_code, name_lv, name_en, higher_is_better, scoring_method, items
FROM instrument_dimensions WHERE instrument = ? ORDER BY sort_order, dimension_code`;

export interface AssessmentPair extends PairedObservation {
	scoring_method: string;
}

export interface InstrumentDimension extends DimensionMeta {
	scoring_method: string;
	items: number | null;
}

export type Instrument = 'sfk' | 'kidscreen52' | 'fqols' | 'sqol';
export type Informant = 'child' | 'parent' | 'family' | 'self' | 'professional';

export function assessmentPairs(engine: Engine, f: Filters, instrument: Instrument, informant: Informant): Promise<AssessmentPair[]> {
	const [from, to] = periodBounds(f);
	return query<AssessmentPair>(engine, ASSESSMENT_PAIRS_SQL, [...filterParams(f), instrument, informant, from, from, to, to]);
}

export function instrumentDimensions(engine: Engine, instrument: Instrument): Promise<InstrumentDimension[]> {
	return query<InstrumentDimension>(engine, INSTRUMENT_DIMENSIONS_SQL, [instrument]);
}

/** One instrument's dimensions and the paired scores of one informant (SFK, FQOLS). */
export interface InstrumentPairs {
	dimensions: InstrumentDimension[];
	pairs: AssessmentPair[];
}

export async function instrumentPairs(
	engine: Engine,
	f: Filters,
	instrument: Instrument,
	informant: Informant
): Promise<InstrumentPairs> {
	const [dimensions, pairs] = await Promise.all([
		instrumentDimensions(engine, instrument),
		assessmentPairs(engine, f, instrument, informant)
	]);
	return { dimensions, pairs };
}

// ---------------------------------------------------------------- KIDSCREEN ----

export const KIDSCREEN_NORM = 50;
export type KidscreenInformant = 'child' | 'parent';
export const KIDSCREEN_INFORMANTS: KidscreenInformant[] = ['child', 'parent'];

export interface KidscreenData {
	dimensions: InstrumentDimension[];
	pairs: Record<KidscreenInformant, AssessmentPair[]>;
}

/** The raw pairs of both informants (cohort fixed by the caller's filters). */
export async function kidscreenData(engine: Engine, f: Filters): Promise<KidscreenData> {
	const [dimensions, child, parent] = await Promise.all([
		instrumentDimensions(engine, 'kidscreen52'),
		assessmentPairs(engine, f, 'kidscreen52', 'child'),
		assessmentPairs(engine, f, 'kidscreen52', 'parent')
	]);
	return { dimensions, pairs: { child, parent } };
}

export interface KidscreenInformantSummary {
	informant: KidscreenInformant;
	/** Children with at least one pair. */
	respondents: number;
	rows: PairedComparison[];
	/** Dimensions tested (with a mean) and how many had a higher mean at follow-up. */
	dimensions: number;
	higherAtFollowup: number;
	/** Dimensions whose follow-up mean is below the norm (only meaningful when `tScores`). */
	belowNormAtFollowup: number;
	/** True only when every score is a Rasch T-score: only then compare with the norm 50. */
	tScores: boolean;
}

export function summariseKidscreen(data: KidscreenData, options: { adjust?: PAdjustMethod } = {}): KidscreenInformantSummary[] {
	return KIDSCREEN_INFORMANTS.map((informant) => {
		const pairs = data.pairs[informant];
		const rows = comparePaired(pairs, data.dimensions, { test: 'paired_t', adjust: options.adjust ?? 'holm' });
		const tScores = pairs.length > 0 && pairs.every((p) => p.scoring_method === 'rasch_t');
		return {
			informant,
			respondents: new Set(pairs.map((p) => p.participant_id)).size,
			rows,
			dimensions: rows.length,
			higherAtFollowup: rows.filter((r) => r.followupMean > r.baselineMean).length,
			belowNormAtFollowup: tScores ? rows.filter((r) => r.followupMean < KIDSCREEN_NORM).length : 0,
			tScores
		};
	});
}
