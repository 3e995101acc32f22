/**
 * The trends view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`. Its points rest on three families: its
 * own participant series and the quarter rows of the costs and goals
 * families (whose figures they add up to).
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { COST_FAMILY } from '#lib/outcomes/costs/family.ts';
import { GOAL_FAMILY } from '#lib/outcomes/goals/family.ts';
import { trendData } from './query.ts';
import { TRENDS_FAMILY } from './family.ts';
import { releaseTrends } from './summary.ts';

export const TRENDS_VIEW = { id: 'trends', run: trendData, families: [TRENDS_FAMILY, COST_FAMILY, GOAL_FAMILY], release: releaseTrends } satisfies ReleaseSpec<
	Awaited<ReturnType<typeof trendData>>,
	ReturnType<typeof releaseTrends>
>;
