/**
 * The dataset's reactive state, the one store the views read: load progress
 * and errors (never swallowed), the layers in use, a revision to re-query on,
 * and the engine once the data are ready. Written by db/open.ts.
 */
import { version } from '$app/env';
import type { Engine } from './engine.ts';
import type { DatasetManifest } from './manifest.ts';
import type { Layer } from './layers.ts';
import type { LoadResult } from './load.ts';
import type { SourceTrust } from './source.ts';
import type { VerifiedContent } from './verify.ts';

/** Where the current data come from: the bundled pilot, or a manifest URL (`?data=`). */
export interface DataSource {
	kind: 'pilot' | 'url';
	/** The manifest's URL for 'url'. */
	url: string | null;
	/** The manifest's origin and how far it is trusted (source.ts), for 'url'. */
	origin?: string;
	trust?: SourceTrust;
}

export type DatasetStatus = 'idle' | 'engine' | 'data' | 'ready' | 'error';

class DatasetState {
	status = $state<DatasetStatus>('idle');
	engineBytesLoaded = $state(0);
	engineBytesTotal = $state(0);
	table = $state('');
	tablesDone = $state(0);
	tablesTotal = $state(0);
	error = $state<string | null>(null);
	manifest = $state.raw<DatasetManifest | null>(null);
	/** Manifest of each loaded layer. */
	manifests = $state.raw<Partial<Record<Layer, DatasetManifest>>>({});
	/** The layers the views currently query. */
	layers = $state.raw<Layer[]>([]);
	source = $state.raw<DataSource>({ kind: 'pilot', url: null });
	loadResult = $state.raw<LoadResult | null>(null);
	/** Per loaded layer: its files' sha256 as computed here and whether each matched the manifest (verify.ts). */
	verified = $state.raw<Partial<Record<Layer, VerifiedContent>>>({});
	/** Names of the files whose rows were added to the live layer on /data (no manifest, no sha256). */
	liveFiles = $state.raw<string[]>([]);
	/** A `?data=` origin waiting for the user's consent (trust.svelte.ts), or null. */
	consent = $state.raw<{ origin: string; url: string } | null>(null);
	/** Incremented whenever the data change, so views know to query again. */
	revision = $state(0);
	/**
	 * Content fingerprint of the selected datasets (see result-cache.ts), known
	 * as soon as the manifest is: before the engine has started. Null when the
	 * data cannot be fingerprinted (uploads, files without sha256).
	 */
	fingerprint = $state<string | null>(null);
	/** Milliseconds to start the engine (fetch + compile wasm, connect). */
	engineMs = $state(0);
	engine: Engine | null = null;
}

export const dataset = new DatasetState();

/**
 * Key under which a view may cache a result of the current data (result-cache.ts),
 * or null when the data have no fingerprint. Reactive: reads `dataset.fingerprint`.
 */
export function resultKey(name: string): string | null {
	return dataset.fingerprint ? `${version}|${dataset.fingerprint}|${name}` : null;
}
