import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const site = useBuiltSite();

async function tableRows(page: Page, testid: string) {
	return page.getByTestId(testid).locator('tbody tr').evaluateAll((trs) =>
		trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()))
	);
}
const text = async (page: Page, testid: string) => plain(await page.getByTestId(testid).textContent());

describe('functioning view (SFK)', () => {
	it('reproduces the 47 children with positive change, states its definition, tests each domain, and follows filters in the URL', async () => {
		const { page, context, blocked, errors } = await offlinePage(site.browser);
		await page.goto(site.url + '/functioning/');
		await waitForData(page);
		await page.getByTestId('sfk-headline').waitFor();
		// Published: 47 children showed positive change (102 children assessed).
		const headline = await text(page, 'sfk-headline');
		expect(headline).toMatch(/^47 bērniem \(46%\) no 102 novērtētajiem/);
		expect(await text(page, 'sfk-positive-definition')).toContain('vismaz vienā jomā un nevienā jomā nepalielinājās');
		// Published: limitations decreased in 9 domains.
		expect(await text(page, 'sfk-domains-improved')).toContain('9 no 9 jomām');
		const children = await tableRows(page, 'sfk-children-table');
		expect(children.map((r) => r[1])).toEqual(['47', '10', '6', '39', '102']);

		// One Wilcoxon row per domain, with n, effect size, test and Holm-adjusted p.
		const paired = await tableRows(page, 'sfk-paired-table');
		expect(paired).toHaveLength(9);
		// columns: domain, n, baseline, follow-up, improved, unchanged, worse, r, test, V, p, p adjusted, reading
		expect(paired[0][0]).toBe('d1 Mācīšanās un zināšanu lietojums');
		expect(paired[0][1]).toBe('99');
		expect(paired[0].slice(4, 7)).toEqual(['24', '73', '2']); // improved / unchanged / worse of 99
		expect(paired[0][8]).toBe('Vilkoksona zīmju rangu tests');
		expect(paired[0][11]).toBe('< 0,001');
		expect(paired[0][12]).toBe('Uzlabojums: uzlabojās 24, pasliktinājās 2 (n = 99; p < 0,001, Holma korekcija).');
		expect(paired[7][12]).toMatch(/^Nav pārliecinošu pierādījumu par izmaiņām: uzlabojās 7, pasliktinājās 3 \(n = 80;/);
		const header = await page.getByTestId('sfk-paired-table').locator('thead th').allTextContents();
		expect(header).toContain('p (Holma korekcija)');
		// Benjamini–Hochberg on request.
		await page.getByTestId('sfk-adjust').selectOption('BH');
		await page.getByTestId('sfk-paired-table').getByText('p (Benjamini–Hohberga korekcija)').waitFor();

		// Chart and its table: two rows (baseline, follow-up) per domain.
		expect(await page.getByTestId('sfk-chart').locator('svg').count()).toBeGreaterThan(0);
		expect(await tableRows(page, 'sfk-distribution-table')).toHaveLength(18);

		// A filter narrows the numbers and lands in the URL.
		await page.getByTestId('filter-municipality').selectOption('LIEPAJA_C');
		await page.waitForURL(/mun=LIEPAJA_C/);
		await page.waitForFunction(
			(prev) => document.querySelector('[data-testid="sfk-headline"]')?.textContent?.replace(/[\u00a0\u202f]/g, ' ').trim() !== prev,
			headline
		);
		expect(await text(page, 'sfk-headline')).toMatch(/^\d+ bērniem \(\d+%\) no 11 novērtētajiem/); // Liepāja city: 11 children
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
