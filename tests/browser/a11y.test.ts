/**
 * Accessibility (issue 18): axe-core with the WCAG 2.1 A and AA rules on every
 * route, at a desktop and a phone width, in the light and the dark colour
 * scheme, with the pilot data loaded. One page is loaded once and moves
 * between routes by client-side navigation (the nav links), so the engine and
 * data load only once.
 */
import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { offlinePage, waitForData } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core');

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

async function axe(page: Page): Promise<AxeViolation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
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
		for (const route of A11Y_ROUTES) {
			await navigate(page, route.path);
			for (const width of A11Y_WIDTHS) {
				await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
				for (const colorScheme of A11Y_SCHEMES) {
					await page.emulateMedia({ colorScheme });
					await settled(page, route.ready);
					const violations = await axe(page);
					if (violations.length) found.push(`${route.path} @ ${width}px, ${colorScheme}:\n${readable(violations)}`);
				}
			}
		}
		await page.emulateMedia({ colorScheme: 'light' });
		expect(found.join('\n\n'), 'axe violations').toBe('');
		expect(errors).toEqual([]);
		await context.close();
	});
});
