/**
 * Generalisation of quasi-identifiers: age to bands, municipality to planning
 * region, dates to month or to whole months since enrolment. Pure functions.
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
