/**
 * Disclosure control of the municipality comparison: which figures of the
 * municipality, region and total rows may be published (the rules are in
 * discloseMunicipalities). Pure functions on plain rows; the rows come from
 * outcomes/municipalities/query.ts, and the disclosure gate of the filtered
 * views reads hiddenMunicipalities so that no view shows what this table hides.
 */
import { DEFAULT_MIN_CELL } from './threshold.ts';
import { suppressNested, type NestedRow, type SuppressionReason } from './suppression.ts';

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
