import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const site = useBuiltSite();

const text = async (page: Page, id: string) => plain(await page.getByTestId(id).textContent());
async function cells(page: Page, table: string, label: string): Promise<string[]> {
	const tr = page.getByTestId(table).locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
	return (await tr.locator('th, td').allTextContents()).map((s) => plain(s));
}

describe('employment page (built site, offline)', () => {
	it('shows 16 employed before → 29 after, the transitions and McNemar with the exact p', async () => {
		const { page, blocked, errors, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/employment');
		await waitForData(page);
		// Adults only: the cohort is fixed in the URL.
		await page.waitForURL(/cohort=adult/);
		await page.getByTestId('employment-headline').waitFor();
		expect(await text(page, 'employed-before')).toBe('16');
		expect(await text(page, 'employed-after')).toBe('29');
		expect(await text(page, 'employment-headline')).toContain('16 personas pirms pilotprojekta → 29 personas');
		expect(await text(page, 'employment-definition')).toContain('izņemot “nav nodarbināts”');
		// status | before | after | change (published: +4 permanent, +3 temporary, +3 part-time). The release path
		// hides counts of 1–4 people even for the whole cohort: 3 and 2 adults in full-time work at baseline are "–",
		// and so are their changes (7 − 3 would give the 3 away).
		expect(await cells(page, 'employment-counts', 'Pastāvīgs pilna laika darbs')).toEqual(['Pastāvīgs pilna laika darbs', '–', '7', '–']);
		expect(await cells(page, 'employment-counts', 'Pagaidu pilna laika darbs')).toEqual(['Pagaidu pilna laika darbs', '–', '5', '–']);
		expect(await cells(page, 'employment-counts', 'Nepilna laika darbs')).toEqual(['Nepilna laika darbs', '6', '9', '+3']);
		expect(await cells(page, 'employment-counts', 'Nav nodarbināts')).toEqual(['Nav nodarbināts', '81', '68', '-13']);
		// Transition matrix: 68 stayed not employed; the 3, 3, 3 and 4 who moved from not employed to each employed
		// status are cells of 1–4 people, hidden ("–", with the note); the margins are shown.
		expect(await cells(page, 'employment-matrix', 'Nav nodarbināts')).toEqual(['Nav nodarbināts', '–', '–', '–', '–', '68', '81']);
		expect(await cells(page, 'employment-matrix', 'Kopā')).toEqual(['Kopā', '7', '5', '9', '8', '68', '97']);
		expect(await text(page, 'employment-hidden-note')).toContain('Ar “–” atzīmētie skaitļi slēpti');
		// McNemar: n = 97, b = 13, c = 0; χ² = 11,08; exact binomial p = 2 · 0,5^13 < 0,001 is the result.
		const testTable = plain(await page.getByTestId('employment-test-table').textContent());
		expect(testTable).toContain('97');
		expect(await cells(page, 'employment-test-table', 'b: nebija nodarbināti → nodarbināti')).toEqual(['b: nebija nodarbināti → nodarbināti', '13']);
		expect(await cells(page, 'employment-test-table', 'c: bija nodarbināti → nav nodarbināti')).toEqual(['c: bija nodarbināti → nav nodarbināti', '0']);
		expect((await cells(page, 'employment-test-table', 'Maknemāra χ² (ar nepārtrauktības korekciju, df = 1)'))[1]).toBe('11,08');
		expect((await cells(page, 'employment-test-table', 'p (precīzais binomiālais tests)'))[1]).toBe('< 0,001');
		expect(await text(page, 'employment-primary')).toContain('precīzā binomiālā testa');
		const reading = await text(page, 'employment-reading');
		expect(reading).toContain('pieauga no 16% līdz 30%');
		expect(reading).toContain('n = 97');
		expect(reading).toContain('p < 0,001');
		await page.getByTestId('employment-chart').locator('svg').waitFor();
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a municipality filter updates the URL; one municipality’s small transitions and test are hidden', async () => {
		const { page, errors, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/employment?cohort=adult');
		await waitForData(page);
		await page.getByTestId('employment-headline').waitFor();
		await page.getByTestId('filter-municipality').selectOption('LIEPAJA_C');
		await page.waitForURL(/mun=LIEPAJA_C/);
		// Liepāja's 10 adults: 2 employed before, 4 after, b = 2 (the leak). These rest on 1–4 people, so
		// the headline, the employed counts and McNemar's test are hidden; the 10 pairs are shown.
		await page.getByTestId('employment-headline-hidden').waitFor({ timeout: 30_000 });
		expect(await text(page, 'employed-before')).toBe('–');
		expect(await text(page, 'employed-after')).toBe('–');
		expect(await text(page, 'employment-reading')).toContain('Ar “–” atzīmētie skaitļi slēpti');
		expect((await cells(page, 'employment-matrix', 'Kopā')).at(-1)).toBe('10');
		expect(await cells(page, 'employment-test-table', 'b: nebija nodarbināti → nodarbināti')).toEqual(['b: nebija nodarbināti → nodarbināti', '–']);
		expect(await page.getByTestId('employment-primary').count()).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
