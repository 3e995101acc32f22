import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const site = useBuiltSite();

// A municipality's submission: six adults in Ogre, one goal each, all achieved.
const ids = ['L01', 'L02', 'L03', 'L04', 'L05', 'L06'];
const participantsCsv =
	'participant_id;cohort;programme;municipality_code;sex;birth_year;age_at_entry;enrolled_on;exited_on;exit_reason;household_type;income_status;disability_group;care_level;residence_type;needs_natural_support;needs_minor_child;needs_mobility;left_institution\n' +
	ids.map((id, i) => `${id};adult;pilot2_adults_2019;OGRE_N;${i % 2 ? 'M' : 'F'};1980;39;2019-10-01;2021-01-31;completed;alone;none;II;2;b;false;false;false;false`).join('\n') +
	'\n';
const goalsCsv =
	'\ufeffgoal_id,participant_id,domain_code,term,set_on,reviewed_on,attainment\n' +
	ids.map((id) => `${id}-G1,${id},A1,long,2019-10-15,2021-01-20,achieved`).join('\r\n') +
	'\r\n';
// Three faulty rows and one good one.
const servicesCsv =
	'event_id,participant_id,service_code,month,units,unit_price_eur,cost_eur,provider_id,price_basis\n' +
	'S1,L01,A_ASSIST,2020-01-01,10,5,50,P-OGRE_N-MUN,regulation\n' +
	'S2,X99,A_ASSIST,2020-01-01,10,5,50,P-OGRE_N-MUN,regulation\n' +
	'S3,L02,A_ASSIST,2020-01-01,10,5,55,P-OGRE_N-MUN,regulation\n' +
	'S4,L03,A_ASSIST,2020-01-01,10,5,50,"=HYPERLINK(""http://x"")",regulation\n';

const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

async function statsOf(page: Page, name: string) {
	const card = page.getByTestId(`report-${name}`);
	return {
		rows: plain(await card.getByTestId('stat-rows').first().textContent()),
		accepted: plain(await card.getByTestId('stat-accepted').first().textContent()),
		rejected: plain(await card.getByTestId('stat-rejected').first().textContent())
	};
}

describe('live data (/data)', () => {
	it('checks a good and a bad file in the browser, reports each problem, and the views use the accepted rows', async () => {
		const { page, context, blocked, errors } = await offlinePage(site.browser);
		await page.goto(site.url + '/data/');
		await waitForData(page);
		expect(plain(await page.getByTestId('data-privacy').textContent())).toContain('Nekas netiek augšupielādēts');

		await page.getByTestId('file-input').setInputFiles([
			file('services.csv', servicesCsv),
			file('plan_goals.csv', goalsCsv),
			file('participants.csv', participantsCsv)
		]);
		await page.getByTestId('use-accepted').waitFor();
		expect(await statsOf(page, 'participants.csv')).toEqual({ rows: '6', accepted: '6', rejected: '0' });
		expect(await statsOf(page, 'plan_goals.csv')).toEqual({ rows: '6', accepted: '6', rejected: '0' });
		expect(await statsOf(page, 'services.csv')).toEqual({ rows: '4', accepted: '1', rejected: '3' });
		const problems = await page
			.getByTestId('report-services.csv')
			.getByTestId('problems')
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
		const codes = problems.map((p) => `${p[0]}:${p[1]}:${p[3]}`);
		expect(codes).toContain('3:participant_id:unknown_participant');
		expect(codes).toContain('4:cost_eur:cost_mismatch');
		expect(codes).toContain('5:provider_id:formula_like');

		// The municipality can take its errors home as CSV, with the formula cell defused.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('report-services.csv').getByTestId('download-errors').click()
		]);
		const csv = await readFile((await download.path())!, 'utf8');
		expect(csv).toContain('unknown_participant');
		expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

		await page.getByTestId('use-accepted').click();
		await page.getByTestId('live-counts').waitFor();
		expect(plain(await page.getByTestId('data-message').textContent())).toContain('13');
		await expect.poll(() => page.getByTestId('layers-both').isChecked()).toBe(true);

		// Pilot + live together: the adults' goal table gains six achieved goals (306 → 312, 199 → 205).
		await page.getByRole('link', { name: 'Mērķi' }).click();
		await page.getByTestId('filter-cohort').selectOption('adult');
		await page.waitForFunction(() =>
			document.querySelector('[data-testid="goals-headline"]')?.textContent?.includes('312')
		);
		expect(plain(await page.getByTestId('goals-headline').textContent())).toContain('205 no 312');

		// Re-adding the same file does not double-count.
		await page.getByRole('link', { name: 'Dati' }).click();
		await page.getByTestId('file-input').setInputFiles([file('participants.csv', participantsCsv)]);
		await page.getByTestId('report-participants.csv').waitFor();
		expect(await statsOf(page, 'participants.csv')).toEqual({ rows: '6', accepted: '0', rejected: '0' });

		// Junk renamed .csv is refused with a message, and nothing already loaded changes.
		await page.getByTestId('file-input').setInputFiles([
			{ name: 'junk.csv', mimeType: 'text/csv', buffer: Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254]) }
		]);
		await page.getByTestId('report-junk.csv').getByTestId('file-rejected').waitFor();
		expect(plain(await page.getByTestId('live-counts').textContent())).toContain('participants6');
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('lets the user map a header the contract does not know, then accepts the file', async () => {
		const { page, context } = await offlinePage(site.browser);
		await page.goto(site.url + '/data/');
		await waitForData(page);
		// "Persona" is this municipality's own name for participant_id.
		const renamed = participantsCsv.replace(/^participant_id;/, 'Persona;');
		await page.getByTestId('file-input').setInputFiles([file('participants.csv', renamed)]);
		await page.getByTestId('report-participants.csv').getByTestId('file-rejected').waitFor();
		await page.getByTestId('map-Persona').selectOption('participant_id');
		await page.getByTestId('recheck').click();
		await expect
			.poll(async () => (await statsOf(page, 'participants.csv')).accepted, { timeout: 60_000 })
			.toBe('6');
		await context.close();
	});
});
