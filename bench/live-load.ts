/**
 * Live-data load times (issues 4 and 16): a municipality's participants plus
 * 10k, 100k and 1M service rows, the same rows as CSV, Parquet and Arrow IPC
 * (stream), dropped on /data in headless Chromium against the built site.
 * Measures the check (in the check worker: parse + validate), the ingest
 * into DuckDB ("use accepted rows"), and the page's longest main-thread task
 * during each (PerformanceObserver 'longtask'; 0 = none over 50 ms).
 * Run: `npm run bench:live` after `npm run build` (SIZES=10000,100000 for a
 * shorter run). Writes bench/results/live-load.json.
 */
import { mkdtemp, writeFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import initParquet, { readParquet } from 'parquet-wasm/esm';
import { serveStatic } from '../tests/helpers/static-server';
import { launchBrowser, offlinePage, waitForData } from '../tests/helpers/browser';

const SIZES = (process.env.SIZES ?? '10000,100000,1000000').split(',').map(Number);
const PEOPLE = 1000;
const dir = await mkdtemp(join(tmpdir(), 'ib-live-'));

// Participants in Ogre (adults), and service rows spread over them and 15 months.
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(`CREATE TABLE participants AS SELECT
	printf('L%05d', i) AS participant_id, 'adult' AS cohort, 'pilot2_adults_2019' AS programme, 'OGRE_N' AS municipality_code,
	CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END AS sex, 1980 AS birth_year, 39 AS age_at_entry,
	DATE '2019-10-01' AS enrolled_on, DATE '2021-01-31' AS exited_on, 'completed' AS exit_reason,
	'alone' AS household_type, 'none' AS income_status, 'II' AS disability_group, 2 AS care_level, 'b' AS residence_type,
	false AS needs_natural_support, false AS needs_minor_child, false AS needs_mobility, false AS left_institution
	FROM range(${PEOPLE}) t(i)`);
await c.run(`COPY participants TO '${join(dir, 'participants.csv')}' (HEADER, DELIMITER ',')`);
const FORMATS = ['csv', 'parquet', 'arrow'] as const;
type Format = (typeof FORMATS)[number];
const files: Record<number, Record<Format, { path: string; bytes: number }>> = {};
await initParquet({ module_or_path: readFileSync(resolve(import.meta.dirname, '../node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm')) });
for (const n of SIZES) {
	await c.run(`CREATE OR REPLACE TABLE services AS SELECT
		printf('S%08d', i) AS event_id, printf('L%05d', i % ${PEOPLE}) AS participant_id, 'A_ASSIST' AS service_code,
		(DATE '2019-11-01' + to_months((i // ${PEOPLE}) % 15))::DATE AS month,
		(1 + i % 20)::DOUBLE AS units, 5.0 AS unit_price_eur, ((1 + i % 20) * 5.0)::DOUBLE AS cost_eur,
		'P-OGRE_N-MUN' AS provider_id, 'regulation' AS price_basis
		FROM range(${n}) t(i)`);
	const csv = join(dir, `services-${n}.csv`);
	const parquet = join(dir, `services-${n}.parquet`);
	await c.run(`COPY services TO '${csv}' (HEADER, DELIMITER ',')`);
	await c.run(`COPY services TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`);
	// the same rows as an Arrow IPC stream, in batches of 64k rows
	const arrow = join(dir, `services-${n}.arrows`);
	await writeFile(arrow, readParquet(new Uint8Array(readFileSync(parquet)), { batchSize: 65_536 }).intoIPCStream());
	files[n] = {
		csv: { path: csv, bytes: (await stat(csv)).size },
		parquet: { path: parquet, bytes: (await stat(parquet)).size },
		arrow: { path: arrow, bytes: (await stat(arrow)).size }
	};
}
c.closeSync();

const server = await serveStatic();
const browser = await launchBrowser();
type Result = { rows: number; format: Format; bytes: number; checkMs: number; ingestMs: number; totalMs: number; longestTaskCheckMs: number; longestTaskIngestMs: number; checkedIn: string };
const results: Result[] = [];
// Long tasks (over 50 ms) of the page's main thread, with their start on the page's clock.
const observeLongTasks = () => {
	const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
	w.__longTasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask', buffered: true });
};
const pageNow = (page: import('playwright-core').Page) => page.evaluate(() => performance.now());
const longest = (page: import('playwright-core').Page, from: number, to: number) =>
	page.evaluate(
		([a, b]) => Math.max(0, ...(window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= a && t.start < b).map((t) => Math.round(t.duration))),
		[from, to]
	);
for (const n of SIZES) {
	for (const format of FORMATS) {
		const { page, context } = await offlinePage(browser);
		await page.addInitScript(observeLongTasks);
		const workers: string[] = [];
		page.on('worker', (w) => workers.push(w.url()));
		await page.goto(server.url + '/data/');
		await waitForData(page, 180_000);
		// Participants first (accepted), then the services file alone, timed.
		await page.getByTestId('file-input').setInputFiles([join(dir, 'participants.csv')]);
		await page.getByTestId('use-accepted').waitFor({ timeout: 120_000 });
		await page.getByTestId('use-accepted').click();
		await page.getByTestId('live-counts').waitFor({ timeout: 120_000 });
		const p0 = await pageNow(page);
		const t0 = Date.now();
		await page.getByTestId('file-input').setInputFiles([files[n][format].path]);
		await page.locator('[data-testid="use-accepted"]:not([disabled])').waitFor({ timeout: 600_000 });
		const t1 = Date.now();
		const p1 = await pageNow(page);
		await page.getByTestId('use-accepted').click();
		await page.waitForFunction(
			(expected) => document.querySelector('[data-testid="live-counts"]')?.textContent?.replace(/\s/g, '').includes(`services${expected}`),
			new Intl.NumberFormat('lv-LV', { useGrouping: 'always' } as Intl.NumberFormatOptions).format(n).replace(/\s/g, ''),
			{ timeout: 600_000 }
		);
		const t2 = Date.now();
		const p2 = await pageNow(page);
		results.push({
			rows: n,
			format,
			bytes: files[n][format].bytes,
			checkMs: t1 - t0,
			ingestMs: t2 - t1,
			totalMs: t2 - t0,
			longestTaskCheckMs: await longest(page, p0, p1),
			longestTaskIngestMs: await longest(page, p1, p2),
			checkedIn: workers.some((u) => u.includes('check.worker')) ? 'worker' : 'page'
		});
		console.log(results.at(-1));
		await context.close();
	}
}
await browser.close();
await server.close();
// Parquet and Arrow check time against CSV's for the same rows (the bound: 1.5).
const ratios = SIZES.map((n) => {
	const csv = results.find((r) => r.rows === n && r.format === 'csv')!.checkMs;
	const of = (f: Format) => Math.round((results.find((r) => r.rows === n && r.format === f)!.checkMs / csv) * 100) / 100;
	return { rows: n, parquetVsCsv: of('parquet'), arrowVsCsv: of('arrow') };
});
console.table(ratios);
await writeFile(
	resolve(import.meta.dirname, 'results/live-load.json'),
	JSON.stringify({ date: new Date().toISOString(), people: PEOPLE, note: 'shared 2-core machine: timings are noisy', results, ratios }, null, 2) + '\n'
);
console.table(results);
