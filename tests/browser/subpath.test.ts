import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../helpers/static-server';
import { launchBrowser, offlinePage, waitForData, plain } from '../helpers/browser';

// The site must work from any static host, also under a sub-path (BASE_PATH).
const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, 'build-subpath-test');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const build = spawnSync('npx', ['vite', 'build'], {
		cwd: ROOT,
		env: { ...process.env, BASE_PATH: '/ib', BUILD_DIR: 'build-subpath-test', KIT_OUT_DIR: '.svelte-kit-subpath-test' },
		encoding: 'utf8'
	});
	if (build.status !== 0) throw new Error(`sub-path build failed:\n${build.stderr}`);
	server = await serveStatic(OUT, '/ib');
	browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
	rmSync(OUT, { recursive: true, force: true });
	rmSync(resolve(ROOT, '.svelte-kit-subpath-test'), { recursive: true, force: true });
});

describe('served from a sub-path', () => {
	it('loads engine and data from /ib/ and links stay under it', async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await page.goto(server.url + '/goals/');
		await waitForData(page);
		await page.getByTestId('goals-headline').waitFor();
		expect(plain(await page.getByTestId('goals-headline').textContent())).toContain('75% (402 no 536');
		await page.getByRole('link', { name: 'Izmaksas' }).click();
		await page.waitForURL(/\/ib\/costs\//);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('links to a municipality page and back under it', async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await page.goto(server.url + '/municipalities/');
		await waitForData(page);
		expect(await page.getByTestId('drill-JELGAVA_C').getAttribute('href')).toMatch(/^(\/ib|\.\.?)\/.*municipalities\/JELGAVA_C\/$/);
		await page.getByTestId('drill-JELGAVA_C').click();
		await page.waitForURL(/\/ib\/municipalities\/JELGAVA_C\/$/);
		await page.locator('[data-testid="profile-child"][data-state="ready"]').waitFor();
		await page.getByTestId('profile-breadcrumb').click();
		await page.waitForURL(/\/ib\/municipalities\/$/);
		// The prerendered page itself, opened directly.
		await page.goto(server.url + '/municipalities/OGRE_N/');
		await page.locator('[data-testid="profile-adult"][data-state="ready"]').waitFor();
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
