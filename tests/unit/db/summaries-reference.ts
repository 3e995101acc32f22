/**
 * The cost queries as they were before they read the services summaries
 * (db/summaries.ts), verbatim: the specification the new queries are checked
 * against (summaries.test.ts). They scan `services` itself.
 */
import { namedSql } from '../../../src/lib/query/sql';
import { SELECTION_SQL, SERVICE_PERIOD_SQL, type PeriodParam, type SelectionParam } from '../../../src/lib/query/selection';
import { quarterKeySql } from '../../../src/lib/query/quarters';

export const OLD_COST_BY_GROUP_SQL = namedSql<SelectionParam | PeriodParam>(`
WITH sel AS (${SELECTION_SQL}),
pg AS (
	-- Per person and group first (costs are never negative, so "cost > 0" of a person's
	-- sum is "some paid service"): the distinct count then runs on a few rows per person.
	SELECT s.participant_id, c.service_group, sum(s.cost_eur) AS cost_eur, sum(s.units) AS units
	FROM services s
	JOIN sel ON sel.participant_id = s.participant_id
	JOIN service_catalogue c ON c.service_code = s.service_code
	WHERE ${SERVICE_PERIOD_SQL}
	GROUP BY ALL
), agg AS (
	SELECT service_group,
		coalesce(round(sum(cost_eur), 2), 0)::DOUBLE AS cost_eur,
		coalesce(sum(units), 0)::DOUBLE AS units,
		count(DISTINCT participant_id) FILTER (WHERE cost_eur > 0)::INTEGER AS participants,
		grouping(service_group) AS is_total
	FROM pg
	GROUP BY GROUPING SETS ((service_group), ())
)
SELECT CASE WHEN is_total = 1 THEN NULL ELSE service_group END AS service_group, cost_eur, units, participants
FROM agg ORDER BY is_total, service_group`);

export const OLD_MONTHLY_COST_SQL = namedSql<SelectionParam | PeriodParam>(`
WITH sel AS (${SELECTION_SQL}),
pm AS (
	-- One row per person and month, then count the people paid for (half the time of count(DISTINCT)).
	SELECT s.month, s.participant_id, sum(s.cost_eur) AS cost
	FROM services s JOIN sel ON sel.participant_id = s.participant_id
	WHERE ${SERVICE_PERIOD_SQL}
	GROUP BY ALL
)
SELECT strftime(month, '%Y-%m') AS month,
	round(sum(cost), 2)::DOUBLE AS cost_eur,
	count(*) FILTER (WHERE cost > 0)::INTEGER AS participants
FROM pm
GROUP BY 1 ORDER BY 1`);

/** PERSON_BUDGETS_CTE as it was (binds $from, $to; reads a `sel` CTE). */
export const OLD_PERSON_BUDGETS_CTE = `
b AS (
	SELECT b.* FROM budgets b JOIN sel ON sel.participant_id = b.participant_id
	WHERE ($from::DATE IS NULL OR b.period_end >= $from::DATE) AND ($to::DATE IS NULL OR b.period_start <= $to::DATE)
), sm AS (
	-- Paid cost per person and month first: the range join below then meets one row per
	-- person-month instead of every service row (5× less work on national data).
	SELECT s.participant_id, s.month, sum(s.cost_eur) AS cost
	FROM services s WHERE s.participant_id IN (SELECT participant_id FROM b)
	GROUP BY ALL
), spent AS (
	SELECT b.participant_id, b.period_start, coalesce(sum(sm.cost), 0) AS spent
	FROM b LEFT JOIN sm ON sm.participant_id = b.participant_id AND sm.month BETWEEN b.period_start AND b.period_end
	GROUP BY b.participant_id, b.period_start
), pb AS (
	SELECT b.participant_id,
		sum(b.months)::INTEGER AS months,
		round(sum(b.indicative_eur), 2)::DOUBLE AS indicative_eur,
		round(sum(b.agreed_eur), 2)::DOUBLE AS agreed_eur,
		round(sum(sp.spent), 2)::DOUBLE AS spent_eur
	FROM b JOIN spent sp ON sp.participant_id = b.participant_id AND sp.period_start = b.period_start
	GROUP BY b.participant_id
)`;

