/**
 * Load a dataset (manifest + one file per table) into an engine. File access is
 * injected so the same path runs in the browser (fetch) and in Node tests (fs).
 */
import type { Engine } from './engine';
import { ident, query } from './engine';
import type { DatasetManifest, TableFormat } from './manifest';
import { parquetToArrowIPC } from './parquet';
import { dropObjectSql, layerObjects } from './layers';
import { refreshSummaries } from './summaries';

export interface LoadProgress {
	/** What is happening now, for the progress indicator. */
	step: 'fetch' | 'decode' | 'ingest' | 'done';
	table: string;
	tablesDone: number;
	tablesTotal: number;
}

/** A table file already decoded to an Arrow IPC stream (decoding can start before the engine is up). */
export interface PreparedTable {
	ipc: Uint8Array;
	bytes: number;
	decodeMs: number;
}

/** Reads a table's file: raw bytes (decoded here) or an already prepared table. */
export type ReadFile = (path: string) => Promise<Uint8Array | PreparedTable>;

export interface LoadResult {
	tables: Record<string, { rows: number; decodeMs: number; ingestMs: number; bytes: number }>;
	/** Set when the dataset came as one attached DuckDB database file (tables are views over it). */
	database?: { path: string; bytes: number };
	totalMs: number;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Parquet → Arrow IPC (Arrow files pass through), timed. */
export async function prepareTable(format: TableFormat, bytes: Uint8Array): Promise<PreparedTable> {
	const t0 = now();
	const ipc = format === 'parquet' ? await parquetToArrowIPC(bytes) : bytes;
	return { ipc, bytes: bytes.byteLength, decodeMs: now() - t0 };
}

/**
 * Row counts of the loaded tables in one query, checked against the manifest's
 * `rows` (a truncated or swapped file must not pass as data). `from` gives the
 * qualified name to count; `what` names the source in the error.
 */
export async function checkRowCounts(
	engine: Engine,
	manifest: DatasetManifest,
	names: readonly string[],
	from: (name: string) => string,
	what: string
): Promise<Record<string, number>> {
	if (names.length === 0) return {};
	const rows = await query<{ t: string; n: number }>(
		engine,
		// Names are contract table names (checked by ident() in `from`), safe as literals.
		names.map((name) => `SELECT '${name}' AS t, count(*)::INTEGER AS n FROM ${from(name)}`).join(' UNION ALL ')
	);
	const counts: Record<string, number> = {};
	for (const { t, n } of rows) {
		const expected = manifest.tables[t]?.rows;
		if (expected !== undefined && n !== expected) throw new Error(`Table ${t}: manifest says ${expected} rows, ${what} has ${n}`);
		counts[t] = n;
	}
	return counts;
}

export async function loadDataset(
	engine: Engine,
	manifest: DatasetManifest,
	readFile: ReadFile,
	onProgress: (p: LoadProgress) => void = () => {},
	options: { schema?: string } = {}
): Promise<LoadResult> {
	const qualified = (name: string) => (options.schema ? `${ident(options.schema)}.${ident(name)}` : ident(name));
	const started = now();
	const names = Object.keys(manifest.tables);
	const result: LoadResult = { tables: {}, totalMs: 0 };
	// Fetch all files at once (they are independent), then decode and ingest in order.
	const files = names.map((name) => readFile(manifest.tables[name].path));
	// What the layer holds already (tables, or views of an attached file), asked once.
	const existing = new Map(options.schema ? (await layerObjects(engine, options.schema)).map((o) => [o.table_name, o] as const) : []);
	for (const [i, name] of names.entries()) {
		const spec = manifest.tables[name];
		onProgress({ step: 'fetch', table: name, tablesDone: i, tablesTotal: names.length });
		const file = await files[i];
		onProgress({ step: 'decode', table: name, tablesDone: i, tablesTotal: names.length });
		const { ipc, bytes, decodeMs } = file instanceof Uint8Array ? await prepareTable(spec.format, file) : file;
		const t1 = now();
		onProgress({ step: 'ingest', table: name, tablesDone: i, tablesTotal: names.length });
		// Only what is there is dropped: each statement is a round trip to the engine's worker.
		const there = existing.get(name);
		if (options.schema && there) await engine.exec(dropObjectSql(options.schema, there));
		else if (!options.schema) await engine.exec(`DROP TABLE IF EXISTS ${qualified(name)}`);
		await engine.insertArrowIPC(name, ipc, { create: true, schema: options.schema });
		result.tables[name] = { rows: 0, decodeMs, ingestMs: now() - t1, bytes };
	}
	const counts = await checkRowCounts(engine, manifest, names, qualified, 'file');
	for (const name of names) result.tables[name].rows = counts[name];
	// Loaded into main itself (no layers: tests, build-time tools): its summaries follow here.
	// A layer's are rebuilt when its views are selected (layers.ts selectLayers).
	if (!options.schema) await refreshSummaries(engine);
	result.totalMs = now() - started;
	onProgress({ step: 'done', table: '', tablesDone: names.length, tablesTotal: names.length });
	return result;
}
