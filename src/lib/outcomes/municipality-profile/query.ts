/**
 * A cohort's profile input in one call from an engine (build-time scripts
 * and tests): the same released results the page's Panel reads one view at a
 * time (ReleasedQuery), through releasedResult, so no SQL of its own.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { releasedResult, type Blocked } from '#lib/privacy/release/runtime.ts';
import { MUNICIPALITIES_VIEW, PROFILE_VIEWS, PROFILE_VIEWS_BY_COHORT, cohortFilters, municipalityFilters } from './view.ts';
import type { ProfileInput } from './summary.ts';

export async function profileInput(engine: Engine, cohort: Cohort, code: string, revision = 0): Promise<{ value: ProfileInput } | { blocked: Blocked }> {
	const comparison = await releasedResult(engine, cohortFilters(cohort), MUNICIPALITIES_VIEW, revision);
	if ('blocked' in comparison) return comparison;
	const input: Record<string, unknown> = { municipalities: comparison.value };
	for (const id of PROFILE_VIEWS_BY_COHORT[cohort]) {
		const spec = PROFILE_VIEWS[id] as (typeof PROFILE_VIEWS)['goals'];
		const [m, c] = await Promise.all([releasedResult(engine, municipalityFilters(cohort, code), spec, revision), releasedResult(engine, cohortFilters(cohort), spec, revision)]);
		if ('blocked' in m) return m;
		if ('blocked' in c) return c;
		input[id] = { municipality: m.value, cohort: c.value };
	}
	return { value: input as ProfileInput };
}
