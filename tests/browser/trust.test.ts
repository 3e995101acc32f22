/**
 * Data from sources you can trust (issue 16, part 5), in the built site:
 * - the pilot loads, queries run and charts render with the site's
 *   Content-Security-Policy, and no violation is reported;
 * - a crafted `?data=` link (the pilot's sha256s claimed, ten-fold costs in the
 *   file) is refused on the sha256 mismatch and cannot poison the saved results;
 *   the same data without sha256s load but are never saved;
 * - a link to another origin asks first (nothing is fetched before "load") and
 *   is never shown as the site's own data; `data:` manifests are refused;
 * - a packed database file with one altered byte is refused with the same
 *   message, and nothing of it is used or saved; altered in place with its
 *   validators kept, a reload's early saved figures (db/recall.ts) are withdrawn;
 * - after DuckDB is locked, a second `?data=` database file still attaches.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cp, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';
import { BUILD_DIR, serveStatic, type StaticServer } from '../helpers/static-server';
import { PILOT_DIR } from '../helpers/engine';
import { packDataset } from '../../data/pack';

const site = useBuiltSite();
const stamp = `${process.pid}-${Date.now()}`;
/** Same-origin crafted datasets (in the served build folder) and a packed copy of the pilot. */
const claimed = `test-trust-claimed-${stamp}`;
const unsigned = `test-trust-unsigned-${stamp}`;
const packed = `test-trust-packed-${stamp}`;
const tampered = `test-trust-tampered-${stamp}`;
const swapped = `test-trust-swapped-${stamp}`;
/** The swapped file's modification time (s): restored exactly after the change, so its validators stay the same. */
const SWAPPED_TIME = 1_780_000_000;
let foreignDir: string;
let foreign: StaticServer;

/** The pilot with every service cost ten-fold, under `dir`; the manifest as `edit` makes it. */
async function tenFold(dir: string, edit: (m: { tables: Record<string, { sha256?: string }> } & Record<string, unknown>) => void): Promise<void> {
	await cp(PILOT_DIR, dir, { recursive: true });
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const src = join(PILOT_DIR, 'services.parquet').replaceAll("'", "''");
	const out = join(dir, 'services.parquet').replaceAll("'", "''");
	await conn.run(`COPY (SELECT * REPLACE (cost_eur * 10 AS cost_eur) FROM read_parquet('${src}')) TO '${out}' (FORMAT parquet)`);
	conn.closeSync();
	const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
	edit(manifest);
	await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
}

beforeAll(async () => {
	// Claims the pilot's sha256s (as the manifest it was copied from) and its name, "synthetic" and all.
	await tenFold(join(BUILD_DIR, claimed), () => {});
	await tenFold(join(BUILD_DIR, unsigned), (m) => {
		for (const spec of Object.values(m.tables)) delete spec.sha256;
	});
	await cp(PILOT_DIR, join(BUILD_DIR, packed), { recursive: true });
	await packDataset(join(BUILD_DIR, packed));
	// The packed pilot with one byte of its database file changed; the manifest still claims the original sha256.
	await cp(join(BUILD_DIR, packed), join(BUILD_DIR, tampered), { recursive: true });
	await cp(join(BUILD_DIR, packed), join(BUILD_DIR, swapped), { recursive: true });
	await utimes(join(BUILD_DIR, swapped, 'dataset.duckdb'), SWAPPED_TIME, SWAPPED_TIME);
	const file = join(BUILD_DIR, tampered, 'dataset.duckdb');
	const bytes = await readFile(file);
	bytes[bytes.length - 100] ^= 0x01;
	await writeFile(file, bytes);
	foreignDir = await mkdtemp(join(tmpdir(), 'ib-trust-foreign-'));
	await tenFold(foreignDir, (m) => {
		m.name = 'Official national data';
		m.name_lv = 'Oficiālie valsts dati';
	});
	foreign = await serveStatic(foreignDir);
}, 120_000);
afterAll(async () => {
	await foreign?.close();
	for (const d of [claimed, unsigned, packed, tampered, swapped]) await rm(join(BUILD_DIR, d), { recursive: true, force: true });
	if (foreignDir) await rm(foreignDir, { recursive: true, force: true });
});

