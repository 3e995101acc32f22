/**
 * Choices offered by the filter bar, read from the data (live data may add
 * municipalities): names and months only, no counts (counts are figures and
 * pass the release path).
 */
import type { Engine } from '#lib/db/engine.ts';
import { namedSql, run } from './sql.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { RevisionMemo } from '#lib/db/revision-memo.ts';

export interface MunicipalityOption {
	code: string;
	name_lv: string;
	name_en: string;
	region: string;
}

export const FILTER_OPTIONS_SQL = namedSql<'cohort'>(`
	SELECT DISTINCT mu.code, mu.name_lv, mu.name_en, mu.region
	FROM participants p JOIN municipalities mu ON mu.code = p.municipality_code
	WHERE p.cohort = $cohort
	ORDER BY mu.region, mu.name_lv`);

/**
 * The cohort's first and last service month. Read from the person × month
 * summary (db/summaries.ts: one row per person and month with any service
 * row, so the same months as `services`), a fifth of the rows: every cohort
 * switch asks for it.
 */
export const SERVICE_MONTHS_SQL = namedSql<'cohort'>(`
	SELECT strftime(min(s.month), '%Y-%m') AS first, strftime(max(s.month), '%Y-%m') AS last
	FROM cost_person_month s JOIN participants p USING (participant_id) WHERE p.cohort = $cohort`);

export async function filterOptions(engine: Engine, cohort: Cohort) {
	const [municipalities, months] = await Promise.all([
		run<MunicipalityOption, 'cohort'>(engine, FILTER_OPTIONS_SQL, { cohort }),
		run<{ first: string | null; last: string | null }, 'cohort'>(engine, SERVICE_MONTHS_SQL, { cohort })
	]);
	return { municipalities, firstMonth: months[0]?.first ?? null, lastMonth: months[0]?.last ?? null };
}

const remembered = new RevisionMemo<Awaited<ReturnType<typeof filterOptions>>>(4);

/** filterOptions, asked once per cohort and data revision (every page has a filter bar). */
export function rememberedFilterOptions(engine: Engine, revision: number, cohort: Cohort) {
	return remembered.get(engine, revision, cohort, () => filterOptions(engine, cohort));
}
