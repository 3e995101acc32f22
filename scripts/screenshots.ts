/**
 * Screenshots of every view on the bundled pilot data, in headless Chromium
 * against a built site: `npx tsx scripts/screenshots.ts [build dir] [out dir]`
 * (defaults: build, docs/screenshots). Each view at 1280 px (the first
 * screen) and 390 px (a phone: the page's top, up to about three screens), in the light and the dark
 * colour scheme: `<name>-<width>-<scheme>.png`. Used to compare a change's
 * views before and after.
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
	['municipalities', '/municipalities/', 'municipalities-table'],
	['municipality-jelgava', '/municipalities/JELGAVA_C/', 'profile-adult-budgets'],
	['trends-children', '/trends/', 'trends-goals-table'],
	['export', '/export/', 'export-form'],
	['data', '/data/', 'drop-zone'],
	['report-children', '/report/', 'report-costs']
];
const WIDTHS = [1280, 390] as const;
const SCHEMES = ['light', 'dark'] as const;

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
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
			for (const colorScheme of SCHEMES) {
				await page.emulateMedia({ colorScheme });
				// Charts re-draw for the new width and scheme.
				await page.waitForFunction(() => [...document.querySelectorAll('figure.chart')].every((f) => f.querySelector('svg')));
				await page.waitForTimeout(400);
				const file = `${outDir}/${name}-${width}-${colorScheme}.png`;
				// A phone's view: the page from the top, at most ~3 screens (keeps the folder small).
				const height = width < 600 ? Math.min(2600, await page.evaluate(() => document.documentElement.scrollHeight)) : 900;
				await page.screenshot({ path: file, fullPage: width < 600, clip: { x: 0, y: 0, width, height } });
				console.log(file);
			}
		}
		await context.close();
	}
} finally {
	await browser.close();
	await server.close();
}
