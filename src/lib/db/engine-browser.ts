/**
 * DuckDB-WASM in the browser: self-hosted bundles (no CDN, works offline), the
 * engine in a Web Worker so queries never block the page, one shared connection.
 * A worker of its own compiles the wasm (wasm-compile.ts); the page hands the module
 * to DuckDB's worker (duckdb-worker.ts).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import { STARTUP_SQL, type Engine, type SqlParam } from './engine';
import { StatementCache } from './statement-cache';
import { COMPILED_ENGINE, ENGINE_SCRIPT, type CompiledEngine, type EngineScript } from './engine-handoff.ts';
import { compileEngineInWorker } from './wasm-compile.ts';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	// The eh worker script is loaded by duckdb-worker.ts (started below).
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

export interface EngineStartProgress {
	/** Bytes of the engine's wasm fetched so far, and in all (0 when unknown). */
	bytesLoaded: number;
	bytesTotal: number;
}

/** Milliseconds since navigation start at which each start-up step ended (for bench/). */
export const engineSteps: Record<string, number> = { imported: performance.now() };

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
	const wasmUrl = new URL(bundle.mainModule, location.href).href;
	const eh = bundle.mainModule === ehWasm;
	// eh: DuckDB's worker script inside ours (duckdb-worker.ts); otherwise (browsers without
	// wasm exceptions) DuckDB-WASM's own worker, as shipped.
	const worker = eh ? new Worker(new URL('./duckdb-worker.ts', import.meta.url)) : new Worker(new URL(bundle.mainWorker!, location.href).href);
	// A worker that cannot start (blocked by a policy, script missing) only fires 'error':
	// without this the start-up would wait for its answer for ever.
	const failed = new Promise<never>((_, fail) =>
		worker.addEventListener('error', (e) => fail(new Error(`The database engine's worker did not start${e.message ? `: ${e.message}` : ''}`)), { once: true })
	);
	failed.catch(() => {});
	if (eh) {
		// The worker loads DuckDB's 0.8 MB of JS while another compiles the wasm (wasm-compile.ts).
		const script: EngineScript = { type: ENGINE_SCRIPT, url: new URL(bundle.mainWorker!, location.href).href };
		worker.postMessage(script);
		const module = await Promise.race([failed, compileEngineInWorker(wasmUrl, onProgress)]);
		mark('compile');
		const handoff: CompiledEngine = { type: COMPILED_ENGINE, url: wasmUrl, module };
		worker.postMessage(handoff);
	}
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await Promise.race([
		failed,
		db.instantiate(wasmUrl, bundle.pthreadWorker, (p) => onProgress({ bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal }))
	]);
	mark('instantiate');
	const conn = await db.connect();
	// The settings in one round trip to the worker.
	await conn.query(STARTUP_SQL.join(';\n'));
	mark('connect');

	// Prepared statements are kept per SQL text: a filter change then costs one
	// round trip to the worker per query (not prepare + run + close), and DuckDB
	// skips parsing and planning. DuckDB re-binds a kept statement by itself when
	// the views under it change (layers switched, data replaced).
	const prepared = new StatementCache<duckdb.AsyncPreparedStatement>(
		(sql) => conn.prepare(sql),
		(stmt) => stmt.close()
	);

	// Queries in flight, and who waits for none (whenIdle).
	let running = 0;
	let idle: (() => void)[] = [];
	const settled = () => {
		if (--running > 0) return;
		const waiting = idle;
		idle = [];
		for (const f of waiting) f();
	};

	return {
		async queryTable(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
			const at = performance.now();
			running++;
			try {
				if (params.length === 0) return await conn.query(sql);
				return await prepared.run(sql, (stmt) => stmt.query(...params));
			} finally {
				logQuery(sql, at);
				settled();
			}
		},
		async exec(sql: string) {
			const at = performance.now();
			running++;
			try {
				await conn.query(sql);
			} finally {
				logQuery(sql, at);
				settled();
			}
		},
		whenIdle() {
			return running === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));
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
