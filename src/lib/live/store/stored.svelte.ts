/**
 * The /data page's view of the files stored in this browser (db/persist/):
 * the list, storage used and available, whether the browser keeps the data
 * under pressure (navigator.storage.persist), and the actions: store an
 * accepted upload before it is reported, forget one file or all, save the
 * live layer as a dataset.
 */
import { dataset } from '#lib/db/state.svelte.ts';
import { ensureDataset, useLayers } from '#lib/db/open.ts';
import { appendLiveIPC, clearLive, liveRowsToIPC } from '#lib/db/ingest.ts';
import { browserStore, lastRestore, setLiveStoredHint } from '#lib/db/persist/live.ts';
import type { StoredFile } from '#lib/db/persist/index-format.ts';
import { initBrowserParquet } from '#lib/db/parquet-browser.ts';
import { saveDataset, zipDataset } from '#lib/db/save-dataset.ts';
import { sha256Hex } from '#lib/db/verify.ts';
import type { Layer } from '#lib/db/layers.ts';
import { tableNames } from '#lib/contract/schema.ts';
import { downloadBlob } from '#lib/export/download.ts';
import { t, translate } from '#lib/i18n/index.svelte.ts';
import type { CheckResult } from '../check.ts';
import type { UploadInput } from '../upload.ts';
import { acceptedCount } from '../check-client.ts';

/** A file whose accepted rows could not be stored (they are in the live layer for this page only). */
export interface StoreError {
	name: string;
	message: string;
}

export class StoredLive {
	files = $state.raw<StoredFile[]>([]);
	/** 'opfs' or 'memory'; null until the store is opened. */
	kind = $state<'opfs' | 'memory' | null>(null);
	/** Why there is no OPFS (kept in memory only), or null. */
	unavailable = $state<string | null>(null);
	/** Whether the browser granted persistent storage (null: not asked or unknown). */
	persisted = $state<boolean | null>(null);
	usage = $state<number | null>(null);
	quota = $state<number | null>(null);
	/** Files that could not be stored or restored, with the reason. */
	errors = $state.raw<StoreError[]>([]);
	busy = $state(false);
	/** Last error of an action, shown on the page. */
	message = $state<string | null>(null);
	private restoreShown = false;

	/** Read the list and the storage figures again. */
	async refresh(): Promise<void> {
		const { store, unavailable } = await browserStore();
		this.kind = store.backend.kind;
		this.unavailable = unavailable;
		try {
			this.files = (await store.index()).files;
			setLiveStoredHint(store.backend.kind === 'opfs' && this.files.length > 0);
		} catch (e) {
			this.files = [];
			this.errors = [{ name: 'index.json', message: (e as Error).message }];
		}
		// What the start-up restore could not bring back, said once.
		if (lastRestore && !this.restoreShown) {
			this.restoreShown = true;
			this.errors = [
				...this.errors,
				...lastRestore.problems.map((p) => ({ name: p.file.name, message: p.message })),
				...(lastRestore.error ? [{ name: 'index.json', message: lastRestore.error }] : [])
			];
		}
		const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
		if (storage?.persisted) this.persisted = await storage.persisted().catch(() => null);
		if (storage?.estimate) {
			const e = await storage.estimate().catch(() => null);
			this.usage = e?.usage ?? null;
			this.quota = e?.quota ?? null;
		}
	}

