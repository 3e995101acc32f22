/**
 * The fqols view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { fqolsData } from './query.ts';
import { FQOLS_FAMILY } from './family.ts';
import { releaseFqols } from './summary.ts';

/** Released with Holm; the page re-adjusts the same released p-values for another method. */
export const FQOLS_VIEW = {
	id: 'fqols',
	run: fqolsData,
	families: [FQOLS_FAMILY],
	release: (data, ctx) => releaseFqols(data, ctx)
} satisfies ReleaseSpec<Awaited<ReturnType<typeof fqolsData>>, ReturnType<typeof releaseFqols>>;
