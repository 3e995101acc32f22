/**
 * Individual budgets per participant: the plan periods overlapping the period
 * filter, summed, with the paid cost of services in months inside them
 * (summarised in summary.ts).
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, selectionParams, type SelectionParam } from '#lib/query/selection.ts';
import { summariseBudgets, type BudgetSummary, type ParticipantBudget } from './summary.ts';

/**
 * Per participant of a `sel` CTE (participant_id): the plan periods
 * overlapping $from / $to (the period's first and last day: a plan period
 * counts when it overlaps them), summed, with the paid cost of services in
 * months inside them, as the CTE `pb`. The release path's contributor query
 * (family.ts) uses the same text, so the budget people and their bins are
 * exactly those of the view.
 */
export const PERSON_BUDGETS_CTE = `
b AS (
	SELECT b.* FROM budgets b JOIN sel ON sel.participant_id = b.participant_id
	WHERE ($from::DATE IS NULL OR b.period_end >= $from::DATE) AND ($to::DATE IS NULL OR b.period_start <= $to::DATE)
), spent AS (
	-- Paid cost in each plan period's months, summed once per dataset (db/summaries.ts):
	-- a lookup per plan period instead of a range join over person-months.
	SELECT sp.participant_id, sp.period_start, sp.spent_eur AS spent
	FROM budget_period_spent sp WHERE sp.participant_id IN (SELECT participant_id FROM b)
), pb AS (
	SELECT b.participant_id,
		sum(b.months)::INTEGER AS months,
		round(sum(b.indicative_eur), 2)::DOUBLE AS indicative_eur,
		round(sum(b.agreed_eur), 2)::DOUBLE AS agreed_eur,
		round(sum(sp.spent), 2)::DOUBLE AS spent_eur
	FROM b JOIN spent sp ON sp.participant_id = b.participant_id AND sp.period_start = b.period_start
	GROUP BY b.participant_id
)`;

export const BUDGETS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL}), ${PERSON_BUDGETS_CTE}
SELECT participant_id, months, indicative_eur, agreed_eur, spent_eur FROM pb ORDER BY participant_id`);

export function participantBudgets(engine: Engine, f: Filters): Promise<ParticipantBudget[]> {
	return run<ParticipantBudget, SelectionParam>(engine, BUDGETS_SQL, selectionParams(f));
}

export async function budgetSummary(engine: Engine, f: Filters): Promise<BudgetSummary> {
	return summariseBudgets(await participantBudgets(engine, f));
}
