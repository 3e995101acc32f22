/**
 * Globals the benchmark scripts (bench/) and the browser tests read from the
 * page: `__ibQueries`, the engine's query log, `__ibLoad`, the timings of
 * the first load, `__ibPlans`, where the release plans came from, and `__ibForgetRemembered`,
 * which forgets the results remembered per data revision (revision-memo.ts). Nothing in the app reads them.
 */
import type { LoadResult } from './load.ts';
import { forgetRemembered } from './revision-memo.ts';

interface Hooks {
	__ibQueries?: unknown;
	__ibLoad?: unknown;
	__ibPlans?: unknown;
	__ibForgetRemembered?: () => void;
}

// The benchmarks measure first renders and filter changes with their queries, then once more remembered.
(globalThis as Hooks).__ibForgetRemembered = forgetRemembered;

/** Whether the release plans of the current data are the packed ones or computed on the page. */
export function exposePlanSource(source: 'packed' | 'computed'): void {
	(globalThis as Hooks).__ibPlans = source;
}

/** Expose the browser engine's query log (engine-browser.ts `queryLog`). */
export function exposeQueryLog(queryLog: unknown): void {
	(globalThis as Hooks).__ibQueries = queryLog;
}

/** Expose the timings of the first load, once the views can query. */
export function exposeLoadTimings(t: {
	engineMs: number;
	engineStartedAt: number;
	engineSteps: Record<string, number>;
	loadResult: LoadResult;
}): void {
	(globalThis as Hooks).__ibLoad = {
		engineMs: t.engineMs,
		engineStartedAt: t.engineStartedAt,
		engineSteps: t.engineSteps,
		dataMs: t.loadResult.totalMs,
		readyAt: performance.now(),
		tables: t.loadResult.tables,
		database: t.loadResult.database ?? null
	};
}
