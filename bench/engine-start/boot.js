// @ts-nocheck -- a probe page's classic worker (bench/engine-start.ts), plain browser JavaScript
"use strict";
// Probe wrapper worker: timings (epoch ms) + optional handed-over module.
const T = (k) => { self.__marks[k] = performance.timeOrigin + performance.now(); };
self.__marks = {};
T('workerStart');
self.onmessage = (ev) => {
	const { workerUrl, wasmUrl, module, mode } = ev.data;
	T('bootMsg');
	const origFetch = self.fetch.bind(self);
	let original = null;
	if (mode === 'module') {
		self.fetch = async (input, init) => {
			const url = typeof input === 'string' ? input : input.url;
			if (url === wasmUrl) return new Response(new Uint8Array(0), { headers: { 'content-type': 'application/wasm' } });
			return origFetch(input, init);
		};
	} else if (mode === 'original') {
		self.fetch = async (input, init) => {
			const res = await origFetch(input, init);
			const url = typeof input === 'string' ? input : input.url;
			if (url === wasmUrl) { original = res; return res.clone(); }
			return res;
		};
	}
	const ist = WebAssembly.instantiateStreaming;
	WebAssembly.instantiateStreaming = async (resp, imports) => {
		T('instStreamCalled');
		let out;
		if (mode === 'module') {
			const r = await resp; r.body && r.body.cancel();
			const instance = await WebAssembly.instantiate(module, imports);
			out = { module, instance };
		} else if (mode === 'original') {
			const shown = await resp;
			shown.body && shown.body.pipeTo(new WritableStream()).catch(() => {});
			out = await ist(original, imports);
		} else out = await ist(resp, imports);
		T('instantiated');
		return out;
	};
	importScripts(workerUrl);
	T('imported');
	const duck = self.onmessage;
	self.onmessage = (e) => {
		if (e.data && e.data.type === 'MARKS') { self.postMessage({ requestId: -1, type: 'MARKS', data: self.__marks }); return; }
		return duck(e);
	};
};
