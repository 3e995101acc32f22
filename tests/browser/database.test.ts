/**
 * A dataset published with a packed DuckDB database file (data/pack.ts),
 * opened by `?data=`: the browser attaches the file (no Parquet fetched or
 * decoded) and shows the same figures; a reload shows this browser's saved
 * overview of the same data first, then the engine's.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';
import { BUILD_DIR } from '../helpers/static-server';
import { PILOT_DIR } from '../helpers/engine';
import { packDataset } from '../../data/pack';

const site = useBuiltSite();
const dirName = `test-db-${process.pid}-${Date.now()}`;
const dataDir = join(BUILD_DIR, dirName);

beforeAll(async () => {
	await cp(PILOT_DIR, dataDir, { recursive: true });
	await packDataset(dataDir);
}, 60_000);
afterAll(async () => {
	await rm(dataDir, { recursive: true, force: true });
});

describe('dataset as one DuckDB database file (?data=)', () => {
	it('attaches the file instead of fetching Parquet, with the pilot figures', async () => {
		const { page, context, blocked, errors } = await offlinePage(site.browser);
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		const manifest = `${site.url}/${dirName}/manifest.json`;
		await page.goto(`${site.url}/?data=${encodeURIComponent(manifest)}`);
		await waitForData(page);
		await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor();
		expect(plain(await page.getByTestId('participants-child').textContent())).toBe('102');
		expect(plain(await page.getByTestId('participants-adult').textContent())).toBe('103');
		expect(plain(await page.getByTestId('cost-child').textContent())).toBe('704 953 €');
		expect(plain(await page.getByTestId('cost-adult').textContent())).toBe('770 615 €');
		expect(requested.filter((p) => p.startsWith(`/${dirName}/`)).sort()).toEqual([`/${dirName}/dataset.duckdb`, `/${dirName}/manifest.json`]);
		const load = (await page.evaluate(() => (globalThis as { __ibLoad?: { database: unknown } }).__ibLoad)) as { database: { path: string; bytes: number } };
		expect(load.database.path).toBe('dataset.duckdb');
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('on a reload shows the saved overview of the same data first, then the engine’s, with the same numbers', async () => {
		const { page, context, errors } = await offlinePage(site.browser);
		const manifest = `${site.url}/${dirName}/manifest.json`;
		await page.goto(`${site.url}/?data=${encodeURIComponent(manifest)}`);
		await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: 90_000 });
		const fromEngine = plain(await page.getByTestId('overview-cards').textContent());
		await page.reload({ waitUntil: 'commit' });
		await page.locator('[data-testid="overview-cards"][data-result="saved"]').waitFor({ timeout: 90_000 });
		expect(await page.getByTestId('overview-saved').isVisible()).toBe(true);
		// Keyed as soon as the file's response was recalled as verified before (db/recall.ts), not after its hash.
		expect(await page.evaluate(() => performance.getEntriesByName('ib:saved-results-recalled').length)).toBe(1);
		expect(plain(await page.getByTestId('overview-cards').textContent())).toBe(fromEngine);
		await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: 90_000 });
		expect(plain(await page.getByTestId('overview-cards').textContent())).toBe(fromEngine);
		expect(await page.getByTestId('overview-saved').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
