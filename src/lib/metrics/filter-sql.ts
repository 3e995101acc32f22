/**
 * The participant selection every metric starts from, as one fixed SQL text
 * with `?` placeholders: filter values are bound, never spliced into SQL.
 *
 * Use as a CTE: `WITH sel AS (${SELECTED_PARTICIPANTS_SQL}) ...` with
 * `filterParams(filters)` as the first parameters.
 */
import type { SqlParam } from '#lib/db/engine.ts';
import { AGE_BANDS, type Filters } from '#lib/filters/filters.ts';

export const SELECTED_PARTICIPANTS_SQL = `
	SELECT p.participant_id, p.cohort, p.municipality_code, mu.region, p.sex, p.age_at_entry
	FROM participants p
	JOIN municipalities mu ON mu.code = p.municipality_code
	WHERE p.cohort = ?
		AND (?::VARCHAR IS NULL OR list_contains(string_split(?::VARCHAR, ','), p.municipality_code))
		AND (?::VARCHAR IS NULL OR mu.region = ?)
		AND (?::VARCHAR IS NULL OR p.sex = ?)
		AND (?::INTEGER IS NULL OR p.age_at_entry BETWEEN ?::INTEGER AND ?::INTEGER)
		AND (?::DATE IS NULL OR p.exited_on IS NULL OR p.exited_on >= ?::DATE)
		AND (?::DATE IS NULL OR p.enrolled_on <= ?::DATE)`;

/** First day of a 'YYYY-MM' month, and the last day for an upper bound. */
function monthStart(m: string | null): string | null {
	return m ? `${m}-01` : null;
}
function monthEnd(m: string | null): string | null {
	if (!m) return null;
	const [y, mo] = m.split('-').map(Number);
	const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
	return `${m}-${String(last).padStart(2, '0')}`;
}

/** The period filter as inclusive dates: [first day of `from`, last day of `to`]. */
export function periodBounds(f: Filters): [string | null, string | null] {
	return [monthStart(f.from), monthEnd(f.to)];
}

export function filterParams(f: Filters): SqlParam[] {
	const mun = f.municipalities.length ? f.municipalities.join(',') : null;
	const band = f.ageBand ? AGE_BANDS[f.ageBand] : null;
	const from = monthStart(f.from);
	const to = monthEnd(f.to);
	return [
		f.cohort,
		mun, mun,
		f.region, f.region,
		f.sex, f.sex,
		band ? band[0] : null, band ? band[0] : null, band ? band[1] : null,
		from, from,
		to, to
	];
}

/** Service months inside the period filter: `WHERE s.month BETWEEN ? AND ?` params. */
export const SERVICE_PERIOD_SQL = `(?::DATE IS NULL OR s.month >= ?::DATE) AND (?::DATE IS NULL OR s.month <= ?::DATE)`;

export function periodParams(f: Filters): SqlParam[] {
	const from = monthStart(f.from);
	const to = monthStart(f.to);
	return [from, from, to, to];
}
