/**
 * The SFK (ICF-CY) view as ONE table family of the release path
 * (privacy/release/): its tables share people, so "one shown figure minus
 * another" crosses them (the 102 children assessed minus a domain's 99 rated
 * pairs is the 3 children with a code 8 in that domain), and only one
 * family's constraints can tie them together.
 *
 * Rows (per domain `d`, as its code):
 * - `children:assessed` (rated 0–4 at both waves in some domain) and its
 *   partition `children:positive | mixed | onlyWorse | noChange`;
 * - `d:<d>` the domain's rated pairs (0–4 at both waves: the paired table's
 *   n, means and test rest on them) and its partition
 *   `d:<d>:improved | unchanged | worse`;
 * - `d:<d>:assessed` the domain's children with both waves (any code: the
 *   distribution's n and the denominator of its shares) and its partitions
 *   `d:<d>:baseline:<q>` and `d:<d>:followup:<q>` (q = 0 … 4, 8/9);
 * - rows that no view shows, declared so that differences of shown figures
 *   are protected like a total minus its parts: `d:<d>:notImproved`
 *   (unchanged ∪ worse), `d:<d>:unrated` (assessed − rated: a code 8/9 at
 *   some wave) split into `:unrated:baseline | followup | both`, and
 *   `d:<d>:notRated` (children assessed − the domain's rated pairs).
 *
 * `notImproved` also steers secondary suppression: with few children worse,
 * "unchanged" is hidden with them (its split comes first), so the published
 * "children improved" per domain stays exact.
 *
 * The contributors follow summariseFunctioning exactly: pairs of the
 * professional's baseline and follow-up, the period keeping pairs whose
 * follow-up was assessed inside it (as the view's query does), rated = an
 * integer qualifier 0–4 at both waves.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import { namedSql, run } from '#lib/query/sql.ts';

export const SFK_FAMILY_ID = 'functioning.sfk';

export type ChildGroup = 'positive' | 'mixed' | 'onlyWorse' | 'noChange';
export const CHILD_GROUPS: readonly ChildGroup[] = ['positive', 'mixed', 'onlyWorse', 'noChange'];
export type ChangeKind = 'improved' | 'unchanged' | 'worse';
export const CHANGE_KINDS: readonly ChangeKind[] = ['improved', 'unchanged', 'worse'];
export const QUALIFIER_ROWS = ['0', '1', '2', '3', '4', '8/9'] as const;
export type SfkWave = 'baseline' | 'followup';

export const sfkRow = {
	/** `children:assessed` or a change group's row. */
	children: (group: ChildGroup | 'assessed') => `children:${group}`,
	/** The domain's rated pairs (`d:d1`), or one kind of their change (`d:d1:worse`). */
	rated: (code: string, kind?: ChangeKind | 'notImproved') => (kind ? `d:${code}:${kind}` : `d:${code}`),
	/** The domain's children with both waves, any code (`d:d1:assessed`). */
	assessed: (code: string) => `d:${code}:assessed`,
	/** Children of the domain with qualifier `q` at a wave (`d:d1:baseline:8/9`). */
	qualifier: (code: string, wave: SfkWave, q: string) => `d:${code}:${wave}:${q}`,
	/** Assessed − rated in the domain, or its part with 8/9 at the baseline only, the follow-up only, or both. */
	unrated: (code: string, part?: SfkWave | 'both') => (part ? `d:${code}:unrated:${part}` : `d:${code}:unrated`),
	/** Children assessed (in some domain) without a rated pair in this one. */
	notRated: (code: string) => `d:${code}:notRated`
};

/** Every row of the family, given the instrument's domain codes. */
export function sfkRows(codes: readonly string[]): string[] {
	const r = sfkRow;
	return [
		r.children('assessed'),
		...CHILD_GROUPS.map(r.children),
		...codes.flatMap((d) => [
			r.rated(d),
			...CHANGE_KINDS.map((k) => r.rated(d, k)),
			r.rated(d, 'notImproved'),
			r.assessed(d),
			...(['baseline', 'followup'] as const).flatMap((w) => QUALIFIER_ROWS.map((q) => r.qualifier(d, w, q))),
			r.unrated(d),
			r.unrated(d, 'baseline'),
			r.unrated(d, 'followup'),
			r.unrated(d, 'both'),
			r.notRated(d)
		])
	];
}

/**
 * The unions the rows make, each a partition of its total, in the order the
 * plan applies them. Deeper combinations (assessed − improved − unchanged −
 * worse = the 8/9 children) follow from these: the plan hides a part of a
 * hidden total whose parts would all be shown.
 */
