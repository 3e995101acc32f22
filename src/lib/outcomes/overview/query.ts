/**
 * Overview: per cohort, participants, municipalities, periods and total cost.
 * Every figure is a query on row-level data, and what the page shows has
 * passed the release path (view.ts): each cohort as its whole-cohort
 * selection, with the cost table's family for the people served and the cost.
 */
import type { Engine } from '#lib/db/engine.ts';
import { namedSql, run } from '#lib/query/sql.ts';

export interface CohortOverview {
	cohort: 'child' | 'adult';
	programme: string;
	participants: number;
	municipalities: number;
	served: number;
	enrolledFrom: string;
	exitedTo: string;
	firstServiceMonth: string | null;
	lastServiceMonth: string | null;
	serviceMonths: number;
	serviceCost: number;
	overheadCost: number;
	totalCost: number;
	municipalityNames: string;
	municipalityNamesEn: string;
}

// The whole dataset per cohort: the overview takes no filters, so binds nothing.
export const OVERVIEW_SQL = namedSql<never>(`
WITH p AS (
	SELECT cohort,
		any_value(programme) AS programme,
		count(*)::INTEGER AS participants,
		count(DISTINCT municipality_code)::INTEGER AS municipalities,
		-- Months, not days: a first enrolment or last exit date is one person's.
		strftime(min(enrolled_on), '%Y-%m') AS enrolledFrom,
		strftime(max(exited_on), '%Y-%m') AS exitedTo
	FROM participants GROUP BY cohort
), m AS (
	SELECT cohort,
		string_agg(DISTINCT mu.name_lv, ', ' ORDER BY mu.name_lv) AS municipalityNames,
		string_agg(DISTINCT mu.name_en, ', ' ORDER BY mu.name_en) AS municipalityNamesEn
	FROM participants pa JOIN municipalities mu ON mu.code = pa.municipality_code
	GROUP BY cohort
), s AS (
	-- From the person × month summary (db/summaries.ts): a person-month's cost is > 0 exactly
	-- when one of its service rows is (costs are never negative), and it has every service month.
	SELECT pa.cohort,
		count(DISTINCT s.participant_id) FILTER (WHERE s.cost_eur > 0)::INTEGER AS served,
		strftime(min(s.month), '%Y-%m') AS firstServiceMonth,
		strftime(max(s.month), '%Y-%m') AS lastServiceMonth,
		round(sum(s.cost_eur), 2)::DOUBLE AS serviceCost
	FROM cost_person_month s JOIN participants pa USING (participant_id)
	GROUP BY pa.cohort
), o AS (
	SELECT cohort, round(sum(cost_eur), 2)::DOUBLE AS overheadCost FROM overheads GROUP BY cohort
)
SELECT p.*, m.municipalityNames, m.municipalityNamesEn,
	coalesce(s.served, 0)::INTEGER AS served,
	s.firstServiceMonth, s.lastServiceMonth,
	coalesce(date_diff('month', strptime(s.firstServiceMonth || '-01', '%Y-%m-%d'), strptime(s.lastServiceMonth || '-01', '%Y-%m-%d')) + 1, 0)::INTEGER AS serviceMonths,
	coalesce(s.serviceCost, 0)::DOUBLE AS serviceCost,
	coalesce(o.overheadCost, 0)::DOUBLE AS overheadCost,
	round(coalesce(s.serviceCost, 0) + coalesce(o.overheadCost, 0), 2)::DOUBLE AS totalCost
FROM p LEFT JOIN m USING (cohort) LEFT JOIN s USING (cohort) LEFT JOIN o USING (cohort)
ORDER BY CASE p.cohort WHEN 'child' THEN 0 ELSE 1 END`);

export function overview(engine: Engine): Promise<CohortOverview[]> {
	return run<CohortOverview, never>(engine, OVERVIEW_SQL, {});
}

