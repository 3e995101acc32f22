/**
 * The researchers' export on the built site: prepare the pilot cohort's
 * default export (a fresh key, nothing to type), download the files
 * (playwright download events) and check them independently — the CSV parsed
 * here, the Parquet read by native DuckDB — for k ≥ 5 on ALL released
 * background columns together, rounded costs, and the absence of every raw
 * participant id. With an own key the browser's bytes must equal the Node
 * export of the same settings and key. A second export whose selection
 * overlaps the first is warned about; k below the floor cannot be set.
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
import { backgroundColumns } from '../unit/export/cohort/attack';
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

const count = async (page: Page, testid: string) => Number(plain(await page.getByTestId(testid).textContent()).replace(/\s/g, ''));

/** Smallest class of the CSV on every background column (found by name, not from the page). */
function smallestOnBackground(rows: string[][]): number {
	const header = rows[0];
	const idx = backgroundColumns(header).map((c) => header.indexOf(c));
	const classes = new Map<string, number>();
	for (const r of rows.slice(1)) {
		const k = JSON.stringify(idx.map((i) => r[i]));
		classes.set(k, (classes.get(k) ?? 0) + 1);
	}
	return Math.min(...classes.values());
}

/** Prepare an export and wait for this one (the form counts prepared exports in data-runs). */
async function prepare(page: Page) {
	const form = page.getByTestId('export-form');
	const before = Number(await form.getAttribute('data-runs'));
	await page.getByTestId('export-prepare').click();
	await page.waitForFunction((n) => Number(document.querySelector('[data-testid="export-form"]')?.getAttribute('data-runs')) > n, before);
	await page.getByTestId('export-report').waitFor();
}

