/**
 * Publication benchmark (`npm run bench:publish [-- <dataset dir> …]`):
 * publish time and output size per dataset, then in headless Chromium from
 * localhost, cold (a new browser context each time): the time to the first
 * figures of /costs/ (first contentful paint; the figures are in the HTML)
 * and filter switches between released selections; beside it, the
 * workbench's cold load of the same page (first figures, and figures from
 * its own engine). Defaults: data/pilot and data/national/11000-1y if
 * present. Writes bench/results/publish.json. Run after `npm run build`
 * (the workbench build the comparison uses).
 */
import { cp, mkdtemp, rm, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { publish } from '../scripts/publish';
import { serveStatic, BUILD_DIR } from '../tests/helpers/static-server';
import { launchBrowser, offlinePage } from '../tests/helpers/browser';

const ROOT = resolve(import.meta.dirname, '..');
const REPEATS = Number(process.env.REPEATS ?? 3);
const exists = (p: string) => access(p).then(() => true, () => false);
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN;
};
const round = (x: number) => Math.round(x);

/** First contentful paint and the moment the cost total is in the DOM, from navigation start (ms). */
async function firstFigures(page: Page): Promise<{ fcp: number; figure: number }> {
	await page.getByTestId('cost-total').waitFor({ timeout: 60_000 });
	return page.evaluate(async () => {
		const figure = performance.now();
		// Paint entries are delivered to a buffered observer once the first frame is painted.
		const fcp = await new Promise<number>((done) => {
			new PerformanceObserver((list) => {
				const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
				if (e) done(e.startTime);
			}).observe({ type: 'paint', buffered: true });
			setTimeout(() => done(NaN), 5000);
		});
		return { fcp, figure };
	});
}

/** A filter switch timed inside the page: from the change event until the cost total's text changes. */
async function switchFilter(page: Page, testid: string, value: string): Promise<number> {
	return page.evaluate(
		([testid, value]) =>
			new Promise<number>((done) => {
				const target = document.querySelector('[data-testid="cost-total"]')!;
				const before = target.textContent;
				const t0 = performance.now();
				const obs = new MutationObserver(() => {
					const now = document.querySelector('[data-testid="cost-total"]');
					if (now && now.textContent !== before) {
						obs.disconnect();
						done(performance.now() - t0);
					}
				});
				obs.observe(document.body, { subtree: true, childList: true, characterData: true });
				const select = document.querySelector(`[data-testid="${testid}"]`) as HTMLSelectElement;
				select.value = value;
				select.dispatchEvent(new Event('change', { bubbles: true }));
				setTimeout(() => {
					obs.disconnect();
					done(NaN);
				}, 10_000);
			}),
		[testid, value] as const
	);
}

async function publishedRun(browser: Browser, url: string) {
	const { page, context } = await offlinePage(browser);
	await page.goto(url + '/costs/', { waitUntil: 'commit' });
	const first = await firstFigures(page);
	await page.locator('html[data-hydrated]').waitFor();
	const switches: number[] = [];
	for (const [id, v] of [['filter-sex', 'F'], ['filter-sex', 'M'], ['filter-sex', ''], ['filter-cohort', 'adult'], ['filter-cohort', 'child']] as const) {
		switches.push(await switchFilter(page, id, v));
		await page.waitForTimeout(100);
	}
	await context.close();
	return { ...first, switches };
}

async function workbenchRun(browser: Browser, url: string) {
	const { page, context } = await offlinePage(browser);
	await page.goto(url, { waitUntil: 'commit' });
	const first = await firstFigures(page);
	await page.getByTestId('load-done').waitFor({ timeout: 120_000 });
	const engine = await page.evaluate(() => performance.now());
	await context.close();
	return { ...first, engineReady: engine };
}

async function bench(dir: string, browser: Browser) {
	const name = basename(dir);
	const out = join(await mkdtemp(join(tmpdir(), 'ib-bench-publish-')), 'site');
	const t0 = performance.now();
	const p = await publish(dir, out);
	const publishMs = performance.now() - t0;
	const server = await serveStatic(out);
	const published = [];
	for (let i = 0; i < REPEATS; i++) published.push(await publishedRun(browser, server.url));
	await server.close();

	// The workbench on the same data: the pilot is its bundled dataset; other data by ?data= from the same origin.
	const site = await mkdtemp(join(tmpdir(), 'ib-bench-workbench-'));
	await cp(BUILD_DIR, site, { recursive: true });
	const pilot = resolve(dir) === resolve(ROOT, 'data/pilot');
	if (!pilot) await cp(dir, join(site, 'dataset'), { recursive: true });
	const wb = await serveStatic(site);
	const wbUrl = pilot ? `${wb.url}/costs/` : `${wb.url}/costs/?data=${encodeURIComponent(`${wb.url}/dataset/manifest.json`)}`;
	const workbench = [];
	for (let i = 0; i < REPEATS; i++) workbench.push(await workbenchRun(browser, wbUrl));
	await wb.close();
	await rm(site, { recursive: true, force: true });
	await rm(join(out, '..'), { recursive: true, force: true });

	const row = {
		dataset: name,
		publishMs: round(publishMs),
		resultsMs: round(p.resultsMs),
		buildMs: round(p.buildMs),
		scanMs: round(p.scanMs),
		selections: p.selections,
		files: p.files,
		bytes: p.bytes,
		published: {
			firstPaintMs: round(median(published.map((r) => r.fcp))),
			figuresInDomMs: round(median(published.map((r) => r.figure))),
			filterSwitchMs: { median: round(median(published.flatMap((r) => r.switches))), max: round(Math.max(...published.flatMap((r) => r.switches))) }
		},
		workbench: {
			firstPaintMs: round(median(workbench.map((r) => r.fcp))),
			figuresInDomMs: round(median(workbench.map((r) => r.figure))),
			engineFiguresMs: round(median(workbench.map((r) => r.engineReady)))
		},
		raw: { published, workbench }
	};
	console.log(JSON.stringify({ ...row, raw: undefined }));
	return row;
}

const dirs = process.argv.slice(2).length
	? process.argv.slice(2).map((d) => resolve(d))
	: [join(ROOT, 'data/pilot'), ...((await exists(join(ROOT, 'data/national/11000-1y/manifest.json'))) ? [join(ROOT, 'data/national/11000-1y')] : [])];
const browser = await launchBrowser();
const results = [];
try {
	for (const d of dirs) results.push(await bench(d, browser));
} finally {
	await browser.close();
}
await writeFile(join(ROOT, 'bench/results/publish.json'), JSON.stringify({ date: new Date().toISOString(), repeats: REPEATS, results }, null, 2) + '\n');
