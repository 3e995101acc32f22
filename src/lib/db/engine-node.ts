/**
 * DuckDB-WASM in Node (the same engine build the site runs), for tests,
 * the calibration check and benchmarks. Synchronous bindings wrapped in the
 * async Engine interface.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { Table } from 'apache-arrow';
import { STARTUP_SQL, type Engine, type SqlParam } from './engine';
import { initParquetDecoder } from './parquet';
import { StatementCache } from './statement-cache';

const require = createRequire(import.meta.url);

export async function createNodeEngine(): Promise<Engine> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs').replace(/[^/]+$/, '');
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: dist + 'duckdb-mvp.wasm', mainWorker: dist + 'duckdb-node-mvp.worker.cjs' },
			eh: { mainModule: dist + 'duckdb-eh.wasm', mainWorker: dist + 'duckdb-node-eh.worker.cjs' }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	const conn = db.connect();
	for (const sql of STARTUP_SQL) conn.query(sql);
	const wasmPath = require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
	await initParquetDecoder(await readFile(wasmPath));

	const prepared = new StatementCache<{ query(...p: unknown[]): Table; close(): void }>(
		(sql) => conn.prepare(sql),
		(stmt) => stmt.close()
	);

	return {
		async queryTable(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
			if (params.length === 0) return conn.query(sql);
			// Kept prepared statements, as in the browser (so tests exercise the same behaviour).
			return prepared.run(sql, (stmt) => stmt.query(...params));
		},
		async exec(sql: string) {
			conn.query(sql);
		},
		async insertArrowIPC(table, ipc, options = {}) {
			conn.insertArrowFromIPCStream(ipc, { name: table, schema: options.schema, create: options.create ?? true });
		},
		async registerFileBuffer(name, bytes) {
			db.registerFileBuffer(name, bytes);
		},
		async close() {
			await prepared.clear();
			conn.close();
			await db.reset?.();
		}
	};
}
