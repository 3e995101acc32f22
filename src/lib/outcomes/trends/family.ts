/**
 * The participant series of the trends view as one table family of the
 * release path (`trends.participants`). The series run over the whole time
 * (a year's quarters are a part of it), so the family's cells are those of
 * the whole-time selections; in a year's selection it has no contributors.
 * One set of cells per place × sex × age band, then, and every identity
 * between them is declared in it.
 *
 * Rows per quarter q: `active:q` (participating at some time in q), `new:q`
 * (started in q), `exited:q` (left in q); and rows the view never shows but
 * the plan must know, because the shown ones add up through them:
 *
 * - `cont:q`: people who started before q and had not left when q began;
 *   active(q) = new(q) ⊔ cont(q) and active(q) = exited(q) ⊔ cont(q+1), so
 *   "active − new" of one quarter is "active − exited" of the one before,
 *   and a hidden "exited" of 3 people cannot be read off its neighbours;
 * - `people`: everybody in the selection (its count, shown on every page):
 *   cont(first quarter) plus every quarter's new, and cont(the quarter after
 *   the last) plus every quarter's exited;
 * - `people:YYYY`: those active in a preset year (the year's selection's own
 *   count, also shown): cont(its first quarter) plus its quarters' new, and
 *   cont(the next year's first quarter) plus its quarters' exited.
 *
 * A plan may "show" a never-shown row: that only protects against an attacker
 * who knows more than the page shows. The `people` rows are public whatever
 * this plan says (every page shows a selection's count), and with them the
 * plan's rules alone do not keep a hidden flow of 1–4 people from following
 * by a chain of sums across places and quarters (the release test finds
 * such chains on a national dataset). So the view adds a rule of its own
 * (summary.ts, `seriesShowable`): participant series only for the whole
 * cohort and its planning regions, all or nothing, where every cell of the
 * cohort (and, for regions, of every region) is 0 or at least 5 people; no
 * hidden cell, no chain.
 */
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { namedSql } from '#lib/query/sql.ts';
import { serviceSpan } from '#lib/query/people.ts';
import { yearPeriods } from '#lib/privacy/release/space.ts';
import { QUARTERS_CTE, cohortQuarters, nextQuarter, quarterKeySql } from '#lib/query/quarters.ts';

export const TRENDS_FAMILY_ID = 'trends.participants';
export const PEOPLE_ROW = 'people';
export const PARTICIPANT_METRICS = ['active', 'new', 'exited'] as const;
export type ParticipantMetric = (typeof PARTICIPANT_METRICS)[number];

export const trendRow = (metric: ParticipantMetric | 'cont', quarter: string) => `${metric}:${quarter}`;
/** The people active in a preset year ('people:2021'). */
export const yearPeopleRow = (year: string) => `${PEOPLE_ROW}:${year}`;

async function trendRows(engine: Engine, cohort: Cohort): Promise<string[]> {
	const [quarters, span] = await Promise.all([cohortQuarters(engine, cohort), serviceSpan(engine, cohort)]);
	if (!quarters.length) return [PEOPLE_ROW];
	// The same years as the selection plan's periods (runtime.ts).
	const years = yearPeriods(span.first, span.last).filter((p) => p.from !== null);
	const withNext = [...quarters, nextQuarter(quarters[quarters.length - 1])];
	return [
		...quarters.flatMap((q) => PARTICIPANT_METRICS.map((m) => trendRow(m, q))),
		...withNext.map((q) => trendRow('cont', q)),
		PEOPLE_ROW,
		...years.map((y) => yearPeopleRow(y.key))
	];
}

/** The quarters of the family's rows (from its `active:` rows). */
export const quartersOfRows = (rows: readonly string[]) => rows.filter((r) => r.startsWith('active:')).map((r) => r.slice('active:'.length));

/** The unions of the family's cells (see the module comment). */
export function trendConstraints(rows: readonly string[]): { total: string; parts: string[] }[] {
	const quarters = quartersOfRows(rows);
	if (!quarters.length) return [];
	const out: { total: string; parts: string[] }[] = [];
	for (const q of quarters) {
		out.push({ total: trendRow('active', q), parts: [trendRow('new', q), trendRow('cont', q)] });
		out.push({ total: trendRow('active', q), parts: [trendRow('exited', q), trendRow('cont', nextQuarter(q))] });
	}
	const spans: [string, string[]][] = [[PEOPLE_ROW, quarters]];
	for (const r of rows) if (r.startsWith(`${PEOPLE_ROW}:`)) spans.push([r, quarters.filter((q) => q.startsWith(r.slice(PEOPLE_ROW.length + 1)))]);
	for (const [total, qs] of spans) {
		if (!qs.length) continue;
		out.push({ total, parts: [trendRow('cont', qs[0]), ...qs.map((q) => trendRow('new', q))] });
		out.push({ total, parts: [trendRow('cont', nextQuarter(qs[qs.length - 1])), ...qs.map((q) => trendRow('exited', q))] });
	}
	return out;
}

export const TRENDS_FAMILY: FamilySource = {
	id: TRENDS_FAMILY_ID,
	rows: trendRows,
	tableConstraints: trendConstraints,
	// As TREND_PARTICIPANTS_SQL counts them, over the whole time only (a year's selection has no cells of its own).
	contributors: namedSql(`
		WITH ${QUARTERS_CTE},
		ext AS (
			SELECT quarter, q_start FROM qs
			UNION ALL
			SELECT ${quarterKeySql('d')}, d FROM (SELECT (max(q_end) + INTERVAL 1 DAY)::DATE AS d FROM qs) WHERE d IS NOT NULL
		), pp AS (
			SELECT participant_id, enrolled_on, exited_on FROM participants
			WHERE cohort = $cohort AND $from::DATE IS NULL AND $to::DATE IS NULL
		), years AS (
			SELECT DISTINCT year(q_start) AS y FROM qs
		)
		SELECT pp.participant_id, 'active:' || qs.quarter AS row FROM pp JOIN qs ON pp.enrolled_on <= qs.q_end AND (pp.exited_on IS NULL OR pp.exited_on >= qs.q_start)
		UNION ALL
		SELECT pp.participant_id, 'new:' || qs.quarter FROM pp JOIN qs ON pp.enrolled_on BETWEEN qs.q_start AND qs.q_end
		UNION ALL
		SELECT pp.participant_id, 'exited:' || qs.quarter FROM pp JOIN qs ON pp.exited_on BETWEEN qs.q_start AND qs.q_end
		UNION ALL
		SELECT pp.participant_id, 'cont:' || ext.quarter FROM pp JOIN ext ON pp.enrolled_on < ext.q_start AND (pp.exited_on IS NULL OR pp.exited_on >= ext.q_start)
		UNION ALL
		SELECT participant_id, '${PEOPLE_ROW}' FROM pp
		UNION ALL
		-- Active at some time in the year: the year's selection's rule (SELECTION_SQL).
		SELECT pp.participant_id, '${PEOPLE_ROW}:' || CAST(years.y AS VARCHAR) FROM pp JOIN years
			ON pp.enrolled_on <= make_date(years.y, 12, 31) AND (pp.exited_on IS NULL OR pp.exited_on >= make_date(years.y, 1, 1))`)
};
