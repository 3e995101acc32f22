/**
 * Load-path benchmark for the bundled pilot data (issue 2): how long the
 * engine takes to start and the Parquet files to decode and ingest, in Node
 * (DuckDB-WASM, same code path as the site) and in headless Chromium against
 * the built site (cold: new browser profile; warm: reload with HTTP cache);
 * and what the build ships (JS, wasm, data). Run: `npm run bench:pilot`
 * (after `npm run build`). Writes bench/results/pilot-load.json.
 */
import { readFile, readdir, stat, writeFile, mkdtemp } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, resolve, extname } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { createNodeEngine } from '../src/lib/db/engine-node';
import { loadDataset } from '../src/lib/db/load';
import { parseManifest } from '../src/lib/db/manifest';
import { serveStatic, BUILD_DIR } from '../tests/helpers/static-server';
import { CHROMIUM } from '../tests/helpers/browser';

const ROOT = resolve(import.meta.dirname, '..');
const PILOT = join(ROOT, 'data/pilot');
const REPEATS = Number(process.env.REPEATS ?? 5);

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

async function nodeLoad() {
	const manifest = parseManifest(JSON.parse(await readFile(join(PILOT, 'manifest.json'), 'utf8')));
	const runs: { startMs: number; decodeMs: number; ingestMs: number; totalMs: number }[] = [];
	for (let i = 0; i < REPEATS; i++) {
		const t0 = performance.now();
		const engine = await createNodeEngine();
		const startMs = performance.now() - t0;
		const r = await loadDataset(engine, manifest, async (p) => new Uint8Array(await readFile(join(PILOT, p))));
		const tables = Object.values(r.tables);
		runs.push({
			startMs,
			decodeMs: tables.reduce((a, t) => a + t.decodeMs, 0),
			ingestMs: tables.reduce((a, t) => a + t.ingestMs, 0),
			totalMs: r.totalMs
		});
		await engine.close();
	}
	return {
		engineStartMs: round(median(runs.map((r) => r.startMs))),
		decodeMs: round(median(runs.map((r) => r.decodeMs))),
		ingestMs: round(median(runs.map((r) => r.ingestMs))),
		dataTotalMs: round(median(runs.map((r) => r.totalMs)))
	};
}

async function browserLoad() {
	const server = await serveStatic();
	const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
	type Sample = { firstViewMs: number; readyMs: number; engineMs: number; dataMs: number };
	async function sample(page: import('playwright-core').Page): Promise<Sample> {
		const t0 = Date.now();
		await page.goto(server.url + '/', { waitUntil: 'commit' });
		// On a warm load the overview may first be this browser's saved result of the same data.
		await page.getByTestId('participants-child').waitFor({ timeout: 120_000 });
		const firstViewMs = Date.now() - t0;
		await page.waitForFunction(() => (globalThis as { __ibLoad?: unknown }).__ibLoad, null, { timeout: 120_000 });
		await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: 120_000 });
		const wall = Date.now() - t0;
		const l = (await page.evaluate(() => (globalThis as { __ibLoad?: unknown }).__ibLoad)) as { engineMs: number; dataMs: number };
		return { firstViewMs, readyMs: wall, engineMs: l.engineMs, dataMs: l.dataMs };
	}
	const cold: Sample[] = [];
	const warm: Sample[] = [];
	for (let i = 0; i < REPEATS; i++) {
		// A fresh profile each time: nothing cached (cold), then the same profile again (warm HTTP + code cache).
		const profile = await mkdtemp(join(tmpdir(), 'ib-bench-'));
		const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args });
		const page = ctx.pages()[0] ?? (await ctx.newPage());
		cold.push(await sample(page));
		warm.push(await sample(page));
		await ctx.close();
	}
	await server.close();
	const summary = (xs: Sample[]) => ({
		/** Navigation → overview shown (the saved result on a warm load, when there is one). */
		navigationToFirstViewMs: Math.round(median(xs.map((x) => x.firstViewMs))),
		/** Navigation → overview computed by the engine. */
		navigationToEngineViewMs: Math.round(median(xs.map((x) => x.readyMs))),
		engineStartMs: Math.round(median(xs.map((x) => x.engineMs))),
		dataLoadMs: Math.round(median(xs.map((x) => x.dataMs)))
	});
	return { cold: summary(cold), warm: summary(warm) };
}

async function walk(dir: string): Promise<string[]> {
	const out: string[] = [];
	for (const e of await readdir(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) out.push(...(await walk(p)));
		else out.push(p);
	}
	return out;
}

async function bundleSizes() {
	const files = await walk(BUILD_DIR);
	const by: Record<string, { files: number; bytes: number; gzipBytes: number }> = {};
	for (const f of files) {
		const ext = extname(f).slice(1) || 'other';
		const kind = ext === 'wasm' ? (f.includes('duckdb-mvp') ? 'wasm (duckdb mvp, fallback)' : f.includes('duckdb-eh') ? 'wasm (duckdb eh, used by Chromium)' : 'wasm (parquet-wasm)') : ext;
		const bytes = (await stat(f)).size;
		const gz = ['js', 'css', 'html', 'json', 'wasm'].includes(ext) ? gzipSync(await readFile(f)).length : bytes;
		by[kind] ??= { files: 0, bytes: 0, gzipBytes: 0 };
		by[kind].files++;
		by[kind].bytes += bytes;
		by[kind].gzipBytes += gz;
	}
	return by;
}

const result = {
	date: new Date().toISOString(),
	machine: `${(await import('node:os')).cpus().length} cores`,
	repeats: REPEATS,
	node: await nodeLoad(),
	browser: await browserLoad(),
	bundle: await bundleSizes()
};
await writeFile(join(ROOT, 'bench/results/pilot-load.json'), JSON.stringify(result, null, 2) + '\n');
console.log('Node (DuckDB-WASM), medians ms:', result.node);
console.log('Chromium cold:', result.browser.cold);
console.log('Chromium warm:', result.browser.warm);
console.table(
	Object.fromEntries(
		Object.entries(result.bundle).map(([k, v]) => [k, { files: v.files, MB: +(v.bytes / 1e6).toFixed(2), 'gzip MB': +(v.gzipBytes / 1e6).toFixed(2) }])
	)
);
