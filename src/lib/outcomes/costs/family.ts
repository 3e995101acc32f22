/**
 * The cost table as a table family of the release path: a row per service
 * group and the total; a row's people are those with paid services of the
 * group in the period (the people its cost, units and means rest on). The
 * total is the union of the groups, so "total minus the shown groups" is
 * protected too.
 */
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';

export const COST_FAMILY_ID = 'costs.groups';
export const TOTAL_ROW = 'total';

const GROUPS_SQL = namedSql<'cohort'>(`SELECT DISTINCT service_group AS g FROM service_catalogue WHERE cohort = $cohort ORDER BY 1`);

async function groupRows(engine: Engine, cohort: Cohort): Promise<string[]> {
	const groups = await run<{ g: string }, 'cohort'>(engine, GROUPS_SQL, { cohort });
	return [...groups.map((r) => r.g), TOTAL_ROW];
}

export const COST_FAMILY: FamilySource = {
	id: COST_FAMILY_ID,
	rows: groupRows,
	contributors: namedSql(`
		WITH pg AS (
			SELECT s.participant_id, c.service_group, sum(s.cost_eur) AS cost
			FROM services s
			JOIN participants p ON p.participant_id = s.participant_id
			JOIN service_catalogue c ON c.service_code = s.service_code
			WHERE p.cohort = $cohort
				AND ($from::DATE IS NULL OR s.month >= $from::DATE) AND ($to::DATE IS NULL OR s.month <= $to::DATE)
			GROUP BY ALL
		)
		SELECT participant_id, service_group AS row FROM pg WHERE cost > 0
		UNION ALL
		SELECT participant_id, '${TOTAL_ROW}' AS row FROM pg GROUP BY participant_id HAVING sum(cost) > 0`),
	tableConstraints: (rows) => [{ total: TOTAL_ROW, parts: rows.filter((r) => r !== TOTAL_ROW) }]
};
