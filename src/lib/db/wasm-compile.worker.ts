/** Compiles the engine's wasm off the page's thread and posts the module back (wasm-compile.ts). */
import { compileEngine, type CompileMessage } from './wasm-compile.ts';

self.onmessage = (e: MessageEvent<{ url: string }>) => {
	const post = (m: CompileMessage) => self.postMessage(m);
	compileEngine(e.data.url, (p) => post({ kind: 'progress', ...p })).then(
		(module) => post({ kind: 'module', module }),
		(err: unknown) => post({ kind: 'error', message: err instanceof Error ? err.message : String(err) })
	);
};
