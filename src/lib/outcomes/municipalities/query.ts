/**
 * Outcomes and costs by municipality, with planning-region subtotals and the
 * total, for one cohort, as raw counts and sums; the release path decides
 * what of them may be shown (family.ts, summary.ts).
 *
 * Definitions (per row = municipality, region or all):
 * - participants: people admitted to the cohort's programme.
 * - goal attainment: Σ score / goals, score achieved 1, partly 0.5, not 0
 *   (the same rate as the goals view).
 * - improved on the main outcome:
 *   children — SFK (ICF) positive change: at least one d1–d9 qualifier lower
 *   (better) at follow-up than at baseline and none higher, qualifiers 8 and
 *   9 excluded; of children with at least one comparable domain (47 of 102 in
 *   the pilot, as in the seeds);
 *   adults — "changes in your life overall" rated better in the subjective
 *   quality-of-life questionnaire; of adults who answered it (82 of 97).
 * - employment change (adults): employed at follow-up − employed at baseline,
 *   among adults with both records; employed = any status except
 *   not_employed (16 → 29 in the pilot).
 * - cost per participant: paid service cost / people with paid services (as
 *   in the cost tables); per month: divided by the programme's
 *   reporting_months.
 * - budget use: paid service cost / IB indicative amounts of the same people.
 *
 * Only the cohort filter applies here: the table shows every place of the
 * cohort, for both sexes, all ages and the whole time. The people each
 * column rests on are read by family.ts from the same CTEs (PERSON_CTES), so
 * the release plan protects exactly the groups the figures are computed on.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';

export type RowLevel = 'municipality' | 'region' | 'total';

/** Counts and sums of one row, before release. */
export interface MunicipalityRaw {
	level: RowLevel;
	/** Municipality code; null for region and total rows. */
	code: string | null;
	name_lv: string | null;
	name_en: string | null;
	/** Planning region; null for the total row. */
	region: string | null;
	participants: number;
	/** People with at least one goal. */
	goal_people: number;
	goals: number;
	goal_score: number;
	/** People with the main outcome measured, and of them improved. */
	outcome_n: number;
	outcome_improved: number;
	/** Adults with both employment records; employed at baseline / follow-up. */
	emp_n: number;
	emp_baseline: number;
	emp_followup: number;
	/** People with paid services, and their paid cost. */
	served: number;
	spent_eur: number;
	/** People with a budget, their paid cost and their indicative amounts. */
	budget_people: number;
	budget_spent_eur: number;
	indicative_eur: number;
	/** Divisor of "per month" figures (the programme's reporting_months). */
	reporting_months: number;
}

/**
 * One CTE per figure group, on the cohort's participants (`sel`, binds
 * $cohort); a person is in `goal`, `outcome` (with improved not null),
 * `emp` (with both waves), `cost` (spent not null), `budget` (indicative not
 * null) exactly when the table counts them in that column's people.
 */
export const PERSON_CTES = {
	sel: `sel AS (
	SELECT p.participant_id, p.municipality_code, mu.region, p.programme
	FROM participants p JOIN municipalities mu ON mu.code = p.municipality_code
	WHERE p.cohort = $cohort
)`,
	goal: `goal AS (
	SELECT g.participant_id, count(*)::INTEGER AS goals,
		sum(CASE g.attainment WHEN 'achieved' THEN 1.0 WHEN 'partly' THEN 0.5 ELSE 0.0 END)::DOUBLE AS score
	FROM plan_goals g JOIN sel USING (participant_id)
	GROUP BY g.participant_id
)`,
	outcome: `sfk_dim AS (
	SELECT a.participant_id, a.dimension_code,
		max(a.score) FILTER (WHERE a.wave = 'baseline') AS b,
		max(a.score) FILTER (WHERE a.wave = 'followup') AS f
	FROM assessments a JOIN sel USING (participant_id)
	WHERE a.instrument = 'sfk'
	GROUP BY a.participant_id, a.dimension_code
), sfk AS (
	SELECT participant_id,
		count(*) FILTER (WHERE f < b) AS better,
		count(*) FILTER (WHERE f > b) AS worse
	FROM sfk_dim
	WHERE b BETWEEN 0 AND 4 AND f BETWEEN 0 AND 4
	GROUP BY participant_id
), sqol AS (
	SELECT a.participant_id, max(a.score) AS rating
	FROM assessments a JOIN sel USING (participant_id)
	WHERE a.instrument = 'sqol' AND a.dimension_code = 'life_overall' AND a.wave = 'followup'
	GROUP BY a.participant_id
), outcome AS (
	SELECT participant_id, (better > 0 AND worse = 0) AS improved FROM sfk
	UNION ALL
	SELECT participant_id, rating > 0 AS improved FROM sqol
	WHERE participant_id NOT IN (SELECT participant_id FROM sfk)
)`,
	emp: `emp AS (
	SELECT e.participant_id,
		bool_or(e.status <> 'not_employed') FILTER (WHERE e.wave = 'baseline') AS base,
		bool_or(e.status <> 'not_employed') FILTER (WHERE e.wave = 'followup') AS fol
	FROM employment e JOIN sel USING (participant_id)
	GROUP BY e.participant_id
)`,
	cost: `cost AS (
	SELECT s.participant_id, sum(s.cost_eur)::DOUBLE AS spent
	FROM services s JOIN sel USING (participant_id)
	GROUP BY s.participant_id
)`,
	budget: `budget AS (
	SELECT b.participant_id, sum(b.indicative_eur)::DOUBLE AS indicative
	FROM budgets b JOIN sel USING (participant_id)
	GROUP BY b.participant_id
)`
} as const;

