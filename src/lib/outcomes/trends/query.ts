/**
 * Quarterly series of one selection (the FilterBar's cohort, place, sex and
 * age band), over the whole time's quarters (the SQL's `inp`, the quarters
 * inside the period, is every quarter then):
 *
 * - participants active (at some time in the quarter), new (started in it),
 *   exited (left in it), and participant-months (the months of the quarter in
 *   which each was participating, the divisor of cost per participant-month);
 * - paid cost by service group (the costs view's groups) and in all;
 * - goals reviewed in the quarter and, of those, achieved.
 *
 * The people each figure rests on are the release path's cells (family.ts,
 * the costs and goals families' quarter rows).
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, selectionParams, type SelectionParam } from '#lib/query/selection.ts';
import { QUARTERS_CTE, quarterKeySql } from '#lib/query/quarters.ts';
import type { TrendData } from './summary.ts';

export interface ParticipantQuarter {
	quarter: string;
	active: number;
	new: number;
	exited: number;
	participant_months: number;
}

export interface CostQuarter {
	quarter: string;
	/** null: all groups */
	service_group: string | null;
	cost_eur: number;
	participants: number;
}

/** The people of the cohort (region null) or of a region, and the smallest non-empty participant cell among theirs. */
export interface CellCheck {
	region: string | null;
	people: number;
	smallest: number | null;
}

export interface GoalQuarter {
	quarter: string;
	reviewed: number;
	achieved: number;
}

export const TREND_PARTICIPANTS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL}), ${QUARTERS_CTE},
pp AS (SELECT p.participant_id, p.enrolled_on, p.exited_on FROM participants p JOIN sel ON sel.participant_id = p.participant_id),
pq AS (
	SELECT inp.quarter, inp.q_start, pp.participant_id,
		pp.enrolled_on <= inp.q_end AND (pp.exited_on IS NULL OR pp.exited_on >= inp.q_start) AS active,
		pp.enrolled_on BETWEEN inp.q_start AND inp.q_end AS started,
		coalesce(pp.exited_on BETWEEN inp.q_start AND inp.q_end, false) AS exited,
		-- Months of the quarter with a day of participation.
		greatest(0, datediff('month',
			greatest(date_trunc('month', pp.enrolled_on), inp.q_start),
			least(date_trunc('month', coalesce(pp.exited_on, inp.q_end)), date_trunc('month', inp.q_end))) + 1) AS months
	FROM inp LEFT JOIN pp ON true
)
SELECT quarter,
	count(*) FILTER (WHERE active)::INTEGER AS active,
	count(*) FILTER (WHERE started)::INTEGER AS new,
	count(*) FILTER (WHERE exited)::INTEGER AS exited,
	coalesce(sum(months) FILTER (WHERE active), 0)::INTEGER AS participant_months
FROM pq GROUP BY quarter, q_start ORDER BY q_start`);

export const TREND_COSTS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL}), ${QUARTERS_CTE},
pg AS (
	-- From the person × group × quarter summary (db/summaries.ts), not every service row:
	-- a month is in a quarter of inp exactly when its quarter starts on that quarter's q_start.
	SELECT inp.quarter, s.service_group, s.participant_id, sum(s.cost_eur) AS cost
	FROM cost_person_group_quarter s
	JOIN sel ON sel.participant_id = s.participant_id
	JOIN inp ON inp.q_start = s.quarter_start
	GROUP BY ALL
)
SELECT quarter, CASE WHEN grouping(service_group) = 1 THEN NULL ELSE service_group END AS service_group,
	round(sum(cost), 2)::DOUBLE AS cost_eur,
	count(DISTINCT participant_id) FILTER (WHERE cost > 0)::INTEGER AS participants
FROM pg
GROUP BY GROUPING SETS ((quarter, service_group), (quarter))
ORDER BY quarter, grouping(service_group), service_group`);

export const TREND_GOALS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL}), ${QUARTERS_CTE},
g AS (SELECT g.* FROM plan_goals g JOIN sel ON sel.participant_id = g.participant_id WHERE g.reviewed_on IS NOT NULL)
SELECT inp.quarter,
	count(g.goal_id)::INTEGER AS reviewed,
	count(g.goal_id) FILTER (WHERE g.attainment = 'achieved')::INTEGER AS achieved
