/**
 * The sqol view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { sqolData } from './query.ts';
import { SQOL_FAMILY } from './family.ts';
import { releaseSqol } from './summary.ts';

/** Released with Holm; the page re-adjusts the same released p-values for another method. */
export const SQOL_VIEW = {
	id: 'sqol',
	run: sqolData,
	families: [SQOL_FAMILY],
	release: (data, ctx) => releaseSqol(data, ctx)
} satisfies ReleaseSpec<Awaited<ReturnType<typeof sqolData>>, ReturnType<typeof releaseSqol>>;
