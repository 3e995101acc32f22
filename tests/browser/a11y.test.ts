/**
 * Accessibility (issue 18): axe-core with the WCAG 2.1 A and AA rules on every
 * route, at a desktop and a phone width, in the light and the dark colour
 * scheme, with the pilot data loaded. One page is loaded once and moves
 * between routes by client-side navigation (the nav links), so the engine and
 * data load only once. `A11Y_ONLY=/goals/,/costs/` limits the run to some
 * routes while fixing them.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { offlinePage, waitForData } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');

/**
 * Every route of the site, and what shows it has its figures (a selector that
 * must be present). Add new routes here (e.g. `/municipalities/<code>/`, `/trends/`);
 * a route not in the navigation is opened by a link the test adds and clicks.
 */
export const A11Y_ROUTES: { path: string; ready: string }[] = [
	{ path: '/', ready: '[data-testid="participants-child"]' },
	{ path: '/goals/', ready: '[data-testid="goals-table"]' },
	{ path: '/functioning/', ready: '[data-testid="sfk-paired-table"]' },
	{ path: '/quality-of-life/', ready: '[data-testid="sq-table"]' },
	{ path: '/employment/', ready: '[data-testid="employment-matrix"]' },
	{ path: '/costs/', ready: '[data-testid="costs-table"]' },
	{ path: '/municipalities/', ready: '[data-testid="municipalities-table"]' },
	// A municipality's page: both cohorts with hidden cells (Jelgava), and adults only (Cēsis).
	{ path: '/municipalities/JELGAVA_C/', ready: '[data-testid="profile-adult"][data-state="ready"]' },
	{ path: '/municipalities/CESIS_N/', ready: '[data-testid="profile-adult"][data-state="ready"]' },
	{ path: '/trends/', ready: '[data-testid="trends-goals-table"]' },
	{ path: '/export/', ready: '[data-testid="export-form"]' },
	{ path: '/data/', ready: '[data-testid="live-counts"], [data-testid="drop-zone"]' },
	{ path: '/report/', ready: '[data-testid="report-costs"][data-state="ready"]' }
];

export const A11Y_WIDTHS = [1280, 390] as const;
export const A11Y_SCHEMES = ['light', 'dark'] as const;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; failureSummary?: string }[];
}

/** Client-side navigation: the nav link to the route if there is one, else a link added to the page. */
async function navigate(page: Page, path: string): Promise<void> {
	await page.evaluate((path) => {
		const want = new URL(path, location.href).pathname;
		const link = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].find((a) => new URL(a.href).pathname === want);
		const a = link ?? Object.assign(document.createElement('a'), { href: path });
		if (!link) document.body.append(a);
		a.click();
		if (!link) a.remove();
	}, path);
	await page.waitForFunction((path) => location.pathname === new URL(path, location.href).pathname, path);
}