FROM inp LEFT JOIN g ON g.reviewed_on BETWEEN inp.q_start AND inp.q_end
GROUP BY inp.quarter, inp.q_start ORDER BY inp.q_start`);

/**
 * Every participant cell of the cohort and of each planning region over the
 * whole time (active, new, exited, and `cont`: started before the quarter
 * and not yet left when it began, up to the quarter after the last), and
 * each one's people: what `seriesShowable` (summary.ts) checks.
 */
export const TREND_CELLS_SQL = namedSql<'cohort' | 'from' | 'to'>(`
WITH ${QUARTERS_CTE},
ext AS (
	SELECT quarter, q_start, q_end FROM qs
	UNION ALL
	SELECT ${quarterKeySql('d')}, d, (d + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE FROM (SELECT (max(q_end) + INTERVAL 1 DAY)::DATE AS d FROM qs) WHERE d IS NOT NULL
), pp AS (
	SELECT p.participant_id, mu.region, p.enrolled_on, p.exited_on
	FROM participants p JOIN municipalities mu ON mu.code = p.municipality_code
	WHERE p.cohort = $cohort
), c AS (
	SELECT pp.region, ext.quarter, pp.participant_id,
		pp.enrolled_on <= ext.q_end AND (pp.exited_on IS NULL OR pp.exited_on >= ext.q_start) AS active,
		pp.enrolled_on BETWEEN ext.q_start AND ext.q_end AS started,
		coalesce(pp.exited_on BETWEEN ext.q_start AND ext.q_end, false) AS exited,
		pp.enrolled_on < ext.q_start AND (pp.exited_on IS NULL OR pp.exited_on >= ext.q_start) AS cont
	FROM pp CROSS JOIN ext
), cells AS (
	SELECT CASE WHEN grouping(region) = 1 THEN NULL ELSE region END AS region,
		count(*) FILTER (WHERE active) AS a, count(*) FILTER (WHERE started) AS n,
		count(*) FILTER (WHERE exited) AS e, count(*) FILTER (WHERE cont) AS k
	FROM c GROUP BY GROUPING SETS ((region, quarter), (quarter))
), smallest AS (
	SELECT region, min(v) FILTER (WHERE v > 0) AS smallest FROM (SELECT region, unnest([a, n, e, k]) AS v FROM cells) GROUP BY region
), people AS (
	SELECT CASE WHEN grouping(region) = 1 THEN NULL ELSE region END AS region, count(*) AS people FROM pp GROUP BY GROUPING SETS ((region), ())
)
SELECT people.region, people.people::INTEGER AS people, smallest.smallest::INTEGER AS smallest
FROM people LEFT JOIN smallest ON smallest.region IS NOT DISTINCT FROM people.region
ORDER BY people.region NULLS FIRST`);

/**
 * The three series of the filters' selection (unreleased; releaseTrends
 * releases them). Over the whole time only: with a year chosen there are no
 * series, and the view says why (the release path protects the series as one
 * set of quarters, family.ts).
 */
export async function trendData(engine: Engine, f: Filters): Promise<TrendData> {
	if (f.from || f.to) return { cohort: f.cohort, quarters: [], participants: [], costs: [], goals: [], wholeTimeOnly: true, level: 'other', cells: [] };
	const values = selectionParams(f);
	const [participants, costs, goals, cells] = await Promise.all([
		run<ParticipantQuarter, SelectionParam>(engine, TREND_PARTICIPANTS_SQL, values),
		run<CostQuarter, SelectionParam>(engine, TREND_COSTS_SQL, values),
		run<GoalQuarter, SelectionParam>(engine, TREND_GOALS_SQL, values),
		run<CellCheck, 'cohort' | 'from' | 'to'>(engine, TREND_CELLS_SQL, { cohort: f.cohort, from: null, to: null })
	]);
	const level = f.municipalities.length || f.sex || f.ageBand ? 'other' : f.region ? 'region' : 'cohort';
	return { cohort: f.cohort, quarters: participants.map((p) => p.quarter), participants, costs, goals, wholeTimeOnly: false, level, cells };
}
