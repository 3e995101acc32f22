/**
 * The budget figures as a table family of the release path. Rows:
 * - 'budget': the budget people (a plan period overlapping the period); the
 *   amounts table (totals, means, medians, per month), the median ratios and
 *   the caption's n and months rest on them;
 * - 'indicative:<bin>' and 'agreed:<bin>': the people in each bin of spend as
 *   a share of the indicative / agreed amount (UTILISATION_BINS order). Each
 *   series' bins partition the budget people (less anybody whose amount is 0),
 *   so both are declared with 'budget' as their total. The note "spent above
 *   the agreed amount" is the last agreed bin and goes with it;
 * - 'agreed_above_indicative': the data-quality note's people.
 * Zeros are shown: an empty bin says nothing about a person.
 */
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import { namedSql } from '#lib/query/sql.ts';
import { PERSON_BUDGETS_CTE } from './query.ts';
import { AGREED_ABOVE_ROW, BUDGET_FAMILY_ID, BUDGET_ROW, UTILISATION_BINS, binRow, type BudgetSeries } from './summary.ts';

const BINS = UTILISATION_BINS.map((_, i) => i);
const seriesRows = (series: BudgetSeries) => BINS.map((i) => binRow(series, i));

/** binOf (summary.ts) in SQL: exactly 100% belongs to the 90–100% bin, over 100% to the last. */
function binSql(x: string): string {
	const last = UTILISATION_BINS.length - 1;
	const lower = UTILISATION_BINS.slice(1, last)
		.map(([from], k) => ({ from, bin: k + 1 }))
		.reverse()
		.map(({ from, bin }) => `WHEN ${x} >= ${from}::DOUBLE THEN ${bin}`)
		.join(' ');
	return `CASE WHEN ${x} > 1::DOUBLE THEN ${last} ${lower} ELSE 0 END`;
}

export const BUDGET_FAMILY: FamilySource = {
	id: BUDGET_FAMILY_ID,
	rows: [BUDGET_ROW, ...seriesRows('indicative'), ...seriesRows('agreed'), AGREED_ABOVE_ROW],
	// The whole cohort, with BUDGETS_SQL's own per-person figures and period rule.
	contributors: namedSql(`
		WITH sel AS (SELECT participant_id FROM participants WHERE cohort = $cohort), ${PERSON_BUDGETS_CTE}
		SELECT participant_id, '${BUDGET_ROW}' AS row FROM pb
		UNION ALL
		SELECT participant_id, 'indicative:' || ${binSql('spent_eur / indicative_eur')} AS row FROM pb WHERE indicative_eur > 0
		UNION ALL
		SELECT participant_id, 'agreed:' || ${binSql('spent_eur / agreed_eur')} AS row FROM pb WHERE agreed_eur > 0
		UNION ALL
		SELECT participant_id, '${AGREED_ABOVE_ROW}' AS row FROM pb WHERE agreed_eur > indicative_eur + 0.005::DOUBLE`),
	tableConstraints: () => [
		{ total: BUDGET_ROW, parts: seriesRows('indicative') },
		{ total: BUDGET_ROW, parts: seriesRows('agreed') }
	]
};
