/**
 * The costs view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { costData } from './query.ts';
import { COST_FAMILY } from './family.ts';
import { releaseCosts } from './summary.ts';

export const COSTS_VIEW = { id: 'costs', run: costData, families: [COST_FAMILY], release: releaseCosts } satisfies ReleaseSpec<
	Awaited<ReturnType<typeof costData>>,
	ReturnType<typeof releaseCosts>
>;
