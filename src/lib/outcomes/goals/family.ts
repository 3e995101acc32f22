/**
 * The goals outcome's tables as table families of the release path.
 *
 * Attainment (`goals.attainment`): a row per plan domain and the all-domains
 * total, each split by attainment level: achieved, and the rest (`rest`:
 * partly, not, and `open`, goals without a rating, counted in "goals" but in
 * no level column). A row's people are those with goals of the domain (and
 * level) reviewed in the period, as GOAL_ATTAINMENT_SQL counts them. Goals
 * are a partition of the domains and of the levels, so the table's totals
 * are declared as unions: the total of the domains, each domain of achieved
 * and the rest, the rest of partly / not / open, and each level's total of
 * the domains' cells of that level. "Goals minus the shown levels" or "all
 * domains minus the shown domains" then never gives a hidden cell away.
 *
 * Why achieved and the rest first: where a small level (say 3 people's "not
 * achieved") must be hidden with a second level, the plan hides the smallest
 * shown part beside it. With the levels nested this way that part is
 * "partly", inside the rest, so the achieved counts (the published headline
 * level) stay shown where they can; flat, the smaller achieved cell would go.
 *
 * GAS (`goals.gas`): people with GAS ratings, split into T ≥ 50 and T < 50
 * (unweighted Kiresuk–Sherman T ≥ 50 exactly when the ratings sum to ≥ 0);
 * like GAS_RATINGS_SQL it takes the ratings whatever their review date.
 *
 * Quarter rows (the trends view): `q:YYYY-Qn:reviewed` (people with goals
 * reviewed in the quarter) and `q:YYYY-Qn:achieved` (with an achieved goal
 * reviewed in it). They are in this family because the quarters' goals add up
 * to the table's: every goal of the total row was reviewed in one quarter or
 * is open, and every achieved goal was reviewed in one quarter, so the total
 * is the union of `total:open` and the quarters' reviewed cells, and
 * `total:achieved` the union of the quarters' achieved cells.
 *
 * Zeros are shown: an empty level or an empty side of T = 50 follows from the
 * row's other figures anyway (goals minus the shown levels), as in the
 * published tables.
 */
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { quarterKeySql } from '#lib/query/quarters.ts';

export const GOAL_FAMILY_ID = 'goals.attainment';
export const GAS_FAMILY_ID = 'goals.gas';
/** The all-domains row's key (its domain_code is null in the query's rows). */
export const GOAL_TOTAL_ROW = 'total';
/**
 * Attainment levels: the three shown ones, `open` (no rating yet: no column
 * of its own, but what "goals minus the levels" would show) and `rest`
 * (everything but achieved: goals minus achieved).
 */
export const GOAL_LEVELS = ['achieved', 'rest', 'partly', 'not', 'open'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];
/** The levels inside `rest`. */
export const REST_LEVELS = ['partly', 'not', 'open'] as const satisfies readonly GoalLevel[];

export const GAS_RATED_ROW = 'rated';
export const GAS_AT_OR_ABOVE_ROW = 'at_or_above_50';
export const GAS_BELOW_ROW = 'below_50';

/** A quarter's row: people with goals reviewed in it ('reviewed') or with an achieved goal reviewed in it. */
export const goalQuarterRow = (quarter: string, what: 'reviewed' | 'achieved') => `q:${quarter}:${what}`;
export const isGoalQuarterRow = (row: string) => row.startsWith('q:');

/** A domain's (or the total's) row key: the domain code, or 'total' for the all-domains row. */
export const goalRowKey = (domainCode: string | null) => domainCode ?? GOAL_TOTAL_ROW;
/** The row key of a domain's (or the total's) level cell, e.g. 'C1:achieved'. */
export const goalLevelKey = (domainCode: string | null, level: GoalLevel) => `${goalRowKey(domainCode)}:${level}`;

const DOMAINS_SQL = namedSql<'cohort'>(`
	SELECT DISTINCT g.domain_code AS d
	FROM plan_goals g JOIN participants p USING (participant_id)
	WHERE p.cohort = $cohort AND g.domain_code IS NOT NULL
	ORDER BY 1`);

// The quarters with reviews (the trends view shows 0 goals for the others).
const REVIEW_QUARTERS_SQL = namedSql<'cohort'>(`
	SELECT DISTINCT ${quarterKeySql('g.reviewed_on')} AS q
	FROM plan_goals g JOIN participants p USING (participant_id)
	WHERE p.cohort = $cohort AND g.reviewed_on IS NOT NULL
	ORDER BY 1`);

async function goalRows(engine: Engine, cohort: Cohort): Promise<string[]> {
	const [domainRows, quarterRows] = await Promise.all([
		run<{ d: string }, 'cohort'>(engine, DOMAINS_SQL, { cohort }),
		run<{ q: string }, 'cohort'>(engine, REVIEW_QUARTERS_SQL, { cohort })
	]);
	const domains = domainRows.map((r) => r.d);
	const quarters = quarterRows.map((r) => r.q);
	return [
		...[...domains, GOAL_TOTAL_ROW].flatMap((d) => [d, ...GOAL_LEVELS.map((l) => `${d}:${l}`)]),
		...quarters.flatMap((q) => [goalQuarterRow(q, 'reviewed'), goalQuarterRow(q, 'achieved')])
	];
}

