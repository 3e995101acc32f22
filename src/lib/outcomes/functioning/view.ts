/**
 * The functioning view as the release path runs it (id, query, table
 * families, release step): used by its Panel in the browser, by the build's
 * prerendered figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { sfkData } from './query.ts';
import { SFK_FAMILY } from './family.ts';
import { releaseFunctioning } from './summary.ts';

/** Released with Holm; the page re-adjusts the same released p-values for another method. */
export const FUNCTIONING_VIEW = {
	id: 'functioning',
	run: sfkData,
	families: [SFK_FAMILY],
	release: (data, ctx) => releaseFunctioning(data, ctx)
} satisfies ReleaseSpec<Awaited<ReturnType<typeof sfkData>>, ReturnType<typeof releaseFunctioning>>;
