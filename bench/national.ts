/**
 * National-scale benchmark (issues 7, 15; long: one script so a run is one command): the built site in headless Chromium
 * (DuckDB-WASM) against native DuckDB (@duckdb/node-api) on the same
 * synthetic national dataset and the same metric SQL.
 *
 *   npm run bench [-- --participants 11000 --years 1 --repeats 3]
 *
 * Generates data/national/<participants>-<years>y/ if missing, builds the
 * site if build/index.html is missing, serves build/ and the dataset on one
 * local origin (bench/serve.ts), and measures (medians of --repeats):
 *   - load: cold (fresh browser) and warm (reload, HTTP cache) navigation to
 *     the overview with `?data=<manifest>`, with the page's own split
 *     (window.__ibLoad: engine start, per-table Parquet decode and ingest);
 *     native: instance start + CREATE TABLE AS SELECT * FROM read_parquet;
 *   - each view's first render after client-side navigation (data loaded)
 *     until its main tables are in the DOM; native: the view's metric
 *     functions (same SQL constants, same bound parameters) on node-api;
 *   - filter changes on the goals and costs views (time until the main
 *     table's text changes); native: the view's metric functions with the
 *     changed filters;
 *   - peak memory: VmRSS of the Chromium renderer processes sampled from
 *     /proc every 200 ms (includes the DuckDB worker and both wasm heaps),
 *     plus the main thread's JSHeapUsedSize (CDP) after load.
 * Writes bench/results/national-<participants>-<years>y.json and prints a table.
 */
import { existsSync, readFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { nativeEngine } from '../src/lib/db/engine-native';
import { refreshSummaries, unpackedSummaryViews } from '../src/lib/db/summaries';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Engine, SqlParam } from '../src/lib/db/engine';
import { DEFAULT_FILTERS, AGE_BANDS_BY_COHORT, type Cohort, type Filters } from '../src/lib/filters/filters';
import { filterOptions } from '../src/lib/query/filter-options';
import { overview } from '../src/lib/outcomes/overview/query';
import { goalAttainment, gasRatings } from '../src/lib/outcomes/goals/query';
import { costTable, monthlyCost } from '../src/lib/outcomes/costs/query';
import { budgetSummary } from '../src/lib/outcomes/budgets/query';
import { employment } from '../src/lib/outcomes/employment/query';
import { sfkData } from '../src/lib/outcomes/functioning/query';
import { kidscreenData } from '../src/lib/outcomes/kidscreen/query';
import { fqolsData } from '../src/lib/outcomes/fqols/query';
import { sqolData } from '../src/lib/outcomes/sqol/query';
import { municipalityOutcomes } from '../src/lib/outcomes/municipalities/query';
import { generateNational, defaultOutDir, DEFAULT_SEED } from '../data/generators/national.ts';
import { TABLES } from '../src/lib/contract/schema.ts';
import { serveRoots } from './serve';
import { MemSampler, LONG_TASKS_INIT, longTasksSince, pageNow, summariseLongTasks } from './browser-metrics';

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const { values: cli } = parseArgs({
	options: {
		participants: { type: 'string', default: process.env.PARTICIPANTS ?? '11000' },
		years: { type: 'string', default: process.env.YEARS ?? '1' },
		repeats: { type: 'string', default: process.env.REPEATS ?? '3' },
		'load-timeout': { type: 'string', default: '300' },
		/** Stop starting new browser repeats when the run would exceed this (seconds since start), to stay under 10 minutes. */
		budget: { type: 'string', default: process.env.BUDGET ?? '540' },
		/** Keep services at one row per event (skip data:aggregate). */
		'raw-services': { type: 'boolean', default: false },
		/** Measure the Parquet load path (decode + ingest per table) instead of the packed database file. */
		parquet: { type: 'boolean', default: false }
	}
});
const PARQUET_PATH = cli.parquet;
const N = Number(cli.participants);
const Y = Number(cli.years);
const REPEATS = Number(cli.repeats);
const LOAD_TIMEOUT = Number(cli['load-timeout']) * 1000;
const BUDGET_MS = Number(cli.budget) * 1000;
const STARTED = Date.now();
const NAME = `${N}-${Y}y`;
const DATA = defaultOutDir(N, Y);

