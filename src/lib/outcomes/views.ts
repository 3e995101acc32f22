/**
 * Every view's release spec and the cohorts it is shown for: what the build
 * prerenders and what `npm run publish` releases for every shown selection.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { GAS_VIEW, GOALS_VIEW } from './goals/view.ts';
import { COSTS_VIEW } from './costs/view.ts';
import { BUDGETS_VIEW } from './budgets/view.ts';
import { EMPLOYMENT_VIEW } from './employment/view.ts';
import { FUNCTIONING_VIEW } from './functioning/view.ts';
import { KIDSCREEN_VIEW } from './kidscreen/view.ts';
import { FQOLS_VIEW } from './fqols/view.ts';
import { SQOL_VIEW } from './sqol/view.ts';
import { MUNICIPALITIES_VIEW } from './municipalities/view.ts';
import { OVERVIEW_VIEW } from './overview/view.ts';
import { TRENDS_VIEW } from './trends/view.ts';
import { PROGRAMMES_VIEW } from '#lib/outcomes/programmes/query.ts';

export interface ViewEntry {
	id: string;
	cohorts: readonly Cohort[];
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of views with their own data types
	spec: ReleaseSpec<any, unknown>;
	/** The view takes no selection but the cohort (the municipality comparison): released once per cohort. */
	wholeCohortOnly?: boolean;
}

const both: Cohort[] = ['child', 'adult'];
const entry = (spec: ViewEntry['spec'] & { id: string }, cohorts: readonly Cohort[], wholeCohortOnly = false): ViewEntry => ({ id: spec.id, cohorts, spec, wholeCohortOnly });

export const VIEWS: readonly ViewEntry[] = [
	entry(GOALS_VIEW, both),
	entry(GAS_VIEW, both),
	entry(COSTS_VIEW, both),
	entry(BUDGETS_VIEW, both),
	entry(EMPLOYMENT_VIEW, ['adult']),
	entry(FUNCTIONING_VIEW, ['child']),
	entry(KIDSCREEN_VIEW, ['child']),
	entry(FQOLS_VIEW, ['child']),
	entry(SQOL_VIEW, ['adult']),
	entry(MUNICIPALITIES_VIEW, both, true),
	entry(OVERVIEW_VIEW, both, true),
	entry(PROGRAMMES_VIEW, both, true),
	entry(TRENDS_VIEW, both)
];