export function sfkConstraints(rows: readonly string[]): { total: string; parts: string[] }[] {
	const r = sfkRow;
	const codes = rows.filter((x) => /^d:[^:]+$/.test(x)).map((x) => x.slice(2));
	const q = (d: string, w: SfkWave) => QUALIFIER_ROWS.map((k) => r.qualifier(d, w, k));
	return [
		...codes.flatMap((d) => [
			// Steering first (a part of nothing, shown nowhere): with few worse, "unchanged" is hidden with them, not "improved".
			{ total: r.rated(d, 'notImproved'), parts: [r.rated(d, 'unchanged'), r.rated(d, 'worse')] },
			{ total: r.rated(d), parts: CHANGE_KINDS.map((k) => r.rated(d, k)) },
			{ total: r.qualifier(d, 'baseline', '8/9'), parts: [r.unrated(d, 'baseline'), r.unrated(d, 'both')] },
			{ total: r.qualifier(d, 'followup', '8/9'), parts: [r.unrated(d, 'followup'), r.unrated(d, 'both')] },
			{ total: r.unrated(d), parts: [r.unrated(d, 'baseline'), r.unrated(d, 'followup'), r.unrated(d, 'both')] },
			{ total: r.unrated(d), parts: [r.qualifier(d, 'baseline', '8/9'), r.unrated(d, 'followup')] },
			{ total: r.unrated(d), parts: [r.qualifier(d, 'followup', '8/9'), r.unrated(d, 'baseline')] },
			{ total: r.assessed(d), parts: [r.rated(d), r.unrated(d)] },
			{ total: r.assessed(d), parts: q(d, 'baseline') },
			{ total: r.assessed(d), parts: q(d, 'followup') }
		]),
		{ total: r.children('assessed'), parts: CHILD_GROUPS.map(r.children) },
		...codes.map((d) => ({ total: r.children('assessed'), parts: [r.rated(d), r.notRated(d)] }))
	];
}

const DOMAINS_SQL = namedSql<never>(`SELECT dimension_code FROM instrument_dimensions WHERE instrument = 'sfk' ORDER BY sort_order, dimension_code`);

export const SFK_FAMILY: FamilySource = {
	id: SFK_FAMILY_ID,
	rows: async (engine: Engine) => sfkRows((await run<{ dimension_code: string }, never>(engine, DOMAINS_SQL, {})).map((x) => x.dimension_code)),
	contributors: namedSql(`
		WITH a AS (
			SELECT a.participant_id, a.wave, a.dimension_code, a.score, a.assessed_on
			FROM assessments a JOIN participants p USING (participant_id)
			WHERE p.cohort = $cohort AND a.instrument = 'sfk' AND a.informant = 'professional'
		),
		pr AS (
			-- isRated (summary.ts): an integer qualifier 0–4; anything else is 8/9.
			SELECT b.participant_id, b.dimension_code AS d, b.score AS bs, f.score AS fs,
				coalesce(b.score IN (0, 1, 2, 3, 4), false) AS br, coalesce(f.score IN (0, 1, 2, 3, 4), false) AS fr
			FROM a b JOIN a f ON f.participant_id = b.participant_id AND f.dimension_code = b.dimension_code
			WHERE b.wave = 'baseline' AND f.wave = 'followup'
				AND ($from::DATE IS NULL OR f.assessed_on >= $from::DATE) AND ($to::DATE IS NULL OR f.assessed_on <= $to::DATE)
		),
		rated AS (SELECT participant_id, d, bs, fs FROM pr WHERE br AND fr),
		child AS (
			SELECT participant_id, count(*) FILTER (WHERE fs < bs) AS better, count(*) FILTER (WHERE fs > bs) AS worse
			FROM rated GROUP BY participant_id
		),
		dims AS (SELECT DISTINCT dimension_code AS d FROM instrument_dimensions WHERE instrument = 'sfk')
		SELECT participant_id, 'children:assessed' AS row FROM child
		UNION ALL
		SELECT participant_id, 'children:' || CASE WHEN better > 0 AND worse = 0 THEN 'positive' WHEN better > 0 THEN 'mixed' WHEN worse > 0 THEN 'onlyWorse' ELSE 'noChange' END FROM child
		UNION ALL
		SELECT participant_id, 'd:' || d FROM rated
		UNION ALL
		SELECT participant_id, 'd:' || d || ':' || CASE WHEN fs < bs THEN 'improved' WHEN fs = bs THEN 'unchanged' ELSE 'worse' END FROM rated
		UNION ALL
		SELECT participant_id, 'd:' || d || ':notImproved' FROM rated WHERE fs >= bs
		UNION ALL
		SELECT participant_id, 'd:' || d || ':assessed' FROM pr
		UNION ALL
		SELECT participant_id, 'd:' || d || ':baseline:' || CASE WHEN br THEN CAST(CAST(bs AS INTEGER) AS VARCHAR) ELSE '8/9' END FROM pr
		UNION ALL
		SELECT participant_id, 'd:' || d || ':followup:' || CASE WHEN fr THEN CAST(CAST(fs AS INTEGER) AS VARCHAR) ELSE '8/9' END FROM pr
		UNION ALL
		SELECT participant_id, 'd:' || d || ':unrated' FROM pr WHERE NOT (br AND fr)
		UNION ALL
		SELECT participant_id, 'd:' || d || ':unrated:' || CASE WHEN NOT br AND NOT fr THEN 'both' WHEN NOT br THEN 'baseline' ELSE 'followup' END FROM pr WHERE NOT (br AND fr)
		UNION ALL
		SELECT c.participant_id, 'd:' || dims.d || ':notRated' FROM child c CROSS JOIN dims
		WHERE NOT EXISTS (SELECT 1 FROM rated r WHERE r.participant_id = c.participant_id AND r.d = dims.d)`),
	tableConstraints: sfkConstraints,
	// A pair counts in the period of its follow-up (one visit per child): the whole time is the sum of its years.
	periodAdditive: true
};
