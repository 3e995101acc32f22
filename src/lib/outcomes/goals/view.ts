/**
 * The goals view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { goalAttainment, gasRatings } from './query.ts';
import { GAS_FAMILY, GOAL_FAMILY } from './family.ts';
import { releaseGas, releaseGoals } from './summary.ts';

/** Goal attainment by plan domain. */
export const GOALS_VIEW = { id: 'goals', run: goalAttainment, families: [GOAL_FAMILY], release: releaseGoals } satisfies ReleaseSpec<
	Awaited<ReturnType<typeof goalAttainment>>,
	ReturnType<typeof releaseGoals>
>;

/** The GAS T-score summary. */
export const GAS_VIEW = { id: 'gas', run: gasRatings, families: [GAS_FAMILY], release: releaseGas } satisfies ReleaseSpec<
	Awaited<ReturnType<typeof gasRatings>>,
	ReturnType<typeof releaseGas>
>;