describe('export view', () => {
	it('exports the pilot children safe by default: fresh key, k ≥ 5 on all background columns, rounded costs, no raw ids; an own key gives the Node bytes', async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await page.goto(server.url + '/export/');
		await waitForData(page);
		// The method note is on the page (lv first), and nothing must be typed: a fresh key per export is the default.
		expect(plain(await page.getByTestId('export-method').textContent())).toContain('k = 5');
		await expect(page.getByTestId('export-key-fresh').isChecked()).resolves.toBe(true);
		await expect(page.getByTestId('export-prepare').isDisabled()).resolves.toBe(false);
		await prepare(page);

		expect(await count(page, 'export-selected')).toBe(102);
		expect(await count(page, 'export-exported')).toBe(98);
		expect(await count(page, 'export-suppressed-k')).toBe(4);
		const smallest = await count(page, 'export-smallest-class');
		expect(smallest).toBeGreaterThanOrEqual(5);
		expect(plain(await page.getByTestId('export-risk').textContent())).toMatch(/0,200/);

		const csv = await downloadBytes(page, 'export-download-participants-csv');
		expect(csv.name).toBe('ib-outcomes-child-participants.csv');
		const rows = parseCsv(csv.bytes.toString('utf8'));
		const header = rows[0];
		const body = rows.slice(1);
		expect(body.length).toBe(98);
		const qiColumns = (await page.getByTestId('export-qi-column').allTextContents()).map((s) => s.trim());
		expect([...qiColumns].sort()).toEqual([...backgroundColumns(header)].sort());
		expect(qiColumns.length).toBe(14);
		expect(smallestOnBackground(rows)).toBe(smallest);
		for (const c of header.filter((h) => /^cost_.*_eur$/.test(h))) for (const r of body) expect(Number(r[header.indexOf(c)]) % 100).toBe(0);
		expect(header).not.toContain('participant_id');
		expect(containsAny(csv.bytes, ids)).toEqual([]);

		// Parquet: read by native DuckDB, on all background columns
		const pq = await downloadBytes(page, 'export-download-participants-parquet');
		expect(pq.bytes.subarray(0, 4).toString()).toBe('PAR1');
		expect(containsAny(pq.bytes, ids)).toEqual([]);
		const db = await DuckDBInstance.create(':memory:');
		const c = await db.connect();
		const cols = backgroundColumns(header).map((q) => `"${q}"`).join(', ');
		const agg = (await c.runAndReadAll(`SELECT min(n)::INTEGER AS k, sum(n)::INTEGER AS rows FROM (SELECT ${cols}, count(*) AS n FROM read_parquet('${pq.path}') GROUP BY ALL)`)).getRowObjects()[0];
		expect(agg).toEqual({ k: smallest, rows: 98 });
		c.closeSync();

		// Manifest and codebook: the key is neither there nor anywhere; the method note in both languages
		const manifest = JSON.parse((await downloadBytes(page, 'export-download-manifest-json')).bytes.toString('utf8'));
		expect(manifest.k_anonymity.k_achieved).toBe(smallest);
		expect(manifest.pseudonym.key_included).toBe(false);
		expect(manifest.pseudonym.key_source).toMatch(/^fresh random key/);
		expect(manifest.settings).toMatchObject({ k: 5, risk_cap: 0.2, cost_rounding_eur: 100 });
		const codebook = (await downloadBytes(page, 'export-download-codebook-md')).bytes.toString('utf8');
		expect(codebook).toContain('## Metode / Method');
		expect(codebook).toContain('quasi-identifiers');
		expect(codebook).toContain('kvaziidentifikatori');

		// Preparing again with a fresh key: other pseudonyms, the same data
		await prepare(page);
		const again = parseCsv((await downloadBytes(page, 'export-download-participants-csv')).bytes.toString('utf8'));
		const mine = new Set(body.map((r) => r[0]));
		expect(again.slice(1).filter((r) => mine.has(r[0]))).toEqual([]);
		const strip = (rs: string[][]) => rs.map((r) => r.slice(1).join(',')).sort();
		expect(strip(again.slice(1))).toEqual(strip(body));

		// An own key, on purpose: the page says what reusing it means, and the bytes equal Node's
		await page.getByTestId('export-key-own').check();
		await expect(page.getByTestId('export-prepare').isDisabled()).resolves.toBe(true);
		expect(plain(await page.locator('#export-key-hint').textContent())).toMatch(/pseidonīms/);
		await page.getByTestId('export-key').fill(KEY);
		await prepare(page);
		const own = await downloadBytes(page, 'export-download-participants-csv');
		const ownManifest = JSON.parse((await downloadBytes(page, 'export-download-manifest-json')).bytes.toString('utf8'));
		const node = await openPilotEngine();
		try {
			const filters = { ...DEFAULT_FILTERS, cohort: 'child' as const };
			const files = await serialiseExport(await assembleExport(await fetchExportData(node.engine, filters), defaultSettings(filters), KEY), {
				softwareVersion: ownManifest.software_version,
				datasetName: ownManifest.dataset,
				exportedOn: ownManifest.exported_on
			});
			expect(Buffer.from(files.find((f) => f.name === own.name)!.bytes).equals(own.bytes)).toBe(true);
		} finally {
			await node.close();
		}
		expect(containsAny(own.bytes, [KEY])).toEqual([]);

		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('warns when a selection overlaps one exported earlier in the session; a region selection releases no cut class; k cannot go below 5', async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await context.addInitScript(() => localStorage.setItem('ib-outcomes.lang', 'en'));
		await page.goto(server.url + '/export/');
		await waitForData(page);
		await prepare(page);
		const warnings = page.getByTestId('export-overlap');
		const words = (x: string | null) => plain(x).replace(/\s+/g, ' ');
		await expect(warnings.count()).resolves.toBe(0);
		await downloadBytes(page, 'export-download-participants-csv');

		// Same session, sex = F: overlaps the whole cohort exported above, with the same settings
		await page.goto(server.url + '/export/?sex=F');
		await waitForData(page);
		await prepare(page);
		await expect(warnings.count()).resolves.toBe(1);
		expect(words(await warnings.first().textContent())).toMatch(/47 participants.*can be matched and subtracted.*same anonymisation settings/);
		expect(await count(page, 'export-suppressed-selection')).toBe(0);

		// k = 1: the form refuses it (min 5, the browser will not submit); settingsFromForm and assembleExport
		// would raise it to 5 anyway (unit tests), so the export in hand still stands for k 5.
		await page.getByTestId('export-k').fill('1');
		await expect(page.getByTestId('export-k').evaluate((el) => (el as HTMLInputElement).validity.rangeUnderflow)).resolves.toBe(true);
		const runs = await page.getByTestId('export-form').getAttribute('data-runs');
		await page.getByTestId('export-prepare').click();
		await page.waitForTimeout(500);
		expect(await page.getByTestId('export-form').getAttribute('data-runs')).toBe(runs);
		const manifest = JSON.parse((await downloadBytes(page, 'export-download-manifest-json')).bytes.toString('utf8'));
		expect(manifest.settings.k).toBe(5);
		expect(manifest.k_anonymity.k_achieved).toBeGreaterThanOrEqual(5);

		// Other settings for overlapping selections (the whole cohort and this sex = F, both downloaded): warned that combining can break k
		await page.getByTestId('export-k').fill('6');
		await prepare(page);
		const texts = (await warnings.allTextContents()).map(words);
		expect(texts.length).toBe(2);
		for (const x of texts) expect(x).toMatch(/can be matched and subtracted.*settings differ/);

		// A region cuts the classes of the whole cohort (region is not kept by default): nothing is released, and the page says why
		await page.goto(server.url + '/export/?region=Zemgale');
		await waitForData(page);
		await prepare(page);
		expect(await count(page, 'export-exported')).toBe(0);
		expect(await count(page, 'export-suppressed-selection')).toBe(31);
		await page.getByTestId('export-selection-cut').waitFor();
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('adults with municipality allowed and the long layout: k ≥ 5 on all background columns, assessments linked by pseudonym', async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await page.goto(server.url + '/export/?cohort=adult');
		await waitForData(page);
		await page.getByTestId('export-place-level').selectOption('0');
		await page.getByTestId('export-layout-long').check();
		await prepare(page);
		const csv = await downloadBytes(page, 'export-download-participants-csv');
		expect(csv.name).toBe('ib-outcomes-adult-participants.csv');
		const rows = parseCsv(csv.bytes.toString('utf8'));
		const header = rows[0];
		expect(header).toContain('employment_followup');
		expect(header).toContain('care_level');
		expect(smallestOnBackground(rows)).toBeGreaterThanOrEqual(5);
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