const C = PERSON_CTES;

export const MUNICIPALITY_OUTCOMES = namedSql<'cohort'>(`
WITH ${C.sel}, ${C.goal}, ${C.outcome}, ${C.emp}, ${C.cost}, ${C.budget}, person AS (
	SELECT sel.participant_id, sel.municipality_code, sel.region, pr.reporting_months,
		goal.goals, goal.score,
		outcome.improved,
		emp.base AS emp_base, emp.fol AS emp_fol,
		cost.spent, budget.indicative
	FROM sel
	LEFT JOIN programmes pr ON pr.programme = sel.programme
	LEFT JOIN goal USING (participant_id)
	LEFT JOIN outcome USING (participant_id)
	LEFT JOIN emp USING (participant_id)
	LEFT JOIN cost USING (participant_id)
	LEFT JOIN budget USING (participant_id)
), agg AS (
	SELECT
		region, municipality_code,
		grouping(region, municipality_code) AS g,
		count(*)::INTEGER AS participants,
		count(goals)::INTEGER AS goal_people,
		coalesce(sum(goals), 0)::INTEGER AS goals,
		coalesce(sum(score), 0)::DOUBLE AS goal_score,
		count(improved)::INTEGER AS outcome_n,
		count(*) FILTER (WHERE improved)::INTEGER AS outcome_improved,
		count(*) FILTER (WHERE emp_base IS NOT NULL AND emp_fol IS NOT NULL)::INTEGER AS emp_n,
		count(*) FILTER (WHERE emp_base AND emp_fol IS NOT NULL)::INTEGER AS emp_baseline,
		count(*) FILTER (WHERE emp_fol AND emp_base IS NOT NULL)::INTEGER AS emp_followup,
		count(spent)::INTEGER AS served,
		coalesce(sum(spent), 0)::DOUBLE AS spent_eur,
		count(indicative)::INTEGER AS budget_people,
		coalesce(sum(coalesce(spent, 0)) FILTER (WHERE indicative IS NOT NULL), 0)::DOUBLE AS budget_spent_eur,
		coalesce(sum(indicative), 0)::DOUBLE AS indicative_eur,
		max(reporting_months)::INTEGER AS reporting_months
	FROM person
	GROUP BY GROUPING SETS ((region, municipality_code), (region), ())
)
SELECT
	CASE g WHEN 0 THEN 'municipality' WHEN 1 THEN 'region' ELSE 'total' END AS level,
	agg.municipality_code AS code, mu.name_lv, mu.name_en, agg.region,
	participants, goal_people, goals, goal_score, outcome_n, outcome_improved,
	emp_n, emp_baseline, emp_followup, served, spent_eur,
	budget_people, budget_spent_eur, indicative_eur, reporting_months
FROM agg LEFT JOIN municipalities mu ON mu.code = agg.municipality_code
ORDER BY g DESC, agg.region, mu.name_lv`);

/** Raw rows: the total first, then regions, then municipalities (by region and name). */
export function municipalityOutcomes(engine: Engine, cohort: Cohort): Promise<MunicipalityRaw[]> {
	return run<MunicipalityRaw, 'cohort'>(engine, MUNICIPALITY_OUTCOMES, { cohort });
}
