/**
 * Goal attainment by plan domain: each goal rated achieved = 1, partly = 0.5,
 * not = 0; a domain's score is the sum, shown as % of goals set (an attainment
 * rate, not Goal Attainment Scaling). Where GAS ratings (−2..+2) exist, the
 * Kiresuk–Sherman T-score per participant is summarised too (summary.ts).
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, selectionParams, type SelectionParam } from '#lib/query/selection.ts';

export interface GoalDomainRow {
	/** null for the "all domains" total row */
	domain_code: string | null;
	name_lv: string | null;
	name_en: string | null;
	participants: number;
	goals: number;
	achieved: number;
	partly: number;
	not_achieved: number;
	score: number;
	/** score / goals (0..1) */
	score_share: number | null;
	achieved_share: number | null;
	partly_share: number | null;
	not_share: number | null;
}

// A goal counts in the period when it was reviewed in it: the same inclusive
// bounds ($from, $to) as the selection's.
export const GOAL_ATTAINMENT_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL}),
g AS (
	SELECT g.*, sel.participant_id AS pid
	FROM plan_goals g JOIN sel USING (participant_id)
	WHERE ($from::DATE IS NULL OR g.reviewed_on >= $from::DATE) AND ($to::DATE IS NULL OR g.reviewed_on <= $to::DATE)
), agg AS (
	SELECT
		g.domain_code,
		count(DISTINCT g.pid)::INTEGER AS participants,
		count(*)::INTEGER AS goals,
		count(*) FILTER (WHERE g.attainment = 'achieved')::INTEGER AS achieved,
		count(*) FILTER (WHERE g.attainment = 'partly')::INTEGER AS partly,
		count(*) FILTER (WHERE g.attainment = 'not')::INTEGER AS not_achieved,
		sum(CASE g.attainment WHEN 'achieved' THEN 1.0 WHEN 'partly' THEN 0.5 ELSE 0.0 END)::DOUBLE AS score,
		grouping(g.domain_code) AS is_total
	FROM g
	GROUP BY GROUPING SETS ((g.domain_code), ())
)
SELECT
	CASE WHEN is_total = 1 THEN NULL ELSE agg.domain_code END AS domain_code,
	d.name_lv, d.name_en, participants, goals, achieved, partly, not_achieved, score,
	score / nullif(goals, 0) AS score_share,
	achieved / nullif(goals, 0) AS achieved_share,
	partly / nullif(goals, 0) AS partly_share,
	not_achieved / nullif(goals, 0) AS not_share
FROM agg LEFT JOIN plan_domains d ON d.code = agg.domain_code AND agg.is_total = 0
ORDER BY is_total, agg.domain_code`);

export function goalAttainment(engine: Engine, f: Filters): Promise<GoalDomainRow[]> {
	return run<GoalDomainRow, SelectionParam>(engine, GOAL_ATTAINMENT_SQL, selectionParams(f));
}

/**
 * GAS ratings per participant, for the Kiresuk–Sherman T-score: their sum
 * and number (with unit weights T needs nothing else, stats/kiresukShermanTOfSum),
 * and the lowest and highest, to refuse a rating outside −2..+2 as
 * kiresukShermanT would. Ordered by participant, so the mean T is summed in
 * the same order as before.
 */
export const GAS_RATINGS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL})
SELECT sum(g.gas_rating)::INTEGER AS rating_sum, count(*)::INTEGER AS goals,
	min(g.gas_rating)::INTEGER AS lowest, max(g.gas_rating)::INTEGER AS highest
FROM plan_goals g JOIN sel USING (participant_id)
WHERE g.gas_rating IS NOT NULL
GROUP BY g.participant_id ORDER BY g.participant_id`);

/** One person's GAS ratings, summed. */
export interface GasRatings {
	rating_sum: number;
	goals: number;
	lowest: number;
	highest: number;
}

export function gasRatings(engine: Engine, f: Filters): Promise<GasRatings[]> {
	return run<GasRatings, SelectionParam>(engine, GAS_RATINGS_SQL, selectionParams(f));
}
