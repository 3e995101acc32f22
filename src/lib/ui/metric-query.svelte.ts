/**
 * Runs a metric query whenever its inputs (filters, language-independent) or
 * the data change, keeping the last good value while the next one loads.
 * Create it during component initialisation.
 */
import type { Engine } from '#lib/db/engine.ts';
import { dataset } from '#lib/db/state.svelte.ts';
import { readyEngine } from '#lib/db/open.ts';

export class MetricQuery<D, T> {
	value = $state.raw<T | null>(null);
	error = $state<string | null>(null);
	loading = $state(true);

	constructor(deps: () => D, run: (engine: Engine, deps: D) => Promise<T>) {
		$effect(() => {
			const d = deps(); // read synchronously so the effect tracks the inputs
			const engine = readyEngine();
			if (!engine) {
				this.loading = dataset.status !== 'error';
				if (dataset.status === 'error') this.error = dataset.error;
				return;
			}
			let current = true;
			this.loading = true;
			run(engine, d)
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