/** The route's figures are there, every chart has drawn, and nothing is still loading. */
async function settled(page: Page, ready: string): Promise<void> {
	await page.locator(ready).first().waitFor({ timeout: 120_000 });
	await page.waitForFunction(
		() =>
			[...document.querySelectorAll('figure.chart')].every((f) => f.querySelector('svg')) &&
			!document.querySelector('[data-state="loading"]'),
		null,
		{ timeout: 120_000 }
	);
	// Two frames: ResizeObserver and colour-scheme re-renders land before axe looks.
	await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

function readable(violations: AxeViolation[]): string {
	return violations
		.map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n'))
		.join('\n');
}

/**
 * What axe does not check: the page does not scroll sideways, every chart is
 * one image named by visible text with nothing focusable inside, every
 * scrolling table box can be reached by keyboard, and the colour scheme is
 * the one asked for.
 */
async function layoutProblems(page: Page, colorScheme: 'light' | 'dark'): Promise<string[]> {
	return page.evaluate((colorScheme) => {
		const problems: string[] = [];
		const root = document.documentElement;
		if (root.scrollWidth > root.clientWidth + 1) {
			// Name the text that sticks out (not a table's, in its own scroll box).
			const wide: string[] = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n && wide.length < 3; n = walker.nextNode()) {
				const range = document.createRange();
				range.selectNodeContents(n);
				if (range.getBoundingClientRect().right > root.clientWidth + 1 && !n.parentElement?.closest('.data-table .scroll'))
					wide.push(`${n.parentElement?.tagName.toLowerCase()}.${[...(n.parentElement?.classList ?? [])].join('.')} “${n.textContent?.trim().slice(0, 40)}”`);
			}
			problems.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth} px: ${wide.join(', ')})`);
		}
		for (const svg of document.querySelectorAll('figure.chart svg[role="img"]')) {
			const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
			const text = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
			if (ids.length < 2 || text.length < 10) problems.push(`a chart without a visible title and summary (${ids.join(' ')})`);
			if (svg.querySelector('a[href], [tabindex]')) problems.push('a chart with a focusable part');
		}
		if (document.querySelectorAll('figure.chart').length !== document.querySelectorAll('figure.chart svg[role="img"]').length)
			problems.push('a chart that is not one labelled image');
		for (const box of document.querySelectorAll<HTMLElement>('.data-table .scroll')) {
			if (box.scrollWidth > box.clientWidth + 1 && (box.tabIndex !== 0 || box.getAttribute('role') !== 'region'))
				problems.push(`a scrolling table without a focusable region (${box.querySelector('caption')?.textContent})`);
		}
		const dark = getComputedStyle(root).backgroundColor !== 'rgb(255, 255, 255)';
		if (dark !== (colorScheme === 'dark')) problems.push(`the page is not in the ${colorScheme} scheme`);
		return problems;
	}, colorScheme);
}

async function axe(page: Page): Promise<AxeViolation[]> {
	// Evaluated through DevTools, not as an inline <script>: the site's Content-Security-Policy refuses those.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	return page.evaluate(async (tags) => {
		const result = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations']
		});
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary }))
		}));
	}, WCAG_TAGS);
}

const site = useBuiltSite();

describe('accessibility: axe-core WCAG 2.1 A + AA on every route (pilot data)', () => {
	it('finds no violation at 1280 and 390 px, light and dark', { timeout: 600_000 }, async () => {
		const { page, context, errors } = await offlinePage(site.browser);
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(site.url + '/');
		await waitForData(page, 180_000);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const found: string[] = [];
		for (const route of A11Y_ROUTES.filter((r) => !process.env.A11Y_ONLY || process.env.A11Y_ONLY.split(',').includes(r.path))) {
			await navigate(page, route.path);
			for (const width of A11Y_WIDTHS) {
				await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
				for (const colorScheme of A11Y_SCHEMES) {
					await page.emulateMedia({ colorScheme });
					await settled(page, route.ready);
					const violations = await axe(page);
					if (violations.length) found.push(`${route.path} @ ${width}px, ${colorScheme}:\n${readable(violations)}`);
					for (const problem of await layoutProblems(page, colorScheme)) found.push(`${route.path} @ ${width}px, ${colorScheme}: ${problem}`);
				}
			}
		}
		await page.emulateMedia({ colorScheme: 'light' });
		expect(found.join('\n\n'), 'axe violations').toBe('');
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('keyboard, phone navigation and language (built site)', () => {
	it('skip link first; at 390 px the navigation is a disclosure; the filter bar folds; lang follows the switch', async () => {
		const { page, context, errors } = await offlinePage(site.browser);
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(site.url + '/goals/');
		await waitForData(page, 180_000);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		expect(await page.getAttribute('html', 'lang')).toBe('lv');

		// The first Tab reaches the skip link; following it puts focus on the main content.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip');
		expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement?.id === 'main');

		// Navigation: collapsed, opened by its button (keyboard), closed by Escape and after choosing a page.
		const toggle = page.getByTestId('nav-toggle');
		const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' });
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		expect(await nav.isVisible()).toBe(false);
		await toggle.focus();
		await page.keyboard.press('Enter');
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		await page.keyboard.press('Escape');
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		expect(await toggle.getAttribute('aria-expanded')).toBe('true');
		expect(await nav.isVisible()).toBe(true);
		await nav.getByRole('link', { name: 'Izmaksas' }).click();
		await page.waitForURL(/\/costs\/?/);
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
		expect(await nav.isVisible()).toBe(false);

		// Filter bar: folded behind its button, the selects appear when it is opened.
		const filters = page.getByTestId('filters-toggle');
		expect(await page.getByTestId('filter-sex').isVisible()).toBe(false);
		await filters.click();
		expect(await filters.getAttribute('aria-expanded')).toBe('true');
		expect(await page.getByTestId('filter-sex').isVisible()).toBe(true);

		// At 1280 px neither button is shown and the navigation is whole.
		await page.setViewportSize({ width: 1280, height: 900 });
		expect(await toggle.isVisible()).toBe(false);
		expect(await filters.isVisible()).toBe(false);
		expect(await nav.isVisible()).toBe(true);

		// The language switch sets <html lang>.
		await page.getByRole('button', { name: 'Switch to English' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await page.getByRole('button', { name: 'Pārslēgt uz latviešu valodu' }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'lv');
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('charts follow the page (built site)', () => {
	it('are drawn at their box’s width, re-drawn on resize and in the dark scheme; downloads stay light; funnel points still link', async () => {
		const { readFile } = await import('node:fs/promises');
		const { COLOR_VALUES } = await import('#lib/ui/charts/palette.ts');
		const { page, context, errors } = await offlinePage(site.browser);
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(site.url + '/goals/');
		await waitForData(page, 180_000);
		const chart = page.getByTestId('goals-chart');
		await chart.locator('svg').waitFor();
		const drawn = () =>
			chart.evaluate((figure) => {
				const svg = figure.querySelector('svg')!;
				const fills = [...svg.querySelectorAll('rect[fill], g[fill]')].map((e) => e.getAttribute('fill')!.toLowerCase());
				return { width: Number(svg.getAttribute('width')), box: Math.floor(figure.querySelector('.plot')!.clientWidth), fills };
			});
		const wide = await drawn();
		expect(wide.width).toBe(wide.box);
		expect(wide.fills).toContain(COLOR_VALUES.good.light);

		// Narrower window: drawn again at the new width.
		await page.setViewportSize({ width: 900, height: 900 });
		await page.waitForFunction((before) => Number(document.querySelector('[data-testid="goals-chart"] svg')?.getAttribute('width')) < before, wide.width);
		const narrow = await drawn();
		expect(narrow.width).toBe(narrow.box);

		// Dark scheme: drawn in the dark palette; the legend too.
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.waitForFunction(
			(dark) => [...document.querySelectorAll('[data-testid="goals-chart"] svg [fill]')].some((e) => e.getAttribute('fill')?.toLowerCase() === dark),
			COLOR_VALUES.good.dark
		);
		expect((await drawn()).fills).not.toContain(COLOR_VALUES.good.light);
		expect(await page.locator('.legend rect').first().getAttribute('fill')).toBe(COLOR_VALUES.good.dark);

		// The SVG download is the light chart, for paper and slides.
		const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Lejupielādēt SVG' }).click()]);
		const svg = (await readFile((await download.path())!, 'utf8')).toLowerCase();
		expect(svg).toContain(`fill="${COLOR_VALUES.good.light}"`);
		expect(svg).not.toContain(`fill="${COLOR_VALUES.good.dark}"`);
		await page.emulateMedia({ colorScheme: 'light' });

		// Funnel points are not focusable (the chart is one image) but a click still opens the municipality.
		await page.goto(site.url + '/municipalities/');
		await waitForData(page, 180_000);
		const funnel = page.getByTestId('municipalities-funnel');
		await funnel.locator('svg').first().waitFor();
		expect(await funnel.locator('svg a[href], svg [tabindex]').count()).toBe(0);
		const point = funnel.locator('svg a[data-href]').first();
		const href = await point.getAttribute('data-href');
		expect(href).toBeTruthy();
		await point.locator('circle').dispatchEvent('click');
		await page.waitForFunction((href) => {
			const want = new URL(href, location.href);
			return location.search === want.search && location.pathname.replace(/\/$/, '') === want.pathname.replace(/\/$/, '');
		}, href!);
		expect(errors).toEqual([]);
		await context.close();
	});
});
