/**
 * The cost figures as one table family of the release path: a row per
 * service group, a row per service month ('YYYY-MM') and the total. A row's
 * people are those with paid services of the group (or in the month) in the
 * period: the people its cost, units, means and shares rest on. The total
 * (people with any paid service in the period) is the union of the groups
 * and also the union of the months (its cost is the sum of either), so
 * "total minus the shown groups" and "total minus the shown months" are both
 * protected. Groups and months are one family on purpose: with two families
 * the total could be shown by one plan and hidden by the other. The "total
 * with overheads" row adds municipal overheads (not person data) to the total
 * and is released with the total row.
 *
 * Quarter rows (the trends view's cost per participant-month): 'q:YYYY-Qn'
 * (people with paid services in the quarter) and 'q:YYYY-Qn:<group>'. They
 * are in this family because their costs add up to the months' and the
 * groups' costs shown here: a quarter is the union of its months and of its
 * groups, the total the union of the quarters, a group the union of its
 * quarters.
 */
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { quarterKeySql, quarterOfMonth } from '#lib/query/quarters.ts';

export const COST_FAMILY_ID = 'costs';
export const TOTAL_ROW = 'total';

/** Month rows are 'YYYY-MM'; every other row but the total is a service group. */
export const isMonthRow = (row: string) => /^\d{4}-\d{2}$/.test(row);
/** Quarter rows: 'q:YYYY-Qn' (all groups) and 'q:YYYY-Qn:<group>'. */
export const isQuarterRow = (row: string) => row.startsWith('q:');
export const quarterCostRow = (quarter: string, group: string | null = null) => (group === null ? `q:${quarter}` : `q:${quarter}:${group}`);

const GROUPS_SQL = namedSql<'cohort'>(`SELECT DISTINCT service_group AS g FROM service_catalogue WHERE cohort = $cohort ORDER BY 1`);
const MONTHS_SQL = namedSql<'cohort'>(`
	SELECT DISTINCT strftime(s.month, '%Y-%m') AS m
	FROM cost_person_month s JOIN participants p ON p.participant_id = s.participant_id
	WHERE p.cohort = $cohort ORDER BY 1`);

async function costRows(engine: Engine, cohort: Cohort): Promise<string[]> {
	const [groups, months] = await Promise.all([
		run<{ g: string }, 'cohort'>(engine, GROUPS_SQL, { cohort }),
		run<{ m: string }, 'cohort'>(engine, MONTHS_SQL, { cohort })
	]);
	const g = groups.map((r) => r.g);
	// The quarters with service months (the trends view has no cost figure for the others).
	const quarters = [...new Set(months.map((r) => quarterOfMonth(r.m)))];
	return [...g, ...months.map((r) => r.m), TOTAL_ROW, ...quarters.flatMap((q) => [quarterCostRow(q), ...g.map((x) => quarterCostRow(q, x))])];
}

export const COST_FAMILY: FamilySource = {
	id: COST_FAMILY_ID,
	// A year's figures add up to the whole time's (each service month, each review, in one year).
	periodAdditive: true,
	rows: costRows,
	// As COST_BY_GROUP_SQL (groups, total) and MONTHLY_COST_SQL (months) count people: service months
	// inside the period, read from the same summaries (db/summaries.ts) as those queries.
	contributors: namedSql(`
		WITH sv AS (
			SELECT s.* FROM cost_person_group_month s JOIN participants p ON p.participant_id = s.participant_id
			WHERE p.cohort = $cohort
				AND ($from::DATE IS NULL OR s.month >= $from::DATE) AND ($to::DATE IS NULL OR s.month <= $to::DATE)
		), pg AS (
			SELECT participant_id, service_group, sum(cost_eur) AS cost FROM sv GROUP BY ALL
		), pm AS (
			SELECT s.participant_id, s.month, s.cost_eur AS cost
			FROM cost_person_month s JOIN participants p ON p.participant_id = s.participant_id
			WHERE p.cohort = $cohort
				AND ($from::DATE IS NULL OR s.month >= $from::DATE) AND ($to::DATE IS NULL OR s.month <= $to::DATE)
		), pq AS (
			SELECT participant_id, ${quarterKeySql('month')} AS quarter, service_group, sum(cost_eur) AS cost
			FROM sv GROUP BY ALL
		)
		SELECT participant_id, service_group AS row FROM pg WHERE cost > 0
		UNION ALL
		SELECT participant_id, strftime(month, '%Y-%m') AS row FROM pm WHERE cost > 0
		UNION ALL
		SELECT participant_id, '${TOTAL_ROW}' AS row FROM pg GROUP BY participant_id HAVING sum(cost) > 0
		UNION ALL
		SELECT participant_id, 'q:' || quarter || ':' || service_group FROM pq WHERE cost > 0
		UNION ALL
		SELECT participant_id, 'q:' || quarter FROM pq GROUP BY ALL HAVING sum(cost) > 0`),
	tableConstraints: costTableConstraints
};

/** The cost table's unions: the total of its groups, of its months and of its quarters; a quarter of its months and of its groups; a group of its quarters. */
export function costTableConstraints(rows: readonly string[]): { total: string; parts: string[] }[] {
	const groups = rows.filter((r) => r !== TOTAL_ROW && !isMonthRow(r) && !isQuarterRow(r));
	const months = rows.filter(isMonthRow);
	const quarters = rows.filter((r) => isQuarterRow(r) && r.split(':').length === 2).map((r) => r.slice(2));
	const out = [
		{ total: TOTAL_ROW, parts: groups },
		{ total: TOTAL_ROW, parts: months }
	];
	if (!quarters.length) return out;
	out.push({ total: TOTAL_ROW, parts: quarters.map((q) => quarterCostRow(q)) });
	for (const q of quarters) {
		const inQ = months.filter((m) => quarterOfMonth(m) === q);
		if (inQ.length) out.push({ total: quarterCostRow(q), parts: inQ });
		out.push({ total: quarterCostRow(q), parts: groups.map((g) => quarterCostRow(q, g)) });
	}
	for (const g of groups) out.push({ total: g, parts: quarters.map((q) => quarterCostRow(q, g)) });
	return out;
}
