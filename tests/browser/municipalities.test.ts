import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';
import { serveSmallDataset } from '../helpers/small-municipality';

const CHILD_MUNS = ['BALVI_N', 'BAUSKA_N', 'JELGAVA_C', 'LIEPAJA_C', 'MADONA_N', 'OGRE_N', 'REZEKNE_C', 'TALSI_N', 'TUKUMS_N', 'VALMIERA_C'];
const ADULT_MUNS = ['BALVI_N', 'BAUSKA_N', 'CESIS_N', 'DAUGAVPILS_N', 'GULBENE_N', 'JELGAVA_C', 'LIEPAJA_C', 'OGRE_N', 'TALSI_N', 'TUKUMS_N'];

const site = useBuiltSite();

async function rowsOf(page: Page, testid: string): Promise<string[][]> {
	return page.getByTestId(testid).evaluate((el) =>
		(el.tagName === 'TR' ? [el] : [...el.querySelectorAll('tr')]).map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()))
	);
}
async function codes(page: Page): Promise<string[]> {
	return page.getByTestId('municipality-rows').evaluate((el) => [...el.querySelectorAll('tr')].map((tr) => tr.getAttribute('data-code') ?? ''));
}
async function downloadCsv(page: Page): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('municipalities-csv').click()]);
	return readFile((await download.path())!, 'utf8');
}