/**
 * The attainment table's unions: total = its domains; every row = achieved
 * and the rest, the rest = partly, not and open; every level's total = the
 * domains' cells of that level.
 */
export function goalTableConstraints(rows: readonly string[]): { total: string; parts: string[] }[] {
	const domains = rows.filter((r) => !r.includes(':') && r !== GOAL_TOTAL_ROW);
	const all = [...domains, GOAL_TOTAL_ROW];
	const quarters = rows.filter((r) => isGoalQuarterRow(r) && r.endsWith(':reviewed')).map((r) => r.split(':')[1]);
	const byQuarter = quarters.length
		? [
				{ total: GOAL_TOTAL_ROW, parts: [`${GOAL_TOTAL_ROW}:open`, ...quarters.map((q) => goalQuarterRow(q, 'reviewed'))] },
				{ total: `${GOAL_TOTAL_ROW}:achieved`, parts: quarters.map((q) => goalQuarterRow(q, 'achieved')) }
			]
		: [];
	return [
		...byQuarter,
		{ total: GOAL_TOTAL_ROW, parts: domains },
		...all.flatMap((d) => [
			{ total: d, parts: [`${d}:achieved`, `${d}:rest`] },
			{ total: `${d}:rest`, parts: REST_LEVELS.map((l) => `${d}:${l}`) }
		]),
		...GOAL_LEVELS.map((l) => ({ total: `${GOAL_TOTAL_ROW}:${l}`, parts: domains.map((d) => `${d}:${l}`) }))
	];
}

export const GOAL_FAMILY: FamilySource = {
	id: GOAL_FAMILY_ID,
	// Both pilots published their goal tables by domain and level (achieved / partly / not).
	publishedRows: (_cohort, rows) => rows.filter((r) => !r.endsWith(':open') && !r.endsWith(':rest') && !isGoalQuarterRow(r)),
	// A year's figures add up to the whole time's (each service month, each review, in one year).
	periodAdditive: true,
	rows: goalRows,
	// The same goals as GOAL_ATTAINMENT_SQL: reviewed within the period's inclusive bounds.
	contributors: namedSql(`
		WITH g AS (
			SELECT DISTINCT g.participant_id, g.domain_code,
				CASE WHEN g.attainment IN ('achieved', 'partly', 'not') THEN g.attainment ELSE 'open' END AS level
			FROM plan_goals g JOIN participants p ON p.participant_id = g.participant_id
			WHERE p.cohort = $cohort
				AND ($from::DATE IS NULL OR g.reviewed_on >= $from::DATE) AND ($to::DATE IS NULL OR g.reviewed_on <= $to::DATE)
			UNION
			SELECT g.participant_id, g.domain_code, 'rest' AS level
			FROM plan_goals g JOIN participants p ON p.participant_id = g.participant_id
			WHERE p.cohort = $cohort AND g.attainment IS DISTINCT FROM 'achieved'
				AND ($from::DATE IS NULL OR g.reviewed_on >= $from::DATE) AND ($to::DATE IS NULL OR g.reviewed_on <= $to::DATE)
		)
		SELECT DISTINCT participant_id, domain_code AS row FROM g WHERE domain_code IS NOT NULL
		UNION ALL
		SELECT participant_id, domain_code || ':' || level AS row FROM g WHERE domain_code IS NOT NULL
		UNION ALL
		SELECT DISTINCT participant_id, '${GOAL_TOTAL_ROW}' AS row FROM g
		UNION ALL
		SELECT DISTINCT participant_id, '${GOAL_TOTAL_ROW}:' || level AS row FROM g
		UNION ALL
		SELECT DISTINCT g.participant_id, 'q:' || ${quarterKeySql('g.reviewed_on')} || ':' || w.what AS row
		FROM plan_goals g JOIN participants p ON p.participant_id = g.participant_id,
			(VALUES ('reviewed'), ('achieved')) w(what)
		WHERE p.cohort = $cohort AND g.reviewed_on IS NOT NULL AND (w.what = 'reviewed' OR g.attainment = 'achieved')
			AND ($from::DATE IS NULL OR g.reviewed_on >= $from::DATE) AND ($to::DATE IS NULL OR g.reviewed_on <= $to::DATE)`),
	tableConstraints: goalTableConstraints
};

export const GAS_FAMILY: FamilySource = {
	id: GAS_FAMILY_ID,
	rows: [GAS_RATED_ROW, GAS_AT_OR_ABOVE_ROW, GAS_BELOW_ROW],
	// Unweighted T = 50 + 10·Σx / √(0.7k + 0.3k²): T ≥ 50 exactly when Σx ≥ 0.
	contributors: namedSql(`
		WITH r AS (
			SELECT g.participant_id, sum(g.gas_rating) AS s
			FROM plan_goals g JOIN participants p ON p.participant_id = g.participant_id
			WHERE p.cohort = $cohort AND g.gas_rating IS NOT NULL
			GROUP BY g.participant_id
		)
		SELECT participant_id, '${GAS_RATED_ROW}' AS row FROM r
		UNION ALL
		SELECT participant_id, CASE WHEN s >= 0 THEN '${GAS_AT_OR_ABOVE_ROW}' ELSE '${GAS_BELOW_ROW}' END AS row FROM r`),
	tableConstraints: () => [{ total: GAS_RATED_ROW, parts: [GAS_AT_OR_ABOVE_ROW, GAS_BELOW_ROW] }]
};
