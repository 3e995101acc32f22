/**
 * The participants of a cohort with the attributes the selection filters
 * use: what the release path needs to know who is in which selection. It is
 * read in the data owner's browser (or at publish time) and never shown.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort, Sex } from '#lib/filters/filters.ts';
import { namedSql, run } from './sql.ts';
import { SERVICE_MONTHS_SQL } from './filter-options.ts';

export interface PersonRow {
	participant_id: string;
	municipality_code: string;
	region: string;
	sex: Sex;
	age_at_entry: number;
	enrolled_on: string;
	exited_on: string | null;
}

export const PEOPLE_SQL = namedSql<'cohort'>(`
	SELECT p.participant_id, p.municipality_code, mu.region, p.sex, p.age_at_entry,
		strftime(p.enrolled_on, '%Y-%m-%d') AS enrolled_on, strftime(p.exited_on, '%Y-%m-%d') AS exited_on
	FROM participants p JOIN municipalities mu ON mu.code = p.municipality_code
	WHERE p.cohort = $cohort
	ORDER BY p.participant_id`);

export function people(engine: Engine, cohort: Cohort): Promise<PersonRow[]> {
	return run<PersonRow, 'cohort'>(engine, PEOPLE_SQL, { cohort });
}

/** First and last service month of the cohort ('YYYY-MM'), for the preset periods (the filter bar's query). */
export async function serviceSpan(engine: Engine, cohort: Cohort): Promise<{ first: string | null; last: string | null }> {
	const [row] = await run<{ first: string | null; last: string | null }, 'cohort'>(engine, SERVICE_MONTHS_SQL, { cohort });
	return row ?? { first: null, last: null };
}
