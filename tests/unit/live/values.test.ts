import { describe, expect, it } from 'vitest';
import { isFormulaLike, looksMisEncoded, parseBoolean, parseDate, parseInteger, parseNumber } from '../../../src/lib/live/values.ts';

describe('cell values', () => {
	it('numbers: decimal point always, Latvian decimal comma and space thousands only when allowed', () => {
		expect(parseNumber('12.5')).toBe(12.5);
		expect(parseNumber('-3')).toBe(-3);
		expect(parseNumber('1e3')).toBe(1000);
		expect(parseNumber('12,5')).toBeUndefined();
		expect(parseNumber('12,5', true)).toBe(12.5);
		expect(parseNumber('1 234,56', true)).toBe(1234.56);
		expect(parseNumber('1\u00a0234\u00a0567,8', true)).toBe(1234567.8);
		expect(parseNumber('1.234,56', true)).toBeUndefined();
		expect(parseNumber('12 34,5', true)).toBeUndefined();
		expect(parseNumber('NaN')).toBeUndefined();
		expect(parseNumber(Infinity)).toBeUndefined();
		expect(parseInteger('12.0')).toBe(12);
		expect(parseInteger('12.5')).toBeUndefined();
		expect(parseInteger('3000000000')).toBeUndefined();
	});

	it('dates: ISO, DD.MM.YYYY, spreadsheet dates; impossible days refused', () => {
		expect(parseDate('2019-03-01')).toBe('2019-03-01');
		expect(parseDate('2019-03-01 00:00:00')).toBe('2019-03-01');
		expect(parseDate('1.3.2019.')).toBe('2019-03-01');
		expect(parseDate(new Date(Date.UTC(2020, 1, 29)))).toBe('2020-02-29');
		expect(parseDate('2019-02-29')).toBeUndefined();
		expect(parseDate('03/01/2019')).toBeUndefined();
		expect(parseDate('2019-03-01T12:00:00')).toBeUndefined();
	});

	it('booleans in English, Latvian and Excel LV', () => {
		expect(['true', 'TRUE', '1', 'jā', 'Ja', 'yes', 'PATIESS'].map(parseBoolean)).toEqual(Array(7).fill(true));
		expect(['false', '0', 'nē', 'ne', 'no', 'APLAMS'].map(parseBoolean)).toEqual(Array(6).fill(false));
		expect(parseBoolean('maybe')).toBeUndefined();
	});

	it('formula-like cells (OWASP CSV injection) vs numbers and placeholders', () => {
		for (const f of ['=1+1', '=HYPERLINK("http://x","y")', '+cmd|\' /C calc\'!A0', '@SUM(A1:A2)', '-2+3', '\t=1', '  =A1'])
			expect(isFormulaLike(f), f).toBe(true);
		for (const v of ['-12.5', '+3', '-1 234,5', 'a=b', '-', 'C001', ''])
			expect(isFormulaLike(v), v).toBe(false);
	});

	it('mis-encoded Latvian text', () => {
		expect(looksMisEncoded('DalÄ«bnieks')).toBe(true);
		expect(looksMisEncoded('Dal\uFFFDbnieks')).toBe(true);
		expect(looksMisEncoded('Dalībnieks, Ādaži, Ķegums')).toBe(false);
	});
});
