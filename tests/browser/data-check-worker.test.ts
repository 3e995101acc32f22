/**
 * Files dropped on /data are checked in the check worker (issue 16): a
 * participants file named in Latvian and its services as an Arrow IPC stream,
 * dropped services first. The worker is started, the files are checked
 * parents first by their detected table, rows are accepted and the problem
 * is listed.
 */
import { describe, it, expect } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';
import { makeXlsx } from '../unit/live/make-xlsx';

const site = useBuiltSite();

const ids = ['L01', 'L02', 'L03', 'L04', 'L05', 'L06'];
const participantsCsv =
	'participant_id;cohort;programme;municipality_code;sex;birth_year;age_at_entry;enrolled_on;exited_on;exit_reason;household_type;income_status;disability_group;care_level;residence_type;needs_natural_support;needs_minor_child;needs_mobility;left_institution\n' +
	ids.map((id, i) => `${id};adult;pilot2_adults_2019;OGRE_N;${i % 2 ? 'M' : 'F'};1980;39;2019-10-01;2021-01-31;completed;alone;none;II;2;b;false;false;false;false`).join('\n') +
	'\n';
// Three service rows; the second names a participant nobody loaded.
const services = tableToIPC(
	tableFromArrays({
		event_id: ['S1', 'S2', 'S3'],
		participant_id: ['L01', 'X99', 'L02'],
		service_code: ['A_ASSIST', 'A_ASSIST', 'A_ASSIST'],
		month: ['2020-01-01', '2020-01-01', '2020-02-01'],
		units: Float64Array.from([10, 10, 4]),
		unit_price_eur: Float64Array.from([5, 5, 5]),
		cost_eur: Float64Array.from([50, 50, 20]),
		provider_id: ['P-OGRE_N-MUN', 'P-OGRE_N-MUN', 'P-OGRE_N-MUN'],
		price_basis: ['regulation', 'regulation', 'regulation']
	}),
	'stream'
);

describe('checking in the worker (/data)', () => {
	it('a dropped CSV and Arrow file are checked by the check worker, parents first by detected table', async () => {
		const { page, context, errors } = await offlinePage(site.browser);
		const workers: string[] = [];
		page.on('worker', (w) => workers.push(w.url()));
		await page.goto(site.url + '/data/');
		await waitForData(page);
		await page.getByTestId('file-input').setInputFiles([
			{ name: 'services.arrows', mimeType: 'application/vnd.apache.arrow.stream', buffer: Buffer.from(services) },
			{ name: 'dalibnieki.csv', mimeType: 'text/csv', buffer: Buffer.from(participantsCsv, 'utf8') }
		]);
		await page.getByTestId('use-accepted').waitFor();
		expect(workers.some((u) => /check\.worker/.test(u))).toBe(true);
		const stats = async (name: string) => {
			const card = page.getByTestId(`report-${name}`);
			return [card.getByTestId('stat-rows'), card.getByTestId('stat-accepted'), card.getByTestId('stat-rejected')].map(async (l) => plain(await l.first().textContent()));
		};
		expect(await Promise.all(await stats('dalibnieki.csv'))).toEqual(['6', '6', '0']);
		expect(await Promise.all(await stats('services.arrows'))).toEqual(['3', '2', '1']);
		const problems = await page
			.getByTestId('report-services.arrows')
			.getByTestId('problems')
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
		expect(problems.map((p) => `${p[0]}:${p[1]}:${p[3]}`)).toEqual(['3:participant_id:unknown_participant']);
		// the accepted rows reach the live layer
		await page.getByTestId('use-accepted').click();
		await page.getByTestId('live-counts').waitFor();
		expect(plain(await page.getByTestId('live-counts').textContent())).toMatch(/participants\s*6.*services\s*2/s);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a workbook is checked in the worker too: every sheet checked or reported skipped, problems name the sheet', async () => {
		const { page, context, errors } = await offlinePage(site.browser);
		await page.goto(site.url + '/data/');
		await waitForData(page);
		const rows = participantsCsv.trim().split('\n').map((l) => l.split(';'));
		rows[3][6] = 'četrdesmit'; // L03's age: not a number
		const book = makeXlsx([
			{ name: 'Piezīmes', rows: [['Sagatavoja Ogres novada sociālais dienests']] },
			{ name: 'Dalībnieki', rows }
		]);
		await page.getByTestId('file-input').setInputFiles([{ name: 'ogre.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(book) }]);
		await page.getByTestId('use-accepted').waitFor();
		const card = page.getByTestId('report-ogre.xlsx');
		expect(plain(await card.getByTestId('stat-accepted').first().textContent())).toBe('5');
		const problems = await card
			.getByTestId('problems')
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
		expect(problems.map((p) => `${p[0]}:${p[3]}`)).toEqual(['Dalībnieki 4:not_a_number', 'Piezīmes –:sheet_skipped']);
		expect(errors).toEqual([]);
		await context.close();
	});
});
