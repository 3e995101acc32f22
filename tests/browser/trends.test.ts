import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const site = useBuiltSite();

/** Cells of the row of table `testid` whose header is `label`, as plain text. */
async function row(page: Page, testid: string, label: string): Promise<string[]> {
	const tr = page.getByTestId(testid).locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
	return (await tr.locator('th, td').allTextContents()).map((s) => plain(s));
}

describe('trends page (built site, offline)', () => {
	it('children: quarterly participants, cost per participant-month and goals, with charts and a CSV', async () => {
		const { page, blocked, errors, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/trends');
		await waitForData(page);
		await page.getByTestId('trends-participants-table').waitFor();
		expect(await page.getByTestId('trends-participants-table').locator('tbody tr').count()).toBe(6);
		// Enrolled August–September 2018, all left on 31 October 2019 (the pilot's rows).
		expect(await row(page, 'trends-participants-table', '2018. g. 3. cet.')).toEqual(['2018. g. 3. cet.', '102', '102', '0']);
		expect(await row(page, 'trends-participants-table', '2019. g. 4. cet.')).toEqual(['2019. g. 4. cet.', '102', '0', '102']);
		// Goals reviewed in September and October 2019: 284 (151 achieved) and 252 (142).
		expect(await row(page, 'trends-goals-table', '2019. g. 3. cet.')).toEqual(['2019. g. 3. cet.', '284', '151', '53%']);
		expect(await row(page, 'trends-goals-table', '2019. g. 4. cet.')).toEqual(['2019. g. 4. cet.', '252', '142', '56%']);
		// Cost per participant-month, all groups, first service quarter: 148 548,32 € / 306 participant-months.
		const q4 = await row(page, 'trends-costs-table', '2018. g. 4. cet.');
		expect(q4[q4.length - 1]).toBe('485,45 €');
		for (const id of ['participants', 'costs', 'goals']) await page.getByTestId(`trends-${id}-chart`).locator('svg').waitFor();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('trends-participants-table').locator('xpath=ancestor::div[contains(@class, "data-table")][1]').getByRole('button', { name: 'Lejupielādēt CSV' }).click()
		]);
		const csv = await readFile((await download.path())!, 'utf8');
		expect(csv.split('\r\n').find((l) => l.startsWith('2018. g. 3. cet.'))).toBe('2018. g. 3. cet.,102,102,0');
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('adults: one person left in the first quarter, so the participant series is withheld; goals are shown', async () => {
		const { page, errors, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/trends/?cohort=adult');
		await waitForData(page);
		await page.getByTestId('trends-goals-table').waitFor();
		await expect.poll(async () => (await row(page, 'trends-goals-table', '2021. g. 1. cet.')).slice(1, 3), { timeout: 30_000 }).toEqual(['306', '109']);
		expect(plain(await page.getByTestId('trends-participants-withheld').textContent())).toContain('mazāk nekā 5');
		expect((await row(page, 'trends-participants-table', '2019. g. 3. cet.')).slice(1)).toEqual(['–', '–', '–']);
		expect(errors).toEqual([]);
		await context.close();
	});
});
