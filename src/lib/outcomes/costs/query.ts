/**
 * Cost per participant by service group, in the layout of the published pilot
 * cost tables, plus monthly cost over the service period (definitions and
 * shaping in summary.ts).
 *
 * Overheads are recorded per municipality: with a municipality or region
 * filter only those municipalities' overheads are added.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, SERVICE_PERIOD_SQL, periodParams, selectionParams, type PeriodParam, type SelectionParam } from '#lib/query/selection.ts';
import {
	costTableOf,
	type CostData,
	type CostTable,
	type GroupAgg,
	type MonthlyCost,
	type OverheadCost,
	type Programme
} from './summary.ts';

/**
 * Per service group of the people and group cost/units of a `pg` CTE
 * (participant_id, service_group, cost_eur, units): cost, units and unique
 * participants, `service_group` null = total (distinct participants). Costs
 * are never negative, so "cost > 0" of a person's sum is "some paid service".
 */
const GROUP_TOTALS_SQL = `
agg AS (
	SELECT service_group,
		coalesce(round(sum(cost_eur), 2), 0)::DOUBLE AS cost_eur,
		coalesce(sum(units), 0)::DOUBLE AS units,
		count(DISTINCT participant_id) FILTER (WHERE cost_eur > 0)::INTEGER AS participants,
		grouping(service_group) AS is_total
	FROM pg
	GROUP BY GROUPING SETS ((service_group), ())
)
SELECT CASE WHEN is_total = 1 THEN NULL ELSE service_group END AS service_group, cost_eur, units, participants
FROM agg ORDER BY is_total, service_group`;

/** Cost, units and unique participants per service group in the period, from the person × group × month summary (db/summaries.ts). */
export const COST_BY_GROUP_SQL = namedSql<SelectionParam | PeriodParam>(`
WITH sel AS (${SELECTION_SQL}),
pg AS (
	SELECT s.participant_id, s.service_group, sum(s.cost_eur) AS cost_eur, sum(s.units) AS units
	FROM cost_person_group_month s
	JOIN sel ON sel.participant_id = s.participant_id
	WHERE ${SERVICE_PERIOD_SQL}
	GROUP BY ALL
), ${GROUP_TOTALS_SQL}`);

/** COST_BY_GROUP_SQL without a period filter (its bounds null): the person × group summary over the whole time, a few rows per person. */
export const COST_BY_GROUP_WHOLE_TIME_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL}),
pg AS (
	SELECT s.participant_id, s.service_group, s.cost_eur, s.units
	FROM cost_person_group s
	JOIN sel ON sel.participant_id = s.participant_id
), ${GROUP_TOTALS_SQL}`);

/** Cost by group for the filters: the whole-time summary when no period is chosen. */
function costByGroup(engine: Engine, f: Filters): Promise<GroupAgg[]> {
	const period = periodParams(f);
	if (period.month_from === null && period.month_to === null) return run<GroupAgg, SelectionParam>(engine, COST_BY_GROUP_WHOLE_TIME_SQL, selectionParams(f));
	return run<GroupAgg, SelectionParam | PeriodParam>(engine, COST_BY_GROUP_SQL, { ...selectionParams(f), ...period });
}

/** Overheads by kind for the cohort, restricted to the selected municipalities / region (the selection's own parameters). */
export const OVERHEADS_SQL = namedSql<'cohort' | 'mun' | 'region'>(`
SELECT o.kind, round(sum(o.cost_eur), 2)::DOUBLE AS cost_eur
FROM overheads o JOIN municipalities mu ON mu.code = o.municipality_code
WHERE o.cohort = $cohort
	AND ($mun::VARCHAR IS NULL OR list_contains(string_split($mun::VARCHAR, ','), o.municipality_code))
	AND ($region::VARCHAR IS NULL OR mu.region = $region)
GROUP BY o.kind ORDER BY o.kind`);

/** Programmes of the selected participants, for the per-month divisor. */
export const PROGRAMMES_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL})
SELECT DISTINCT pr.programme, pr.reporting_months, pr.service_months,
	strftime(pr.service_start, '%Y-%m') AS service_start, strftime(pr.service_end, '%Y-%m') AS service_end
FROM programmes pr
JOIN participants p ON p.programme = pr.programme
JOIN sel ON sel.participant_id = p.participant_id
ORDER BY pr.programme`);

/** Monthly paid cost and people served, from the person × month summary (one row per person and month: count(*) counts people). */
export const MONTHLY_COST_SQL = namedSql<SelectionParam | PeriodParam>(`
WITH sel AS (${SELECTION_SQL})
SELECT strftime(s.month, '%Y-%m') AS month,
	round(sum(s.cost_eur), 2)::DOUBLE AS cost_eur,
	count(*) FILTER (WHERE s.cost_eur > 0)::INTEGER AS participants
FROM cost_person_month s JOIN sel ON sel.participant_id = s.participant_id
WHERE ${SERVICE_PERIOD_SQL}
GROUP BY 1 ORDER BY 1`);

export async function costTable(engine: Engine, f: Filters): Promise<CostTable> {
	const selection = selectionParams(f);
	const [groups, programmes, overheadRows] = await Promise.all([
		costByGroup(engine, f),
		run<Programme, SelectionParam>(engine, PROGRAMMES_SQL, selection),
		run<OverheadCost, 'cohort' | 'mun' | 'region'>(engine, OVERHEADS_SQL, selection)
	]);
	return costTableOf(f, groups, programmes, overheadRows);
}

export function monthlyCost(engine: Engine, f: Filters): Promise<MonthlyCost[]> {
	return run<MonthlyCost, SelectionParam | PeriodParam>(engine, MONTHLY_COST_SQL, { ...selectionParams(f), ...periodParams(f) });
}

/** The cost table and the monthly cost of one selection, as the views release them (releaseCosts). */
export async function costData(engine: Engine, f: Filters): Promise<CostData> {
	const [table, months] = await Promise.all([costTable(engine, f), monthlyCost(engine, f)]);
	return { table, months };
}
