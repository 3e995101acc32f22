/**
 * A view's data through the release path: the filters' selection is checked
 * against the cohort's release plan first; only a shown selection is
 * queried, and its result is released row by row (`release`) with the plans
 * of the table families it declares. What the view gets is released data or
 * the reason why nothing may be shown. Create it during component
 * initialisation.
 */
import type { Filters } from '#lib/filters/filters.ts';
import { dataset } from '#lib/db/state.svelte.ts';
import { readyEngine } from '#lib/db/open.ts';
import { releasedResult, type Blocked, type ReleaseSpec } from '#lib/privacy/release/runtime.ts';

export type { Blocked, ReleaseSpec };

export class ReleasedQuery<T, R> {
	value = $state.raw<R | null>(null);
	blocked = $state.raw<Blocked | null>(null);
	error = $state<string | null>(null);
	loading = $state(true);

	constructor(deps: () => Filters, spec: ReleaseSpec<T, R>) {
		$effect(() => {
			const f = deps(); // read synchronously so the effect tracks the inputs
			const engine = readyEngine();
			const revision = dataset.revision;
			if (!engine) {
				this.loading = dataset.status !== 'error';
				if (dataset.status === 'error') this.error = dataset.error;
				return;
			}
			let current = true;
			this.loading = true;
			releasedResult(engine, f, spec, revision)
				.then((r) => {
					if (!current) return;
					if ('blocked' in r) {
						this.blocked = r.blocked;
						this.value = null;
					} else {
						this.blocked = null;
						this.value = r.value;
					}
					this.error = null;
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
}
