/**
 * Live files kept in the browser (OPFS): accepted files come back after a
 * reload and a browser restart, forgetting one removes its rows, and "Save
 * dataset" reopens with ?data= showing the same figures.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, plain, waitForData } from '../helpers/browser';
import { BUILD_DIR, serveStatic, type StaticServer } from '../helpers/static-server';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/live-store');
// Picked children first: the order checks and the list follow is the checker's (parents first), not this.
const NAMES = ['plan_goals-ogre.csv', 'participants-tukums.csv', 'participants-ogre.csv'];
const ROWS: Record<string, string> = { 'plan_goals-ogre.csv': '6', 'participants-tukums.csv': '5', 'participants-ogre.csv': '6' };
const STORED = [...NAMES].sort();
const KEPT = ['participants-ogre.csv', 'plan_goals-ogre.csv'];

let server: StaticServer;
let userDir: string;
let savedDir: string;

/** A browser whose profile (and so its OPFS) lives in `dir`, offline like the other tests. */
async function persistentPage(dir: string): Promise<{ context: BrowserContext; page: Page; blocked: string[]; errors: string[] }> {
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: CHROMIUM,
		args: CHROMIUM_ARGS,
		acceptDownloads: true,
		locale: 'lv-LV'
	});
	const blocked: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
		blocked.push(url.href);
		return route.abort();
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	return { context, page, blocked, errors };
}

const storedRows = (page: Page) =>
	page.getByTestId('stored-file').evaluateAll((trs) =>
		trs.map((tr) => ({
			name: tr.getAttribute('data-name')!,
			rows: tr.querySelector('[data-testid="stored-rows"]')!.textContent!.trim(),
			sha256: tr.querySelector('[data-testid="stored-sha256"]')!.textContent!.trim()
		}))
	);
/** The store's index as the page's OPFS holds it. */
const storedIndex = (page: Page) =>
	page.evaluate(async () => {
		const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('ib-live-files');
		return JSON.parse(await (await (await dir.getFileHandle('index.json')).getFile()).text()) as { layers: string[]; files: unknown[] };
	});
const storedNames = async (page: Page) => (await storedRows(page)).map((r) => r.name).sort();
const liveParticipants = async (page: Page) => {
	const text = plain(await page.getByTestId('live-counts').textContent());
	return Number(/participants(\d+)/.exec(text)?.[1]);
};

async function goalsHeadline(page: Page, query: string): Promise<string> {
	await page.goto(`${server.url}/goals/?cohort=adult${query}`);
	await waitForData(page);
	const headline = page.getByTestId('goals-headline');
	await expect
		.poll(async () => plain(await headline.textContent({ timeout: 1000 }).catch(async () => (await page.locator('main').textContent()) ?? '')), { timeout: 60_000 })
		.toMatch(/\d+ no \d+/);
	return plain(await headline.textContent());
}