	/**
	 * Store each checked file's accepted rows, then add them to the live layer
	 * (parents first). A file that cannot be stored is still added, and its
	 * storage error is listed. Returns the rows added.
	 */
	async accept(checked: { file: UploadInput; results: CheckResult[] }[]): Promise<number> {
		const engine = await ensureDataset();
		const { store } = await browserStore();
		const errors: StoreError[] = [];
		const toAdd: { table: string; ipc: Uint8Array }[] = [];
		const stored: StoredFile[] = [];
		for (const c of checked) {
			const parts = c.results
				.filter((r) => r.table && !r.fileRejected && acceptedCount(r) > 0)
				// Rows checked in the worker arrive as one Arrow IPC stream (acceptedIPC), not as objects.
				.map((r) => ({ table: r.table!, ipc: r.acceptedIPC ?? liveRowsToIPC(r.table!, r.accepted), rows: acceptedCount(r) }));
			if (parts.length === 0) continue;
			toAdd.push(...parts);
			try {
				const bytes = new Uint8Array(await c.file.arrayBuffer());
				const sha256 = globalThis.crypto?.subtle ? await sha256Hex(bytes) : null;
				stored.push(await store.add({ name: c.file.name, sha256, bytes: bytes.byteLength, parts }));
			} catch (e) {
				errors.push({ name: c.file.name, message: (e as Error).message });
			}
		}
		const order = tableNames();
		toAdd.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
		let added = 0;
		try {
			for (const p of toAdd) added += await appendLiveIPC(engine, p.table, p.ipc);
		} catch (e) {
			// Not in the live layer: not kept either, or it would come back on the next start.
			for (const f of stored) await store.forget(f.id).catch(() => {});
			throw e;
		}
		this.errors = errors;
		if (stored.length && store.backend.kind === 'opfs') await this.askPersistence();
		await this.refresh();
		return added;
	}

	/** Ask the browser not to evict the stored data (once granted it stays). */
	private async askPersistence(): Promise<void> {
		const storage = navigator.storage;
		if (!storage?.persist || this.persisted) return;
		this.persisted = await storage.persist().catch(() => false);
	}

	/** The live layer holds uploads (not a dataset opened by URL): forgetting rebuilds it. */
	private get liveIsUploads(): boolean {
		return dataset.source.kind === 'pilot';
	}

	/** Forget one stored file: remove it and rebuild the live layer from the others. */
	async forget(id: string): Promise<void> {
		await this.run(async () => {
			const { store } = await browserStore();
			await store.forget(id);
			if (!this.liveIsUploads) return;
			const engine = await ensureDataset();
			await clearLive(engine);
			const result = await store.restore(engine);
			this.errors = result.problems.map((p) => ({ name: p.file.name, message: p.message }));
			await useLayers(result.rows > 0 ? dataset.layers : ['pilot']);
		});
	}

	/** Forget every stored file (the caller clears the live layer). */
	async forgetAll(): Promise<void> {
		await this.run(async () => {
			const { store } = await browserStore();
			await store.forgetAll();
			this.errors = [];
		});
	}

	/** Remember which layers the views use, for the next start. */
	rememberLayers(layers: Layer[]): void {
		void browserStore()
			.then(({ store }) => store.setLayers(layers))
			.catch(() => {});
	}

	/** "Save dataset": the live layer (and the pilot if asked) as Parquet + manifest.json in one ZIP. */
	async save(withPilot: boolean): Promise<void> {
		await this.run(async () => {
			const engine = await ensureDataset();
			if (withPilot && !dataset.manifests.pilot) throw new Error(t('liveStore.noPilot'));
			await initBrowserParquet();
			const savedAt = new Date().toISOString();
			const saved = await saveDataset(engine, {
				withPilot,
				name: translate('en', 'liveStore.savedName'),
				name_lv: translate('lv', 'liveStore.savedName'),
				savedAt
			});
			const folder = `ib-dataset-${savedAt.slice(0, 10)}`;
			downloadBlob(`${folder}.zip`, new Blob([zipDataset(saved, folder) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
		});
	}

	private async run(work: () => Promise<void>): Promise<void> {
		this.busy = true;
		this.message = null;
		try {
			await work();
		} catch (e) {
			this.message = `${t('data.failed')}: ${(e as Error).message}`;
		} finally {
			this.busy = false;
			await this.refresh().catch(() => {});
		}
	}
}

/** One per page: the store is the browser's, not a visit's. */
export const storedLive = new StoredLive();