/** A page that records Content-Security-Policy violations (document events and console reports). */
async function cspPage(): Promise<{ page: Page; context: BrowserContext; errors: string[]; blocked: string[]; violations: () => Promise<string[]> }> {
	const o = await offlinePage(site.browser);
	await o.context.addInitScript(() => {
		const w = globalThis as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
	const consoleCsp: string[] = [];
	o.page.on('console', (m) => {
		if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) consoleCsp.push(m.text());
	});
	return {
		...o,
		violations: async () => [...consoleCsp, ...(await o.page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp))]
	};
}

/** Keys of the saved results in this browser context (db/result-cache.ts: localStorage 'ib-outcomes.results'). */
const savedKeys = (page: Page) => page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('ib-outcomes.results') ?? '{}')));

const withData = (url: string) => `${site.url}/?data=${encodeURIComponent(url)}`;
const engineCards = (page: Page) => page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: 90_000 });
const text = async (page: Page, id: string) => plain(await page.getByTestId(id).first().textContent());

describe('data from sources you can trust (built site)', () => {
	it('has a Content-Security-Policy, and the pilot loads, queries and charts with no violation', async () => {
		const { page, context, errors, blocked, violations } = await cspPage();
		await page.goto(site.url + '/');
		const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("'wasm-unsafe-eval'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toMatch(/connect-src 'self'(;|$)/);
		await waitForData(page);
		await engineCards(page);
		expect(await text(page, 'cost-child')).toBe('704 953 €');
		// Where the data came from, verified: the header says so.
		const pilot = page.getByTestId('provenance-pilot');
		expect(await pilot.getAttribute('data-trust')).toBe('site');
		expect(await pilot.getByTestId('provenance-verified').getAttribute('data-verified')).toBe('true');
		await page.getByRole('link', { name: 'Izmaksas' }).first().click();
		await page.getByTestId('costs-table').waitFor({ timeout: 90_000 });
		await page.locator('figure.chart svg').first().waitFor({ timeout: 30_000 });
		expect(await text(page, 'cost-total')).toBe('704 952,80 €');
		// A chart's PNG download draws its SVG through a blob: image (img-src) and downloads a blob: URL.
		const png = page.waitForEvent('download');
		await page.locator('figure.chart').first().getByRole('button', { name: 'PNG' }).click();
		expect((await png).suggestedFilename()).toMatch(/\.png$/);
		expect(await violations()).toEqual([]);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('refuses a crafted link whose files do not match the sha256s it claims, and the saved results stay the pilot’s', async () => {
		const { page, context, violations } = await cspPage();
		await page.goto(site.url + '/');
		await engineCards(page); // the pilot's overview is saved in this browser
		await expect.poll(() => savedKeys(page)).toHaveLength(1);
		const before = await savedKeys(page);
		await page.goto(withData(`${site.url}/${claimed}/manifest.json`));
		const error = page.getByTestId('load-error');
		await error.waitFor({ timeout: 90_000 });
		expect(plain(await error.textContent())).toMatch(/services\.parquet: sha256 neatbilst manifestā norādītajam/);
		expect(await page.getByTestId('overview-saved').count()).toBe(0);
		expect(await page.locator('[data-testid="overview-cards"][data-result]').count()).toBe(0);
		expect(await savedKeys(page)).toEqual(before);
		// Keyed by the verified content and its origin, not by the manifest's name or claims.
		expect(before[0]).toContain(`${new URL(site.url).origin}#`);
		// The real site still shows the pilot's own figures, saved or computed.
		await page.goto(site.url + '/');
		await page.locator('[data-testid="overview-cards"][data-result="saved"], [data-testid="overview-cards"][data-result="engine"]').first().waitFor({ timeout: 90_000 });
		expect(await text(page, 'cost-child')).toBe('704 953 €');
		expect(await violations()).toEqual([]);
		await context.close();
	});

	it('loads the same data without sha256s as not verified, and never saves their results', async () => {
		const { page, context, errors, violations } = await cspPage();
		await page.goto(withData(`${site.url}/${unsigned}/manifest.json`));
		await waitForData(page);
		await engineCards(page);
		expect(await text(page, 'cost-child')).toBe('7 049 528 €');
		const source = page.getByTestId('provenance-url');
		expect(await source.getAttribute('data-trust')).toBe('same-origin');
		expect(await source.getByTestId('provenance-verified').getAttribute('data-verified')).toBe('false');
		// Nothing was saved of unverified data (a fresh browser context: no other entries either).
		await page.waitForTimeout(500);
		expect(await savedKeys(page)).toEqual([]);
		await page.reload();
		await page.locator('[data-testid="overview-cards"][data-result]').first().waitFor({ timeout: 90_000 });
		expect(await page.locator('[data-testid="overview-cards"]').getAttribute('data-result')).toBe('engine');
		await page.goto(site.url + '/');
		await engineCards(page);
		expect(await text(page, 'cost-child')).toBe('704 953 €');
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('asks before loading from another origin, fetches nothing before the answer, and never shows it as the site’s data', async () => {
		const { page, context, violations } = await cspPage();
		const toForeign: string[] = [];
		page.on('request', (r) => {
			if (r.url().startsWith(foreign.url)) toForeign.push(r.url());
		});
		const manifest = `${foreign.url}/manifest.json`;
		await page.goto(withData(manifest));
		const dialog = page.getByTestId('data-consent');
		await dialog.waitFor({ state: 'visible', timeout: 30_000 });
		expect(await text(page, 'data-consent-origin')).toBe(foreign.url);
		expect(plain(await dialog.textContent())).toContain(manifest);
		expect(toForeign).toEqual([]);
		await page.getByTestId('data-consent-cancel').click();
		const error = page.getByTestId('load-error');
		await error.waitFor({ timeout: 30_000 });
		expect(plain(await error.textContent())).toContain(`${foreign.url} netika ielādēti`);
		expect(toForeign).toEqual([]);
		expect(await page.getByTestId('synthetic-label').count()).toBe(0);
		expect(plain(await page.getByTestId('site-mode').textContent())).not.toContain('Oficiālie');

		// "Load": the site's policy lists only configured origins, so it is refused with that reason, still unfetched.
		await page.goto(withData(manifest));
		await dialog.waitFor({ state: 'visible', timeout: 30_000 });
		await page.getByTestId('data-consent-load').click();
		await error.waitFor({ timeout: 30_000 });
		expect(plain(await error.textContent())).toContain('drošības politika');
		expect(plain(await error.textContent())).toContain(foreign.url);
		expect(toForeign).toEqual([]);
		expect(await page.getByTestId('synthetic-label').count()).toBe(0);
		expect(await violations()).toEqual([]);
		await context.close();
	});

	it('does not follow a redirect of a manifest’s file (here to other, ten-fold data)', async () => {
		const { page, context, violations } = await cspPage();
		const target = `${site.url}/${claimed}/services.parquet`;
		const toTarget: string[] = [];
		page.on('request', (r) => {
			if (r.url() === target) toTarget.push(r.url());
		});
		// The CSP would stop a redirect to another origin anyway; one within the site shows the fetch itself refuses.
		await page.route(`**/${unsigned}/services.parquet`, (route) => route.fulfill({ status: 302, headers: { location: target } }));
		await page.goto(withData(`${site.url}/${unsigned}/manifest.json`));
		const error = page.getByTestId('load-error');
		await error.waitFor({ timeout: 90_000 });
		expect(plain(await error.textContent())).toContain('services.parquet: not fetched');
		expect(toTarget).toEqual([]);
		expect(await page.locator('[data-testid="overview-cards"][data-result]').count()).toBe(0);
		expect(await violations()).toEqual([]);
		await context.close();
	});

	it('refuses a data: manifest with a clear message', async () => {
		const { page, context, violations } = await cspPage();
		const json = JSON.stringify({ name: 'x', synthetic: true, tables: {} });
		await page.goto(withData(`data:application/json,${json}`));
		const error = page.getByTestId('load-error');
		await error.waitFor({ timeout: 30_000 });
		expect(plain(await error.textContent())).toContain('“data:”');
		expect(await page.getByTestId('synthetic-label').count()).toBe(0);
		expect(await violations()).toEqual([]);
		await context.close();
	});

	it('names files added on this computer in the header, not verified, and ingests them under the policy (Arrow, no eval)', async () => {
		const { page, context, errors, violations } = await cspPage();
		await page.goto(site.url + '/data');
		await waitForData(page);
		const ids = ['T01', 'T02'];
		const csv =
			'participant_id;cohort;programme;municipality_code;sex;birth_year;age_at_entry;enrolled_on;exited_on;exit_reason;household_type;income_status;disability_group;care_level;residence_type;needs_natural_support;needs_minor_child;needs_mobility;left_institution\n' +
			ids.map((id) => `${id};adult;pilot2_adults_2019;OGRE_N;F;1980;39;2019-10-01;;;alone;none;II;2;b;false;false;false;false`).join('\n') +
			'\n';
		await page.getByTestId('file-input').setInputFiles([{ name: 'dalībnieki Ogre.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') }]);
		await page.getByTestId('use-accepted').click();
		const files = page.getByTestId('provenance-files');
		await files.waitFor({ timeout: 60_000 });
		expect(plain(await files.textContent())).toContain('dalībnieki Ogre.csv');
		expect(plain(await files.textContent())).toContain('nav pārbaudīts');
		expect(await files.getAttribute('data-trust')).toBe('this-computer');
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('refuses a packed database file with one altered byte, and saves nothing of it', async () => {
		const { page, context, violations } = await cspPage();
		await page.goto(withData(`${site.url}/${packed}/manifest.json`));
		await waitForData(page);
		await engineCards(page);
		expect(await text(page, 'cost-child')).toBe('704 953 €');
		expect(await page.getByTestId('provenance-url').getByTestId('provenance-verified').getAttribute('data-verified')).toBe('true');
		const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
		expect(marks).toEqual(expect.arrayContaining(['ib:database-fetched', 'ib:database-verified', 'ib:saved-results-keyed']));
		await expect.poll(() => savedKeys(page)).toHaveLength(1);
		const before = await savedKeys(page);

		await page.goto(withData(`${site.url}/${tampered}/manifest.json`));
		const error = page.getByTestId('load-error');
		await error.waitFor({ timeout: 90_000 });
		expect(plain(await error.textContent())).toMatch(/dataset\.duckdb: sha256 neatbilst manifestā norādītajam/);
		expect(await page.getByTestId('overview-saved').count()).toBe(0);
		expect(await page.locator('[data-testid="overview-cards"][data-result]').count()).toBe(0);
		expect(await page.evaluate(() => performance.getEntriesByName('ib:database-verified').length)).toBe(0);
		expect(await savedKeys(page)).toEqual(before);
		expect(await violations()).toEqual([]);
		await context.close();
	});

	it('withdraws the saved overview when a file recalled by its validators no longer matches, and saves nothing of it', async () => {
		const { page, context, violations } = await cspPage();
		const url = withData(`${site.url}/${swapped}/manifest.json`);
		await page.goto(url);
		await engineCards(page);
		await expect.poll(() => savedKeys(page)).toHaveLength(1);
		const before = await savedKeys(page);
		// The same URL, ETag and Last-Modified (size and time kept), one byte altered: the
		// reload recalls the response as verified and keys the saved figures before hashing.
		const file = join(BUILD_DIR, swapped, 'dataset.duckdb');
		const bytes = await readFile(file);
		bytes[bytes.length - 100] ^= 0x01;
		await writeFile(file, bytes);
		await utimes(file, SWAPPED_TIME, SWAPPED_TIME); // whole seconds, as set before the first load
		await page.reload();
		const error = page.getByTestId('load-error');
		await error.waitFor({ timeout: 90_000 });
		expect(plain(await error.textContent())).toMatch(/dataset\.duckdb: sha256 neatbilst manifestā norādītajam/);
		expect(await page.evaluate(() => performance.getEntriesByName('ib:saved-results-recalled').length)).toBe(1);
		await expect.poll(() => page.getByTestId('overview-saved').count()).toBe(0);
		expect(await page.locator('[data-testid="overview-cards"][data-result]').count()).toBe(0);
		expect(await savedKeys(page)).toEqual(before);
		expect(await violations()).toEqual([]);
		await context.close();
	});

	it('attaches a second ?data= database file after DuckDB was locked down', async () => {
		const { page, context, errors, violations } = await cspPage();
		await page.goto(site.url + '/data');
		await waitForData(page);
		await page.getByTestId('manifest-url').fill(`${site.url}/${packed}/manifest.json`);
		await page.getByRole('button', { name: 'Atvērt' }).click();
		await page.getByTestId('provenance-url').waitFor({ timeout: 90_000 });
		expect(await page.getByTestId('provenance-url').getByTestId('provenance-verified').getAttribute('data-verified')).toBe('true');
		expect(await page.getByTestId('data-message').count()).toBe(0);
		await page.getByRole('link', { name: 'Pārskats' }).first().click();
		await engineCards(page);
		expect(await text(page, 'cost-child')).toBe('704 953 €');
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