const median = (xs: (number | null | undefined)[]): number | null => {
	const s = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (!s.length) return null;
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

// ---------------------------------------------------------------- views

interface View {
	/** route folder under src/routes ('' = overview) */
	route: string;
	path: string;
	/** testids that must all be in the DOM (with text) for the view to count as rendered */
	ready: string[];
	/** What the view queries, run natively with the same functions (same SQL and parameters). */
	native: (e: Engine, f: Filters) => Promise<unknown>;
	/** Filter bar cohort the view shows (for filterOptions). */
	cohort: (f: Filters) => Cohort | null;
}

const childOnly = (f: Filters): Filters => ({ ...f, cohort: 'child', ageBand: f.ageBand && AGE_BANDS_BY_COHORT.child.includes(f.ageBand) ? f.ageBand : null });
const adultOnly = (f: Filters): Filters => ({ ...f, cohort: 'adult', ageBand: f.ageBand && AGE_BANDS_BY_COHORT.adult.includes(f.ageBand) ? f.ageBand : null });

const ALL_VIEWS: View[] = [
	{ route: '', path: '/', ready: ['overview-table'], native: (e) => overview(e), cohort: () => null },
	{
		route: 'goals', path: '/goals/', ready: ['goals-table'], cohort: (f) => f.cohort,
		native: (e, f) => Promise.all([goalAttainment(e, f), gasRatings(e, f)])
	},
	{
		route: 'costs', path: '/costs/', ready: ['costs-table', 'costs-monthly-table'], cohort: (f) => f.cohort,
		native: (e, f) => Promise.all([costTable(e, f), monthlyCost(e, f), budgetSummary(e, f)])
	},
	{
		route: 'employment', path: '/employment/', ready: ['employment-counts'], cohort: () => 'adult',
		native: (e, f) => employment(e, adultOnly(f))
	},
	{ route: 'functioning', path: '/functioning/', ready: ['sfk-children-table'], cohort: () => 'child', native: (e, f) => sfkData(e, childOnly(f)) },
	{
		route: 'quality-of-life', path: '/quality-of-life/', ready: ['ks-table-child', 'fq-table', 'sq-table'], cohort: () => 'child',
		native: (e, f) => Promise.all([kidscreenData(e, childOnly(f)), fqolsData(e, childOnly(f)), sqolData(e, adultOnly(f))])
	},
	{ route: 'municipalities', path: '/municipalities/', ready: ['municipalities-table'], cohort: () => null, native: (e, f) => municipalityOutcomes(e, f.cohort) }
];
const VIEWS = ALL_VIEWS.filter((v) => v.route === '' || existsSync(join(ROOT, 'src/routes', v.route, '+page.svelte')));

interface FilterStep {
	name: string;
	testid: string;
	value: string;
	reset: string;
	patch: Partial<Filters>;
}
const FILTER_STEPS: FilterStep[] = [
	{ name: 'sex = F', testid: 'filter-sex', value: 'F', reset: '', patch: { sex: 'F' } },
	{ name: 'age 7–12', testid: 'filter-age', value: '7-12', reset: '', patch: { ageBand: '7-12' } },
	{ name: 'region Kurzeme', testid: 'filter-region', value: 'Kurzeme', reset: '', patch: { region: 'Kurzeme' } },
	{ name: 'municipality Rīga', testid: 'filter-municipality', value: 'RIGA_C', reset: '', patch: { municipalities: ['RIGA_C'] } },
	{ name: 'cohort adults', testid: 'filter-cohort', value: 'adult', reset: 'child', patch: { cohort: 'adult' } }
];
/** Every table of the view (each chart has one): a filter change counts until the last of them has changed. */
const FILTER_VIEWS: { route: string; tables: string[] }[] = [
	{ route: 'goals', tables: ['goals-table', 'gas'] },
	{ route: 'costs', tables: ['costs-table', 'costs-monthly-table', 'budgets-table', 'utilisation-table'] }
].filter((v) => VIEWS.some((w) => w.route === v.route));

// ---------------------------------------------------------------- native engine (node-api) behind the product's Engine interface

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
	const t0 = performance.now();
	await fn();
	return performance.now() - t0;
}

interface Manifest {
	tables: Record<string, { path: string; rows: number; bytes: number }>;
	database?: { path: string; bytes: number; tables: string[] };
}

