/**
 * DuckDB-WASM's own worker (the "eh" build, loaded unchanged), started so that
 * it instantiates a WebAssembly.Module the page compiled and posted to it
 * (engine-browser.ts) instead of fetching and compiling the 34 MB wasm itself.
 *
 * Why: DuckDB-WASM hands `WebAssembly.instantiateStreaming` a Response it
 * rebuilds to count download progress, and V8 neither caches nor reuses
 * compiled code for a rebuilt Response, so every visit validated and lazily
 * compiled the engine again (bench/README.md, "Engine start"). The page's
 * `compileStreaming(fetch(url))` gets a plain same-origin Response, which V8
 * caches. DuckDB-WASM has no hook for a ready module, so two of its calls are
 * answered here: its wasm fetch with an empty Response (nothing is downloaded
 * twice) and `instantiateStreaming` with the posted module.
 *
 * A classic worker from a same-origin file (no blob:, no eval of our own), so
 * `worker-src 'self'` and `script-src 'self'` allow it. DuckDB's script is
 * loaded with importScripts from the URL the page sends first: bundled as a
 * module it would be dropped (its package declares no side effects).
 */
import { COMPILED_ENGINE, ENGINE_SCRIPT, type CompiledEngine, type EngineScript } from './engine-handoff.ts';

declare function importScripts(...urls: string[]): void;

let handed: CompiledEngine | null = null;

const fetchOriginal = self.fetch.bind(self);
self.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
	const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
	if (handed && new URL(url, self.location.href).href === handed.url) {
		return Promise.resolve(new Response(null, { headers: { 'content-type': 'application/wasm' } }));
	}
	return fetchOriginal(input, init);
};

const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
	if (!handed) return instantiateStreaming(source, imports);
	const { module } = handed;
	handed = null;
	// DuckDB's (empty) Response is not needed; release it.
	void Promise.resolve(source).then((r) => r.body?.cancel()).catch(() => {});
	const instance = await WebAssembly.instantiate(module, imports);
	return { module, instance };
};

/**
 * Every request to the worker gets one answer (bench/ counts them): DuckDB's
 * AsyncDuckDB hands a LOG message to its logger and does nothing else with it.
 */
function acknowledge(value: string): void {
	self.postMessage({ requestId: 0, type: 'LOG', data: { timestamp: Date.now(), level: 1, origin: 4, topic: 0, event: 4, value } });
}

let duckdbOnMessage: ((event: MessageEvent) => unknown) | null = null;

function onMessage(event: MessageEvent): unknown {
	const type = event.data?.type;
	if (type === ENGINE_SCRIPT) {
		importScripts((event.data as EngineScript).url);
		// DuckDB's script set its own handler; ours stays in front of it.
		duckdbOnMessage = self.onmessage as (event: MessageEvent) => unknown;
		self.onmessage = onMessage;
		acknowledge('engine script loaded');
		return;
	}
	if (type === COMPILED_ENGINE) {
		handed = event.data as CompiledEngine;
		acknowledge('compiled engine received');
		return;
	}
	if (!duckdbOnMessage) throw new Error('DuckDB worker: a request came before the engine script');
	return duckdbOnMessage.call(self, event);
}
self.onmessage = onMessage;
