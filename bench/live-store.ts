/**
 * Stored live files (issue 16 part 1): what keeping accepted uploads in OPFS
 * costs. A municipality's 1,000 participants plus 10k / 100k service rows (CSV)
 * are accepted on /data in headless Chromium against the built site, then the
 * goals page is opened. Measures the start-up restore step with nothing stored and
 * with the files stored (`ib-restore-stored`, performance.measure in
 * db/persist/live.ts), accepting (ingest + store), and the storage used.
 * Run: `npm run build` then `npx tsx bench/live-store.ts` (SIZES=10000,100000).
 * Writes bench/results/live-store.json.
 */
import { mkdtemp, writeFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { serveStatic } from '../tests/helpers/static-server';
import { launchBrowser, offlinePage, waitForData } from '../tests/helpers/browser';
import type { Page } from 'playwright-core';

const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const PEOPLE = 1000;
const dir = await mkdtemp(join(tmpdir(), 'ib-store-'));

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
const files: Record<number, { csv: string; bytes: number }> = {};
for (const n of SIZES) {
	await c.run(`CREATE OR REPLACE TABLE services AS SELECT
		printf('S%08d', i) AS event_id, printf('L%05d', i % ${PEOPLE}) AS participant_id, 'A_ASSIST' AS service_code,
		(DATE '2019-11-01' + to_months((i // ${PEOPLE}) % 15))::DATE AS month,
		(1 + i % 20)::DOUBLE AS units, 5.0 AS unit_price_eur, ((1 + i % 20) * 5.0)::DOUBLE AS cost_eur,
		'P-OGRE_N-MUN' AS provider_id, 'regulation' AS price_basis
		FROM range(${n}) t(i)`);
	const csv = join(dir, `services-${n}.csv`);
	await c.run(`COPY services TO '${csv}' (HEADER, DELIMITER ',')`);
	files[n] = { csv, bytes: (await stat(csv)).size };
}
c.closeSync();

const restoreMs = (page: Page) =>
	page.evaluate(() => (performance.getEntriesByName('ib-restore-stored')[0] as PerformanceMeasure | undefined)?.duration ?? null);
const opfsBytes = (page: Page) =>
	page.evaluate(async () => {
		const d = await (await navigator.storage.getDirectory()).getDirectoryHandle('ib-live-files');
		let total = 0;
		for await (const h of (d as unknown as { values(): AsyncIterable<FileSystemFileHandle> }).values()) total += (await h.getFile()).size;
		return total;
	});

const server = await serveStatic();
const browser = await launchBrowser();
const results: Record<string, unknown>[] = [];
for (const n of SIZES) {
	const { page, context } = await offlinePage(browser);
	// Restore timings on a figures page (/data opens the store itself while the engine starts).
	await page.goto(server.url + '/goals/');
	await waitForData(page, 180_000);
	const emptyRestoreMs = await restoreMs(page);
	await page.goto(server.url + '/data/');
	await waitForData(page, 180_000);
	await page.getByTestId('file-input').setInputFiles([join(dir, 'participants.csv'), files[n].csv]);
	await page.locator('[data-testid="use-accepted"]:not([disabled])').waitFor({ timeout: 600_000 });
	const t1 = Date.now();
	await page.getByTestId('use-accepted').click();
	await page.getByTestId('stored-list').waitFor({ timeout: 600_000 });
	const acceptMs = Date.now() - t1;
	const stored = await opfsBytes(page);
	const t2 = Date.now();
	await page.goto(server.url + '/goals/');
	await waitForData(page, 600_000);
	const reloadToReadyMs = Date.now() - t2;
	const restoredMs = await restoreMs(page);
	results.push({ serviceRows: n, csvBytes: files[n].bytes, storedBytes: stored, emptyRestoreMs, acceptAndStoreMs: acceptMs, restoreMs: restoredMs, reloadToReadyMs });
	console.log(results.at(-1));
	await context.close();
}
await browser.close();
await server.close();
await writeFile(resolve(import.meta.dirname, 'results/live-store.json'), JSON.stringify({ date: new Date().toISOString(), people: PEOPLE, results }, null, 2) + '\n');
console.table(results);
