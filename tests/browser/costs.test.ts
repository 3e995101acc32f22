import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const site = useBuiltSite();

const text = async (page: Page, id: string) => plain(await page.getByTestId(id).textContent());
/** Cells of the table row whose header is `label`, as plain text. */
async function row(page: Page, label: string): Promise<string[]> {
	const tr = page.getByTestId('costs-table').locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
	return (await tr.locator('th, td').allTextContents()).map((s) => plain(s));
}

describe('costs page (built site, offline)', () => {
	it('reproduces the children\u2019s published cost table in lv-LV formatting', async () => {
		const { page, blocked, errors, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/costs');
		await waitForData(page);
		await page.getByTestId('costs-table').waitFor();
		// The data carry cents (group costs 84 892,35 + 74 039,55 + 340 178,60 + 205 842,30); the published
		// table shows whole euros, as does the table below (704 953 €).
		expect(await text(page, 'cost-total')).toBe('704 952,80 €');
		expect(await text(page, 'cost-participants')).toBe('102');
		expect(await text(page, 'cost-per-participant')).toBe('6 911,30 €');
		expect(await text(page, 'cost-per-month')).toBe('575,94 €');
		expect(await text(page, 'cost-total-overheads')).toBe('942 561,00 €');
		expect(await text(page, 'cost-per-participant-overheads')).toBe('9 240,79 €');
		expect(await text(page, 'cost-per-month-overheads')).toBe('770,07 €');
		expect(await text(page, 'costs-divisor')).toContain('12');
		// group | cost | units | children | €/unit | €/child | €/child/month | % cost | % children
		expect((await row(page, 'Citi pakalpojumi')).slice(0, 7)).toEqual(['Citi pakalpojumi', '84 892 €', '1 354', '51', '62,70 €', '1 664,56 €', '138,71 €']);
		expect((await row(page, 'Izglītības pakalpojumi')).slice(0, 7)).toEqual(['Izglītības pakalpojumi', '74 040 €', '3 407', '66', '21,73 €', '1 121,81 €', '93,48 €']);
		expect((await row(page, 'Sociālie pakalpojumi')).slice(0, 7)).toEqual(['Sociālie pakalpojumi', '340 179 €', '62 733', '99', '5,42 €', '3 436,15 €', '286,35 €']);
		expect((await row(page, 'Veselības aprūpes pakalpojumi')).slice(0, 7)).toEqual(['Veselības aprūpes pakalpojumi', '205 842 €', '7 889', '100', '26,09 €', '2 058,42 €', '171,54 €']);
		expect((await row(page, 'Kopā')).slice(0, 7)).toEqual(['Kopā', '704 953 €', '75 383', '102', '9,35 €', '6 911,30 €', '575,94 €']);
		expect((await row(page, 'Kopā ar vajadzību izvērtēšanu un pašvaldību izmaksām')).slice(0, 7)).toEqual([
			'Kopā ar vajadzību izvērtēšanu un pašvaldību izmaksām', '942 561 €', '75 383', '102', '12,50 €', '9 240,79 €', '770,07 €'
		]);
		await page.getByTestId('costs-chart').locator('svg').waitFor();
		await page.getByTestId('costs-monthly-table').waitFor();
		expect(await page.getByTestId('costs-monthly-table').locator('tbody tr').count()).toBe(12);
		// Agreed amounts add up to the municipal pilot cost (seed 000): 714 258 €.
		expect(plain(await page.getByTestId('budgets-table').textContent())).toContain('714 258,00 €');
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('switches to adults via the filter, updates the numbers and the URL', async () => {
		const { page, errors, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/costs');
		await waitForData(page);
		await page.getByTestId('cost-per-month').waitFor();
		await page.getByTestId('filter-cohort').selectOption('adult');
		await page.waitForURL(/cohort=adult/);
		await expect.poll(() => text(page, 'cost-per-month'), { timeout: 30_000 }).toBe('662,04 €');
		expect(await text(page, 'cost-total')).toBe('770 615,00 €');
		expect(await text(page, 'cost-participants')).toBe('97');
		expect(await text(page, 'cost-per-participant')).toBe('7 944,48 €');
		expect(await text(page, 'cost-total-overheads')).toBe('1 060 069,40 €');
		expect(await text(page, 'cost-per-participant-overheads')).toBe('10 928,55 €');
		expect(await text(page, 'cost-per-month-overheads')).toBe('910,71 €');
		// group | cost | % cost | persons | % persons | €/person | % | €/person/month
		expect((await row(page, 'Sociālie pakalpojumi')).slice(0, 8)).toEqual(['Sociālie pakalpojumi', '586 696,00 €', '76%', '97', '100%', '6 048,41 €', '76%', '504,03 €']);
		expect((await row(page, 'Veselības aprūpes pakalpojumi')).slice(0, 8)).toEqual(['Veselības aprūpes pakalpojumi', '114 402,00 €', '15%', '77', '79%', '1 485,74 €', '19%', '123,81 €']);
		expect((await row(page, 'Izglītības pakalpojumi')).slice(0, 8)).toEqual(['Izglītības pakalpojumi', '60 393,00 €', '8%', '31', '32%', '1 948,16 €', '25%', '162,35 €']);
		expect((await row(page, 'Citi pakalpojumi')).slice(0, 8)).toEqual(['Citi pakalpojumi', '9 124,00 €', '1%', '19', '20%', '480,21 €', '6%', '40,02 €']);
		expect((await row(page, 'Kopā')).slice(0, 8)).toEqual(['Kopā', '770 615,00 €', '100%', '97', '100%', '7 944,48 €', '100%', '662,04 €']);
		// Services ran 15 months; the divisor is still the reporting months (12).
		expect(await text(page, 'costs-divisor')).toMatch(/12.*15/);
		expect(await page.getByTestId('costs-monthly-table').locator('tbody tr').count()).toBe(15);
		expect(plain(await page.getByTestId('budgets-table').textContent())).toContain('1 144 001,00 €');

		// A person-level filter: overheads cannot be split by person, so that row goes and the note says why.
		await page.getByTestId('filter-sex').selectOption('F');
		await page.waitForURL(/sex=F/);
		await page.getByTestId('cost-total-overheads').waitFor({ state: 'detached' });
		expect(await text(page, 'costs-overheads-note')).toContain('nav sadalāmas pa personām');
		expect(await text(page, 'cost-total')).not.toBe('770 615,00 €');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('hides a municipality\u2019s small service group and the next smallest, never total minus the shown groups', async () => {
		const { page, errors, context } = await offlinePage(site.browser);
		// Talsi: 1 child with "other services" (the leak), 9 with education services.
		await page.goto(site.url + '/costs?mun=TALSI_N');
		await waitForData(page);
		await page.getByTestId('costs-table').waitFor();
		expect(await text(page, 'cost-participants')).toBe('10');
		expect((await row(page, 'Citi pakalpojumi')).slice(1, 7)).toEqual(['–', '–', '–', '–', '–', '–']);
		expect((await row(page, 'Izglītības pakalpojumi')).slice(1, 7)).toEqual(['–', '–', '–', '–', '–', '–']);
		expect((await row(page, 'Kopā'))[3]).toBe('10');
		expect(await text(page, 'costs-hidden-note')).toContain('Ar “–” atzīmētie skaitļi slēpti');
		// The CSV carries the released values: the hidden groups' cells are empty.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('costs-table').locator('xpath=ancestor::div[contains(@class, "data-table")][1]').getByRole('button', { name: 'Lejupielādēt CSV' }).click()
		]);
		const csv = await readFile((await download.path())!, 'utf8');
		const other = csv.split('\r\n').find((l) => l.startsWith('Citi pakalpojumi'))!;
		expect(other.split(',').slice(1).every((c) => c === '')).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('adds only the selected municipality\u2019s overheads', async () => {
		const { page, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/costs?cohort=adult&mun=LIEPAJA_C');
		await waitForData(page);
		await page.getByTestId('cost-total-overheads').waitFor();
		expect(await text(page, 'cost-participants')).toBe('10');
		const total = Number((await text(page, 'cost-total')).replace(/[^\d,]/g, '').replace(',', '.'));
		const withOverheads = Number((await text(page, 'cost-total-overheads')).replace(/[^\d,]/g, '').replace(',', '.'));
		// Liepāja's share of the overheads, far less than all ten municipalities' 289 454,40 €.
		expect(withOverheads - total).toBeGreaterThan(10_300);
		expect(withOverheads - total).toBeLessThan(289_454.4);
		await context.close();
	});
});
