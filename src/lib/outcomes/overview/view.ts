/**
 * The overview view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { Engine } from '#lib/db/engine.ts';
import { releasedResult, type ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { DEFAULT_FILTERS, type Cohort } from '#lib/filters/filters.ts';
import { COST_FAMILY } from '#lib/outcomes/costs/family.ts';
import { overview } from './query.ts';
import { releaseOverview, type ReleasedOverview } from './summary.ts';

/** One cohort's overview figures (the whole-cohort selection). */
export const OVERVIEW_VIEW = {
	id: 'overview',
	run: async (engine, f) => (await overview(engine)).find((c) => c.cohort === f.cohort) ?? null,
	families: [COST_FAMILY],
	release: releaseOverview
} satisfies ReleaseSpec<Awaited<ReturnType<typeof overview>>[number] | null, ReturnType<typeof releaseOverview>>;

/** Both cohorts' released overviews; a cohort whose selection is not shown is left out. */
export async function releasedOverview(engine: Engine, revision = 0): Promise<ReleasedOverview[]> {
	const out: ReleasedOverview[] = [];
	for (const cohort of ['child', 'adult'] as Cohort[]) {
		const r = await releasedResult(engine, { ...DEFAULT_FILTERS, cohort }, OVERVIEW_VIEW, revision);
		if ('value' in r && r.value) out.push(r.value);
	}
	return out;
}