/** The budgets view's query, as BUDGETS_SQL but on the old CTE. */
export const OLD_BUDGETS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL}), ${OLD_PERSON_BUDGETS_CTE}
SELECT participant_id, months, indicative_eur, agreed_eur, spent_eur FROM pb ORDER BY participant_id`);

/** `text` with its `$name`s numbered as `names` number them (to find a CTE's text inside a numbered query). */
export function numbered(text: string, names: readonly string[]): string {
	return text.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, n: string) => (names.includes(n) ? `$${names.indexOf(n) + 1}` : m));
}

export const OLD_QUARTERS_CTE = `
	qd AS (
		SELECT p.enrolled_on AS d FROM participants p WHERE p.cohort = $cohort
		UNION ALL SELECT p.exited_on FROM participants p WHERE p.cohort = $cohort
		UNION ALL SELECT s.month FROM services s JOIN participants p ON p.participant_id = s.participant_id WHERE p.cohort = $cohort
		UNION ALL SELECT g.reviewed_on FROM plan_goals g JOIN participants p ON p.participant_id = g.participant_id WHERE p.cohort = $cohort
	), qb AS (
		SELECT unnest(generate_series(date_trunc('quarter', min(d))::TIMESTAMP, date_trunc('quarter', max(d))::TIMESTAMP, INTERVAL 3 MONTH)) AS t FROM qd
	), qs AS (
		SELECT ${quarterKeySql('t')} AS quarter, t::DATE AS q_start, (t + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE AS q_end FROM qb
	), inp AS (
		SELECT * FROM qs WHERE ($from::DATE IS NULL OR q_start >= $from::DATE) AND ($to::DATE IS NULL OR q_end <= $to::DATE)
	)`;

export const OLD_COHORT_QUARTERS_SQL = namedSql<'cohort' | 'from' | 'to'>(`WITH ${OLD_QUARTERS_CTE} SELECT quarter FROM qs ORDER BY q_start`);

export const OLD_TREND_COSTS_SQL = namedSql<SelectionParam>(`
WITH sel AS (${SELECTION_SQL}), ${OLD_QUARTERS_CTE},
pg AS (
	SELECT inp.quarter, c.service_group, s.participant_id, sum(s.cost_eur) AS cost
	FROM services s
	JOIN sel ON sel.participant_id = s.participant_id
	JOIN service_catalogue c ON c.service_code = s.service_code
	JOIN inp ON s.month BETWEEN inp.q_start AND inp.q_end
	GROUP BY ALL
)
SELECT quarter, CASE WHEN grouping(service_group) = 1 THEN NULL ELSE service_group END AS service_group,
	round(sum(cost), 2)::DOUBLE AS cost_eur,
	count(DISTINCT participant_id) FILTER (WHERE cost > 0)::INTEGER AS participants
FROM pg
GROUP BY GROUPING SETS ((quarter, service_group), (quarter))
ORDER BY quarter, grouping(service_group), service_group`);

export const OLD_COST_MONTHS_SQL = namedSql<'cohort'>(`
	SELECT DISTINCT strftime(s.month, '%Y-%m') AS m
	FROM services s JOIN participants p ON p.participant_id = s.participant_id
	WHERE p.cohort = $cohort ORDER BY 1`);

export const OLD_COST_CONTRIBUTORS = namedSql<'cohort' | 'from' | 'to'>(`
		WITH sv AS (
			SELECT s.* FROM services s JOIN participants p ON p.participant_id = s.participant_id
			WHERE p.cohort = $cohort
				AND ($from::DATE IS NULL OR s.month >= $from::DATE) AND ($to::DATE IS NULL OR s.month <= $to::DATE)
		), pg AS (
			SELECT s.participant_id, c.service_group, sum(s.cost_eur) AS cost
			FROM sv s JOIN service_catalogue c ON c.service_code = s.service_code
			GROUP BY ALL
		), pm AS (
			SELECT participant_id, month, sum(cost_eur) AS cost FROM sv GROUP BY ALL
		), pq AS (
			SELECT s.participant_id, ${quarterKeySql('s.month')} AS quarter, c.service_group, sum(s.cost_eur) AS cost
			FROM sv s JOIN service_catalogue c ON c.service_code = s.service_code
			GROUP BY ALL
		)
		SELECT participant_id, service_group AS row FROM pg WHERE cost > 0
		UNION ALL
		SELECT participant_id, strftime(month, '%Y-%m') AS row FROM pm WHERE cost > 0
		UNION ALL
		SELECT participant_id, 'total' AS row FROM pg GROUP BY participant_id HAVING sum(cost) > 0
		UNION ALL
		SELECT participant_id, 'q:' || quarter || ':' || service_group FROM pq WHERE cost > 0
		UNION ALL
		SELECT participant_id, 'q:' || quarter FROM pq GROUP BY ALL HAVING sum(cost) > 0`);

/** The overview's query as it was (people served, service months and cost per cohort from `services`). */
export const OLD_OVERVIEW_SQL = namedSql<never>(`
WITH p AS (
	SELECT cohort,
		any_value(programme) AS programme,
		count(*)::INTEGER AS participants,
		count(DISTINCT municipality_code)::INTEGER AS municipalities,
		-- Months, not days: a first enrolment or last exit date is one person's.
		strftime(min(enrolled_on), '%Y-%m') AS enrolledFrom,
		strftime(max(exited_on), '%Y-%m') AS exitedTo
	FROM participants GROUP BY cohort
), m AS (
	SELECT cohort,
		string_agg(DISTINCT mu.name_lv, ', ' ORDER BY mu.name_lv) AS municipalityNames,
		string_agg(DISTINCT mu.name_en, ', ' ORDER BY mu.name_en) AS municipalityNamesEn
	FROM participants pa JOIN municipalities mu ON mu.code = pa.municipality_code
	GROUP BY cohort
), s AS (
	SELECT pa.cohort,
		count(DISTINCT s.participant_id) FILTER (WHERE s.cost_eur > 0)::INTEGER AS served,
		strftime(min(s.month), '%Y-%m') AS firstServiceMonth,
		strftime(max(s.month), '%Y-%m') AS lastServiceMonth,
		round(sum(s.cost_eur), 2)::DOUBLE AS serviceCost
	FROM services s JOIN participants pa USING (participant_id)
	GROUP BY pa.cohort
), o AS (
	SELECT cohort, round(sum(cost_eur), 2)::DOUBLE AS overheadCost FROM overheads GROUP BY cohort
)
SELECT p.*, m.municipalityNames, m.municipalityNamesEn,
	coalesce(s.served, 0)::INTEGER AS served,
	s.firstServiceMonth, s.lastServiceMonth,
	coalesce(date_diff('month', strptime(s.firstServiceMonth || '-01', '%Y-%m-%d'), strptime(s.lastServiceMonth || '-01', '%Y-%m-%d')) + 1, 0)::INTEGER AS serviceMonths,
	coalesce(s.serviceCost, 0)::DOUBLE AS serviceCost,
	coalesce(o.overheadCost, 0)::DOUBLE AS overheadCost,
	round(coalesce(s.serviceCost, 0) + coalesce(o.overheadCost, 0), 2)::DOUBLE AS totalCost
FROM p LEFT JOIN m USING (cohort) LEFT JOIN s USING (cohort) LEFT JOIN o USING (cohort)
ORDER BY CASE p.cohort WHEN 'child' THEN 0 ELSE 1 END`);
