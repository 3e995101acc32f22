/**
 * One instrument's paired results for one informant as a table family of the
 * release path (privacy/release/): a row per dimension (the people with both
 * waves in it: its n, means, change, effect size and test rest on them), the
 * dimension's improved / unchanged / worse rows (a partition of it, declared
 * with it, so the dimension's n minus the shown counts is protected too), and
 * the respondents (people with at least one pair: the headline's n).
 *
 * The contributors are the pairs of ASSESSMENT_PAIRS_SQL for the whole cohort:
 * the period keeps pairs whose follow-up was assessed inside it, as the view's
 * query does; the release path intersects them with each selection.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import type { Informant, Instrument } from './query.ts';

export const RESPONDENTS_ROW = 'respondents';
export type ChangeKind = 'improved' | 'unchanged' | 'worse';
export const CHANGE_KINDS: readonly ChangeKind[] = ['improved', 'unchanged', 'worse'];

/** The row of a dimension's people ('d:physical'), or of its improved / unchanged / worse ('d:physical:improved'). */
export function dimensionRow(code: string, kind?: ChangeKind): string {
	return kind ? `d:${code}:${kind}` : `d:${code}`;
}

/** The rows of a family, given the instrument's dimension codes. */
export function pairedRows(codes: readonly string[]): string[] {
	return [RESPONDENTS_ROW, ...codes.flatMap((c) => [dimensionRow(c), ...CHANGE_KINDS.map((k) => dimensionRow(c, k))])];
}

/** Each dimension is the union of its improved, unchanged and worse people. */
export function pairedConstraints(rows: readonly string[]): { total: string; parts: string[] }[] {
	return rows
		.filter((r) => /^d:[^:]+$/.test(r))
		.map((total) => ({ total, parts: CHANGE_KINDS.map((k) => `${total}:${k}`) }));
}

const DIMENSION_CODES_SQL = namedSql<'instrument'>(`SELECT dimension_code FROM instrument_dimensions WHERE instrument = $instrument ORDER BY sort_order, dimension_code`);

// Instrument and informant are code constants, written into the SQL (the contributor query binds only $cohort, $from, $to).
const literal = (s: string) => {
	if (!/^[a-z0-9_]+$/.test(s)) throw new RangeError(`pairedFamily: not a code: ${s}`);
	return `'${s}'`;
};

/**
 * @example pairedFamily('kidscreen.child', 'kidscreen52', 'child').rows(engine, 'child')
 * // ['respondents', 'd:physical', 'd:physical:improved', 'd:physical:unchanged', 'd:physical:worse', …]
 */
export function pairedFamily(id: string, instrument: Instrument, informant: Informant): FamilySource {
	const ins = literal(instrument);
	const inf = literal(informant);
	return {
		id,
		rows: async (engine: Engine) => pairedRows((await run<{ dimension_code: string }, 'instrument'>(engine, DIMENSION_CODES_SQL, { instrument })).map((r) => r.dimension_code)),
		// The change of a pair is classified as comparePaired does: follow-up − baseline ≠ 0, in the dimension's better direction.
		contributors: namedSql(`
			WITH a AS (
				SELECT a.participant_id, a.wave, a.dimension_code, a.score, a.assessed_on
				FROM assessments a JOIN participants p USING (participant_id)
				WHERE p.cohort = $cohort AND a.instrument = ${ins} AND a.informant = ${inf}
			),
			pairs AS (
				SELECT b.participant_id, b.dimension_code, b.score AS baseline, f.score AS followup
				FROM a b JOIN a f ON f.participant_id = b.participant_id AND f.dimension_code = b.dimension_code
				WHERE b.wave = 'baseline' AND f.wave = 'followup'
					AND ($from::DATE IS NULL OR f.assessed_on >= $from::DATE) AND ($to::DATE IS NULL OR f.assessed_on <= $to::DATE)
			)
			SELECT participant_id, '${RESPONDENTS_ROW}' AS row FROM pairs
			UNION ALL
			SELECT participant_id, 'd:' || dimension_code AS row FROM pairs
			UNION ALL
			SELECT x.participant_id, 'd:' || x.dimension_code || ':' || CASE
					WHEN x.followup = x.baseline THEN 'unchanged'
					WHEN (x.followup > x.baseline) = d.higher_is_better THEN 'improved'
					ELSE 'worse'
				END AS row
			FROM pairs x JOIN instrument_dimensions d ON d.instrument = ${ins} AND d.dimension_code = x.dimension_code`),
		tableConstraints: pairedConstraints
	};
}
