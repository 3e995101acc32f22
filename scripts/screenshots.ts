/**
 * Screenshots of every view on the bundled pilot data, in headless Chromium
 * against a built site: `npx tsx scripts/screenshots.ts [build dir] [out dir]`
 * (defaults: build, docs/screenshots). Used to compare a change's views
 * before and after.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serveStatic } from '../tests/helpers/static-server';
import { launchBrowser, offlinePage, waitForData } from '../tests/helpers/browser';

const [buildDir = 'build', outDir = 'docs/screenshots'] = process.argv.slice(2);
const VIEWS: [string, string, string][] = [
	['overview', '/', 'overview-table'],
	['goals-children', '/goals/', 'goals-table'],
	['functioning', '/functioning/', 'sfk-paired-table'],
	['quality-of-life', '/quality-of-life/', 'sq-table'],
	['employment-adults', '/employment/', 'employment-matrix'],
	['costs-adults', '/costs/?cohort=adult', 'costs-table'],
	['municipalities', '/municipalities/', 'mun-cohort'],
	['municipality-jelgava', '/municipalities/JELGAVA_C/', 'profile-adult-budgets'],
	['report-children', '/report/', 'report-costs']
];

const server = await serveStatic(resolve(buildDir));
const browser = await launchBrowser();
await mkdir(outDir, { recursive: true });
try {
	for (const [name, path, testid] of VIEWS) {
		const { page, context } = await offlinePage(browser);
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(server.url + path);
		await waitForData(page);
		await page
			.getByTestId(testid)
			.first()
			.waitFor({ timeout: 60_000 })
			.catch(() => console.warn(`${name}: no ${testid}`));
		await page.waitForTimeout(500);
		await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
		console.log(`${outDir}/${name}.png`);
		await context.close();
	}
} finally {
	await browser.close();
	await server.close();
}
