/**
 * Engine start-up and data loading, once per page session: fetch the dataset
 * while the engine compiles, load it into its layer, and report progress and
 * errors through the state store (state.svelte.ts).
 */
import type { Engine } from './engine.ts';
import type { DatasetManifest } from './manifest.ts';
import { loadDataset, prepareTable, type PreparedTable } from './load.ts';
import { initBrowserParquet } from './parquet-browser.ts';
import { fetchBytes, fetchJson, fetchResponse } from './fetch.ts';
import { parseManifest } from './manifest.ts';
import { ensureLayerSchemas, selectLayers, type Layer } from './layers.ts';
import { attachDatabase } from './attach.ts';
import { contentFingerprint, datasetFingerprint } from './result-cache.ts';
import { PILOT_MANIFEST, pilotFileUrl } from './pilot.ts';
import { dataset, type DataSource } from './state.svelte.ts';
import { exposeLoadTimings, exposePlanSource, exposeQueryLog } from './bench-hooks.ts';
import { TABLES } from '#lib/contract/schema.ts';
import { liveStoredHint, restoreStoredLive } from './persist/live.ts';
import { lockDown } from './lockdown.ts';
import { admitSource, dataSourceOf, manifestFileUrl, verifyDownloaded } from './trust.svelte.ts';
import { fullyVerified, verifyFile, type VerifiedContent } from './verify.ts';
import { recallVerified, rememberVerified, validatorOf } from './recall.ts';
import { parsePackedPlans, type PackedPlans } from '#lib/privacy/release/packed.ts';
import { providePackedPlans } from '#lib/privacy/release/runtime.ts';

/**
 * A dataset can be opened from a manifest URL given as `?data=` (e.g. on a
 * ministry intranet). Files are fetched by the browser and never sent anywhere.
 * Which URLs are loaded, asked about or refused: source.ts and trust.svelte.ts.
 */
export function sourceFromLocation(href: string): DataSource {
	return dataSourceOf(new URL(href).searchParams.get('data'), href);
}

async function openManifest(source: DataSource, signal?: AbortSignal) {
	if (source.kind === 'pilot') return { manifest: PILOT_MANIFEST, fileUrl: pilotFileUrl, origin: location.origin };
	await admitSource(source); // nothing is fetched from an origin the user has not agreed to
	const base = source.url!;
	const manifest = parseManifest(await fetchJson(base, signal));
	return { manifest, fileUrl: (path: string) => manifestFileUrl(base, path), origin: new URL(base).origin };
}

/** Rows were uploaded into the live layer (they have no checksums: its results are not cached). */
let liveUploaded = false;

function updateFingerprint(): void {
	dataset.fingerprint =
		liveUploaded && dataset.layers.includes('live') ? null : datasetFingerprint(dataset.layers.map((l) => dataset.verified[l]));
}

let starting: Promise<Engine> | null = null;

/** A dataset's manifest and its files, fetching as soon as it is known. */
interface OpenedDataset {
	manifest: DatasetManifest;
	files: Map<string, Promise<PreparedTable>>;
	/** The dataset as one DuckDB database file, when the manifest offers it (attached, not decoded). */
	database: Promise<Blob> | null;
	/** Every file hashed and checked against the manifest (rejects on the first mismatch). */
	verified: Promise<VerifiedContent>;
	/**
	 * The same content as soon as every file's response headers are in, when
	 * each is a response verified here before (recall.ts); else null. Keys the
	 * saved figures only; `verified` still decides whether anything is used.
	 */
	recalled: Promise<VerifiedContent | null>;
	/** The release plans packed with the data (manifest `releasePlans`), checked against their sha256. */
	plans: Promise<PackedPlans> | null;
}

/** Packed release plans per layer, offered to the release path whenever that layer alone is shown. */
const layerPlans: Partial<Record<Layer, { fingerprint: string; plans: Promise<PackedPlans> }>> = {};

