/**
 * The published site (npm run publish on the pilot data): only released
 * results, no engine, no microdata; figures in the prerendered HTML; filters
 * switch between released selections; offline. And the workbench build's
 * raw HTML carries its pilot figures too.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, offlinePage, plain } from '../helpers/browser';
import { serveStatic, BUILD_DIR, type StaticServer } from '../helpers/static-server';
import { PILOT_DIR } from '../helpers/engine';
import { publish } from '../../scripts/publish';
import { scanPublished } from '../../src/lib/publish/scan';

let out = '';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	out = join(await mkdtemp(join(tmpdir(), 'ib-published-')), 'site');
	await publish(PILOT_DIR, out);
	server = await serveStatic(out);
	browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
	await browser?.close();
	await server?.close();
	if (out) await rm(join(out, '..'), { recursive: true, force: true });
});

/** The visible text of a prerendered HTML file, without scripts. */
async function htmlText(dir: string, path: string): Promise<string> {
	const html = await readFile(join(dir, path, 'index.html'), 'utf8');
	return plain(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' '));
}

describe('published site from the pilot data', () => {
	it('holds no participant id and no row-level file (the microdata scan)', async () => {
		const ids = [...Array.from({ length: 102 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`), ...Array.from({ length: 103 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`)];
		expect(await scanPublished(out, ids)).toEqual([]);
		const files = await readdir(out, { recursive: true });
		expect(files.filter((f) => /\.(parquet|duckdb|arrow|wasm|csv|xlsx)$/.test(f))).toEqual([]);
	});

	it('carries the figures in the raw HTML of /, /goals, /costs and /municipalities', async () => {
		expect(await htmlText(out, '')).toContain('704 953 €');
		expect(await htmlText(out, 'goals')).toMatch(/75% \(402 no 536/);
		expect(await htmlText(out, 'costs')).toContain('6 911,30 €');
		expect(await htmlText(out, 'municipalities')).toContain('6 911,30');
	});

	it('shows released results offline, says it is the published site, switches filters, fetches no engine or data', async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		await page.goto(server.url + '/costs/');
		await page.getByTestId('cost-total').waitFor();
		await page.locator('html[data-hydrated]').waitFor();
		expect(plain(await page.getByTestId('cost-total').textContent())).toBe('704 952,80 €');
		expect(await page.getByTestId('site-mode').getAttribute('data-mode')).toBe('published');
		expect(plain(await page.getByTestId('site-mode').textContent())).toContain('Publicētie rezultāti');
		await page.getByTestId('filter-cohort').selectOption('adult');
		await page.waitForURL(/cohort=adult/);
		await expect.poll(() => page.getByTestId('cost-total').textContent().then(plain), { timeout: 10_000 }).toBe('770 615,00 €');
		// A selection the plan hides in the published site is refused as in the workbench.
		// Switching between released selections is a lookup in the already fetched results.
		await page.getByTestId('filter-sex').selectOption('F');
		await page.waitForURL(/sex=F/);
		await expect.poll(() => page.getByTestId('cost-total').textContent().then(plain)).not.toBe('770 615,00 €');
		await page.goto(server.url + '/costs/?mun=LIEPAJA_C&sex=F');
		await page.getByTestId('disclosure-gate').waitFor();
		expect(plain(await page.locator('main').textContent())).not.toMatch(/\d €/);
		// The workbench-only parts say so.
		await page.goto(server.url + '/data/');
		await page.getByTestId('workbench-only').waitFor();
		expect(requested.filter((p) => /\.(wasm|parquet|duckdb)$/.test(p))).toEqual([]);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('municipality pages of the published site', () => {
	it('are prerendered for every municipality and show its released figures beside the cohort\'s, with no engine', async () => {
		expect((await readdir(join(out, 'municipalities'))).filter((d) => /^[A-Z]/.test(d)).length).toBe(13);
		// The cohort's figures are in the raw HTML; the municipality's are read from the released results.
		expect(await htmlText(out, 'municipalities/JELGAVA_C')).toContain('Jelgavas pilsēta');
		const { page, context, blocked, errors } = await offlinePage(browser);
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		await page.goto(server.url + '/municipalities/JELGAVA_C/');
		await page.locator('[data-testid="profile-child"][data-state="ready"]').waitFor();
		await page.locator('[data-testid="profile-adult"][data-state="ready"]').waitFor();
		const rows = async (testid: string) =>
			page.getByTestId(testid).evaluate((el) => [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim())));
		// The same figures as the workbench shows (tests/browser/municipality-page.test.ts).
		expect(await rows('profile-child-municipalities')).toContainEqual(['Dalībnieki', '11', '102']);
		expect(await rows('profile-child-goals')).toContainEqual(['Mērķu sasniegšana, visas jomas', '–', '75%']);
		expect(await rows('profile-child-costs')).toContainEqual(['Kopā: uz dalībnieku', '6 267,16 €', '6 911,30 €']);
		expect(requested.filter((p) => /\.(wasm|parquet|duckdb)$/.test(p))).toEqual([]);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('workbench build (npm run build)', () => {
	it('carries the pilot figures in the raw HTML of /, /goals, /costs and /municipalities', async () => {
		expect(await htmlText(BUILD_DIR, '')).toContain('704 953 €');
		expect(await htmlText(BUILD_DIR, 'goals')).toMatch(/75% \(402 no 536/);
		expect(await htmlText(BUILD_DIR, 'costs')).toContain('6 911,30 €');
		expect(await htmlText(BUILD_DIR, 'municipalities')).toContain('6 911,30');
	});
});

describe('microdata scan', () => {
	it('finds a participant id in any file, and row-level files by their content', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'ib-scan-'));
		await writeFile(join(dir, 'a.js'), 'const x = "see C001 here";');
		await writeFile(join(dir, 'ok.js'), 'const y = "C0012 and xC001y are other tokens";');
		await writeFile(join(dir, 'rows.bin'), Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(20), Buffer.from('PAR1')]));
		const found = await scanPublished(dir, ['C001']);
		expect(found).toEqual([
			{ file: 'a.js', what: 'participant id C001' },
			{ file: 'rows.bin', what: 'a Parquet file' }
		]);
		await rm(dir, { recursive: true, force: true });
	});
});
