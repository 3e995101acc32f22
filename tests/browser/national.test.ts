/**
 * The municipality pages and the trends view on a national-scale dataset
 * (tests/helpers/national.ts, 800 participants in ~40 municipalities, opened
 * with ?data= from the site's own origin): the figures equal the release
 * path's values computed in Node from the same files, and axe-core (WCAG 2.1
 * A + AA) finds nothing at 1280 and 390 px.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, offlinePage, waitForData, plain } from '../helpers/browser';
import { serveStatic, BUILD_DIR, type StaticServer } from '../helpers/static-server';
import { smallNationalDir } from '../helpers/national';
import { openDatasetEngine } from '../helpers/engine';
import { releasedResult } from '../../src/lib/privacy/release/runtime';
import { DEFAULT_FILTERS } from '../../src/lib/filters/filters';
import { MUNICIPALITY_FAMILIES, municipalityData } from '../../src/lib/outcomes/municipalities/family';
import { releaseMunicipalities, type MunicipalityRow } from '../../src/lib/outcomes/municipalities/summary';
import { TRENDS_VIEW } from '../../src/lib/outcomes/trends/view';
import type { ReleasedTrends } from '../../src/lib/outcomes/trends/summary';
import { formatNumber } from '../../src/lib/i18n/format';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const DATA = '?data=/national/manifest.json';

let server: StaticServer;
let browser: Browser;
let child: MunicipalityRow[];
let trends: ReleasedTrends;

beforeAll(async () => {
	const dir = smallNationalDir();
	server = await serveStatic(BUILD_DIR, '', { '/national/': dir });
	browser = await launchBrowser();
	const db = await openDatasetEngine(dir);
	try {
		const m = await releasedResult(db.engine, { ...DEFAULT_FILTERS, cohort: 'child' }, {
			run: (e, f) => municipalityData(e, f.cohort),
			families: MUNICIPALITY_FAMILIES.child,
			release: releaseMunicipalities
		});
		const t = await releasedResult(db.engine, { ...DEFAULT_FILTERS, cohort: 'child' }, TRENDS_VIEW);
		if (!('value' in m) || !('value' in t)) throw new Error('the national cohort is blocked');
		child = m.value;
		trends = t.value;
	} finally {
		await db.close();
	}
});
afterAll(async () => {
	await browser?.close();
	await server?.close();
});

async function axe(page: Page): Promise<string[]> {
	// Through DevTools, not an inline <script>: the site's Content-Security-Policy refuses those.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	return page.evaluate(async () => {
		const r = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
		});
		return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
}

async function axeAtBothWidths(page: Page): Promise<string[]> {
	const found: string[] = [];
	for (const width of [1280, 390]) {
		await page.setViewportSize({ width, height: 900 });
		await page.waitForTimeout(300); // charts redraw at the new width
		found.push(...(await axe(page)).map((v) => `${width}px ${v}`));
	}
	return found;
}

describe('national dataset (?data=)', () => {
	it("a municipality's page shows the comparison's released figures for it, reached from the table; no axe violation", async () => {
		const shown = child.find((r) => r.level === 'municipality' && r.participants.value !== null && r.goals.value !== null);
		const total = child.find((r) => r.level === 'total')!;
		expect(shown, 'a shown municipality').toBeDefined();
		const { page, context, blocked, errors } = await offlinePage(browser);
		await page.goto(server.url + '/municipalities/' + DATA);
		await waitForData(page);
		await page.getByTestId(`drill-${shown!.code}`).click();
		await page.waitForURL(new RegExp(`/municipalities/${shown!.code}/`));
		await page.locator('[data-testid="profile-child"][data-state="ready"]').waitFor({ timeout: 90_000 });
		const rows = await page.getByTestId('profile-child-municipalities').locator('tbody tr').evaluateAll((trs) =>
			trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent ?? ''))
		);
		const row = (label: string) => rows.find((r) => plain(r[0]) === label)?.slice(1, 3).map(plain);
		expect(row('Dalībnieki')).toEqual([formatNumber('lv', shown!.participants.value!), formatNumber('lv', total.participants.value!)].map(plain));
		expect(row('Mērķi')).toEqual([formatNumber('lv', shown!.goals.value!), formatNumber('lv', total.goals.value!)].map(plain));
		expect(await axeAtBothWidths(page)).toEqual([]);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('the trends view shows a row per quarter of the released series; no axe violation', async () => {
		const { page, context, blocked, errors } = await offlinePage(browser);
		await page.goto(server.url + '/trends/' + DATA);
		await waitForData(page);
		await page.getByTestId('trends-goals-table').waitFor({ timeout: 90_000 });
		expect(await page.getByTestId('trends-goals-table').locator('tbody tr').count()).toBe(trends.goals.length);
		expect(trends.goals.length).toBeGreaterThan(1);
		expect(await axeAtBothWidths(page)).toEqual([]);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
