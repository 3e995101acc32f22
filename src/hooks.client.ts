/**
 * Start the database engine before the first page hydrates: its 34 MB of wasm
 * download and compile in a worker while the page's own JavaScript loads, and
 * DuckDB-WASM start-up is the longest step of a load (see bench/README.md).
 */
import { ensureDataset } from '#lib/db/open.ts';
import { PUBLISHED } from '#lib/mode.ts';

export function init(): void {
	// Errors are shown by LoadStatus (the layout awaits the same promise).
	// The published site has no engine: its figures are released results.
	if (!PUBLISHED) ensureDataset().catch(() => {});
}
