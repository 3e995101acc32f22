/**
 * What verifying a manifest's sha256 costs for the largest file the site
 * loads: the packed national database (data/national/11000-5y/dataset.duckdb,
 * 50 MB). Times WebCrypto SHA-256 as db/verify.ts runs it, in Node and in
 * Chromium (fetched as a Blob, read once with arrayBuffer(), as db/open.ts does),
 * Results: bench/results/verify.json.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256Hex } from '../src/lib/db/verify.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const DIR = resolve(import.meta.dirname, '../data/national/11000-5y');
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bytes = new Uint8Array(readFileSync(join(DIR, 'dataset.duckdb')));
const expected = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')).database.sha256 as string;
const node: number[] = [];
for (let i = 0; i < RUNS; i++) {
	const t = performance.now();
	if ((await sha256Hex(bytes)) !== expected) throw new Error('sha256 differs from the manifest');
	node.push(performance.now() - t);
}

const server = await serveStatic(DIR);
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(server.url + '/manifest.json');
const chromium = await page.evaluate(
	async ({ runs, expected }) => {
		const blob = await (await fetch('dataset.duckdb')).blob();
		const out: { ms: number }[] = [];
		for (let i = 0; i < runs; i++) {
			const t = performance.now();
			const buf = await blob.arrayBuffer();
			const hex = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', buf)), (b) => b.toString(16).padStart(2, '0')).join('');
			const ms = performance.now() - t;
			if (hex !== expected) throw new Error('sha256 differs from the manifest');
			out.push({ ms });
		}
		return out;
	},
	{ runs: RUNS, expected }
);
await browser.close();
await server.close();

const result = {
	file: 'data/national/11000-5y/dataset.duckdb',
	bytes: bytes.byteLength,
	runs: RUNS,
	nodeWebCryptoMs: { median: +median(node).toFixed(1), all: node.map((x) => +x.toFixed(1)) },
	chromiumBlobToDigestMs: { median: +median(chromium.map((c) => c.ms)).toFixed(1), all: chromium.map((c) => +c.ms.toFixed(1)) },
	note: 'Chromium: Blob.arrayBuffer() + crypto.subtle.digest, as db/verify.ts; the 50 MB buffer is transient (dropped after the digest), the Blob stays for DuckDB to read by slices. Machine: 2 cores shared with other work.',
	node: process.version,
	at: new Date().toISOString()
};
mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(resolve(import.meta.dirname, 'results/verify.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
