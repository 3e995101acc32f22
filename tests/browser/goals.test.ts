import { describe, it, expect } from 'vitest';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const site = useBuiltSite();

async function tableRows(page: import('playwright-core').Page) {
	return page.getByTestId('goals-table').locator('tbody tr').evaluateAll((trs) =>
		trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()))
	);
}

describe('goals view', () => {
	it('reproduces both published goal tables and follows filter changes in the URL', async () => {
		const { page, context, blocked, errors } = await offlinePage(site.browser);
		await page.goto(site.url + '/goals/');
		await waitForData(page);
		await page.getByTestId('goals-table').waitFor();
		let rows = await tableRows(page);
		// Children: 195 goals 152/30/13 → 167 (86%); 341 → 235 (69%); all 536 → 402 (75%).
		expect(rows.map((r) => [r[2], r[3], r[4], r[5], r[6], r[7]])).toEqual([
			['195', '152 (78%)', '30 (15%)', '13 (7%)', '167', '86%'],
			['341', '141 (41%)', '188 (55%)', '12 (4%)', '235', '69%'],
			['536', '293 (55%)', '218 (41%)', '25 (5%)', '402', '75%']
		]);
		expect(plain(await page.getByTestId('goals-headline').textContent())).toContain('75% (402 no 536');
		// The children's table is exact: nothing hidden, no note.
		expect(await page.getByTestId('goals-hidden-note').count()).toBe(0);

		await page.getByTestId('filter-cohort').selectOption('adult');
		await page.waitForURL(/cohort=adult/);
		await page.waitForFunction(() => document.querySelector('[data-testid="goals-table"] tbody tr:nth-child(4)'));
		rows = await tableRows(page);
		// Adults: 137 → 97.5 (71%), 110 → 63 (57%), 59 → 38.5 (65%), all 306 → 199 (65%). Leisure's 3 goals not
		// achieved rest on 3 people, but the pilot published them: pinned, shown exactly as published.
		expect(rows.map((r) => [r[2], r[3], r[4], r[5], r[6], r[7]])).toEqual([
			['137', '65 (47%)', '65 (47%)', '7 (5%)', '97,5', '71%'],
			['110', '23 (21%)', '80 (73%)', '7 (6%)', '63', '57%'],
			['59', '21 (36%)', '35 (59%)', '3 (5%)', '38,5', '65%'],
			['306', '109 (36%)', '180 (59%)', '17 (6%)', '199', '65%']
		]);
		expect(await page.getByTestId('goals-hidden-note').count()).toBe(0);

		// A municipality filter narrows the figures and lands in the URL; Back restores them.
		const before = plain(await page.getByTestId('goals-headline').textContent());
		await page.getByTestId('filter-municipality').selectOption('LIEPAJA_C');
		await page.waitForURL(/mun=LIEPAJA_C/);
		await page.waitForFunction(
			(prev) => document.querySelector('[data-testid="goals-headline"]')?.textContent?.replace(/[\u00a0\u202f]/g, ' ').trim() !== prev,
			before
		);
		expect(plain(await page.getByTestId('goals-headline').textContent())).toMatch(/, 10 personas\.$/);
		await page.goBack();
		await page.waitForURL((u) => !u.search.includes('mun='));
		await page.waitForFunction(
			(prev) => document.querySelector('[data-testid="goals-headline"]')?.textContent?.replace(/[\u00a0\u202f]/g, ' ').trim() === prev,
			before
		);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
