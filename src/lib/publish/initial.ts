/**
 * Figures at first paint: the released results of every view for the whole
 * cohort (no place, sex, age or period filter), computed at build time and
 * carried in the prerendered HTML, so a visitor sees the numbers before any
 * wasm is fetched. The layout provides them (from its build-time load); a
 * view uses its own until its live result arrives, which is the same.
 */
import { getContext, setContext } from 'svelte';
import type { Filters } from '#lib/filters/filters.ts';
import type { Blocked } from '#lib/privacy/release/runtime.ts';
import { PUBLISHED } from '#lib/mode.ts';
import { dataset } from '#lib/db/state.svelte.ts';
import { liveStoredHint } from '#lib/db/persist/hint.ts';

export type InitialResults = Record<string, { value: unknown } | { blocked: Blocked }>;

const KEY = Symbol('initial-results');

export function provideInitialResults(results: () => InitialResults | undefined): void {
	setContext(KEY, results);
}

/** The key of a view's initial result: its id and cohort. */
export const initialKey = (view: string, cohort: string) => `${view}-${cohort}`;

/** True for the selection that is prerendered: the cohort as a whole. */
export function isWholeCohort(f: Filters): boolean {
	return f.municipalities.length === 0 && !f.region && !f.sex && !f.ageBand && !f.from && !f.to;
}

export function initialResult<R>(view: string | undefined, f: Filters): { value: R } | { blocked: Blocked } | undefined {
	if (!view || !isWholeCohort(f)) return undefined;
	// The workbench's prerendered figures are the bundled pilot's: not for other data (nor stored uploads, db/persist/).
	if (!PUBLISHED && (dataset.source.kind !== 'pilot' || dataset.layers.some((l) => l !== 'pilot') || liveStoredHint())) return undefined;
	const results = (getContext(KEY) as (() => InitialResults | undefined) | undefined)?.();
	return results?.[initialKey(view, f.cohort)] as { value: R } | { blocked: Blocked } | undefined;
}
