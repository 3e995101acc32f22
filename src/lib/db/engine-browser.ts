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
import { StatementCache } from './statement-cache';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

export interface EngineStartProgress {
	/** Bytes of the engine's wasm fetched so far, and in all (0 when unknown). */
	bytesLoaded: number;
	bytesTotal: number;
}

/**
 * The DuckDB worker, started from a small wrapper so that V8 can cache the
 * compiled engine. DuckDB-WASM hands `WebAssembly.instantiateStreaming` a
 * Response it builds itself (to count download progress); V8 only caches
 * compiled code for a Response that came from the HTTP cache, so every load
 * compiled 34 MB of wasm again. The wrapper gives DuckDB a clone of the fetched
 * Response (its progress counting still runs) and compiles from the original.
 */
function cachingWorker(workerUrl: string, wasmUrl: string): Worker {
	const abs = (u: string) => new URL(u, location.href).href;
	const source = `"use strict";
const wasmUrl = ${JSON.stringify(abs(wasmUrl))};
const fetchOriginal = self.fetch.bind(self);
let original = null;
self.fetch = async (input, init) => {
	const res = await fetchOriginal(input, init);
	const url = typeof input === 'string' ? input : input.url;
	if (url === wasmUrl && res.ok && res.body) { original = res; return res.clone(); }
	return res;
};
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (response, imports) => {
	const shown = await response;
	if (!original) return instantiateStreaming(shown, imports);
	const res = original;
	original = null;
	// Drain DuckDB's progress-counting copy so its progress events still fire.
	shown.body && shown.body.pipeTo(new WritableStream()).catch(() => {});
	return instantiateStreaming(res, imports);
};
importScripts(${JSON.stringify(abs(workerUrl))});
`;
	return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

/** Milliseconds since navigation start at which each start-up step ended (for bench/). */
export const engineSteps: Record<string, number> = {};

/** The last queries run (start time since navigation, duration, SQL head), for bench/ and debugging. */
export const queryLog: { at: number; ms: number; sql: string }[] = [];
function logQuery(sql: string, at: number): void {
	queryLog.push({ at, ms: performance.now() - at, sql: sql.replace(/\s+/g, ' ').trim().slice(0, 100) });
	if (queryLog.length > 500) queryLog.shift();
}

export async function createBrowserEngine(
	onProgress: (p: EngineStartProgress) => void = () => {}
): Promise<Engine> {
	const mark = (step: string) => (engineSteps[step] = performance.now());
	mark('begin');
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = cachingWorker(bundle.mainWorker!, bundle.mainModule);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
		onProgress({ bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal })
	);
	mark('instantiate');
	const conn = await db.connect();
	for (const sql of STARTUP_SQL) await conn.query(sql);
	mark('connect');

	// Prepared statements are kept per SQL text: a filter change then costs one
	// round trip to the worker per query (not prepare + run + close), and DuckDB
	// skips parsing and planning. DuckDB re-binds a kept statement by itself when
	// the views under it change (layers switched, data replaced).
	const prepared = new StatementCache<duckdb.AsyncPreparedStatement>(
		(sql) => conn.prepare(sql),
		(stmt) => stmt.close()
	);

	return {
		async queryTable(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
			const at = performance.now();
			try {
				if (params.length === 0) return await conn.query(sql);
				return await prepared.run(sql, (stmt) => stmt.query(...params));
			} finally {
				logQuery(sql, at);
			}
		},
		async exec(sql: string) {
			const at = performance.now();
			await conn.query(sql);
			logQuery(sql, at);
		},
		async insertArrowIPC(table, ipc, options = {}) {
			await conn.insertArrowFromIPCStream(ipc, { name: table, schema: options.schema, create: options.create ?? true });
		},
		async registerFileBuffer(name, bytes) {
			await db.registerFileBuffer(name, bytes);
		},
		async registerFileBlob(name, blob) {
			await db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		},
		async close() {
			await prepared.clear();
			await conn.close();
			await db.terminate();
		}
	};
}