async function fetchPlans(url: string, sha256: string): Promise<PackedPlans> {
	const bytes = await fetchBytes(url);
	await verifyFile(url, sha256, bytes);
	return parsePackedPlans(JSON.parse(new TextDecoder().decode(bytes)));
}

/** After every change of the data (a new revision): the shown layer's packed plans, if it has any. */
function offerPlans(engine: Engine): void {
	const only = dataset.layers.length === 1 ? layerPlans[dataset.layers[0]] : undefined;
	// Matched against the hashes computed here (verify.ts), never against what a manifest claims.
	const content = only && !(liveUploaded && dataset.layers.includes('live')) ? contentFingerprint(dataset.verified[dataset.layers[0]]) : null;
	if (!only || !content) return exposePlanSource('computed');
	if (only.fingerprint !== content) {
		console.warn('release plans: the manifest\'s plans were made from other files; computing them');
		return exposePlanSource('computed');
	}
	void providePackedPlans(engine, dataset.revision, content, only.plans).then((used) => exposePlanSource(used ? 'packed' : 'computed'));
}

async function openDataset(source: DataSource): Promise<OpenedDataset> {
	const opened = await openManifest(source);
	const fileUrl = opened.fileUrl;
	// Only the contract's tables feed the views; others (e.g. raw `services_events`
	// behind a pre-aggregated `services`) stay on the server until asked for.
	const manifest = {
		...opened.manifest,
		tables: Object.fromEntries(Object.entries(opened.manifest.tables).filter(([name]) => TABLES.includes(name)))
	};
	const files = new Map<string, Promise<PreparedTable>>();
	const content: VerifiedContent = { origin: opened.origin, files: {} };
	// Each file's bytes are hashed before they are used; the computed hash is recorded.
	const check = async <T extends Uint8Array | Blob>(path: string, sha256: string | undefined, data: T): Promise<T> => {
		content.files[path] = { sha256: await verifyDownloaded(path, sha256, data), verified: sha256 !== undefined };
		return data;
	};
	// Each file's response, and whether its headers are those of a response verified here before.
	const validators = new Map<string, string | null>();
	const recalls: Promise<boolean>[] = [];
	const respond = (path: string, sha256: string | undefined): Promise<Response> => {
		const url = fileUrl(path);
		const res = fetchResponse(url).then((r) => (validators.set(path, validatorOf(r.headers)), r));
		recalls.push(res.then(() => recallVerified(url, validators.get(path)!, sha256), () => false));
		return res;
	};
	const recalledOf = (specs: { path: string; sha256?: string }[]): Promise<VerifiedContent | null> =>
		Promise.all(recalls).then((ok) =>
			ok.length > 0 && ok.every(Boolean)
				? { origin: opened.origin, files: Object.fromEntries(specs.map((f) => [f.path, { sha256: f.sha256!.trim().toLowerCase(), verified: true }])) }
				: null
		);
	// Once every file matched: remember the responses, so the next visit can key its saved figures early.
	const remember = (c: VerifiedContent): VerifiedContent => {
		if (fullyVerified(c)) for (const [path, f] of Object.entries(c.files)) rememberVerified(fileUrl(path), validators.get(path) ?? null, f.sha256);
		return c;
	};
	// Small, and needed only once figures are asked for: fetched alongside the data.
	const plans = manifest.releasePlans ? fetchPlans(fileUrl(manifest.releasePlans.path), manifest.releasePlans.sha256) : null;
	plans?.catch(() => {}); // reported (as a warning) where the release path awaits it
	if (manifest.database) {
		// One database file instead of a Parquet file per table: fetched while the engine
		// compiles, then attached as it is (no decoding on the page at all).
		const db = manifest.database;
		// Marks for bench/warm-load.ts: the Blob ready, then hashed (the saved figures wait for the hash).
		const database = respond(db.path, db.sha256)
			.then((res) => res.blob())
			.then((blob) => (performance.mark('ib:database-fetched'), check(db.path, db.sha256, blob)))
			.then((blob) => (performance.mark('ib:database-verified'), blob));
		database.catch(() => {}); // reported when the loader awaits it
		const verified = database.then(() => remember(content));
		verified.catch(() => {});
		return { manifest, files, database, verified, recalled: recalledOf([db]), plans };
	}
	// Fetch and decode each file as soon as possible: this runs on the page's thread
	// while the engine compiles in its worker, so the two overlap.
	const decoder = initBrowserParquet();
	const hashed: Promise<unknown>[] = [];
	for (const spec of Object.values(manifest.tables)) {
		const bytes = respond(spec.path, spec.sha256)
			.then(async (res) => new Uint8Array(await res.arrayBuffer()))
			.then((b) => check(spec.path, spec.sha256, b));
		const prepared = bytes.then(async (b) => {
			await decoder;
			return prepareTable(spec.format, b);
		});
		prepared.catch(() => {}); // reported when the loader awaits it
		files.set(spec.path, prepared);
		hashed.push(bytes);
	}
	const verified = Promise.all(hashed).then(() => remember(content));
	verified.catch(() => {});
	return { manifest, files, database: null, verified, recalled: recalledOf(Object.values(manifest.tables)), plans };
}

