/**
 * The municipality profile has no query or release step of its own: it is
 * the other views' released results for two selections of the space, the
 * municipality (one place, both sexes, all ages, the whole time) and the
 * cohort as a whole, so every figure comes through the same release path
 * (and, in the published site, from the same published results).
 */
import { DEFAULT_FILTERS, type Cohort, type Filters } from '#lib/filters/filters.ts';
import { GOALS_VIEW } from '#lib/outcomes/goals/view.ts';
import { FUNCTIONING_VIEW } from '#lib/outcomes/functioning/view.ts';
import { KIDSCREEN_VIEW } from '#lib/outcomes/kidscreen/view.ts';
import { FQOLS_VIEW } from '#lib/outcomes/fqols/view.ts';
import { SQOL_VIEW } from '#lib/outcomes/sqol/view.ts';
import { EMPLOYMENT_VIEW } from '#lib/outcomes/employment/view.ts';
import { COSTS_VIEW } from '#lib/outcomes/costs/view.ts';
import { BUDGETS_VIEW } from '#lib/outcomes/budgets/view.ts';
import { MUNICIPALITIES_VIEW } from '#lib/outcomes/municipalities/view.ts';

/** The views a cohort's profile is made of (the municipality comparison gives the funnel position). */
export const PROFILE_VIEWS = {
	goals: GOALS_VIEW,
	functioning: FUNCTIONING_VIEW,
	kidscreen: KIDSCREEN_VIEW,
	fqols: FQOLS_VIEW,
	sqol: SQOL_VIEW,
	employment: EMPLOYMENT_VIEW,
	costs: COSTS_VIEW,
	budgets: BUDGETS_VIEW
} as const;
export type ProfileView = keyof typeof PROFILE_VIEWS;

export const PROFILE_VIEWS_BY_COHORT: Record<Cohort, readonly ProfileView[]> = {
	child: ['goals', 'functioning', 'kidscreen', 'fqols', 'costs', 'budgets'],
	adult: ['goals', 'sqol', 'employment', 'costs', 'budgets']
};

export { MUNICIPALITIES_VIEW };

/** The municipality's selection: the place only (as in the comparison table and the funnel plot). */
export const municipalityFilters = (cohort: Cohort, code: string): Filters => ({ ...DEFAULT_FILTERS, cohort, municipalities: [code] });

/** The cohort as a whole: what the municipality's figures stand beside. */
export const cohortFilters = (cohort: Cohort): Filters => ({ ...DEFAULT_FILTERS, cohort });

// The page shows one fixed selection per cohort: the filters of other views do not carry over.
const FILTER_PARAMS = ['cohort', 'mun', 'region', 'sex', 'age', 'from', 'to', 'min'];

/**
 * The query string of a link to a municipality's page: the other settings
 * (e.g. `data=`, the dataset) are kept, the filters dropped.
 *
 * @example profileSearch(new URLSearchParams('cohort=adult&mun=X&data=m.json')) // '?data=m.json'
 */
export function profileSearch(params: URLSearchParams | string): string {
	const p = new URLSearchParams(params);
	for (const k of FILTER_PARAMS) p.delete(k);
	const qs = p.toString();
	return qs ? `?${qs}` : '';
}