describe('municipalities view (pilot data)', () => {
	it('shows the 10 pilot municipalities of each cohort, subtotals, the funnel plot and the rules; drills down through the URL', async () => {
		const { page, context, blocked, errors } = await offlinePage(site.browser);
		await page.goto(site.url + '/municipalities/');
		await waitForData(page);
		await page.getByTestId('municipalities-table').waitFor();
		expect((await codes(page)).sort()).toEqual(CHILD_MUNS);
		// The release path's fixed threshold and its method note; no threshold setting.
		expect(plain(await page.getByTestId('privacy-threshold').textContent())).toContain('Slieksnis ir 5 personas');
		expect(plain(await page.getByTestId('privacy-rules').textContent())).toContain('Kā tiek aizsargāti mazie skaitļi');
		expect(await page.getByTestId('mun-min').count()).toBe(0);
		// The total reproduces the published figures: 102 children, 536 goals, 75%, 6 911,30 € per child, 575,94 per month.
		const [total] = await rowsOf(page, 'total-row');
		expect(total.slice(2)).toEqual(['102', '536', '75%', '46%', '6 911,30', '575,94', '89%']);
		expect((await rowsOf(page, 'region-rows')).map((r) => r[1])).toEqual(['Kurzeme', 'Latgale', 'Rīga', 'Vidzeme', 'Zemgale']);
		// ~10 children per municipality: every figure is shown but the share improved where
		// improved or not improved is 1–4 children ("3 of 10 improved" is 3 children).
		const munRows = await rowsOf(page, 'municipality-rows');
		expect(munRows.every((r) => /^\d+$/.test(r[2]))).toBe(true);
		expect(munRows.every((r) => [...r.slice(2, 4), ...r.slice(6)].every((v) => v !== '–'))).toBe(true);
		expect(munRows.some((r) => r[5] === '–')).toBe(true);
		// Goal attainment only where the goals view shows its score (a hidden "partly" or "not
		// achieved" level would follow from attainment and the achieved count): Rēzekne of the 10.
		expect(munRows.filter((r) => r[4] !== '–')).toHaveLength(1);
		expect(await page.getByTestId('cells-hidden').count()).toBe(1);
		// Funnel plot with one point per municipality whose attainment is released.
		const funnel = page.getByTestId('municipalities-funnel');
		await funnel.locator('svg').first().waitFor();
		expect(await funnel.locator('svg a circle, svg circle').count()).toBeGreaterThanOrEqual(1);
		expect(plain(await page.getByTestId('funnel-outliers').textContent())).not.toBe('');

		// Sorting by goal attainment reorders the municipalities.
		await page.getByTestId('sort-attainment').click();
		const asc = (await rowsOf(page, 'municipality-rows')).filter((r) => r[4] !== '–').map((r) => Number(r[4].replace('%', '')));
		expect(asc).toEqual([...asc].sort((a, b) => a - b));

		// CSV: the screen's rows (10 + 5 regions + total), hidden shares hidden there too.
		const csv = await downloadCsv(page);
		const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
		expect(lines).toHaveLength(1 + 10 + 5 + 1);
		expect(lines.at(-1)).toContain(',102,536,75,46,6911.3,575.94,89');

		// Adults.
		await page.getByTestId('mun-cohort').selectOption('adult');
		await page.waitForURL(/cohort=adult/);
		await page.waitForFunction(() => document.querySelector('[data-testid="municipality-rows"] tr[data-code="CESIS_N"]'));
		expect((await codes(page)).sort()).toEqual(ADULT_MUNS);
		const [adultTotal] = await rowsOf(page, 'total-row');
		// 103 adults, 306 goals, 65%, life overall better 85%, employed +13, 7 944,48 € per person, 662,04 per month.
		expect(adultTotal.slice(2, 9)).toEqual(['103', '306', '65%', '85%', '+13', '7 944,48', '662,04']);

		// The threshold setting of earlier versions is gone: `min=11` changes nothing.
		const adultRows = await rowsOf(page, 'municipality-rows');
		await page.goto(site.url + '/municipalities/?cohort=adult&min=11');
		await waitForData(page);
		await page.waitForFunction(() => document.querySelector('[data-testid="municipality-rows"] tr[data-code="CESIS_N"]'));
		const byName = (a: string[], b: string[]) => a[0].localeCompare(b[0]);
		expect((await rowsOf(page, 'municipality-rows')).sort(byName)).toEqual(adultRows.sort(byName));
		expect(plain(await page.getByTestId('privacy-threshold').textContent())).toContain('Slieksnis ir 5 personas');

		// Drill-down: the municipality's name opens its page (tests/browser/municipality-page.test.ts).
		await page.getByTestId('drill-LIEPAJA_C').click();
		await page.waitForURL(/\/municipalities\/LIEPAJA_C\/$/);
		await page.locator('[data-testid="profile-adult"][data-state="ready"]').waitFor();
		expect(await rowsOf(page, 'profile-adult-municipalities')).toContainEqual(['Dalībnieki', '10', '103']);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});

// ---------------------------------------------------------------------------
// A dataset in which Talsi county's children are cut to 3 (with their goals,
// assessments, services, budgets), opened through ?data=<manifest URL>.

const SMALL_MUN = 'TALSI_N';
let dataUrl = '';

describe('municipalities view with a municipality of 3 children (?data=)', () => {
	let served: Awaited<ReturnType<typeof serveSmallDataset>> | null = null;
	beforeAll(async () => {
		served = await serveSmallDataset(site.url, SMALL_MUN, 3);
		dataUrl = served.url;
	});
	afterAll(async () => {
		await served?.remove();
	});

	it('hides Talsi, hides Liepāja too so the Kurzeme subtotal cannot give Talsi away, and keeps both out of the CSV and the funnel plot', async () => {
		const { page, context, blocked, errors } = await offlinePage(site.browser);
		await page.goto(`${site.url}/municipalities/?data=${encodeURIComponent(dataUrl)}`);
		await waitForData(page);
		await page.getByTestId('municipalities-table').waitFor();
		expect((await codes(page)).sort()).toEqual(CHILD_MUNS);
		const rows = await rowsOf(page, 'municipality-rows');
		const row = (name: string) => rows.find((r) => r[0] === name)!;
		const hiddenCells = (r: string[]) => r.slice(2).every((v) => v === '–');
		// Talsi: 3 children → every figure hidden ("–").
		expect(hiddenCells(row('Talsu novads'))).toBe(true);
		// Liepāja (11) is the other municipality of Kurzeme: hidden too, else 14 − 11 = 3.
		expect(hiddenCells(row('Liepājas pilsēta'))).toBe(true);
		expect(plain(await page.getByTestId('cells-hidden').textContent())).toContain('“–”');
		// The other 8 show their counts.
		expect(rows.filter((r) => /^\d+$/.test(r[2]))).toHaveLength(8);
		// Kurzeme's subtotal (14) and the total (95) stay: neither minus shown figures gives Talsi.
		const regions = await rowsOf(page, 'region-rows');
		expect(regions.find((r) => r[1] === 'Kurzeme')![2]).toBe('14');
		const [total] = await rowsOf(page, 'total-row');
		expect(total[2]).toBe('95');
		const shownSum = rows.filter((r) => /^\d+$/.test(r[2])).reduce((a, r) => a + Number(r[2]), 0);
		expect(95 - shownSum).toBe(14); // only Talsi + Liepāja together, never Talsi alone

		// Funnel plot: neither municipality is plotted or named.
		const funnel = page.getByTestId('municipalities-funnel');
		await funnel.locator('svg').first().waitFor();
		const svgText = plain(await funnel.textContent());
		expect(svgText).not.toContain('Talsu');
		expect(svgText).not.toContain('Liepājas');
		expect(plain(await page.getByTestId('funnel-outliers').textContent())).not.toMatch(/Talsu|Liepājas/);

		// CSV: the same suppression, no numbers for the two rows.
		const csv = (await downloadCsv(page)).replace(/^\ufeff/, '');
		const line = (name: string) => csv.split('\r\n').find((l) => l.includes(name))!;
		for (const name of ['Talsu novads', 'Liepājas pilsēta']) {
			const cells = line(name).split(',').slice(3);
			expect(cells.every((v) => v === '–'), `${name}: ${line(name)}`).toBe(true);
		}

		// Talsi's page shows no figures of its children (the dataset stays chosen).
		await page.getByTestId('drill-TALSI_N').click();
		await page.waitForURL(/\/municipalities\/TALSI_N\/\?data=/);
		await page.getByTestId('profile-child-blocked').waitFor();
		expect(await page.getByTestId('profile-child-goals').count()).toBe(0);
		// The goals view filtered to Talsi shows no figures.
		await page.goto(`${site.url}/goals/?mun=${SMALL_MUN}&data=${encodeURIComponent(dataUrl)}`);
		await waitForData(page);
		await page.getByTestId('too-few').waitFor();
		expect(await page.getByTestId('goals-table').count()).toBe(0);
		expect(await page.getByTestId('goals-headline').count()).toBe(0);

		// The costs view (when present) filtered to Talsi shows no euro figures for it.
		const costs = await page.goto(`${site.url}/costs/?mun=${SMALL_MUN}&data=${encodeURIComponent(dataUrl)}`);
		if (costs?.ok()) {
			await waitForData(page);
			await page.waitForTimeout(1500);
			expect(plain(await page.locator('main').textContent())).not.toMatch(/\d €/);
		}
		expect(blocked).toEqual([]);
		expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
		await context.close();
	});

	it('other views refuse a municipality hidden in the comparison, so region minus Liepāja cannot give Talsi', async () => {
		const { page, context, blocked } = await offlinePage(site.browser);
		const data = encodeURIComponent(dataUrl);
		for (const view of ['goals', 'costs']) {
			await page.goto(`${site.url}/${view}/?mun=LIEPAJA_C&data=${data}`);
			await waitForData(page);
			await page.getByTestId('disclosure-gate').waitFor();
			expect(plain(await page.getByTestId('disclosure-gate').textContent())).toContain('atņemot');
			expect(plain(await page.locator('main').textContent())).not.toMatch(/\d €/);
		}
		// The Kurzeme subtotal (14 children) is shown, as in the comparison table.
		await page.goto(`${site.url}/goals/?region=Kurzeme&data=${data}`);
		await waitForData(page);
		await page.getByTestId('goals-headline').waitFor();
		expect(plain(await page.getByTestId('goals-headline').textContent())).toMatch(/, 14 personas\.$/);
		expect(blocked).toEqual([]);
		await context.close();
	});
});
