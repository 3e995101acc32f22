/**
 * Load a dataset (manifest + one file per table) into an engine. File access is
 * injected so the same path runs in the browser (fetch) and in Node tests (fs).
 */
import type { Engine } from './engine';
import { ident, query } from './engine';
import type { DatasetManifest, TableFormat } from './manifest';
import { parquetToArrowIPC } from './parquet';
import { layerObjects } from './layers';

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
	const existing = new Map(
		options.schema ? (await layerObjects(engine, options.schema)).map((o) => [o.table_name, o.table_type] as const) : []
	);
	for (const [i, name] of names.entries()) {
		const spec = manifest.tables[name];
		onProgress({ step: 'fetch', table: name, tablesDone: i, tablesTotal: names.length });
		const file = await files[i];
		onProgress({ step: 'decode', table: name, tablesDone: i, tablesTotal: names.length });
		const { ipc, bytes, decodeMs } = file instanceof Uint8Array ? await prepareTable(spec.format, file) : file;
		const t1 = now();
		onProgress({ step: 'ingest', table: name, tablesDone: i, tablesTotal: names.length });
		// Only what is there is dropped: each statement is a round trip to the engine's worker.
		if (!options.schema || existing.has(name)) {
			await engine.exec(`DROP ${existing.get(name) === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS ${qualified(name)}`);
		}
		await engine.insertArrowIPC(name, ipc, { create: true, schema: options.schema });
		result.tables[name] = { rows: 0, decodeMs, ingestMs: now() - t1, bytes };
	}
	// Row counts of every table in one query, checked against the manifest.
	const counts = await query<{ t: string; n: number }>(
		engine,
		names.map((name, i) => `SELECT ${i} AS i, '${name}' AS t, count(*)::INTEGER AS n FROM ${qualified(name)}`).join(' UNION ALL ') + ' ORDER BY i'
	);
	for (const { t, n } of counts) {
		const expected = manifest.tables[t].rows;
		if (expected !== undefined && n !== expected) throw new Error(`Table ${t}: manifest says ${expected} rows, file has ${n}`);
		result.tables[t].rows = n;
	}
	result.totalMs = now() - started;
	onProgress({ step: 'done', table: '', tablesDone: names.length, tablesTotal: names.length });
	return result;
}
