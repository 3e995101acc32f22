/**
 * Where DuckDB-WASM's start-up time goes (issue 15), outside the site: a bare
 * page that talks DuckDB-WASM's worker protocol directly, started three ways,
 * each cold (fresh browser profile) and warm (reloads, HTTP and code cache):
 *   default  – DuckDB-WASM as shipped: the worker fetches the wasm and hands
 *              `instantiateStreaming` a Response it rebuilt (progress counter);
 *   original – the worker hands V8 the fetched Response itself;
 *   module   – the page compiles the wasm (`compileStreaming(fetch())`) and
 *              posts the WebAssembly.Module to the worker (what the site does).
 *   npx tsx bench/engine-start.ts [--reloads 3] [--dir /tmp/engine-start]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveRoots } from './serve';
import { traceEvents, wasmEventTotals } from './browser-metrics';

const CATEGORIES = ['v8', 'v8.wasm', 'devtools.timeline'];

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const { values: cli } = parseArgs({
	options: {
		reloads: { type: 'string', default: '3' },
		modes: { type: 'string', default: 'default,original,module' },
		dir: { type: 'string', default: join(tmpdir(), 'engine-start-probe') }
	}
});

// The probe files live next to this script (bench/engine-start/).
const PROBE = join(import.meta.dirname, 'engine-start');

async function main() {
	const server = await serveRoots({ '/': PROBE, '/duckdb/': join(ROOT, 'node_modules/@duckdb/duckdb-wasm/dist') });
	const out: Record<string, unknown[]> = {};
	for (const mode of cli.modes.split(',')) {
		// A real profile (not incognito): the HTTP cache and V8's code cache are on disk, as for a visitor.
		const profile = mkdtempSync(join(tmpdir(), 'ib-probe-profile-'));
		const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS });
		const page = context.pages()[0] ?? (await context.newPage());
		const runs: unknown[] = [];
		for (let i = 0; i <= Number(cli.reloads); i++) {
			const load = async () => {
				if (i === 0) await page.goto(`${server.url}/?mode=${mode}`);
				else await page.reload();
				await page.waitForFunction(() => (globalThis as { __probe?: unknown }).__probe, null, { timeout: 120_000, polling: 50 });
			};
			// The last load is traced: which wasm work ran, on which thread.
			const wasm = i === Number(cli.reloads) ? wasmEventTotals(await traceEvents(page, CATEGORIES, load)).slice(0, 12) : (await load(), null);
			const r = await page.evaluate(() => (globalThis as { __probe?: unknown }).__probe);
			runs.push({ ...(r as object), wasm });
			console.log(mode, i === 0 ? 'cold' : `warm ${i}`, JSON.stringify(r));
			if (wasm) for (const w of wasm) console.log(`    ${String(w.ms).padStart(8)} ms ${String(w.count).padStart(6)}× ${w.thread}: ${w.name}`);
		}
		out[mode] = runs;
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
	await server.close();
	mkdirSync(cli.dir, { recursive: true });
	writeFileSync(join(cli.dir, 'probe.json'), JSON.stringify(out, null, 1));
}
await main();
