/** The two messages the page sends DuckDB's worker (duckdb-worker.ts) before its first request. */

/** First: load DuckDB-WASM's worker script from this URL (absolute, same origin). */
export const ENGINE_SCRIPT = 'ib-engine-script';
export interface EngineScript {
	type: typeof ENGINE_SCRIPT;
	url: string;
}

/** Then: the engine, compiled by the page's compile worker (wasm-compile.ts). */
export const COMPILED_ENGINE = 'ib-compiled-engine';
export interface CompiledEngine {
	type: typeof COMPILED_ENGINE;
	/** Absolute URL of the wasm the module was compiled from (DuckDB's own fetch of it is answered empty). */
	url: string;
	module: WebAssembly.Module;
}
