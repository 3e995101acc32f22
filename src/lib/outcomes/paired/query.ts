/**
 * The two queries every before/after instrument uses (SFK, KIDSCREEN-52,
 * FQOLS; SQoL only its dimensions): an instrument's dimensions, and one
 * informant's baseline/follow-up pairs of the selected participants.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, selectionParams, type SelectionParam } from '#lib/query/selection.ts';
import type { DimensionMeta, PairedObservation } from './compare.ts';

export type Instrument = 'sfk' | 'kidscreen52' | 'fqols' | 'sqol';
export type Informant = 'child' | 'parent' | 'family' | 'self' | 'professional';

/**
 * One row per selected participant and dimension with both a baseline and a
 * follow-up score from the same informant. The period filter ($from, $to of
 * the selection) keeps pairs whose follow-up was assessed inside it, as goals
 * use the review date.
 */
export const ASSESSMENT_PAIRS_SQL = namedSql<SelectionParam | 'instrument' | 'informant'>(`
WITH sel AS (${SELECTION_SQL}),
a AS (
	SELECT a.participant_id, a.informant, a.wave, a.dimension_code, a.score, a.assessed_on, a.scoring_method
	FROM assessments a JOIN sel USING (participant_id)
	WHERE a.instrument = $instrument AND a.informant = $informant
)
SELECT b.participant_id, b.dimension_code, b.score AS baseline, f.score AS followup,
	f.scoring_method AS scoring_method
FROM a b JOIN a f
	ON f.participant_id = b.participant_id AND f.dimension_code = b.dimension_code AND f.informant = b.informant
WHERE b.wave = 'baseline' AND f.wave = 'followup'
	AND ($from::DATE IS NULL OR f.assessed_on >= $from::DATE) AND ($to::DATE IS NULL OR f.assessed_on <= $to::DATE)
ORDER BY b.dimension_code, b.participant_id`);

/** Dimensions of one instrument in display order. */
export const INSTRUMENT_DIMENSIONS_SQL = namedSql<'instrument'>(`
SELECT dimension_code, name_lv, name_en, higher_is_better, scoring_method, items
FROM instrument_dimensions WHERE instrument = $instrument ORDER BY sort_order, dimension_code`);

export interface AssessmentPair extends PairedObservation {
	scoring_method: string;
}

export interface InstrumentDimension extends DimensionMeta {
	scoring_method: string;
	items: number | null;
}

export function assessmentPairs(engine: Engine, f: Filters, instrument: Instrument, informant: Informant): Promise<AssessmentPair[]> {
	return run<AssessmentPair, SelectionParam | 'instrument' | 'informant'>(engine, ASSESSMENT_PAIRS_SQL, {
		...selectionParams(f),
		instrument,
		informant
	});
}

export function instrumentDimensions(engine: Engine, instrument: Instrument): Promise<InstrumentDimension[]> {
	return run<InstrumentDimension, 'instrument'>(engine, INSTRUMENT_DIMENSIONS_SQL, { instrument });
}

/** One instrument's dimensions and the paired scores of one informant (SFK, FQOLS). */
export interface InstrumentPairs {
	dimensions: InstrumentDimension[];
	pairs: AssessmentPair[];
}

export async function instrumentPairs(engine: Engine, f: Filters, instrument: Instrument, informant: Informant): Promise<InstrumentPairs> {
	const [dimensions, pairs] = await Promise.all([
		instrumentDimensions(engine, instrument),
		assessmentPairs(engine, f, instrument, informant)
	]);
	return { dimensions, pairs };
}
