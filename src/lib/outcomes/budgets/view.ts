/**
 * The budgets view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { budgetSummary } from './query.ts';
import { BUDGET_FAMILY } from './family.ts';
import { releaseBudgets } from './summary.ts';

export const BUDGETS_VIEW = { id: 'budgets', run: budgetSummary, families: [BUDGET_FAMILY], release: releaseBudgets } satisfies ReleaseSpec<
	Awaited<ReturnType<typeof budgetSummary>>,
	ReturnType<typeof releaseBudgets>
>;
