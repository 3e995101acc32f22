/**
 * Live-data load times (issue 4): a municipality's participants plus 10k,
 * 100k and 1M service rows, as CSV and as Parquet, dropped on /data in
 * headless Chromium against the built site. Measures the in-browser check
 * (parse + validate) and the ingest into DuckDB ("use accepted rows").
 * Run: `npm run bench:live` after `npm run build`. Writes bench/results/live-load.json.
 */
import { mkdtemp, writeFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
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
const files: Record<string, { csv: string; parquet: string; csvBytes: number; parquetBytes: number }> = {};
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
	files[n] = { csv, parquet, csvBytes: (await stat(csv)).size, parquetBytes: (await stat(parquet)).size };
}
c.closeSync();

const server = await serveStatic();
const browser = await launchBrowser();
const results: { rows: number; format: string; bytes: number; checkMs: number; ingestMs: number; totalMs: number }[] = [];
for (const n of SIZES) {
	for (const format of ['csv', 'parquet'] as const) {
		const { page, context } = await offlinePage(browser);
		await page.goto(server.url + '/data/');
		await waitForData(page, 180_000);
		// Participants first (accepted), then the services file alone, timed.
		await page.getByTestId('file-input').setInputFiles([join(dir, 'participants.csv')]);
		await page.getByTestId('use-accepted').waitFor({ timeout: 120_000 });
		await page.getByTestId('use-accepted').click();
		await page.getByTestId('live-counts').waitFor({ timeout: 120_000 });
		const t0 = Date.now();
		await page.getByTestId('file-input').setInputFiles([files[n][format]]);
		await page.locator('[data-testid="use-accepted"]:not([disabled])').waitFor({ timeout: 600_000 });
		const t1 = Date.now();
		await page.getByTestId('use-accepted').click();
		await page.waitForFunction(
			(expected) => document.querySelector('[data-testid="live-counts"]')?.textContent?.replace(/\s/g, '').includes(`services${expected}`),
			new Intl.NumberFormat('lv-LV', { useGrouping: 'always' } as Intl.NumberFormatOptions).format(n).replace(/\s/g, ''),
			{ timeout: 600_000 }
		);
		const t2 = Date.now();
		results.push({ rows: n, format, bytes: format === 'csv' ? files[n].csvBytes : files[n].parquetBytes, checkMs: t1 - t0, ingestMs: t2 - t1, totalMs: t2 - t0 });
		console.log(results.at(-1));
		await context.close();
	}
}
await browser.close();
await server.close();
await writeFile(resolve(import.meta.dirname, 'results/live-load.json'), JSON.stringify({ date: new Date().toISOString(), people: PEOPLE, results }, null, 2) + '\n');
console.table(results);
