/**
 * Runs a query whenever its inputs (filters, language-independent) or the
 * data change, keeping the last good value while the next one loads. Create
 * it during component initialisation.
 *
 * In the published site there is no engine: a query runs only if it has a
 * `published` form (reading released results); any other is refused, so
 * nothing unreleased can be computed there.
 */
import type { Engine } from '#lib/db/engine.ts';
import { dataset } from '#lib/db/state.svelte.ts';
import { readyEngine } from '#lib/db/open.ts';
import { PUBLISHED } from '#lib/mode.ts';

export interface MetricQueryOptions<D, T> {
	/** The published site's form of the query: released results only. */
	published?: (deps: D) => Promise<T>;
	/** A value known before the query runs (prerendered at build time). */
	initial?: T;
}

export class MetricQuery<D, T> {
	value = $state.raw<T | null>(null);
	error = $state<string | null>(null);
	loading = $state(true);

	constructor(deps: () => D, run: (engine: Engine, deps: D) => Promise<T>, options: MetricQueryOptions<D, T> = {}) {
		if (options.initial !== undefined) {
			this.value = options.initial;
			this.loading = false;
		}
		$effect(() => {
			const d = deps(); // read synchronously so the effect tracks the inputs
			let result: Promise<T>;
			if (PUBLISHED) {
				result = options.published ? options.published(d) : Promise.reject(new Error('Not available in the published site.'));
			} else {
				const engine = readyEngine();
				if (!engine) {
					this.loading = dataset.status !== 'error';
					if (dataset.status === 'error') this.error = dataset.error;
					return;
				}
				result = run(engine, d);
			}
			let current = true;
			this.loading = true;
			result
				.then((v) => {
					if (!current) return;
					this.value = v;
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
