/**
 * The overview view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { COST_FAMILY } from '#lib/outcomes/costs/family.ts';
import { overview } from './query.ts';
import { releaseOverview } from './summary.ts';

/** One cohort's overview figures (the whole-cohort selection). */
export const OVERVIEW_VIEW = {
	id: 'overview',
	run: async (engine, f) => (await overview(engine)).find((c) => c.cohort === f.cohort) ?? null,
	families: [COST_FAMILY],
	release: releaseOverview
} satisfies ReleaseSpec<Awaited<ReturnType<typeof overview>>[number] | null, ReturnType<typeof releaseOverview>>;