/** Click "Save dataset", unzip the download under the server's /saved/, return the manifest's URL path. */
async function saveAndServe(page: Page, withPilot: boolean, folder: string): Promise<string> {
	await page.getByTestId('save-with-pilot').setChecked(withPilot);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-dataset').click()]);
	const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
	const names = Object.keys(zip);
	const manifestName = names.find((n) => n.endsWith('/manifest.json'))!;
	expect(manifestName).toBeTruthy();
	const root = dirname(manifestName);
	for (const name of names) {
		const target = join(savedDir, folder, name.slice(root.length + 1));
		await mkdir(dirname(target), { recursive: true });
		await writeFile(target, zip[name]);
	}
	const manifest = JSON.parse(new TextDecoder().decode(zip[manifestName]));
	for (const spec of Object.values(manifest.tables) as { path: string; sha256: string; bytes: number }[]) {
		const bytes = zip[`${root}/${spec.path}`];
		expect(spec.bytes).toBe(bytes.byteLength);
		expect(spec.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
	}
	return `/saved/${folder}/manifest.json`;
}

describe.skipIf(!chromiumAvailable())('live data kept in the browser (/data)', () => {
	beforeAll(async () => {
		userDir = await mkdtemp(join(tmpdir(), 'ib-profile-'));
		savedDir = await mkdtemp(join(tmpdir(), 'ib-saved-'));
		server = await serveStatic(BUILD_DIR, '', { '/saved/': savedDir });
	});
	afterAll(async () => {
		await server?.close();
		await rm(userDir, { recursive: true, force: true });
		await rm(savedDir, { recursive: true, force: true });
	});

	it('keeps accepted files over a reload and a browser restart, forgets one, and saves a dataset that reopens with ?data=', async () => {
		let { context, page, blocked, errors } = await persistentPage(userDir);
		await page.goto(server.url + '/data/');
		await waitForData(page);
		await page.getByTestId('stored-none').waitFor();
		const before = await goalsHeadline(page, '');
		expect(before).toContain('199 no 306');

		await page.goto(server.url + '/data/');
		await waitForData(page);
		await page.getByTestId('file-input').setInputFiles(NAMES.map((n) => join(FIXTURES, n)));
		await page.getByTestId('use-accepted').click();
		await expect.poll(() => storedNames(page), { timeout: 30_000 }).toEqual(STORED);
		// The list shows each file's rows and the sha256 of its original bytes.
		for (const r of await storedRows(page)) {
			expect(r.rows).toBe(ROWS[r.name]);
			expect(r.sha256).toBe(createHash('sha256').update(await readFile(join(FIXTURES, r.name))).digest('hex'));
		}
		expect(['true', 'false']).toContain(await page.getByTestId('store-persisted').getAttribute('data-granted'));
		await page.getByTestId('store-usage').waitFor();
		const session = await goalsHeadline(page, '');
		expect(session).toContain('205 no 312');

		// A reload: the files are listed again and their rows are in the figures.
		await page.reload();
		await waitForData(page);
		expect(plain(await page.getByTestId('goals-headline').textContent())).toContain('205 no 312');
		await page.goto(server.url + '/data/');
		await waitForData(page);
		await expect.poll(() => storedNames(page), { timeout: 30_000 }).toEqual(STORED);
		expect(await liveParticipants(page)).toBe(11);

		// Forget one: its rows leave the live layer and its entry the list.
		await page.getByRole('button', { name: 'Aizmirst failu participants-tukums.csv' }).click();
		await expect.poll(() => storedNames(page), { timeout: 30_000 }).toEqual(KEPT).catch(async (e) => {
			console.log('DEBUG', await page.getByTestId('stored-files').textContent(), errors);
			throw e;
		});
		await expect.poll(() => liveParticipants(page), { timeout: 30_000 }).toBe(6);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();

		// A browser restart on the same profile.
		({ context, page, blocked, errors } = await persistentPage(userDir));
		expect(await goalsHeadline(page, '')).toBe(session);
		await page.goto(server.url + '/data/');
		await waitForData(page);
		await expect.poll(() => storedNames(page), { timeout: 30_000 }).toEqual(KEPT);
		expect(await liveParticipants(page)).toBe(6);

		// Save with the pilot: reopened by ?data=, the same figures as this session's pilot + live.
		const both = await saveAndServe(page, true, 'both');
		expect(await goalsHeadline(page, `&data=${encodeURIComponent(both)}`)).toBe(session);

		// Live data only (the choice is stored with the files for the next start), saved alone:
		// the reopened dataset holds exactly the live rows. (Its figures need the reference
		// tables, which these files do not bring: the pilot's are merged only when both are shown.)
		await page.goto(server.url + '/data/');
		await waitForData(page);
		await page.getByTestId('layers-live').check();
		await expect.poll(() => storedIndex(page).then((i) => i.layers)).toEqual(['live']);
		await page.reload();
		await waitForData(page);
		await expect.poll(() => page.getByTestId('layers-live').isChecked()).toBe(true);
		const counts = plain(await page.getByTestId('live-counts').textContent());
		const live = await saveAndServe(page, false, 'live');
		await page.goto(`${server.url}/data/?data=${encodeURIComponent(live)}`);
		await waitForData(page);
		expect(plain(await page.getByTestId('live-counts').textContent())).toBe(counts);
		expect(counts).toMatch(/participants6plan_goals6$/);
		// The ?data= dataset leaves the stored files alone.
		await page.goto(server.url + '/data/');
		await waitForData(page);
		await expect.poll(() => storedNames(page), { timeout: 30_000 }).toEqual(KEPT);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	}, 400_000);

	it('says plainly when the browser cannot store files, and keeps working in memory', async () => {
		const profile = await mkdtemp(join(tmpdir(), 'ib-profile-'));
		const { context, page, errors } = await persistentPage(profile);
		// As in some private modes: no Origin Private File System.
		await context.addInitScript(() => {
			delete (StorageManager.prototype as Partial<StorageManager>).getDirectory;
		});
		await page.goto(server.url + '/data/');
		await waitForData(page);
		await page.getByTestId('store-unavailable').waitFor();
		await page.getByTestId('file-input').setInputFiles([join(FIXTURES, 'participants-ogre.csv'), join(FIXTURES, 'participants-tukums.csv')]);
		await page.getByTestId('use-accepted').click();
		await expect.poll(() => storedNames(page), { timeout: 30_000 }).toEqual(['participants-ogre.csv', 'participants-tukums.csv']);
		expect(await liveParticipants(page)).toBe(11);
		// Forgetting works on the in-memory copies too.
		await page.getByRole('button', { name: 'Aizmirst failu participants-ogre.csv' }).click();
		await expect.poll(() => liveParticipants(page), { timeout: 30_000 }).toBe(5);
		// "Forget all": the list and the live layer are empty.
		await page.getByTestId('forget-all').click();
		await page.getByTestId('stored-none').waitFor();
		await page.getByTestId('live-counts').waitFor({ state: 'detached' });
		await page.reload();
		await waitForData(page);
		await page.getByTestId('stored-none').waitFor();
		expect(errors).toEqual([]);
		await context.close();
		await rm(profile, { recursive: true, force: true });
	});
});
