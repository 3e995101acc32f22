/**
 * The municipality comparison as clients of the release plan. A row of the
 * table is one place's selection (the cohort, a region or a municipality;
 * both sexes, all ages, the whole time): its participants are shown iff the
 * selection plan shows that selection. Every other column rests on a
 * subgroup of the row's participants, and is a table family of one row whose
 * contributors are that subgroup, for the whole cohort; the release path
 * intersects it with each selection, and the place hierarchy (a region is the
 * union of its municipalities, the cohort of its regions) comes from the
 * selection space, so "region minus its shown municipalities" is protected
 * column by column.
 *
 * The figures are whole-time figures: the contributor queries do not read
 * $from / $to (a year selection's cells are the year's people among them).
 *
 * Zeros are shown (hideZeros false): a row of 0 says that nobody of a shown
 * place (5 or more people) has goals, a measured outcome, both employment
 * records, paid services or a budget, a fact about the programme's process,
 * not about a small group.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { namedSql } from '#lib/query/sql.ts';
import { familyRelease, selectionRelease, type FamilyRelease, type FamilySource, type SelectionRelease } from '#lib/privacy/release/runtime.ts';
import { municipalityOutcomes, PERSON_CTES as C, type MunicipalityRaw } from './query.ts';
import { GOAL_FAMILY } from '../goals/family.ts';

/** Family ids, one per column group (its single row is ROW). */
export const MUNICIPALITY_FAMILY = {
	/** People with at least one goal: goals and goal attainment. */
	goals: 'municipalities.goals',
	/** People with the main outcome measured: share improved. */
	outcome: 'municipalities.outcome',
	/** Adults with both employment records: change in number employed. */
	employment: 'municipalities.employment',
	/** People with paid services: cost per participant (and per month). */
	cost: 'municipalities.cost',
	/** People with an IB budget: budget use. */
	budget: 'municipalities.budget'
} as const;

export type MunicipalityFamily = keyof typeof MUNICIPALITY_FAMILY;

/** The one row of each family: the people the column rests on. */
export const ROW = 'people';

function family(key: MunicipalityFamily, ctes: string, from: string): FamilySource {
	return {
		id: MUNICIPALITY_FAMILY[key],
		rows: [ROW],
		contributors: namedSql(`WITH ${C.sel}, ${ctes} SELECT DISTINCT participant_id, '${ROW}' AS row FROM ${from}`)
	};
}

const GOALS = family('goals', C.goal, 'goal');
/**
 * The share improved is a count of people (3 of 10 improved are 3 people), and the
 * change in employment is the difference of two counts: their families have a row
 * per group, with the people measured as the union, so each group is protected.
 */
const OUTCOME: FamilySource = {
	id: MUNICIPALITY_FAMILY.outcome,
	rows: [ROW, 'improved', 'not_improved'],
	contributors: namedSql(`WITH ${C.sel}, ${C.outcome}
		SELECT participant_id, '${ROW}' AS row FROM outcome WHERE improved IS NOT NULL
		UNION ALL SELECT participant_id, CASE WHEN improved THEN 'improved' ELSE 'not_improved' END FROM outcome WHERE improved IS NOT NULL`),
	tableConstraints: () => [{ total: ROW, parts: ['improved', 'not_improved'] }]
};
const EMPLOYMENT: FamilySource = {
	id: MUNICIPALITY_FAMILY.employment,
	rows: [ROW, 'employed_before', 'not_employed_before', 'employed_after', 'not_employed_after'],
	contributors: namedSql(`WITH ${C.sel}, ${C.emp}, emp_pairs AS (SELECT * FROM emp WHERE base IS NOT NULL AND fol IS NOT NULL)
		SELECT participant_id, '${ROW}' AS row FROM emp_pairs
		UNION ALL SELECT participant_id, CASE WHEN base THEN 'employed_before' ELSE 'not_employed_before' END FROM emp_pairs
		UNION ALL SELECT participant_id, CASE WHEN fol THEN 'employed_after' ELSE 'not_employed_after' END FROM emp_pairs`),
	tableConstraints: () => [
		{ total: ROW, parts: ['employed_before', 'not_employed_before'] },
		{ total: ROW, parts: ['employed_after', 'not_employed_after'] }
	]
};
const COST = family('cost', C.cost, 'cost WHERE spent IS NOT NULL');
const BUDGET = family('budget', C.budget, 'budget WHERE indicative IS NOT NULL');

/**
 * The families of each cohort's table (employment is an adults' column).
 * Goal attainment is the goals view's score over its goals, so it is released
 * by the goals view's own family (GOAL_FAMILY): shown only where that view
 * shows every level it rests on. Released by a family of its own, it could be
 * shown where the goals view hides "partly" and "not", and attainment with
 * the achieved count would give those small cells away.
 */
export const MUNICIPALITY_FAMILIES: Record<Cohort, readonly FamilySource[]> = {
	child: [GOALS, GOAL_FAMILY, OUTCOME, COST, BUDGET],
	adult: [GOALS, GOAL_FAMILY, OUTCOME, EMPLOYMENT, COST, BUDGET]
};

/** The raw rows and the plans they are released with. */
export interface MunicipalityData {
	cohort: Cohort;
	rows: MunicipalityRaw[];
	/** The cohort's selection plan: which places' rows may be shown. */
	selections: SelectionRelease;
	/** The plans of MUNICIPALITY_FAMILIES[cohort]. */
	families: readonly FamilyRelease[];
}

/**
 * The raw rows with the cohort's plans (of the dataset `revision`, the same
 * cached plans every other view and the gate use).
 */
export async function municipalityData(engine: Engine, cohort: Cohort, revision = 0): Promise<MunicipalityData> {
	const [rows, selections, families] = await Promise.all([
		municipalityOutcomes(engine, cohort),
		selectionRelease(engine, cohort, revision),
		Promise.all(MUNICIPALITY_FAMILIES[cohort].map((s) => familyRelease(engine, cohort, s, revision)))
	]);
	return { cohort, rows, selections, families };
}
