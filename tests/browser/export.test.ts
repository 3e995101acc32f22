/**
 * The researchers' export on the built site: prepare the pilot cohort's
 * export, download the files (playwright download events) and check them
 * independently — the CSV parsed here, the Parquet read by native DuckDB —
 * for k ≥ 5 on the quasi-identifiers the page states, and for the absence of
 * every raw participant id. The browser's bytes must equal the Node export of
 * the same settings and key.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../helpers/static-server';
import { launchBrowser, offlinePage, waitForData, plain } from '../helpers/browser';
import { openPilotEngine, PILOT_DIR } from '../helpers/engine';
import { parseCsv } from '../helpers/csv-parse';
import { DEFAULT_FILTERS } from '../../src/lib/filters/filters';
import { assembleExport } from '../../src/lib/export/cohort/assemble';
import { fetchExportData } from '../../src/lib/export/cohort/query';
import { serialiseExport } from '../../src/lib/export/cohort/serialise';
import { defaultSettings } from '../../src/lib/export/cohort/settings';

const KEY = 'browser-test-key-0123456789';

let server: StaticServer;
let browser: Browser;
let ids: string[];

beforeAll(async () => {
	server = await serveStatic();
	browser = await launchBrowser();
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	ids = (await c.runAndReadAll(`SELECT participant_id AS id FROM read_parquet('${resolve(PILOT_DIR, 'participants.parquet')}') ORDER BY 1`))
		.getRowObjects()
		.map((r) => String(r.id));
	c.closeSync();
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
});

async function downloadBytes(page: Page, testid: string): Promise<{ name: string; bytes: Buffer; path: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
	const path = await download.path();
	return { name: download.suggestedFilename(), bytes: await readFile(path), path };
}

function containsAny(bytes: Buffer, needles: string[]): string[] {
	return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')));
}

describe('export view', () => {
	it('exports the pilot children anonymised: k ≥ 5 on the stated quasi-identifiers, no raw ids, same bytes as the library in Node', async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await page.goto(server.url + '/export/');
		await waitForData(page);
		await expect(page.getByTestId('export-prepare').isDisabled()).resolves.toBe(true);
		await page.getByTestId('export-key').fill(KEY);
		await page.getByTestId('export-prepare').click();
		await page.getByTestId('export-report').waitFor();

		const selected = Number(plain(await page.getByTestId('export-selected').textContent()).replace(/\s/g, ''));
		expect(selected).toBe(102);
		const smallest = Number(plain(await page.getByTestId('export-smallest-class').textContent()));
		expect(smallest).toBeGreaterThanOrEqual(5);
		const qiColumns = (await page.getByTestId('export-qi-column').allTextContents()).map((s) => s.trim());
		expect(qiColumns).toEqual(['sex', 'age_band', 'region']);

		// CSV: parsed here
		const csv = await downloadBytes(page, 'export-download-participants-csv');
		expect(csv.name).toBe('ib-outcomes-child-participants.csv');
		const rows = parseCsv(csv.bytes.toString('utf8'));
		const header = rows[0];
		const body = rows.slice(1);
		const exported = Number(plain(await page.getByTestId('export-exported').textContent()).replace(/\s/g, ''));
		expect(body.length).toBe(exported);
		const classes = new Map<string, number>();
		for (const r of body) {
			const k = JSON.stringify(qiColumns.map((c) => r[header.indexOf(c)]));
			classes.set(k, (classes.get(k) ?? 0) + 1);
		}
		expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(5);
		expect(Math.min(...classes.values())).toBe(smallest);
		expect(header).not.toContain('participant_id');
		expect(containsAny(csv.bytes, ids)).toEqual([]);
		expect(containsAny(csv.bytes, [KEY])).toEqual([]);

		// Parquet: read by native DuckDB
		const pq = await downloadBytes(page, 'export-download-participants-parquet');
		expect(pq.bytes.subarray(0, 4).toString()).toBe('PAR1');
		expect(containsAny(pq.bytes, ids)).toEqual([]);
		const db = await DuckDBInstance.create(':memory:');
		const c = await db.connect();
		const cols = qiColumns.map((q) => `"${q}"`).join(', ');
		const agg = (
			await c.runAndReadAll(
				`SELECT min(n)::INTEGER AS k, sum(n)::INTEGER AS rows FROM (SELECT ${cols}, count(*) AS n FROM read_parquet('${pq.path}') GROUP BY ALL)`
			)
		).getRowObjects()[0];
		expect(agg.rows).toBe(exported);
		expect(agg.k).toBe(smallest);
		const sums = (await c.runAndReadAll(`SELECT sum(goals_score)::DOUBLE AS score, sum(goals_n)::INTEGER AS goals FROM read_parquet('${pq.path}')`)).getRowObjects()[0];
		if (exported === 102) expect(sums).toEqual({ score: 402, goals: 536 });
		c.closeSync();

		// Manifest and codebook
		const manifest = JSON.parse((await downloadBytes(page, 'export-download-manifest-json')).bytes.toString('utf8'));
		expect(manifest.k_anonymity.k_achieved).toBe(smallest);
		expect(manifest.quasi_identifiers.map((q: { column: string }) => q.column)).toEqual(qiColumns);
		expect(manifest.software_version).toMatch(/^\d+\.\d+\.\d+/);
		expect(manifest.pseudonym.key_included).toBe(false);
		const codebook = (await downloadBytes(page, 'export-download-codebook-md')).bytes;
		expect(codebook.toString('utf8')).toContain('`pseudonym`');
		expect(containsAny(codebook, ids)).toEqual([]);

		// Same settings and key in Node → the same bytes
		const node = await openPilotEngine();
		try {
			const filters = { ...DEFAULT_FILTERS, cohort: 'child' as const };
			const files = await serialiseExport(await assembleExport(await fetchExportData(node.engine, filters), defaultSettings(filters), KEY), {
				softwareVersion: manifest.software_version,
				datasetName: manifest.dataset,
				exportedOn: manifest.exported_on
			});
			expect(Buffer.from(files.find((f) => f.name === csv.name)!.bytes).equals(csv.bytes)).toBe(true);
			expect(Buffer.from(files.find((f) => f.name === pq.name)!.bytes).equals(pq.bytes)).toBe(true);
		} finally {
			await node.close();
		}

		// Preparing again gives the same CSV; another key gives other pseudonyms
		await page.getByTestId('export-prepare').click();
		await page.getByTestId('export-download-participants-csv').waitFor();
		expect((await downloadBytes(page, 'export-download-participants-csv')).bytes.equals(csv.bytes)).toBe(true);
		await page.getByTestId('export-generate-key').click();
		await page.getByTestId('export-stale').waitFor();
		await page.getByTestId('export-prepare').click();
		await page.waitForFunction(() => !document.querySelector('[data-testid="export-stale"]'));
		const other = parseCsv((await downloadBytes(page, 'export-download-participants-csv')).bytes.toString('utf8'));
		const mine = new Set(body.map((r) => r[0]));
		expect(other.slice(1).filter((r) => mine.has(r[0]))).toEqual([]);

		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('adults with municipality as a quasi-identifier: generalised or suppressed until k ≥ 5, long assessments file linked by pseudonym', async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await page.goto(server.url + '/export/?cohort=adult');
		await waitForData(page);
		await page.getByTestId('export-key').fill(KEY);
		await page.getByTestId('export-place-level').selectOption('0');
		await page.getByTestId('export-layout-long').check();
		await page.getByTestId('export-prepare').click();
		await page.getByTestId('export-report').waitFor();
		const qiColumns = (await page.getByTestId('export-qi-column').allTextContents()).map((s) => s.trim());
		const csv = await downloadBytes(page, 'export-download-participants-csv');
		expect(csv.name).toBe('ib-outcomes-adult-participants.csv');
		const rows = parseCsv(csv.bytes.toString('utf8'));
		const header = rows[0];
		expect(header).toContain('employment_followup');
		const classes = new Map<string, number>();
		for (const r of rows.slice(1)) {
			const k = JSON.stringify(qiColumns.map((c) => r[header.indexOf(c)]));
			classes.set(k, (classes.get(k) ?? 0) + 1);
		}
		expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(5);
		expect(containsAny(csv.bytes, ids)).toEqual([]);
		const long = parseCsv((await downloadBytes(page, 'export-download-assessments-csv')).bytes.toString('utf8'));
		expect(long[0].slice(0, 3)).toEqual(['pseudonym', 'instrument', 'informant']);
		const people = new Set(rows.slice(1).map((r) => r[0]));
		expect(long.slice(1).every((r) => people.has(r[0]))).toBe(true);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
