/**
 * The programme(s) of the selected participants, for the report's title page:
 * names and periods from the `programmes` table (no metric module reads them).
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, selectionParams, type SelectionParam } from '#lib/query/selection.ts';
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';

export interface ProgrammeInfo {
	programme: string;
	name_lv: string | null;
	name_en: string | null;
	pilot_start: string | null;
	pilot_end: string | null;
	service_start: string | null;
	service_end: string | null;
	service_months: number | null;
	reporting_months: number | null;
}

export const PROGRAMME_INFO_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL})
SELECT DISTINCT pr.programme, pr.name_lv, pr.name_en,
	strftime(pr.pilot_start, '%Y-%m-%d') AS pilot_start, strftime(pr.pilot_end, '%Y-%m-%d') AS pilot_end,
	strftime(pr.service_start, '%Y-%m-%d') AS service_start, strftime(pr.service_end, '%Y-%m-%d') AS service_end,
	pr.service_months, pr.reporting_months
FROM programmes pr
JOIN participants p ON p.programme = pr.programme
JOIN sel ON sel.participant_id = p.participant_id
ORDER BY pr.programme`);

export function programmeInfo(engine: Engine, f: Filters): Promise<ProgrammeInfo[]> {
	return run<ProgrammeInfo, SelectionParam>(engine, PROGRAMME_INFO_SQL, selectionParams(f));
}

/**
 * The programmes of a whole cohort as a view of the release path: reference
 * data (names, periods of the programme), not figures about people, so its
 * release step passes them on; published once per cohort.
 */
export const PROGRAMMES_VIEW = {
	id: 'programmes',
	run: programmeInfo,
	release: (rows) => rows
} satisfies ReleaseSpec<ProgrammeInfo[], ProgrammeInfo[]>;
