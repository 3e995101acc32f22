/**
 * The participant selection every metric starts from, as one SQL text with
 * named parameters: filter values are bound, never spliced into SQL.
 *
 * Use as a CTE: `WITH sel AS (${SELECTION_SQL}) …` inside a `namedSql`, and
 * bind `{ ...selectionParams(filters), …your own }`.
 */
import type { SqlParam } from '#lib/db/engine.ts';
import { AGE_BANDS, type Filters } from '#lib/filters/filters.ts';

/** The names SELECTION_SQL binds. */
export type SelectionParam = 'cohort' | 'mun' | 'region' | 'sex' | 'age_from' | 'age_to' | 'from' | 'to';

export const SELECTION_SQL = `
	SELECT p.participant_id, p.cohort, p.municipality_code, mu.region, p.sex, p.age_at_entry
	FROM participants p
	JOIN municipalities mu ON mu.code = p.municipality_code
	WHERE p.cohort = $cohort
		AND ($mun::VARCHAR IS NULL OR list_contains(string_split($mun::VARCHAR, ','), p.municipality_code))
		AND ($region::VARCHAR IS NULL OR mu.region = $region)
		AND ($sex::VARCHAR IS NULL OR p.sex = $sex)
		AND ($age_from::INTEGER IS NULL OR p.age_at_entry BETWEEN $age_from::INTEGER AND $age_to::INTEGER)
		AND ($from::DATE IS NULL OR p.exited_on IS NULL OR p.exited_on >= $from::DATE)
		AND ($to::DATE IS NULL OR p.enrolled_on <= $to::DATE)`;

/** First day of a 'YYYY-MM' month. */
export function monthStart(m: string | null): string | null {
	return m ? `${m}-01` : null;
}

/** Last day of a 'YYYY-MM' month. */
export function monthEnd(m: string | null): string | null {
	if (!m) return null;
	const [y, mo] = m.split('-').map(Number);
	const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
	return `${m}-${String(last).padStart(2, '0')}`;
}

/** The period filter as inclusive dates: [first day of `from`, last day of `to`]. */
export function periodBounds(f: Filters): [string | null, string | null] {
	return [monthStart(f.from), monthEnd(f.to)];
}

/** Values of SELECTION_SQL's parameters for the filters. */
export function selectionParams(f: Filters): Record<SelectionParam, SqlParam> {
	const band = f.ageBand ? AGE_BANDS[f.ageBand] : null;
	const [from, to] = periodBounds(f);
	return {
		cohort: f.cohort,
		mun: f.municipalities.length ? f.municipalities.join(',') : null,
		region: f.region,
		sex: f.sex,
		age_from: band ? band[0] : null,
		age_to: band ? band[1] : null,
		from,
		to
	};
}

/** Service months inside the period filter (bind `periodParams`). */
export const SERVICE_PERIOD_SQL = `($month_from::DATE IS NULL OR s.month >= $month_from::DATE) AND ($month_to::DATE IS NULL OR s.month <= $month_to::DATE)`;

export type PeriodParam = 'month_from' | 'month_to';

/** Service months are stored as their first day: both bounds are month starts. */
export function periodParams(f: Filters): Record<PeriodParam, SqlParam> {
	return { month_from: monthStart(f.from), month_to: monthStart(f.to) };
}