async function nativeSide(manifest: Manifest) {
	log('native DuckDB: load');
	const loads: { startMs: number; tables: Record<string, number>; totalMs: number }[] = [];
	let keep: { instance: DuckDBInstance; conn: DuckDBConnection } | null = null;
	const fromParquet: number[] = [];
	for (let r = 0; r < REPEATS; r++) {
		const t0 = performance.now();
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		const startMs = performance.now() - t0;
		const tables: Record<string, number> = {};
		// The same tables the browser loads: the contract's (raw `services_events` stay on disk).
		const contract = Object.entries(manifest.tables).filter(([n]) => TABLES.includes(n));
		if (manifest.database) {
			// The same work as the browser: attach the database file read-only, views over its tables, row counts.
			const file = join(DATA, manifest.database.path).replaceAll("'", "''");
			tables.attach = await timeIt(async () => {
				await conn.run(`ATTACH '${file}' AS ds (READ_ONLY)`);
				for (const name of manifest.database!.tables) await conn.run(`CREATE VIEW "${name}" AS SELECT * FROM ds.main."${name}"`);
				// As the page: summaries a pack leaves out are computed when read (src/lib/db/summaries.ts).
				for (const sql of unpackedSummaryViews()) await conn.run(sql);
				await conn.runAndReadAll(manifest.database!.tables.map((n) => `SELECT count(*) FROM "${n}"`).join(' UNION ALL '));
			});
			// For reference: the same tables read from the Parquet files.
			const ref = await (await DuckDBInstance.create(':memory:')).connect();
			fromParquet.push(
				await timeIt(async () => {
					for (const [name, spec] of contract) {
						await ref.run(`CREATE TABLE "${name}" AS SELECT * FROM read_parquet('${join(DATA, spec.path).replaceAll("'", "''")}')`);
					}
				})
			);
			ref.closeSync();
		} else {
			for (const [name, spec] of contract) {
				const file = join(DATA, spec.path).replaceAll("'", "''");
				tables[name] = await timeIt(() => conn.run(`CREATE TABLE "${name}" AS SELECT * FROM read_parquet('${file}')`));
			}
			// The services summaries, as the page builds them for Parquet data (src/lib/db/summaries.ts).
			tables.summaries = await timeIt(() => refreshSummaries(nativeEngine(conn)));
		}
		loads.push({ startMs, tables, totalMs: performance.now() - t0 });
		if (keep) {
			keep.conn.closeSync();
			keep.instance.closeSync();
		}
		keep = { instance, conn };
	}
	const engine = nativeEngine(keep!.conn);
	const views: Record<string, number | null> = {};
	for (const v of VIEWS) {
		log(`native DuckDB: view ${v.path}`);
		const runs: number[] = [];
		for (let r = 0; r < REPEATS; r++) {
			// The view's own queries (what its tables wait for); the filter bar's options are timed separately.
			runs.push(await timeIt(() => v.native(engine, DEFAULT_FILTERS)));
		}
		views[v.path] = median(runs);
	}
	const optionRuns: number[] = [];
	for (let r = 0; r < REPEATS; r++) optionRuns.push(await timeIt(() => filterOptions(engine, 'child')));
	views['filter bar options'] = median(optionRuns);
	const filters: Record<string, number | null> = {};
	for (const fv of FILTER_VIEWS) {
		const v = VIEWS.find((w) => w.route === fv.route)!;
		for (const s of FILTER_STEPS) {
			const f = { ...DEFAULT_FILTERS, ...s.patch };
			const runs: number[] = [];
			for (let r = 0; r < REPEATS; r++) {
				runs.push(await timeIt(() => v.native(engine, f)));
			}
			filters[`${v.path} ${s.name}`] = median(runs);
		}
	}
	keep!.conn.closeSync();
	keep!.instance.closeSync();
	const tableNames = Object.keys(loads[0].tables);
	return {
		parquetLoadMs: fromParquet.length ? r1(median(fromParquet)) : null,
		engineStartMs: median(loads.map((l) => l.startMs)),
		tablesMs: Object.fromEntries(tableNames.map((t) => [t, r1(median(loads.map((l) => l.tables[t])))])),
		loadTotalMs: median(loads.map((l) => l.totalMs)),
		views,
		filters
	};
}

// ---------------------------------------------------------------- browser side

interface LoadSample {
	/** Navigation → overview table in the DOM (from the saved result when there is one). */
	firstViewMs: number;
	/** Whether that first view was this browser's saved result (warm loads of the same data). */
	fromSaved: boolean;
	/** Navigation → overview computed by the engine on the loaded data. */
	engineViewMs: number;
	readyAtMs: number;
	engineMs: number;
	dataMs: number;
	tables: Record<string, { rows: number; decodeMs: number; ingestMs: number; bytes: number }>;
	/** Engine start-up steps (ms since navigation start), from engine-browser.ts. */
	engineSteps: Record<string, number>;
	engineStartedAt: number;
	jsHeapUsedMB: number | null;
	/** Durations of the page's long tasks (> 50 ms) from navigation until the overview from the engine. */
	longTasks: number[];
}

async function loadPage(page: Page, url: string, reload: boolean): Promise<LoadSample> {
	const t0 = Date.now();
	if (reload) await page.reload({ waitUntil: 'commit' });
	else await page.goto(url, { waitUntil: 'commit' });
	const failed = page.getByTestId('load-error');
	const failure = failed.waitFor({ timeout: LOAD_TIMEOUT }).then(async () => {
		throw new Error(`load failed: ${await failed.textContent()}`);
	});
	failure.catch(() => {});
	// The overview may first show this browser's saved result of the same data (result-cache.ts), before the engine is up.
	await Promise.race([page.getByTestId('overview-table').waitFor({ timeout: LOAD_TIMEOUT }), failure]);
	const firstViewMs = Date.now() - t0;
	const fromSaved = (await page.getByTestId('overview-cards').getAttribute('data-result')) === 'saved';
	await Promise.race([
		page.waitForFunction(() => (globalThis as { __ibLoad?: unknown }).__ibLoad, null, { timeout: LOAD_TIMEOUT, polling: 100 }),
		failure
	]);
	await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: LOAD_TIMEOUT });
	const engineViewMs = Date.now() - t0;
	const longTasks = await longTasksSince(page, 0);
	const l = (await page.evaluate(() => (globalThis as { __ibLoad?: unknown }).__ibLoad)) as Omit<LoadSample, 'firstViewMs' | 'fromSaved' | 'engineViewMs' | 'readyAtMs' | 'jsHeapUsedMB' | 'longTasks'> & { readyAt: number };
	let jsHeapUsedMB: number | null = null;
	try {
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Performance.enable');
		const { metrics } = await cdp.send('Performance.getMetrics');
		jsHeapUsedMB = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6;
		await cdp.detach();
	} catch {
		/* not essential */
	}
	return { firstViewMs, fromSaved, engineViewMs, readyAtMs: l.readyAt, engineMs: l.engineMs, dataMs: l.dataMs, tables: l.tables, engineSteps: l.engineSteps ?? {}, engineStartedAt: l.engineStartedAt ?? 0, jsHeapUsedMB, longTasks };
}

