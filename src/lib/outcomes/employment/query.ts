/**
 * Employment of adults before (baseline) and during/after the programme
 * (follow-up): people per status and wave, and the baseline → follow-up
 * transitions of the people with both waves (shaped in summary.ts).
 * Employment is recorded for adults only, so the selection is always the
 * adults' (forCohort).
 */
import type { Engine } from '#lib/db/engine.ts';
import { forCohort, type Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, selectionParams, type SelectionParam } from '#lib/query/selection.ts';
import { shapeEmployment, type EmploymentResult, type StatusCountRow, type TransitionRow } from './summary.ts';

/** People per wave and status (everyone with a record in that wave). */
export const EMPLOYMENT_COUNTS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL})
SELECT e.wave, e.status, count(DISTINCT e.participant_id)::INTEGER AS n
FROM employment e JOIN sel ON sel.participant_id = e.participant_id
GROUP BY e.wave, e.status`);

/** Transitions baseline → follow-up of people with both waves. */
export const EMPLOYMENT_TRANSITIONS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL})
SELECT b.status AS baseline, f.status AS followup, count(*)::INTEGER AS n
FROM employment b
JOIN employment f ON f.participant_id = b.participant_id AND f.wave = 'followup'
JOIN sel ON sel.participant_id = b.participant_id
WHERE b.wave = 'baseline'
GROUP BY b.status, f.status`);

export async function employment(engine: Engine, f: Filters): Promise<EmploymentResult> {
	const params = selectionParams(forCohort(f, 'adult'));
	const [counts, transitions] = await Promise.all([
		run<StatusCountRow, SelectionParam>(engine, EMPLOYMENT_COUNTS_SQL, params),
		run<TransitionRow, SelectionParam>(engine, EMPLOYMENT_TRANSITIONS_SQL, params)
	]);
	return shapeEmployment(counts, transitions);
}
