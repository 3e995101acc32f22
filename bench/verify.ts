/**
 * What verifying a manifest's sha256 costs for the largest file the site
 * loads: the packed national database (data/national/11000-5y/dataset.duckdb,
 * 50–75 MB), and whether hashing it while it streams in could be faster (issue 15).
 * - Node: WebCrypto SHA-256 (as db/verify.ts runs it) and the incremental JS
 *   SHA-256 (bench/sha256.ts).
 * - Chromium: the Blob read once with arrayBuffer() and digested on the page
 *   (the site's path, db/verify.ts) and in a worker (tried for issue 15: no
 *   faster on warm reloads, bench/warm-load.ts); the digest alone; the JS
 *   SHA-256 in a worker over the same bytes; and the
 *   streamed idea: the response tee()d, one branch made the Blob, the other
 *   fed to the JS SHA-256 in a worker as it arrives.
 * The file is in the HTTP cache for every timed run (a warm reload).
 * Results: bench/results/verify.json.
 */
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { stripTypeScriptTypes } from 'node:module';
import { sha256Hex } from '../src/lib/db/verify.ts';
import { createSha256 } from './sha256.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const DIR = resolve(import.meta.dirname, '../data/national/11000-5y');
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => +x.toFixed(1);
const stats = (xs: number[]) => ({ median: round(median(xs)), all: xs.map(round) });

const bytes = new Uint8Array(readFileSync(join(DIR, 'dataset.duckdb')));
const MB = bytes.byteLength / 1e6;
const expected = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')).database.sha256 as string;
const node: number[] = [];
const nodeJs: number[] = [];
for (let i = 0; i < RUNS; i++) {
	let t = performance.now();
	if ((await sha256Hex(bytes)) !== expected) throw new Error('sha256 differs from the manifest');
	node.push(performance.now() - t);
	t = performance.now();
	const h = createSha256();
	for (let at = 0; at < bytes.length; at += 65_536) h.update(bytes.subarray(at, at + 65_536));
	if (h.digestHex() !== expected) throw new Error('JS sha256 differs from the manifest');
	nodeJs.push(performance.now() - t);
}

// One worker for both: WebCrypto over a posted Blob, and the JS SHA-256 over a buffer or a stream.
const scripts = mkdtempSync(join(tmpdir(), 'ib-bench-verify-'));
writeFileSync(join(scripts, 'sha256.js'), stripTypeScriptTypes(readFileSync(join(import.meta.dirname, 'sha256.ts'), 'utf8')));
writeFileSync(
	join(scripts, 'worker.js'),
	`import { createSha256 } from './sha256.js';
const hex = (d) => Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
onmessage = async ({ data: m }) => {
	const t = performance.now();
	if (m.kind === 'webcrypto-blob') return postMessage({ hex: hex(await crypto.subtle.digest('SHA-256', await m.blob.arrayBuffer())), ms: performance.now() - t });
	const h = createSha256();
	if (m.kind === 'js-buffer') {
		const b = new Uint8Array(m.buffer);
		for (let at = 0; at < b.length; at += 65536) h.update(b.subarray(at, at + 65536));
	} else {
		const reader = m.stream.getReader();
		for (;;) { const { done, value } = await reader.read(); if (done) break; h.update(value); }
	}
	postMessage({ hex: h.digestHex(), ms: performance.now() - t });
};`
);
const server = await serveStatic(DIR, '', { '/bench-hash/': scripts });
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url + '/manifest.json');
await page.evaluate('globalThis.__name = (f) => f'); // tsx names the functions below with a helper the page lacks
const chromium = await page.evaluate(
	async ({ runs, expected }) => {
		const hex = (d: ArrayBuffer) => Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
		const worker = new Worker('/bench-hash/worker.js', { type: 'module' });
		const ask = (m: unknown, transfer: Transferable[] = []) =>
			new Promise<{ hex: string; ms: number }>((ok) => {
				worker.onmessage = (e) => ok(e.data);
				worker.postMessage(m, transfer);
			});
		const check = (h: string) => {
			if (h !== expected) throw new Error('sha256 differs from the manifest');
		};
		await (await fetch('dataset.duckdb')).blob(); // into the HTTP cache
		const out = { pageBlobToDigest: [] as number[], workerBlobToDigest: [] as number[], digestOnly: [] as number[], jsInWorker: [] as number[], fetchBlob: [] as number[], fetchBlobWorkerDigest: [] as number[], streamedJsInWorker: [] as number[] };
		for (let i = 0; i < runs; i++) {
			let t = performance.now();
			const blob = await (await fetch('dataset.duckdb')).blob();
			out.fetchBlob.push(performance.now() - t);
			check((await ask({ kind: 'webcrypto-blob', blob })).hex);
			out.fetchBlobWorkerDigest.push(performance.now() - t);

			t = performance.now();
			const buffer = await blob.arrayBuffer();
			check(hex(await crypto.subtle.digest('SHA-256', buffer)));
			out.pageBlobToDigest.push(performance.now() - t);
			t = performance.now();
			await crypto.subtle.digest('SHA-256', buffer);
			out.digestOnly.push(performance.now() - t);
			t = performance.now();
			check((await ask({ kind: 'webcrypto-blob', blob })).hex);
			out.workerBlobToDigest.push(performance.now() - t);
			const js = await ask({ kind: 'js-buffer', buffer }, [buffer]);
			check(js.hex);
			out.jsInWorker.push(js.ms);

			t = performance.now();
			const [toBlob, toHash] = (await fetch('dataset.duckdb')).body!.tee();
			const [, streamed] = await Promise.all([new Response(toBlob).blob(), ask({ kind: 'js-stream', stream: toHash }, [toHash])]);
			check(streamed.hex);
			out.streamedJsInWorker.push(performance.now() - t);
		}
		worker.terminate();
		return out;
	},
	{ runs: RUNS, expected }
);
await browser.close();
await server.close();

const rate = (ms: number) => Math.round(MB / (ms / 1000));
const result = {
	file: 'data/national/11000-5y/dataset.duckdb',
	bytes: bytes.byteLength,
	runs: RUNS,
	nodeWebCryptoMs: stats(node),
	nodeJsSha256Ms: stats(nodeJs),
	chromium: Object.fromEntries(Object.entries(chromium).map(([k, xs]) => [`${k}Ms`, stats(xs)])),
	throughputMBps: {
		nodeWebCrypto: rate(median(node)),
		nodeJsSha256: rate(median(nodeJs)),
		chromiumWebCryptoDigest: rate(median(chromium.digestOnly)),
		chromiumJsSha256InWorker: rate(median(chromium.jsInWorker))
	},
	note:
		'Chromium, warm (file in the HTTP cache): fetchBlob = fetch + res.blob(); pageBlobToDigest = Blob.arrayBuffer() + crypto.subtle.digest on the page (the site\'s path, db/verify.ts); workerBlobToDigest = the same in a worker, fetchBlobWorkerDigest = fetch + res.blob() + that; digestOnly = the digest of a buffer already read; jsInWorker = bench/sha256.ts over the buffer in a worker; streamedJsInWorker = fetch, tee(), one branch to a Blob, the other hashed by bench/sha256.ts in a worker as it arrives. Machine: 2 cores shared with other work.',
	node: process.version,
	at: new Date().toISOString()
};
mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(resolve(import.meta.dirname, 'results/verify.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
