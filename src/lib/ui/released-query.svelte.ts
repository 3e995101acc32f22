/**
 * A view's data through the release path: the filters' selection is checked
 * against the cohort's release plan first; only a shown selection is
 * queried, and its result is released row by row (`release`) with the plans
 * of the table families it declares. What the view gets is released data or
 * the reason why nothing may be shown. Create it during component
 * initialisation.
 */
import type { Filters } from '#lib/filters/filters.ts';
import { filtersKey } from '#lib/filters/key.ts';
import { dataset } from '#lib/db/state.svelte.ts';
import { readyEngine } from '#lib/db/open.ts';
import { releasedResult, type Blocked, type ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { PUBLISHED } from '#lib/mode.ts';
import { publishedResult } from '#lib/publish/source.ts';
import { initialResult } from '#lib/publish/initial.ts';
import { RevisionMemo } from '#lib/db/revision-memo.ts';

/** Per view, its released results of the current data revision (back to a view or a filter: no query). */
const memos = new WeakMap<object, RevisionMemo<{ value: unknown } | { blocked: Blocked }>>();

function remembered<T, R>(engine: object, revision: number, f: Filters, spec: ReleaseSpec<T, R>, run: () => Promise<{ value: R } | { blocked: Blocked }>) {
	let memo = memos.get(spec);
	if (!memo) memos.set(spec, (memo = new RevisionMemo()));
	return memo.get(engine, revision, filtersKey(f), run) as Promise<{ value: R } | { blocked: Blocked }>;
}

export type { Blocked, ReleaseSpec };

export class ReleasedQuery<T, R> {
	value = $state.raw<R | null>(null);
	blocked = $state.raw<Blocked | null>(null);
	error = $state<string | null>(null);
	loading = $state(true);
	/** True while the value is the build's prerendered one (not yet this page's own query). */
	prerendered = $state(false);

	constructor(deps: () => Filters, spec: ReleaseSpec<T, R>) {
		// The prerendered result of the whole cohort, if the build carried one: shown at
		// first paint (and on the server), until the live result (the same) replaces it.
		const first = initialResult<R>(spec.id, deps());
		if (first) {
			this.settle(first);
			this.prerendered = true;
		}
		$effect(() => {
			const f = deps(); // read synchronously so the effect tracks the inputs
			let current = true;
			let result: Promise<{ value: R } | { blocked: Blocked }>;
			if (PUBLISHED) {
				// The published site holds released results only: a lookup, no engine.
				result = spec.id ? publishedResult<R>(spec.id, f) : Promise.reject(new Error('This view has no published results (no id).'));
			} else {
				const engine = readyEngine();
				const revision = dataset.revision;
				if (!engine) {
					this.loading = dataset.status !== 'error';
					if (dataset.status === 'error') this.error = dataset.error;
					return;
				}
				result = remembered(engine, revision, f, spec, () => releasedResult(engine, f, spec, revision));
			}
			this.loading = true;
			result
				.then((r) => {
					if (!current) return;
					this.settle(r);
					this.prerendered = false;
				})
				.catch((e: unknown) => {
					if (current) this.error = e instanceof Error ? e.message : String(e);
				})
				.finally(() => {
					if (current) this.loading = false;
				});
			return () => {
				current = false;
			};
		});
	}

	private settle(r: { value: R } | { blocked: Blocked }) {
		if ('blocked' in r) {
			this.blocked = r.blocked;
			this.value = null;
		} else {
			this.blocked = null;
			this.value = r.value;
		}
		this.loading = false;
		this.error = null;
	}
}
