/**
 * A Chromium trace (CPU profile of the page and its workers, V8 and wasm
 * events) of one cold and two warm loads of the built site with a national
 * dataset, to see what runs in the main thread's long tasks (issue 15).
 *   npx tsx bench/trace-load.ts [--years 1] [--out /tmp/ib-trace] [--build build] [--no-trace]
 * Open the trace-*.json files in chrome://tracing or Perfetto.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveRoots } from './serve';
import { LONG_TASKS_INIT, MemSampler, longTasksSince, traceEvents, wasmEventTotals } from './browser-metrics';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const { values: cli } = parseArgs({
	options: {
		years: { type: 'string', default: '1' },
		out: { type: 'string', default: join(tmpdir(), 'ib-trace') },
		/** Another build of the site (e.g. BUILD_DIR=build-base npm run build), to compare. */
		build: { type: 'string', default: 'build' },
		/** Only time the loads and sample memory (large datasets make large traces). */
		'no-trace': { type: 'boolean', default: false }
	}
});
const NAME = `11000-${cli.years}y`;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'];

mkdirSync(cli.out, { recursive: true });
const server = await serveRoots({ '/': resolve(ROOT, cli.build), [`/national/${NAME}/`]: join(ROOT, 'data/national', NAME) });
const url = `${server.url}/?data=${encodeURIComponent(`${server.url}/national/${NAME}/manifest.json`)}`;
// A real profile (HTTP cache and V8's code cache on disk), fresh: the first load is cold.
const profile = mkdtempSync(join(tmpdir(), 'ib-trace-profile-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, locale: 'en-GB' });
const sampler = new MemSampler(process.pid).start();
await context.addInitScript(LONG_TASKS_INIT);
const page = context.pages()[0] ?? (await context.newPage());
for (const kind of ['cold', 'warm', 'warm2']) {
	const path = join(cli.out, `trace-${kind}.json`);
	let tasks: number[] = [];
	let load: { engineSteps?: Record<string, number>; readyAt?: number } | undefined;
	const run = async () => {
		if (kind === 'cold') await page.goto(url);
		else await page.reload();
		await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: 300_000 });
		tasks = await longTasksSince(page, 0);
		load = await page.evaluate(() => (globalThis as { __ibLoad?: typeof load }).__ibLoad);
	};
	const t0 = Date.now();
	const events = cli['no-trace'] ? (await run(), []) : await traceEvents(page, CATEGORIES, run);
	const ms = Date.now() - t0;
	sampler.tick();
	if (events.length) writeFileSync(path, JSON.stringify({ traceEvents: events }));
	const steps = Object.fromEntries(Object.entries(load?.engineSteps ?? {}).map(([k, v]) => [k, Math.round(v)]));
	console.log(kind, JSON.stringify({ overviewFromEngineMs: ms, longTasks: tasks.map(Math.round), steps, readyAt: Math.round(load?.readyAt ?? 0), rendererHwmMB: Math.round(sampler.maxRendererHwmKb / 1024) }), events.length ? `→ ${path}` : '');
	for (const w of wasmEventTotals(events).slice(0, 8)) console.log(`    ${String(w.ms).padStart(8)} ms ${String(w.count).padStart(6)}× ${w.thread}: ${w.name}`);
}
sampler.stop();
await context.close();
rmSync(profile, { recursive: true, force: true });
await server.close();