async function loadLayer(engine: Engine, layer: Layer, opened: Promise<OpenedDataset>): Promise<void> {
	const { manifest, files, database, verified, plans } = await opened;
	// Every file is checked before any is loaded: a mismatch leaves the layer as it was.
	const content = await verified;
	dataset.manifests = { ...dataset.manifests, [layer]: manifest };
	dataset.verified = { ...dataset.verified, [layer]: content };
	if (plans && manifest.releasePlans) layerPlans[layer] = { fingerprint: manifest.releasePlans.fingerprint, plans };
	else delete layerPlans[layer];
	if (database) {
		const tablesTotal = manifest.database!.tables.length;
		dataset.table = manifest.database!.path;
		dataset.tablesDone = 0;
		dataset.tablesTotal = tablesTotal;
		dataset.loadResult = await attachDatabase(engine, layer, manifest, await database);
		dataset.tablesDone = tablesTotal;
		return;
	}
	const result = await loadDataset(
		engine,
		manifest,
		(path) => files.get(path) ?? Promise.reject(new Error(`Not in manifest: ${path}`)),
		(p) => {
			dataset.table = p.table;
			dataset.tablesDone = p.tablesDone;
			dataset.tablesTotal = p.tablesTotal;
		},
		{ schema: layer }
	);
	dataset.loadResult = result;
}

async function start(): Promise<Engine> {
	dataset.error = null;
	dataset.status = 'engine';
	// Dynamic import keeps DuckDB out of the first JS chunk: the page shell paints first.
	const t0 = performance.now();
	const source = sourceFromLocation(location.href);
	dataset.source = source;
	// Fetch the data while the engine's wasm downloads and compiles: the two don't depend on each other.
	const opened = openDataset(source);
	opened.catch(() => {}); // reported when awaited below
	// The first view may show saved results of this very data while the engine starts:
	// keyed when the files' responses are recalled as verified before (recall.ts), else
	// once they are hashed; withdrawn if a file then fails its check.
	let refused = false;
	const key = (how: 'recalled' | 'hashed') => (content: VerifiedContent | null) => {
		if (content && !refused && dataset.layers.length === 0 && !(source.kind === 'pilot' && liveStoredHint())) {
			dataset.fingerprint = datasetFingerprint([content]);
			// Marks for bench/warm-load.ts and the browser tests: when and how the saved figures were keyed.
			if (!performance.getEntriesByName('ib:saved-results-keyed').length) performance.mark('ib:saved-results-keyed');
			if (how === 'recalled') performance.mark('ib:saved-results-recalled');
		}
	};
	opened.then((o) => o.recalled).then(key('recalled'), () => {});
	opened
		.then((o) => o.verified)
		.then(key('hashed'), () => {
			refused = true;
			if (dataset.layers.length === 0) dataset.fingerprint = null;
		});
	const { createBrowserEngine, engineSteps, queryLog } = await import('./engine-browser.ts');
	exposeQueryLog(queryLog);
	const engine = await createBrowserEngine((p) => {
		dataset.engineBytesLoaded = p.bytesLoaded;
		dataset.engineBytesTotal = p.bytesTotal;
	});
	dataset.engineMs = performance.now() - t0;
	dataset.status = 'data';
	await ensureLayerSchemas(engine);
	// A dataset opened by URL is live data; the bundled pilot is loaded only when asked for.
	const layer: Layer = source.kind === 'url' ? 'live' : 'pilot';
	await loadLayer(engine, layer, opened);
	// Uploads stored in this browser come back before the first figure (db/persist/).
	const layers = (await restoreStoredLive(engine, source, markLiveUploaded)) ?? [layer];
	await lockDown(engine);
	await selectLayers(engine, layers);
	dataset.layers = layers;
	updateFingerprint();
	dataset.manifest = dataset.manifests[layer] ?? null;
	dataset.engine = engine;
	dataset.status = 'ready';
	exposeLoadTimings({ engineMs: dataset.engineMs, engineStartedAt: t0, engineSteps, loadResult: dataset.loadResult! });
	dataset.revision++;
	offerPlans(engine);
	return engine;
}

