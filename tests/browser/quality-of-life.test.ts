import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';
import { parseCsv } from '../helpers/csv-parse';

const site = useBuiltSite();

async function tableRows(page: Page, testid: string) {
	return page.getByTestId(testid).locator('tbody tr').evaluateAll((trs) =>
		trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()))
	);
}
const text = async (page: Page, testid: string) => plain(await page.getByTestId(testid).textContent());
/** The CSV download of a DataTable (its button follows the table). */
async function tableCsv(page: Page, testid: string): Promise<string[][]> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`.data-table:has([data-testid="${testid}"]) button.download`).click()]);
	return parseCsv(await readFile((await download.path())!, 'utf8'));
}
const HIDDEN_NOTE = 'Ar “–” atzīmētie skaitļi slēpti';
/** The follow-up mean (4th column) of a dimension in a PairedTable. */
const followup = (rows: string[][], dimension: string) => rows.find((r) => r[0] === dimension)?.[3];

describe('quality-of-life view', () => {
	it('reproduces the published KIDSCREEN, FQOLS and subjective QoL figures and follows filters in the URL', async () => {
		const { page, context, blocked, errors } = await offlinePage(site.browser);
		await page.goto(site.url + '/quality-of-life/');
		await waitForData(page);
		await Promise.all(['ks-higher-child', 'fq-rose', 'sq-net-positive'].map((id) => page.getByTestId(id).waitFor({ timeout: 60_000 })));

		// KIDSCREEN: children higher at follow-up in 8 of 10 dimensions, parents in 7 of 10; all below the norm.
		expect(await text(page, 'ks-higher-child')).toContain('8 no 10 dimensijām (n = 57)');
		expect(await text(page, 'ks-higher-parent')).toContain('7 no 10 dimensijām (n = 57)');
		expect(await text(page, 'ks-below-norm-child')).toContain('10 no 10');
		expect(await text(page, 'ks-below-norm-parent')).toContain('10 no 10');
		// Follow-up means close to the norm: 47,7 / 48,9 (children), 48,1 (parents).
		const child = await tableRows(page, 'ks-table-child');
		const parent = await tableRows(page, 'ks-table-parent');
		expect(child).toHaveLength(10);
		expect(followup(child, 'Skolas vide')).toBe('47,7');
		expect(followup(child, 'Sevis uztvere')).toBe('48,9');
		expect(followup(parent, 'Ģimenes un mājas dzīve (attiecības ar vecākiem)')).toBe('48,1');
		expect(await text(page, 'ks-closest')).toContain('Skolas vide 47,7');
		// Each row: n, effect size, test, p and adjusted p, and a reading.
		const school = child.find((r) => r[0] === 'Skolas vide')!;
		expect(school[1]).toBe('57');
		expect(school[8]).toMatch(/Koena d_z/);
		expect(school[9]).toBe('Pāru t tests');
		expect(school[12]).toMatch(/^Uzlabojums: vidēji 4,6 \(n = 57; p [=<] .*Holma korekcija\)\.$/);
		expect(await page.getByTestId('ks-chart').locator('svg').count()).toBeGreaterThan(0);
		// Release path: one child scored self-perception exactly the same twice; that 1 and the smaller other count are "–".
		expect(child.find((r) => r[0] === 'Sevis uztvere')!.slice(5, 8)).toEqual(['33', '–', '–']);
		expect(await text(page, 'ks-table-child-hidden-note')).toContain(HIDDEN_NOTE);

		// FQOLS: rose in all five subscales; only emotional well-being significant.
		expect(await text(page, 'fq-rose')).toContain('5 no 5 apakšskalām (n = 102 ģimenes)');
		expect(await text(page, 'fq-significant')).toBe(
			'Statistiski nozīmīga atšķirība starp sākumu un beigām (p < 0,05 pēc korekcijas): Emocionālā labklājība.'
		);
		const fq = await tableRows(page, 'fq-table');
		expect(fq.map((r) => r[0])).toEqual([
			'Ģimenes mijiedarbība',
			'Vecāku loma (audzināšana)',
			'Emocionālā labklājība',
			'Fiziskā un materiālā labklājība',
			'Ar invaliditāti saistītais atbalsts'
		]);
		expect(fq.every((r) => Number(r[4].replace(',', '.')) > 0)).toBe(true);
		expect(await page.getByTestId('fq-table-hidden-note').count()).toBe(0);

		// Subjective QoL (adults): 84% overall; 9 of 13 aspects > 50% improved; 85%, 71% … 36%, 35%.
		expect(await text(page, 'sq-net-positive')).toMatch(/^84% personu \(81 no 97\)/);
		expect(await text(page, 'sq-majority')).toContain('9 no 13');
		const sq = await tableRows(page, 'sq-table');
		expect(sq).toHaveLength(13);
		expect(sq[0][0]).toBe('Izmaiņas Jūsu dzīvē kopumā');
		expect(sq[0][2]).toBe('82 (85%)');
		expect(sq[1][0]).toBe('Izmaiņas Jūsu psiholoģiskajā stāvoklī');
		expect(sq[1][2]).toBe('69 (71%)');
		expect(sq.at(-2)![0]).toBe('Izmaiņas Jūsu tuvās, intīmās attiecībās ar partneri');
		expect(sq.at(-2)![2]).toBe('35 (36%)');
		expect(sq.at(-1)![0]).toBe('Izmaiņas Jūsu finansiālajā stāvoklī');
		expect(sq.at(-1)![2]).toBe('34 (35%)');
		expect(sq[0][6]).toBe('Zīmju tests (binomiālais, p = ½)');
		// Release path: 1 adult rated life overall worse; that cell is hidden with "same" (82 better stays), and so is the sign
		// test, whose effect size (82 − 1)/(82 + 1) = 0,98 would give the 1 away. Aspects whose counts are all shown keep it.
		expect(sq[0].slice(3, 6)).toEqual(['–', '–', '–']);
		expect(sq[0][9]).toBe('–');
		const leisure = sq.find((r) => r[0] === 'Izmaiņas Jūsu brīvā laika pavadīšanā')!;
		expect(leisure.slice(1, 5)).toEqual(['97', '62 (64%)', '29 (30%)', '6 (6%)']);
		expect(leisure[9]).toMatch(/^Biežāk uz labo pusi nekā uz slikto \(n = 97; p < 0,001, Holma korekcija\)\.$/);
		expect(await text(page, 'sq-table-hidden-note')).toContain(HIDDEN_NOTE);
		// The CSV has the same released values: hidden cells are empty.
		const csv = await tableCsv(page, 'sq-table');
		const life = csv.find((r) => r[0] === 'Izmaiņas Jūsu dzīvē kopumā')!;
		expect([life[1], life[2], life[3], life[4], life[5], life[7], life[8]]).toEqual(['97', '82', '', '', '', '', '']);
		expect(csv.find((r) => r[0] === 'Izmaiņas Jūsu brīvā laika pavadīšanā')!.slice(1, 5)).toEqual(['97', '62', '29', '6']);

		// A filter (sex) changes the figures of every section and lands in the URL.
		const before = [await text(page, 'ks-higher-child'), await text(page, 'fq-rose'), await text(page, 'sq-net-positive')];
		await page.getByTestId('filter-sex').selectOption('F');
		await page.waitForURL(/sex=F/);
		await page.waitForFunction(
			(prev) =>
				['ks-higher-child', 'fq-rose', 'sq-net-positive'].every(
					(id, i) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/[\u00a0\u202f]/g, ' ').trim() !== prev[i]
				),
			before,
			{ timeout: 60_000 }
		);
		expect(await text(page, 'fq-rose')).not.toContain('n = 102');
		expect(await text(page, 'sq-net-positive')).not.toContain('no 97');
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a municipality: figures that subtraction would give away are "–", never a small group', async () => {
		const { page, context, blocked, errors } = await offlinePage(site.browser);
		// Liepāja's children with KIDSCREEN (7) would follow from Kurzeme's minus Talsi's (4, under 5): all hidden.
		await page.goto(site.url + '/quality-of-life/?mun=LIEPAJA_C');
		await waitForData(page);
		await Promise.all(['ks-too-few', 'fq-rose', 'sq-too-few'].map((id) => page.getByTestId(id).waitFor({ timeout: 60_000 })));
		expect(await text(page, 'ks-too-few')).toContain(HIDDEN_NOTE);
		expect(await page.getByTestId('ks-table-child').count()).toBe(0);
		// FQOLS: each subscale of the 11 families is shown; its improved / unchanged / worse counts are not (small, or their complement is).
		const fq = await tableRows(page, 'fq-table');
		expect(fq).toHaveLength(5);
		expect(fq.every((r) => r[1] === '11')).toBe(true);
		for (const r of fq) for (const c of r.slice(5, 8)) expect(c === '–' || Number(c) === 0 || Number(c) >= 5).toBe(true);
		expect(await text(page, 'fq-rose')).toContain('(n = 11 ģimenes)');
		// SQoL: no share of Liepāja's adults is released (each would give a group of fewer than 5 away by subtraction).
		expect(await text(page, 'sq-too-few')).toContain(HIDDEN_NOTE);
		expect(await page.getByTestId('sq-table').count()).toBe(0);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
