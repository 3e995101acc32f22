/**
 * Outcomes and costs by municipality, with planning-region subtotals and the
 * total, for one cohort — and the disclosure control that decides what of it
 * may be shown.
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
 * Only the cohort filter applies here: other filters (sex, age, a subset of
 * municipalities) would let a reader subtract two views of the same
 * municipality from each other and find a small group.
 */
import { query, type Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { DEFAULT_MIN_CELL } from '#lib/privacy/threshold.ts';
import { suppressNested, type NestedRow, type SuppressionReason } from '#lib/privacy/suppression.ts';

export type RowLevel = 'municipality' | 'region' | 'total';

/** Counts and sums of one row, before disclosure control. */
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

export const MUNICIPALITY_OUTCOMES_SQL = `
WITH sel AS (
	SELECT p.participant_id, p.municipality_code, mu.region, p.programme
	FROM participants p JOIN municipalities mu ON mu.code = p.municipality_code
	WHERE p.cohort = ?
), goal AS (
	SELECT g.participant_id, count(*)::INTEGER AS goals,
		sum(CASE g.attainment WHEN 'achieved' THEN 1.0 WHEN 'partly' THEN 0.5 ELSE 0.0 END)::DOUBLE AS score
	FROM plan_goals g JOIN sel USING (participant_id)
	GROUP BY g.participant_id
), sfk_dim AS (
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
), emp AS (
	SELECT e.participant_id,
		bool_or(e.status <> 'not_employed') FILTER (WHERE e.wave = 'baseline') AS base,
		bool_or(e.status <> 'not_employed') FILTER (WHERE e.wave = 'followup') AS fol
	FROM employment e JOIN sel USING (participant_id)
	GROUP BY e.participant_id
), cost AS (
	SELECT s.participant_id, sum(s.cost_eur)::DOUBLE AS spent
	FROM services s JOIN sel USING (participant_id)
	GROUP BY s.participant_id
), budget AS (
	SELECT b.participant_id, sum(b.indicative_eur)::DOUBLE AS indicative
	FROM budgets b JOIN sel USING (participant_id)
	GROUP BY b.participant_id
), person AS (
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
ORDER BY g DESC, agg.region, mu.name_lv`;

/** Raw rows: the total first, then regions, then municipalities (by region and name). */
export function municipalityOutcomes(engine: Engine, cohort: Cohort): Promise<MunicipalityRaw[]> {
	return query<MunicipalityRaw>(engine, MUNICIPALITY_OUTCOMES_SQL, [cohort]);
}

// ------------------------------------------------------------ disclosure ----

/** A shown number, or why it is hidden. */
export type Cell = { value: number; reason: null } | { value: null; reason: SuppressionReason };

const shown = (value: number | null): Cell =>
	value == null || !Number.isFinite(value) ? { value: null, reason: 'secondary' } : { value, reason: null };
const hidden = (reason: SuppressionReason): Cell => ({ value: null, reason });

/** One row as it may be published. */
export interface MunicipalityRow {
	level: RowLevel;
	code: string | null;
	name_lv: string | null;
	name_en: string | null;
	region: string | null;
	participants: Cell;
	goals: Cell;
	/** Goal score / goals (0..1). */
	attainment: Cell;
	/** Share improved on the main outcome (0..1). */
	improved: Cell;
	/** Employed at follow-up − at baseline (adults), people. */
	employmentChange: Cell;
	costPerParticipant: Cell;
	costPerMonth: Cell;
	/** Paid / indicative (0..1). */
	budgetUse: Cell;
}

export function rowId(r: Pick<MunicipalityRaw, 'level' | 'code' | 'region'>): string {
	return r.level === 'total' ? 'total' : r.level === 'region' ? `region:${r.region}` : `mun:${r.code}`;
}

function parentId(r: MunicipalityRaw): string | null {
	return r.level === 'total' ? null : r.level === 'region' ? 'total' : `region:${r.region}`;
}

/**
 * Applies the disclosure rules to raw rows (see privacy/suppression.ts):
 *
 * 1. Participant counts: primary suppression below `min`, secondary across
 *    the municipalities of each region with the region subtotal, and across
 *    the regions with the total. A row whose participant count is hidden has
 *    every figure hidden (so region sums cannot give it away either).
 * 2. Each statistic rests on counts of people, which go through the same
 *    nested suppression (with the hidden rows of step 1 forced hidden):
 *    goal attainment on people with goals; share improved on improved / not
 *    improved; employment change on employed / not employed at baseline and
 *    at follow-up; costs per participant on people with paid services; budget
 *    use on people with a budget. The statistic is shown only if all of its
 *    counts are.
 *
 * Goals are not people, but a hidden row's goals are hidden with its row,
 * and step 1 leaves at least two hidden rows in any sum, so region totals of
 * goals do not reveal them either.
 */
export function discloseMunicipalities(raw: readonly MunicipalityRaw[], min = DEFAULT_MIN_CELL): MunicipalityRow[] {
	const nested = (counts: (r: MunicipalityRaw) => number[], forced: Iterable<string> = []) =>
		suppressNested(
			raw.map((r): NestedRow => ({ id: rowId(r), parent: parentId(r), counts: counts(r) })),
			{ min, forced }
		);
	const ok = (s: ReturnType<typeof nested>, id: string) =>
		s.cells.get(id)!.every((x) => x === null) && (s.totals.get(id) ?? null) === null;

	const people = nested((r) => [r.participants]);
	const hiddenRows = raw.map(rowId).filter((id) => people.cells.get(id)![0] !== null);
	const goalPeople = nested((r) => [r.goal_people], hiddenRows);
	const outcome = nested((r) => [r.outcome_improved, r.outcome_n - r.outcome_improved], hiddenRows);
	const empBase = nested((r) => [r.emp_baseline, r.emp_n - r.emp_baseline], hiddenRows);
	const empFol = nested((r) => [r.emp_followup, r.emp_n - r.emp_followup], hiddenRows);
	const served = nested((r) => [r.served], hiddenRows);
	const budget = nested((r) => [r.budget_people], hiddenRows);

	return raw.map((r) => {
		const id = rowId(r);
		const base = { level: r.level, code: r.code, name_lv: r.name_lv, name_en: r.name_en, region: r.region };
		const reason = people.cells.get(id)![0];
		if (reason !== null) {
			const h = hidden('secondary');
			return {
				...base,
				participants: hidden(reason),
				goals: h,
				attainment: h,
				improved: h,
				employmentChange: h,
				costPerParticipant: h,
				costPerMonth: h,
				budgetUse: h
			};
		}
		const perPerson = r.served > 0 ? r.spent_eur / r.served : null;
		const costOk = ok(served, id);
		return {
			...base,
			participants: shown(r.participants),
			goals: ok(goalPeople, id) && r.goals > 0 ? shown(r.goals) : hidden('secondary'),
			attainment: ok(goalPeople, id) && r.goals > 0 ? shown(r.goal_score / r.goals) : hidden('secondary'),
			improved: ok(outcome, id) && r.outcome_n > 0 ? shown(r.outcome_improved / r.outcome_n) : hidden('secondary'),
			employmentChange:
				ok(empBase, id) && ok(empFol, id) && r.emp_n > 0 ? shown(r.emp_followup - r.emp_baseline) : hidden('secondary'),
			costPerParticipant: costOk ? shown(perPerson) : hidden('secondary'),
			costPerMonth: costOk && perPerson != null && r.reporting_months > 0 ? shown(perPerson / r.reporting_months) : hidden('secondary'),
			budgetUse: ok(budget, id) && r.indicative_eur > 0 ? shown(r.budget_spent_eur / r.indicative_eur) : hidden('secondary')
		};
	});
}

/**
 * Codes of municipalities whose participant count is hidden (primary or
 * secondary). Other views should not show figures for a selection of one of
 * these (e.g. `?mun=CODE`): otherwise a region's figures minus a secondarily
 * hidden municipality's figures would give away the small one.
 *
 * @example hiddenMunicipalities(discloseMunicipalities(raw)) // ['LIEPAJA_C', 'TALSI_N']
 */
export function hiddenMunicipalities(rows: readonly MunicipalityRow[]): string[] {
	return rows
		.filter((r) => r.level === 'municipality' && r.code !== null && r.participants.value === null)
		.map((r) => r.code!)
		.sort();
}
