/**
 * Fetch and compile the engine's wasm from the plain same-origin Response:
 * V8 caches compiled code only for such a Response (HTTP-cacheable, not
 * rebuilt), so a second visit deserialises the compiled engine instead of
 * validating and compiling 34 MB again. Progress is counted on a copy of the
 * body (a clone keeps the original cacheable). Run in its own worker
 * (wasm-compile.worker.ts): streaming compilation decodes the arriving bytes
 * and deserialises the cached module on the thread that called it, which on
 * the page were its longest tasks of a load (100–340 ms;
 * `bench/profile-views.ts --cold`).
 */
export interface CompileProgress {
	bytesLoaded: number;
	bytesTotal: number;
}

export async function compileEngine(url: string, onProgress: (p: CompileProgress) => void): Promise<WebAssembly.Module> {
	const res = await fetch(url, { credentials: 'same-origin' });
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	const bytesTotal = Number(res.headers.get('content-length')) || 0;
	const copy = res.clone();
	let bytesLoaded = 0;
	let shown = 0;
	copy.body
		?.pipeTo(
			new WritableStream({
				write(chunk: Uint8Array) {
					bytesLoaded += chunk.byteLength;
					// About a hundred updates, not one per chunk: each one re-renders the status line.
					if (bytesLoaded - shown >= (bytesTotal || 1e8) / 100 || bytesLoaded === bytesTotal) {
						shown = bytesLoaded;
						onProgress({ bytesLoaded, bytesTotal });
					}
				}
			})
		)
		.catch(() => {});
	try {
		return await WebAssembly.compileStreaming(res);
	} catch (e) {
		// A host that serves .wasm without `application/wasm` breaks streaming compilation only.
		if (!(e instanceof TypeError)) throw e;
		return WebAssembly.compile(await (await fetch(url, { credentials: 'same-origin' })).arrayBuffer());
	}
}

/** What the compile worker posts: progress, then the module or why there is none. */
export type CompileMessage = ({ kind: 'progress' } & CompileProgress) | { kind: 'module'; module: WebAssembly.Module } | { kind: 'error'; message: string };

/**
 * The engine compiled in a worker of its own and handed to the page (a
 * WebAssembly.Module is shared, not copied, between a page and its workers).
 * DuckDB's worker is not used for it: there the compile would wait behind
 * the loading of DuckDB's own 0.8 MB script. If the worker cannot start, the
 * page compiles it as before.
 */
export function compileEngineInWorker(url: string, onProgress: (p: CompileProgress) => void): Promise<WebAssembly.Module> {
	let worker: Worker;
	try {
		worker = new Worker(new URL('./wasm-compile.worker.ts', import.meta.url), { type: 'module' });
	} catch {
		return compileEngine(url, onProgress);
	}
	return new Promise<WebAssembly.Module>((resolve, reject) => {
		worker.onmessage = (e: MessageEvent<CompileMessage>) => {
			const m = e.data;
			if (m.kind === 'progress') return onProgress(m);
			worker.terminate();
			if (m.kind === 'module') resolve(m.module);
			else reject(new Error(m.message));
		};
		worker.onerror = (e) => {
			e.preventDefault();
			worker.terminate();
			compileEngine(url, onProgress).then(resolve, reject);
		};
		worker.postMessage({ url });
	});
}
