/**
 * This browser's live store (OPFS, or memory when there is none) and the
 * start-up step that brings stored uploads back into the live layer
 * (called from db/open.ts after the bundled data's layer is loaded).
 */
import { PUBLISHED } from '#lib/mode.ts';
import { contract } from '#lib/contract/schema.ts';
import { t } from '#lib/i18n/index.svelte.ts';
import type { Engine } from '../engine.ts';
import type { Layer } from '../layers.ts';
import type { DataSource } from '../state.svelte.ts';
import { memoryBackend, opfsBackend } from './backend.ts';
import { LiveStore, type RestoreResult } from './store.ts';
import { setLiveStoredHint } from './hint.ts';

export { liveStoredHint, setLiveStoredHint } from './hint.ts';

export interface BrowserStore {
	store: LiveStore;
	/** Why files are kept only in memory (no OPFS), or null. */
	unavailable: string | null;
}

let opened: Promise<BrowserStore> | null = null;

/** The store, opened once per page. */
export function browserStore(): Promise<BrowserStore> {
	opened ??= opfsBackend().then((o) =>
		o.backend
			? { store: new LiveStore(o.backend, contract.version), unavailable: null }
			: { store: new LiveStore(memoryBackend(), contract.version), unavailable: o.reason }
	);
	return opened;
}

// Opened as soon as the app loads, so reading the index overlaps the engine's start.
if (!PUBLISHED && typeof window !== 'undefined') browserStore().then(({ store }) => store.index()).catch(() => {});

/** What the start-up restore did (read by the /data page), null before it ran. */
export let lastRestore: (RestoreResult & { error: string | null }) | null = null;

/**
 * Bring the uploads stored in this browser back into the live layer, before the
 * first figure. Returns the layers to show, or null when nothing was restored
 * (nothing stored, or a dataset opened by URL holds the live layer). A store
 * that cannot be read is reported, never thrown: the bundled data still show.
 */
export async function restoreStoredLive(engine: Engine, source: DataSource, markLiveUploaded: (name: string, files: readonly string[]) => void): Promise<Layer[] | null> {
	if (source.kind !== 'pilot') return null;
	// Measured for the benchmarks (bench/results): the cost at start-up, also when nothing is stored.
	const t0 = typeof performance !== 'undefined' ? performance.now() : 0;
	const measure = () => globalThis.performance?.measure?.('ib-restore-stored', { start: t0 });
	try {
		const { store } = await browserStore();
		const index = await store.index();
		setLiveStoredHint(index.files.length > 0);
		if (index.files.length === 0) {
			lastRestore = { files: [], rows: 0, problems: [], error: null };
			measure();
			return null;
		}
		const result = await store.restore(engine);
		lastRestore = { ...result, error: null };
		measure();
		void store.tidy().catch(() => {});
		if (result.rows === 0) return null;
		markLiveUploaded(t('data.uploadedName'), result.files.map((f) => f.name));
		return index.layers;
	} catch (e) {
		lastRestore = { files: [], rows: 0, problems: [], error: (e as Error).message };
		return null;
	}
}
