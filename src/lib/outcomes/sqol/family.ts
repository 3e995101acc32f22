/**
 * Subjective quality of life as a table family of the release path: per
 * aspect, the people who rated it (the aspect's n) and its category rows
 * (better / same / worse, and "not better" = same ∪ worse); the persons with
 * any rating and the two groups they fall into (more aspects better than
 * worse, or not: the headline's "positive change").
 *
 * Constraints (totals that are unions of other rows): persons = net positive
 * ∪ not; per aspect not better = same ∪ worse, the aspect = better ∪ not
 * better, and the aspect = better ∪ same ∪ worse. "Not better" is declared
 * first: where a small "worse" must be covered, the plan then hides "same"
 * with it and keeps "better" (the aspect's share better, which the page and
 * the report are about), instead of hiding the smaller of better and same.
 *
 * The contributors are SQOL_COUNTS_SQL's ratings for the whole cohort: the
 * period applies to the rating date, as in the view's query.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import { namedSql, run } from '#lib/query/sql.ts';

export const SQOL_FAMILY_ID = 'sqol.aspects';

export const PERSONS_ROW = 'persons';
export const NET_POSITIVE_ROW = 'net_positive';
export const NOT_NET_POSITIVE_ROW = 'not_net_positive';

export type SqolCategory = 'better' | 'same' | 'worse' | 'not_better';
const CATEGORIES: readonly SqolCategory[] = ['better', 'not_better', 'same', 'worse'];

/** The row of an aspect's raters ('a:leisure') or of one category of them ('a:leisure:worse'). */
export function aspectRow(code: string, category?: SqolCategory): string {
	return category ? `a:${code}:${category}` : `a:${code}`;
}

export function sqolRows(codes: readonly string[]): string[] {
	return [PERSONS_ROW, NET_POSITIVE_ROW, NOT_NET_POSITIVE_ROW, ...codes.flatMap((c) => [aspectRow(c), ...CATEGORIES.map((k) => aspectRow(c, k))])];
}

export function sqolConstraints(rows: readonly string[]): { total: string; parts: string[] }[] {
	const aspects = rows.filter((r) => /^a:[^:]+$/.test(r));
	return [
		{ total: PERSONS_ROW, parts: [NET_POSITIVE_ROW, NOT_NET_POSITIVE_ROW] },
		...aspects.flatMap((a) => [
			// Order matters (see above): "not better" first.
			{ total: `${a}:not_better`, parts: [`${a}:same`, `${a}:worse`] },
			{ total: a, parts: [`${a}:better`, `${a}:not_better`] },
			{ total: a, parts: [`${a}:better`, `${a}:same`, `${a}:worse`] }
		])
	];
}

const ASPECTS_SQL = namedSql<never>(`SELECT dimension_code FROM instrument_dimensions WHERE instrument = 'sqol' ORDER BY sort_order, dimension_code`);

export const SQOL_FAMILY: FamilySource = {
	id: SQOL_FAMILY_ID,
	rows: async (engine: Engine) => sqolRows((await run<{ dimension_code: string }, never>(engine, ASPECTS_SQL, {})).map((r) => r.dimension_code)),
	contributors: namedSql(`
		WITH r AS (
			SELECT a.participant_id, a.dimension_code, a.score::INTEGER AS rating
			FROM assessments a JOIN participants p USING (participant_id)
			WHERE p.cohort = $cohort AND a.instrument = 'sqol' AND a.wave = 'followup' AND a.score IN (-1, 0, 1)
				AND ($from::DATE IS NULL OR a.assessed_on >= $from::DATE) AND ($to::DATE IS NULL OR a.assessed_on <= $to::DATE)
		),
		per AS (
			SELECT participant_id, count(*) FILTER (WHERE rating > 0) AS better, count(*) FILTER (WHERE rating < 0) AS worse
			FROM r GROUP BY participant_id
		)
		SELECT participant_id, '${PERSONS_ROW}' AS row FROM per
		UNION ALL
		SELECT participant_id, CASE WHEN better > worse THEN '${NET_POSITIVE_ROW}' ELSE '${NOT_NET_POSITIVE_ROW}' END AS row FROM per
		UNION ALL
		SELECT participant_id, 'a:' || dimension_code AS row FROM r
		UNION ALL
		SELECT participant_id, 'a:' || dimension_code || ':' || CASE WHEN rating > 0 THEN 'better' WHEN rating < 0 THEN 'worse' ELSE 'same' END AS row FROM r
		UNION ALL
		SELECT participant_id, 'a:' || dimension_code || ':not_better' AS row FROM r WHERE rating <= 0`),
	tableConstraints: sqolConstraints
};
