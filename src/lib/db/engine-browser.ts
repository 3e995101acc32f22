/**
 * DuckDB-WASM in the browser: self-hosted bundles (no CDN, works offline), the
 * engine in a Web Worker so queries never block the page, one shared connection.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import { STARTUP_SQL, type Engine, type SqlParam } from './engine';
import { initBrowserParquet } from './parquet-browser';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

export interface EngineStartProgress {
	/** Bytes of the engine's wasm fetched so far, and in all (0 when unknown). */
	bytesLoaded: number;
	bytesTotal: number;
}

export async function createBrowserEngine(
	onProgress: (p: EngineStartProgress) => void = () => {}
): Promise<Engine> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	const decoder = initBrowserParquet();
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
		onProgress({ bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal })
	);
	const conn = await db.connect();
	for (const sql of STARTUP_SQL) await conn.query(sql);
	await decoder;

	return {
		async queryTable(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
			if (params.length === 0) return conn.query(sql);
			const stmt = await conn.prepare(sql);
			try {
				return await stmt.query(...params);
			} finally {
				await stmt.close();
			}
		},
		async exec(sql: string) {
			await conn.query(sql);
		},
		async insertArrowIPC(table, ipc, options = {}) {
			await conn.insertArrowFromIPCStream(ipc, { name: table, schema: options.schema, create: options.create ?? true });
		},
		async close() {
			await conn.close();
			await db.terminate();
		}
	};
}
