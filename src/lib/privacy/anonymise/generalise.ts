/**
 * Generalisation of quasi-identifiers and outcomes: age to bands, municipality
 * to planning region, dates to month or to whole months since enrolment,
 * month counts to bands, amounts rounded. Pure functions.
 */
import { AGE_BANDS, AGE_BANDS_BY_COHORT, type Cohort } from '#lib/filters/filters.ts';

/** The value every record gets at the top of a hierarchy ("any"). */
export const ANY = '*';

/**
 * Age in full years → the dashboard's age band of the cohort (as the age filter uses).
 * @example ageBand(9, 'child') // → '7-12'
 * @example ageBand(70, 'adult') // → '65+'
 */
export function ageBand(age: number, cohort: Cohort): string {
	for (const band of AGE_BANDS_BY_COHORT[cohort]) {
		const [lo, hi] = AGE_BANDS[band];
		if (age >= lo && age <= hi) return band;
	}
	return ANY;
}

/**
 * Municipality code → planning region, from the municipalities table.
 * @example regionOf('LIEPAJA_C', new Map([['LIEPAJA_C', 'Kurzeme']])) // → 'Kurzeme'
 */
export function regionOf(code: string, regions: ReadonlyMap<string, string>): string {
	return regions.get(code) ?? ANY;
}

/**
 * ISO date → its month 'YYYY-MM'.
 * @example toMonth('2019-09-17') // → '2019-09'
 */
export function toMonth(date: string | null): string | null {
	return date ? date.slice(0, 7) : null;
}

/**
 * ISO date → calendar quarter 'YYYY-Qn'.
 * @example toQuarter('2019-09-17') // → '2019-Q3'
 */
export function toQuarter(date: string | null): string | null {
	if (!date) return null;
	return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * A count of months → its band of `width` months, as 'lo-hi'.
 * @example monthBand(13, 6) // → '12-17'
 * @example monthBand(0, 6) // → '0-5'
 */
export function monthBand(months: number | null, width: number): string | null {
	if (months === null) return null;
	const lo = Math.floor(months / width) * width;
	return `${lo}-${lo + width - 1}`;
}

/**
 * Whole months from `start` to `date` (completed months: the day of month
 * counts), never a calendar date; negative when `date` is before `start`.
 * @example monthsSince('2018-09-15', '2019-09-14') // → 11
 * @example monthsSince('2018-09-15', '2019-09-15') // → 12
 */
export function monthsSince(start: string, date: string | null): number | null {
	if (!date) return null;
	const [sy, sm, sd] = start.split('-').map(Number);
	const [y, m, d] = date.split('-').map(Number);
	let months = (y - sy) * 12 + (m - sm);
	if (months > 0 && d < sd) months--;
	else if (months < 0 && d > sd) months++;
	return months;
}

/**
 * An amount rounded to the nearest `step` (half up), a paid amount never to 0:
 * exact costs are unique for nearly everyone, rounded ones are not, and a
 * participant with any paid service still counts as one.
 * @example roundAmount(1234.56, 100) // → 1200
 * @example roundAmount(30, 100) // → 100
 * @example roundAmount(0, 100) // → 0
 * @example roundAmount(1234.567, 0) // → 1234.57 (step 0: to the cent)
 */
export function roundAmount(x: number, step: number): number {
	if (step <= 0) return Math.round(x * 100) / 100;
	if (x === 0) return 0;
	const r = Math.floor(x / step + 0.5) * step;
	return r === 0 ? Math.sign(x) * step : r;
}

/**
 * A count to `digits` significant digits (units of service: exact units times
 * a known price give the exact cost back).
 * @example roundSignificant(2282, 2) // → 2300
 * @example roundSignificant(76, 2) // → 76
 * @example roundSignificant(2.5, 2) // → 2.5
 */
export function roundSignificant(x: number, digits: number): number {
	if (x === 0 || !Number.isFinite(x)) return x;
	const scale = 10 ** (Math.floor(Math.log10(Math.abs(x))) + 1 - digits);
	const r = Math.round(x / scale) * scale;
	// Avoid 0.30000000000000004-style tails for scales below 1.
	return scale < 1 ? Number(r.toFixed(Math.ceil(-Math.log10(scale)))) : r;
}
