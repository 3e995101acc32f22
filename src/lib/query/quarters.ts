/**
 * Calendar quarters of a cohort's data ('2019-Q3'): from the quarter of the
 * first enrolment to the quarter of the last dated event (enrolment, exit,
 * service month, goal review). Service months are read from the person ×
 * month summary (db/summaries.ts: the same months, a fifth of the rows). The trends view's series and the quarter rows
 * of the release path's families (trends, costs, goals) use this one list,
 * so a series and the cells that protect it always have the same quarters.
 * Quarters nest in calendar years, so a preset period (the whole time or a
 * year) holds whole quarters.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { monthEnd, monthStart } from './selection.ts';
import { namedSql, run } from './sql.ts';

/** SQL for the quarter key of a DATE expression, e.g. `quarterKeySql('s.month')` → '2019-Q3'. */
export const quarterKeySql = (expr: string) => `(strftime(${expr}, '%Y') || '-Q' || CAST(quarter(${expr}) AS VARCHAR))`;

/**
 * CTEs `qs` (every quarter of the cohort: quarter, q_start, q_end) and `inp`
 * (those inside the period's bounds $from / $to, ISO dates or null). Binds
 * $cohort, $from, $to. Use as `WITH ${QUARTERS_CTE}, …`.
 */
export const QUARTERS_CTE = `
	qd AS (
		SELECT p.enrolled_on AS d FROM participants p WHERE p.cohort = $cohort
		UNION ALL SELECT p.exited_on FROM participants p WHERE p.cohort = $cohort
		UNION ALL SELECT s.month FROM cost_person_month s JOIN participants p ON p.participant_id = s.participant_id WHERE p.cohort = $cohort
		UNION ALL SELECT g.reviewed_on FROM plan_goals g JOIN participants p ON p.participant_id = g.participant_id WHERE p.cohort = $cohort
	), qb AS (
		SELECT unnest(generate_series(date_trunc('quarter', min(d))::TIMESTAMP, date_trunc('quarter', max(d))::TIMESTAMP, INTERVAL 3 MONTH)) AS t FROM qd
	), qs AS (
		SELECT ${quarterKeySql('t')} AS quarter, t::DATE AS q_start, (t + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE AS q_end FROM qb
	), inp AS (
		SELECT * FROM qs WHERE ($from::DATE IS NULL OR q_start >= $from::DATE) AND ($to::DATE IS NULL OR q_end <= $to::DATE)
	)`;

const COHORT_QUARTERS_SQL = namedSql<'cohort' | 'from' | 'to'>(`WITH ${QUARTERS_CTE} SELECT quarter FROM qs ORDER BY q_start`);

/** Every quarter of the cohort's data, in order. */
export async function cohortQuarters(engine: Engine, cohort: Cohort): Promise<string[]> {
	return (await run<{ quarter: string }, 'cohort' | 'from' | 'to'>(engine, COHORT_QUARTERS_SQL, { cohort, from: null, to: null })).map((r) => r.quarter);
}

export const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

/** First and last month ('YYYY-MM') of a quarter. */
export function quarterMonths(q: string): [string, string] {
	const m = QUARTER_KEY.exec(q);
	if (!m) throw new RangeError(`not a quarter: ${q}`);
	const first = (Number(m[2]) - 1) * 3 + 1;
	return [`${m[1]}-${String(first).padStart(2, '0')}`, `${m[1]}-${String(first + 2).padStart(2, '0')}`];
}

/** @example nextQuarter('2019-Q4') // '2020-Q1' */
export function nextQuarter(q: string): string {
	const m = QUARTER_KEY.exec(q);
	if (!m) throw new RangeError(`not a quarter: ${q}`);
	return m[2] === '4' ? `${Number(m[1]) + 1}-Q1` : `${m[1]}-Q${Number(m[2]) + 1}`;
}

/** The quarter a 'YYYY-MM' month is in. */
export function quarterOfMonth(month: string): string {
	return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarters inside a preset period ('YYYY-MM' bounds, null = open), as the SQL's `inp`. */
export function quartersInPeriod(quarters: readonly string[], period: { from: string | null; to: string | null }): string[] {
	const from = monthStart(period.from);
	const to = monthEnd(period.to);
	return quarters.filter((q) => {
		const [a, b] = quarterMonths(q);
		return (!from || monthStart(a)! >= from) && (!to || monthEnd(b)! <= to);
	});
}