/**
 * Client-side navigation (SvelteKit's router handles any same-origin link) to
 * `path` with only the `?data=` parameter, i.e. default filters, and wait in
 * the page until every testid is in the DOM with text. Returns ms.
 */
/** Forget the results the page remembers per data revision (bench hook in src/lib/db/bench-hooks.ts). */
async function forgetRemembered(page: Page): Promise<void> {
	await page.evaluate(() => (globalThis as { __ibForgetRemembered?: () => void }).__ibForgetRemembered?.());
}

async function navigateAndWait(page: Page, path: string, testids: string[]): Promise<number> {
	return page.evaluate(
		({ path, testids, timeout }) =>
			new Promise<number>((ok, fail) => {
				const norm = (p: string) => (p.length > 1 ? p.replace(/\/$/, '') : p);
				const data = new URL(location.href).searchParams.get('data');
				const link = document.createElement('a');
				link.href = path + (data ? `?data=${encodeURIComponent(data)}` : '');
				link.style.display = 'none';
				// Inside the app's root element, where SvelteKit's router listens for link clicks.
				(document.querySelector('main') ?? document.body).append(link);
				const done = () => testids.every((id) => (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').trim().length > 0);
				const t0 = performance.now();
				const obs = new MutationObserver(() => {
					if (norm(location.pathname) === norm(path) && done()) {
						obs.disconnect();
						ok(performance.now() - t0);
					}
				});
				obs.observe(document.body, { childList: true, subtree: true, characterData: true });
				setTimeout(() => {
					obs.disconnect();
					fail(new Error(`timeout waiting for ${testids.join(', ')} on ${path}`));
				}, timeout);
				link.click();
				link.remove();
			}),
		{ path, testids, timeout: LOAD_TIMEOUT }
	);
}

/**
 * Injected before the page's scripts: counts messages to and from Web Workers
 * (DuckDB-WASM answers every request of its worker with one message), so the
 * benchmark can tell when the page has no query in flight.
 */
const INIT_SCRIPT = `
globalThis.__name = (f) => f; // tsx (esbuild keepNames) wraps functions in page.evaluate callbacks with __name()
(() => {
	const st = { pending: 0, requests: 0 };
	globalThis.__ibBench = st;
	const post = Worker.prototype.postMessage;
	const hooked = new WeakSet();
	Worker.prototype.postMessage = function (...args) {
		if (!hooked.has(this)) {
			hooked.add(this);
			this.addEventListener('message', () => { st.pending = Math.max(0, st.pending - 1); });
		}
		st.pending++;
		st.requests++;
		return post.apply(this, args);
	};
})();`;

/** No worker request in flight for this long = the queries a filter change started are done. */
const QUIET_MS = 300;

/**
 * Set a filter select and return the time (ms, in the page) of the last change
 * of the table's body text before the engine went quiet: a view may first
 * re-sort or relabel the old rows, then show the new numbers.
 */
async function changeFilter(page: Page, testid: string, value: string, tables: string[]): Promise<number> {
	await page.getByTestId(testid).locator(`option[value="${value}"]`).waitFor({ state: 'attached', timeout: 60_000 });
	return page.evaluate(
		({ testid, value, tables, timeout, quiet }) =>
			new Promise<number>((ok, fail) => {
				const st = (globalThis as unknown as { __ibBench: { pending: number; requests: number } }).__ibBench;
				const text = () =>
					tables
						.map((table) => {
							const t = document.querySelector(`[data-testid="${table}"]`);
							return (t?.querySelector('tbody') ?? t)?.textContent ?? '';
						})
						.join('\u0000');
				let last = text();
				const select = document.querySelector<HTMLSelectElement>(`[data-testid="${testid}"]`);
				if (!select) return fail(new Error(`no select ${testid}`));
				const req0 = st.requests;
				let changedAt: number | null = null;
				let quietSince: number | null = null;
				const t0 = performance.now();
				const obs = new MutationObserver(() => {
					const now = text();
					if (now && now !== last) {
						last = now;
						changedAt = performance.now() - t0;
					}
				});
				obs.observe(document.body, { childList: true, subtree: true, characterData: true });
				const poll = setInterval(() => {
					const t = performance.now();
					const idle = st.requests > req0 && st.pending === 0;
					quietSince = idle ? (quietSince ?? t) : null;
					if (quietSince !== null && t - quietSince >= quiet && changedAt !== null) finish(null);
					else if (t - t0 > timeout) finish(new Error(`timeout: ${tables.join(', ')} did not change after ${testid}=${value}`));
				}, 10);
				function finish(err: Error | null) {
					clearInterval(poll);
					obs.disconnect();
					if (err) fail(err);
					else ok(changedAt!);
				}
				select.value = value;
				select.dispatchEvent(new Event('change', { bubbles: true }));
			}),
		{ testid, value, tables, timeout: 120_000, quiet: QUIET_MS }
	);
}

async function browserSide(siteUrl: string) {
	const cold: LoadSample[] = [];
	const warm: LoadSample[] = [];
	const views: Record<string, number[]> = {};
	/** Back to a view already shown on the same data: its released results are remembered (db/revision-memo.ts). */
	const viewsAgain: Record<string, number[]> = {};
	const filters: Record<string, number[]> = {};
	const peaks: { renderersMB: number; allMB: number; rendererHwmMB: number }[] = [];
	const errors: string[] = [];
	/** Long tasks (ms) during views' first renders and during filter changes (first session). */
	const viewTasks: number[] = [];
	const filterTasks: number[] = [];
	let repeatMs = 0;
	for (let r = 0; r < REPEATS; r++) {
		// A further session (cold + warm load) plus the native side (~1 min) must fit in the budget.
		if (r > 0 && Date.now() - STARTED + repeatMs * 1.2 + 60_000 > BUDGET_MS) {
			log(`time budget: stopping after ${r} browser repeat(s)`);
			errors.push(`time budget (${BUDGET_MS / 1000} s): ${r} of ${REPEATS} browser repeats`);
			break;
		}
		const repeatStart = Date.now();
		let context: BrowserContext | null = null;
		let sampler: MemSampler | null = null;
		// A fresh real profile per session, not an incognito context: its HTTP cache and
		// V8's code cache are on disk as for a visitor, so the warm load can reuse the compiled engine.
		const profile = mkdtempSync(join(tmpdir(), 'ib-bench-profile-'));
		try {
			context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, locale: 'en-GB' });
			// Chromium is a child of this Node process: sample our own process tree (other Chromiums on the machine are not ours).
			sampler = new MemSampler(process.pid).start();
			await context.addInitScript(INIT_SCRIPT);
			await context.addInitScript(LONG_TASKS_INIT);
			const page = context.pages()[0] ?? (await context.newPage());
			page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
			page.on('crash', () => errors.push('renderer crashed'));
			log(`browser ${r + 1}/${REPEATS}: cold load`);
			cold.push(await loadPage(page, siteUrl, false));
			log(`  cold ${cold.at(-1)!.firstViewMs} ms; warm reload`);
			warm.push(await loadPage(page, siteUrl, true));
			log(`  warm ${warm.at(-1)!.firstViewMs} ms`);
			repeatMs = Math.max(repeatMs, Date.now() - repeatStart);
			// Views and filter changes: REPEATS passes in the first session (data already loaded); later sessions only load.
			for (let pass = 0; r === 0 && pass < REPEATS; pass++) {
				log(`  views and filters, pass ${pass + 1}/${REPEATS}`);
				for (const v of VIEWS) {
					if (v.path === '/') continue;
					try {
						// Every pass measures the queries, not what the page remembers of an earlier pass.
						await forgetRemembered(page);
						const since = await pageNow(page);
						(views[v.path] ??= []).push(await navigateAndWait(page, v.path, v.ready));
						viewTasks.push(...(await longTasksSince(page, since)));
						await navigateAndWait(page, '/', ['overview-table']);
						(viewsAgain[v.path] ??= []).push(await navigateAndWait(page, v.path, v.ready));
					} catch (e) {
						errors.push(`${v.path}: ${(e as Error).message}`);
					}
					await navigateAndWait(page, '/', ['overview-table']);
				}
				for (const fv of FILTER_VIEWS) {
					const v = VIEWS.find((w) => w.route === fv.route)!;
					await navigateAndWait(page, v.path, v.ready);
					for (const s of FILTER_STEPS) {
						try {
							await forgetRemembered(page);
							const since = await pageNow(page);
							(filters[`${v.path} ${s.name}`] ??= []).push(await changeFilter(page, s.testid, s.value, fv.tables));
							await changeFilter(page, s.testid, s.reset, fv.tables);
							filterTasks.push(...(await longTasksSince(page, since)));
						} catch (e) {
							errors.push(`${v.path} ${s.name}: ${(e as Error).message}`);
						}
					}
					await navigateAndWait(page, '/', ['overview-table']);
				}
			}
		} catch (e) {
			errors.push(`repeat ${r + 1}: ${(e as Error).message}`);
			log(`  error: ${(e as Error).message}`);
		} finally {
			sampler?.stop();
			if (sampler) peaks.push({ renderersMB: sampler.peakRenderersKb / 1024, allMB: sampler.peakAllKb / 1024, rendererHwmMB: sampler.maxRendererHwmKb / 1024 });
			await context?.close().catch(() => {});
			rmSync(profile, { recursive: true, force: true });
		}
	}
	const summary = (xs: LoadSample[]) => {
		const names = xs.length ? Object.keys(xs[0].tables) : [];
		return {
			samples: xs.length,
			firstViewMs: median(xs.map((x) => x.firstViewMs)),
			fromSaved: xs.filter((x) => x.fromSaved).length,
			engineViewMs: median(xs.map((x) => x.engineViewMs)),
			readyAtMs: r1(median(xs.map((x) => x.readyAtMs))),
			engineMs: r1(median(xs.map((x) => x.engineMs))),
			/** Navigation start → engine start requested (page shell loaded and hydrated). */
			engineRequestedAtMs: r1(median(xs.map((x) => x.engineStartedAt))),
			/** DuckDB-WASM instantiate: wasm fetch + compile + runtime init, in the worker. */
			instantiateMs: r1(median(xs.map((x) => (x.engineSteps.instantiate ?? NaN) - (x.engineSteps.begin ?? NaN)))),
			dataMs: r1(median(xs.map((x) => x.dataMs))),
			decodeMs: r1(median(xs.map((x) => Object.values(x.tables).reduce((s, t) => s + t.decodeMs, 0)))),
			ingestMs: r1(median(xs.map((x) => Object.values(x.tables).reduce((s, t) => s + t.ingestMs, 0)))),
			jsHeapUsedMB: r1(median(xs.map((x) => x.jsHeapUsedMB))),
			/** Engine start split (ms, medians): the engine's JS chunk imported, wasm fetched and compiled on the page, instantiated in the worker, connected. */
			engineSplit: {
				importMs: r1(median(xs.map((x) => (x.engineSteps.begin ?? NaN) - x.engineStartedAt))),
				compileMs: r1(median(xs.map((x) => (x.engineSteps.compile ?? NaN) - (x.engineSteps.begin ?? NaN)))),
				workerInstantiateMs: r1(median(xs.map((x) => (x.engineSteps.instantiate ?? NaN) - (x.engineSteps.compile ?? x.engineSteps.begin ?? NaN)))),
				connectMs: r1(median(xs.map((x) => (x.engineSteps.connect ?? NaN) - (x.engineSteps.instantiate ?? NaN))))
			},
			/** Long tasks from navigation until the overview from the engine, over all samples. */
			longTasks: summariseLongTasks(xs.flatMap((x) => x.longTasks)),
			tables: Object.fromEntries(names.map((n) => [n, { decodeMs: r1(median(xs.map((x) => x.tables[n]?.decodeMs))), ingestMs: r1(median(xs.map((x) => x.tables[n]?.ingestMs))) }]))
		};
	};
	return {
		cold: summary(cold),
		warm: summary(warm),
		views: Object.fromEntries(Object.entries(views).map(([k, xs]) => [k, median(xs)])),
		viewsAgain: Object.fromEntries(Object.entries(viewsAgain).map(([k, xs]) => [k, median(xs)])),
		filters: Object.fromEntries(Object.entries(filters).map(([k, xs]) => [k, median(xs)])),
		samples: { cold: cold.map((x) => x.firstViewMs), warm: warm.map((x) => x.firstViewMs), views, viewsAgain, filters },
		memory: {
			method: 'peak of the summed VmRSS (/proc/<pid>/status) of the Chromium renderer processes (page + DuckDB worker + wasm heaps), sampled every 200 ms over each whole session; allMB sums every Chromium process (browser, GPU/utility, renderers; shared pages counted per process)',
			peakRenderersMB: r1(median(peaks.map((p) => p.renderersMB))),
			peakAllMB: r1(median(peaks.map((p) => p.allMB))),
			maxPeakRenderersMB: r1(Math.max(0, ...peaks.map((p) => p.renderersMB))),
			/** The largest renderer's VmHWM (kernel's peak RSS of that process: page + DuckDB worker + wasm heaps), max over sessions. */
			maxRendererHwmMB: r1(Math.max(0, ...peaks.map((p) => p.rendererHwmMB)))
		},
		longTasks: { views: summariseLongTasks(viewTasks), filters: summariseLongTasks(filterTasks) },
		errors
	};
}

