/**
 * Subjective quality of life of the selected adults: the 13 life aspects and
 * each person's follow-up change rating (+1 better, 0 same, −1 worse).
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, selectionParams, type SelectionParam } from '#lib/query/selection.ts';
import { instrumentDimensions, type InstrumentDimension } from '#lib/outcomes/paired/query.ts';

/**
 * Follow-up change ratings of the selected persons, counted: per aspect the
 * raters and how many rated it better and worse ('aspect' rows), and the
 * persons with any rating and how many of them rated more aspects better
 * than worse (one 'persons' row: n, better = net positive). Counted here, not
 * in the page: a national cohort has ~100,000 ratings, and the summary needs
 * only these counts. The period ($from, $to of the selection) applies to the rating date.
 */
export const SQOL_COUNTS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL}),
r AS (
	SELECT a.participant_id, a.dimension_code, a.score::INTEGER AS rating
	FROM assessments a JOIN sel USING (participant_id)
	WHERE a.instrument = 'sqol' AND a.wave = 'followup' AND a.score IN (-1, 0, 1)
		AND ($from::DATE IS NULL OR a.assessed_on >= $from::DATE) AND ($to::DATE IS NULL OR a.assessed_on <= $to::DATE)
), per_person AS (
	SELECT count(*) FILTER (WHERE rating > 0) AS better, count(*) FILTER (WHERE rating < 0) AS worse
	FROM r GROUP BY participant_id
)
SELECT 'aspect' AS kind, dimension_code, count(*)::INTEGER AS n,
	count(*) FILTER (WHERE rating > 0)::INTEGER AS better, count(*) FILTER (WHERE rating < 0)::INTEGER AS worse
FROM r GROUP BY dimension_code
UNION ALL
SELECT 'persons', NULL, count(*)::INTEGER, count(*) FILTER (WHERE better > worse)::INTEGER, NULL
FROM per_person
ORDER BY kind, dimension_code`);

/** One aspect's raters and how many rated it better and worse. */
export interface SqolAspectCount {
	dimension_code: string;
	n: number;
	better: number;
	worse: number;
}

export interface SqolData {
	dimensions: InstrumentDimension[];
	/** Aspects with at least one rating. */
	aspects: SqolAspectCount[];
	/** Persons with at least one rating. */
	persons: number;
	/** Persons rating more aspects better than worse. */
	netPositive: number;
}

export async function sqolData(engine: Engine, f: Filters): Promise<SqolData> {
	const [dimensions, counts] = await Promise.all([
		instrumentDimensions(engine, 'sqol'),
		run<{ kind: 'aspect' | 'persons'; dimension_code: string | null; n: number; better: number; worse: number | null }, SelectionParam>(
			engine,
			SQOL_COUNTS_SQL,
			selectionParams(f)
		)
	]);
	const persons = counts.find((c) => c.kind === 'persons');
	const aspects = counts
		.filter((c) => c.kind === 'aspect')
		.map((c) => ({ dimension_code: c.dimension_code!, n: c.n, better: c.better, worse: c.worse ?? 0 }));
	return { dimensions, aspects, persons: persons?.n ?? 0, netPositive: persons?.better ?? 0 };
}
