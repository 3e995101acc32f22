/**
 * The kidscreen view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { kidscreenData } from './query.ts';
import { KIDSCREEN_FAMILIES } from './family.ts';
import { releaseKidscreen } from './summary.ts';

/** Released with Holm; the page re-adjusts the same released p-values for another method. */
export const KIDSCREEN_VIEW = {
	id: 'kidscreen',
	run: kidscreenData,
	families: KIDSCREEN_FAMILIES,
	release: (data, ctx) => releaseKidscreen(data, ctx)
} satisfies ReleaseSpec<Awaited<ReturnType<typeof kidscreenData>>, ReturnType<typeof releaseKidscreen>>;