// ---------------------------------------------------------------- main

async function main() {
	const startedAt = Date.now();
	const load0 = loadavg()[0];
	let generatedSeconds: number | null = null;
	if (!existsSync(join(DATA, 'manifest.json'))) {
		log(`generating ${DATA}`);
		const g = await generateNational({ participants: N, years: Y, seed: DEFAULT_SEED, out: DATA });
		generatedSeconds = Math.round(g.seconds * 10) / 10;
		log(`generated in ${generatedSeconds} s`);
	}
	// Publish as the ministry would: services pre-aggregated to the grain the views need.
	if (!cli['raw-services'] && !JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')).tables.services_events) {
		log('aggregating services (npm run data:aggregate)');
		const a = spawnSync(process.execPath, [join(ROOT, 'data/aggregate.ts'), DATA], { cwd: ROOT, stdio: 'inherit' });
		if (a.status !== 0) throw new Error('data:aggregate failed');
	}
	// …and packed as one DuckDB database file, which the browser attaches (npm run data:pack).
	if (!PARQUET_PATH && !JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')).database) {
		log('packing the dataset into one DuckDB file (npm run data:pack)');
		const p = spawnSync(process.execPath, [join(ROOT, 'data/pack.ts'), DATA], { cwd: ROOT, stdio: 'inherit' });
		if (p.status !== 0) throw new Error('data:pack failed');
	}
	// …with its release plans beside it, as a publisher would ship it (npm run data:plans; rerun it after
	// changing the rules or a family: stale plans are not used, the page then computes them and warns).
	if (!PARQUET_PATH && !JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')).releasePlans) {
		log('computing the release plans (npm run data:plans)');
		const p = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'data/plans.ts'), DATA], { cwd: ROOT, stdio: 'inherit' });
		if (p.status !== 0) throw new Error('data:plans failed');
	}
	// The Parquet path is measured through a copy of the manifest without the database file.
	const manifestFile = PARQUET_PATH ? 'manifest-parquet.json' : 'manifest.json';
	if (PARQUET_PATH) {
		const { database: _, ...parquetOnly } = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8'));
		writeFileSync(join(DATA, manifestFile), JSON.stringify(parquetOnly, null, '\t') + '\n');
	}
	if (!existsSync(join(BUILD, 'index.html'))) {
		log('build/index.html missing: npx vite build');
		const b = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (b.status !== 0) throw new Error('vite build failed');
	}
	const manifest = JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8')) as Manifest;
	const server = await serveRoots({ '/': BUILD, [`/national/${NAME}/`]: DATA });
	const manifestUrl = `${server.url}/national/${NAME}/${manifestFile}`;
	const siteUrl = `${server.url}/?data=${encodeURIComponent(manifestUrl)}`;
	log(`serving ${siteUrl}`);

	let browser: Awaited<ReturnType<typeof browserSide>> | null = null;
	if (existsSync(CHROMIUM)) browser = await browserSide(siteUrl);
	else log(`no Chromium at ${CHROMIUM}: browser side skipped`);
	await server.close();
	const native = await nativeSide(PARQUET_PATH ? { tables: manifest.tables } : manifest);

	const rows: { step: string; browserMs: number | null; nativeMs: number | null; ratio: number | null }[] = [];
	const add = (step: string, b: number | null | undefined, n: number | null | undefined) =>
		rows.push({ step, browserMs: r1(b ?? null), nativeMs: r1(n ?? null), ratio: b != null && n ? Math.round((b / n) * 10) / 10 : null });
	add('load cold: navigation → overview shown', browser?.cold.firstViewMs, (native.loadTotalMs ?? 0) + (native.views['/'] ?? 0));
	add('load cold: navigation → interactive (engine + data ready)', browser?.cold.readyAtMs, native.loadTotalMs);
	add('load warm: reload → interactive (engine + data ready)', browser?.warm.readyAtMs, native.loadTotalMs);
	add(`load warm: reload → overview shown${browser?.warm.fromSaved ? ' (saved result)' : ''}`, browser?.warm.firstViewMs, (native.loadTotalMs ?? 0) + (native.views['/'] ?? 0));
	add('load warm: reload → overview from the engine', browser?.warm.engineViewMs, (native.loadTotalMs ?? 0) + (native.views['/'] ?? 0));
	add('  engine start (cold)', browser?.cold.engineMs, native.engineStartMs);
	add('  data load, all tables (cold)', browser?.cold.dataMs, native.loadTotalMs! - native.engineStartMs!);
	if (manifest.database && !PARQUET_PATH) {
		add('    attach database file, views, row counts', browser?.cold.dataMs, native.tablesMs.attach);
		add('  data load warm (same, file from HTTP cache)', browser?.warm.dataMs, native.tablesMs.attach);
		add('  (native: the same tables from Parquet, reference)', null, native.parquetLoadMs);
	} else {
		const sv = browser?.cold.tables.services;
		add('    services table (cold decode + ingest)', sv && sv.decodeMs !== null && sv.ingestMs !== null ? sv.decodeMs + sv.ingestMs : null, native.tablesMs.services);
	}
	add('  engine start (warm)', browser?.warm.engineMs, native.engineStartMs);
	add('    of which DuckDB-WASM instantiate, cold', browser?.cold.instantiateMs, null);
	add('    of which DuckDB-WASM instantiate, warm', browser?.warm.instantiateMs, null);
	for (const [label, k] of [['engine JS chunk import', 'importMs'], ['wasm fetch + compile (compile worker)', 'compileMs'], ['instantiate in the worker', 'workerInstantiateMs'], ['connect + settings', 'connectMs']] as const) {
		add(`    ${label}, cold / warm`, browser?.cold.engineSplit[k], null);
		rows.at(-1)!.step = `    ${label}, cold`;
		add(`    ${label}, warm`, browser?.warm.engineSplit[k], null);
	}
	add('  page shell until engine start requested, warm', browser?.warm.engineRequestedAtMs, null);
	for (const v of VIEWS) if (v.path !== '/') add(`view ${v.path} first render`, browser?.views[v.path], native.views[v.path]);
	for (const v of VIEWS) if (v.path !== '/') add(`view ${v.path} again (remembered)`, browser?.viewsAgain?.[v.path], native.views[v.path]);
	add('overview queries after data ready (cold, approx.)', browser && browser.cold.engineViewMs !== null && browser.cold.readyAtMs !== null ? browser.cold.engineViewMs - browser.cold.readyAtMs : null, native.views['/']);
	add('filter bar options, children (native only)', null, native.views['filter bar options']);
	for (const k of Object.keys(native.filters)) add(`filter ${k}`, browser?.filters[k], native.filters[k]);

	const totalRows = Object.values(manifest.tables).reduce((s, t) => s + t.rows, 0);
	const totalBytes = Object.values(manifest.tables).reduce((s, t) => s + t.bytes, 0);
	const result = {
		date: new Date().toISOString(),
		machine: {
			cores: cpus().length, cpu: cpus()[0]?.model, memGB: Math.round(totalmem() / 1e9), freeGBAtEnd: Math.round(freemem() / 1e9),
			loadavgAtStart: Math.round(load0 * 10) / 10, loadavgAtEnd: Math.round(loadavg()[0] * 10) / 10,
			note: 'shared machine: other work ran at the same time; compare ratios rather than absolute ms'
		},
		dataset: {
			name: NAME, participants: N, years: Y, dir: DATA.replace(ROOT + '/', ''), generatedSeconds,
			rows: Object.fromEntries(Object.entries(manifest.tables).map(([k, t]) => [k, t.rows])),
			totalRows, totalMB: Math.round(totalBytes / 1e5) / 10,
			loadPath: manifest.database && !PARQUET_PATH ? `DuckDB database file ${manifest.database.path}, ${(manifest.database.bytes / 1e6).toFixed(1)} MB` : 'Parquet files (decode + ingest)'
		},
		repeats: REPEATS,
		table: rows,
		browser,
		native,
		wallSeconds: Math.round((Date.now() - startedAt) / 1000)
	};
	mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
	const out = join(ROOT, `bench/results/national-${NAME}.json`);
	writeFileSync(out, JSON.stringify(result, null, 2) + '\n');

	console.log(`\nNational benchmark ${NAME}: ${totalRows.toLocaleString('en')} rows, ${(totalBytes / 1e6).toFixed(1)} MB Parquet; load path: ${result.dataset.loadPath}; medians of ${browser?.cold.samples ?? 0} browser session(s) and ${REPEATS} native runs; load average ${result.machine.loadavgAtStart} → ${result.machine.loadavgAtEnd} on ${cpus().length} cores (shared machine)`);
	console.log(`${'step'.padEnd(52)} ${'browser ms'.padStart(11)} ${'native ms'.padStart(10)} ${'ratio'.padStart(7)}`);
	for (const r of rows) {
		console.log(`${r.step.padEnd(52)} ${String(r.browserMs ?? '–').padStart(11)} ${String(r.nativeMs ?? '–').padStart(10)} ${String(r.ratio ?? '–').padStart(7)}`);
	}
	if (browser) {
		console.log(`browser peak memory: renderers ${browser.memory.peakRenderersMB} MB (max ${browser.memory.maxPeakRenderersMB}), largest renderer's VmHWM ${browser.memory.maxRendererHwmMB} MB, all Chromium processes ${browser.memory.peakAllMB} MB; main-thread JS heap after load ${browser.cold.jsHeapUsedMB} MB`);
		const lt = (name: string, t: { count: number; over200: number; maxMs: number }) => `${name} ${t.count} (> 200 ms: ${t.over200}, max ${t.maxMs} ms)`;
		console.log(`main-thread long tasks (> 50 ms): ${lt('cold loads', browser.cold.longTasks)}; ${lt('warm loads', browser.warm.longTasks)}; ${lt('views', browser.longTasks.views)}; ${lt('filter changes', browser.longTasks.filters)}`);
		console.log(`browser cold load split: engine ${browser.cold.engineMs} ms, data ${browser.cold.dataMs} ms (Parquet decode ${browser.cold.decodeMs} ms, Arrow ingest ${browser.cold.ingestMs} ms)`);
		if (browser.errors.length) console.log(`browser errors:\n  ${browser.errors.slice(0, 20).join('\n  ')}`);
	}
	console.log(`wrote ${out.replace(ROOT + '/', '')} (${result.wallSeconds} s)`);
}

await main();