/** Start the engine and load the data (idempotent); resolves to the engine. */
export function ensureDataset(): Promise<Engine> {
	starting ??= start().catch((e: unknown) => {
		dataset.status = 'error';
		dataset.error = e instanceof Error ? e.message : String(e);
		starting = null; // allow a retry
		throw e;
	});
	return starting;
}

/**
 * For views' effects: the engine when the data are ready, else null (and the
 * load is started). It reads `status` and `revision`, so an effect that calls
 * it runs again when the data become ready or change, and runs its queries
 * once: not once while loading (awaiting the engine) and again when ready,
 * which doubled the work of every view on a first load.
 */
export function readyEngine(): Engine | null {
	void dataset.revision;
	if (dataset.status !== 'ready' || !dataset.engine) {
		if (dataset.status === 'idle') ensureDataset().catch(() => {});
		return null;
	}
	return dataset.engine;
}

/**
 * Choose which datasets the views use: the pilot, live data, or both. The
 * pilot is loaded on first use; views re-query through `revision`.
 */
export async function useLayers(layers: Layer[]): Promise<void> {
	const engine = await ensureDataset();
	if (layers.includes('pilot') && !dataset.manifests.pilot) {
		await loadLayer(engine, 'pilot', openDataset({ kind: 'pilot', url: null }));
	}
	await selectLayers(engine, layers);
	dataset.layers = layers;
	updateFingerprint();
	dataset.revision++;
	offerPlans(engine);
}

/** Open a dataset from a manifest URL as the live layer (replacing what was there) and show it. */
export async function openUrlDataset(url: string): Promise<void> {
	const engine = await ensureDataset();
	const source = dataSourceOf(url, location.href);
	if (source.kind !== 'url') throw new Error(`No manifest URL given`);
	dataset.status = 'data';
	try {
		await loadLayer(engine, 'live', openDataset(source));
		liveUploaded = false;
		dataset.liveFiles = [];
		dataset.source = source;
		await selectLayers(engine, ['live']);
		dataset.layers = ['live'];
	} finally {
		updateFingerprint();
		dataset.status = 'ready';
		dataset.revision++;
		offerPlans(engine);
	}
}

/** Name the live layer after an upload (no manifest: files were added one by one), and note the files' names. */
export function markLiveUploaded(name: string, files: readonly string[] = []): void {
	if (!dataset.manifests.live) dataset.manifests = { ...dataset.manifests, live: { name, synthetic: false, tables: {} } };
	dataset.liveFiles = [...new Set([...dataset.liveFiles, ...files])];
	liveUploaded = true;
	updateFingerprint();
}
