/**
 * One visit to the /data page: the files being checked and their reports, the
 * user's corrections (table, header mapping), adding the accepted rows to the
 * live layer, and which layers the views use. The page only renders it.
 *
 * Create it while a component initialises (`new IngestSession()` in the
 * page's script): it keeps the live row counts current with an effect.
 */
import { PUBLISHED } from '#lib/mode.ts';
import { dataset } from '#lib/db/state.svelte.ts';
import { ensureDataset, markLiveUploaded, openUrlDataset, useLayers } from '#lib/db/open.ts';
import { clearLive, liveCounts, loadedTables } from '#lib/db/ingest.ts';
import { clearResults } from '#lib/db/result-cache.ts';
import { forgetVerified } from '#lib/db/recall.ts';
import type { Layer } from '#lib/db/layers.ts';
import { downloadText } from '#lib/export/download.ts';
import { t, i18n } from '#lib/i18n/index.svelte.ts';
import { formatNumber } from '#lib/i18n/format.ts';
import { UploadCancelled, type UploadInput } from './upload.ts';
import { acceptedCount, startChecker } from './check-client.ts';
import type { CheckResult } from './check.ts';
import type { Problem } from './problems.ts';
import { problemsToCsv, errorsFileName } from './errors-csv.ts';
import { storedLive } from './store/stored.svelte.ts';

/** A file and its check results (one per table in it). */
export interface CheckedFile {
	file: UploadInput;
	results: CheckResult[];
}

/** The layers the views use, as the page offers them. */
export type LayerChoice = 'pilot' | 'live' | 'both';

/** The user's corrections per file: the table, and header → column where headers differ. */
interface Override {
	table?: string;
	mapping?: Record<string, string | null>;
}

/** Every problem found in a file, over all its tables. */
export const problemsOf = (c: CheckedFile): Problem[] => c.results.flatMap((r) => r.problems);

export class IngestSession {
	busy = $state(false);
	/** Share of the current file read (0–1). */
	progress = $state(0);
	/** Name of the file being checked. */
	current = $state('');
	message = $state<string | null>(null);
	checked = $state.raw<CheckedFile[]>([]);
	/** Rows per live table. */
	counts = $state.raw<Record<string, number>>({});
	/** Header → column choices not yet applied (by recheckMapped), per file. */
	pendingMapping = $state<Record<string, Record<string, string | null>>>({});

	readonly choice = $derived<LayerChoice>(dataset.layers.length === 2 ? 'both' : dataset.layers[0] === 'live' ? 'live' : 'pilot');
	readonly hasLive = $derived(Object.values(this.counts).some((n) => n > 0));
	readonly totalAccepted = $derived(
		this.checked.flatMap((c) => c.results).reduce((a, r) => a + acceptedCount(r), 0)
	);

	private controller: AbortController | null = null;
	private overrides = new Map<string, Override>();

	constructor() {
		$effect(() => {
			void dataset.revision;
			// The published site has no engine and no live data.
			if (!PUBLISHED) this.refreshCounts().catch(() => {});
		});
	}

	private async refreshCounts(): Promise<void> {
		this.counts = await liveCounts(await ensureDataset());
	}

	/** Check newly picked or dropped files (earlier corrections no longer apply). */
	pick(files: UploadInput[]): void {
		this.overrides = new Map();
		void this.check(files);
	}

	/** Stop checking the current file. */
	cancel(): void {
		this.controller?.abort();
	}

	private async check(files: UploadInput[]): Promise<void> {
		if (files.length === 0) return;
		this.busy = true;
		this.message = null;
		this.controller = new AbortController();
		const out: CheckedFile[] = [];
		let checker: Awaited<ReturnType<typeof startChecker>> | null = null;
		try {
			// In a worker: parents first (by the table detected in each file), each checked against the rows the earlier ones add.
			checker = await startChecker(await loadedTables(await ensureDataset()));
			for (const file of await checker.order(files)) {
				this.current = file.name;
				this.progress = 0;
				const o = this.overrides.get(file.name) ?? {};
				const results = await checker.check(file, {
					table: o.table,
					mapping: o.mapping,
					signal: this.controller.signal,
					onProgress: (p) => (this.progress = p)
				});
				out.push({ file, results });
			}
			this.checked = out;
		} catch (e) {
			this.message = e instanceof UploadCancelled ? t('data.cancelled') : `${t('data.failed')}: ${(e as Error).message}`;
			this.checked = out;
		} finally {
			checker?.close();
			this.busy = false;
			this.controller = null;
		}
	}

	/** Check the files again, this one read as `table`. */
	recheckAs(file: UploadInput, table: string): void {
		this.overrides.set(file.name, { table });
		void this.check(this.checked.map((c) => c.file));
	}

	/** Note the user's column for a header of a file (applied by recheckMapped). */
	mapHeader(file: UploadInput, header: string, column: string | null): void {
		this.pendingMapping[file.name] = { ...this.pendingMapping[file.name], [header]: column };
	}

	/** Check the files again with the header mapping chosen for this one. */
	recheckMapped(file: UploadInput, table: string | null): void {
		const o = this.overrides.get(file.name) ?? {};
		this.overrides.set(file.name, {
			table: table ?? o.table,
			mapping: { ...o.mapping, ...this.pendingMapping[file.name] }
		});
		void this.check(this.checked.map((c) => c.file));
	}

	/** Add the accepted rows to the live layer (parents first) and show live data. */
	async useAccepted(): Promise<void> {
		this.busy = true;
		try {
			// Stored in this browser first (db/persist/), then added to the live layer, parents first.
			const added = await storedLive.accept(this.checked);
			markLiveUploaded(t('data.uploadedName'), this.checked.filter((c) => c.results.some((r) => r.table && !r.fileRejected && acceptedCount(r) > 0)).map((c) => c.file.name));
			this.checked = [];
			this.message = t('data.added', { n: formatNumber(i18n.lang, added) });
			await useLayers(dataset.layers.includes('live') ? dataset.layers : [...dataset.layers, 'live']);
			storedLive.rememberLayers(dataset.layers);
		} catch (e) {
			this.message = `${t('data.failed')}: ${(e as Error).message}`;
		} finally {
			this.busy = false;
		}
	}

	/** Forget the checked files without adding anything. */
	discard(): void {
		this.checked = [];
	}

	/** Remove all live data, and the results this browser saved of them. */
	async clearAll(): Promise<void> {
		await storedLive.forgetAll();
		await clearLive(await ensureDataset());
		dataset.liveFiles = [];
		await clearResults();
		forgetVerified();
		await useLayers(['pilot']);
	}

	/** Open a dataset from a manifest URL as the live layer. */
	async openUrl(url: string): Promise<void> {
		if (!url.trim()) return;
		this.busy = true;
		this.message = null;
		try {
			await openUrlDataset(url.trim());
		} catch (err) {
			this.message = `${t('data.failed')}: ${(err as Error).message}`;
		} finally {
			this.busy = false;
		}
	}

	choose(v: LayerChoice): void {
		const layers: Layer[] = v === 'both' ? ['pilot', 'live'] : v === 'live' ? ['live'] : ['pilot'];
		void useLayers(layers);
		storedLive.rememberLayers(layers);
	}

	/** The file's problems as CSV, for the municipality to fix it. */
	downloadErrors(c: CheckedFile): void {
		downloadText(errorsFileName(c.file.name), problemsToCsv(problemsOf(c), i18n.lang));
	}
}
