/**
 * Subjective quality of life of the selected adults: the 13 life aspects and
 * each person's follow-up change rating (+1 better, 0 same, −1 worse).
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, selectionParams, type SelectionParam } from '#lib/query/selection.ts';
import { instrumentDimensions, type InstrumentDimension } from '#lib/outcomes/paired/query.ts';

/** Follow-up change ratings of the selected persons; the period ($from, $to of the selection) applies to the rating date. */
export const SQOL_RATINGS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL})
SELECT a.participant_id, a.dimension_code, a.score::INTEGER AS rating
FROM assessments a JOIN sel USING (participant_id)
WHERE a.instrument = 'sqol' AND a.wave = 'followup' AND a.score IN (-1, 0, 1)
	AND ($from::DATE IS NULL OR a.assessed_on >= $from::DATE) AND ($to::DATE IS NULL OR a.assessed_on <= $to::DATE)
ORDER BY a.dimension_code, a.participant_id`);

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
	const [dimensions, ratings] = await Promise.all([
		instrumentDimensions(engine, 'sqol'),
		run<SqolRating, SelectionParam>(engine, SQOL_RATINGS_SQL, selectionParams(f))
	]);
	return { dimensions, ratings };
}
