/**
 * The participant series of the trends view as one table family of the
 * release path (`trends.participants`). Rows per quarter q of the period:
 * `active:q` (participating at some time in q), `new:q` (started in q),
 * `exited:q` (left in q); and rows the view never shows but the plan must
 * know, because the shown ones add up through them:
 *
 * - `cont:q`: people who started before q and had not left when q began.
 *   active(q) = new(q) ⊔ cont(q) and active(q) = exited(q) ⊔ cont(q+1), so
 *   "active − new" of one quarter is "active − exited" of the one before; a
 *   hidden "exited" of 3 people cannot be read off its neighbours.
 * - `people`: everybody in the selection (the selection's own count, which
 *   every page shows): in each period it is cont(first quarter) plus the new
 *   of its quarters, and the exited of its quarters plus cont(the quarter
 *   after it). These hold per period (table constraints with a period).
 *
 * A plan may "show" a never-shown row: that only protects against an attacker
 * who knows more than the page shows. The one row whose figure is public
 * whatever this plan says is `people`; where the plan hides it (it follows
 * from hidden parts) the view shows no participant series at all.
 *
 * Quarter rows lie in one calendar year, so a year's cells and the whole
 * time's add up (periodAdditive); `cont` and `people` count one person in
 * several years, so they are left out of that rule.
 */
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { namedSql } from '#lib/query/sql.ts';
import { QUARTERS_CTE, cohortQuarters, nextQuarter, quarterKeySql, quartersInPeriod } from '#lib/query/quarters.ts';

export const TRENDS_FAMILY_ID = 'trends.participants';
export const PEOPLE_ROW = 'people';
export const PARTICIPANT_METRICS = ['active', 'new', 'exited'] as const;
export type ParticipantMetric = (typeof PARTICIPANT_METRICS)[number];

export const trendRow = (metric: ParticipantMetric | 'cont', quarter: string) => `${metric}:${quarter}`;

async function trendRows(engine: Engine, cohort: Cohort): Promise<string[]> {
	const quarters = await cohortQuarters(engine, cohort);
	if (!quarters.length) return [PEOPLE_ROW];
	const withNext = [...quarters, nextQuarter(quarters[quarters.length - 1])];
	return [...quarters.flatMap((q) => PARTICIPANT_METRICS.map((m) => trendRow(m, q))), ...withNext.map((q) => trendRow('cont', q)), PEOPLE_ROW];
}

/** The quarters of the family's rows (from its `active:` rows). */
export const quartersOfRows = (rows: readonly string[]) => rows.filter((r) => r.startsWith('active:')).map((r) => r.slice('active:'.length));

/** The unions of the family's cells, per preset period (see the module comment). */
export function trendConstraints(rows: readonly string[], periods: readonly { key: string; from: string | null; to: string | null }[]) {
	const quarters = quartersOfRows(rows);
	const out: { total: string; parts: string[]; period: string }[] = [];
	for (const period of periods) {
		const inP = quartersInPeriod(quarters, period);
		if (!inP.length) continue;
		for (const q of inP) {
			out.push({ total: trendRow('active', q), parts: [trendRow('new', q), trendRow('cont', q)], period: period.key });
			out.push({ total: trendRow('active', q), parts: [trendRow('exited', q), trendRow('cont', nextQuarter(q))], period: period.key });
		}
		out.push({ total: PEOPLE_ROW, parts: [trendRow('cont', inP[0]), ...inP.map((q) => trendRow('new', q))], period: period.key });
		out.push({ total: PEOPLE_ROW, parts: [trendRow('cont', nextQuarter(inP[inP.length - 1])), ...inP.map((q) => trendRow('exited', q))], period: period.key });
	}
	return out;
}

export const TRENDS_FAMILY: FamilySource = {
	id: TRENDS_FAMILY_ID,
	rows: trendRows,
	periodAdditive: (row) => !row.startsWith('cont:') && row !== PEOPLE_ROW,
	tableConstraints: trendConstraints,
	// As TREND_PARTICIPANTS_SQL counts them: quarter rows inside the period; `cont` and `people` whatever the period
	// (the plan takes each cell within its selection's people).
	contributors: namedSql(`
		WITH ${QUARTERS_CTE},
		ext AS (
			SELECT quarter, q_start FROM qs
			UNION ALL
			SELECT ${quarterKeySql('d')}, d FROM (SELECT (max(q_end) + INTERVAL 1 DAY)::DATE AS d FROM qs) WHERE d IS NOT NULL
		), pp AS (
			SELECT participant_id, enrolled_on, exited_on FROM participants WHERE cohort = $cohort
		)
		SELECT pp.participant_id, 'active:' || inp.quarter AS row FROM pp JOIN inp ON pp.enrolled_on <= inp.q_end AND (pp.exited_on IS NULL OR pp.exited_on >= inp.q_start)
		UNION ALL
		SELECT pp.participant_id, 'new:' || inp.quarter FROM pp JOIN inp ON pp.enrolled_on BETWEEN inp.q_start AND inp.q_end
		UNION ALL
		SELECT pp.participant_id, 'exited:' || inp.quarter FROM pp JOIN inp ON pp.exited_on BETWEEN inp.q_start AND inp.q_end
		UNION ALL
		SELECT pp.participant_id, 'cont:' || ext.quarter FROM pp JOIN ext ON pp.enrolled_on < ext.q_start AND (pp.exited_on IS NULL OR pp.exited_on >= ext.q_start)
		UNION ALL
		SELECT participant_id, '${PEOPLE_ROW}' FROM pp`)
};
