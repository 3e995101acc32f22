/** The one formula rule (export/formula.ts) and the CSV and XLSX writers that use it. */
import { describe, it, expect } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { neutraliseFormulas } from '../../../src/lib/export/formula';
import { escapeCsvCell, toCsv } from '../../../src/lib/export/csv';
import { writeXlsx } from '../../../src/lib/export/xlsx-write';
import { parseCsv } from '../../../src/lib/live/csv';

describe('neutraliseFormulas', () => {
	it('neutralises a formula start at the start of the cell', () => {
		expect(neutraliseFormulas('=HYPERLINK("http://evil.example","x")')).toBe(`'=HYPERLINK("http://evil.example","x")`);
		expect(neutraliseFormulas('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(neutraliseFormulas('+cmd|x')).toBe("'+cmd|x");
		expect(neutraliseFormulas('-2+3+cmd')).toBe("'-2+3+cmd");
		expect(neutraliseFormulas('\t=1')).toBe("'\t'=1");
		expect(neutraliseFormulas('\rX')).toBe("'\rX");
		expect(neutraliseFormulas('   =1+1')).toBe("   '=1+1");
	});

	it('neutralises after every separator an importer may split on', () => {
		expect(neutraliseFormulas('Rīga;=cmd|x')).toBe("Rīga;'=cmd|x");
		expect(neutraliseFormulas('a,=1+1')).toBe("a,'=1+1");
		expect(neutraliseFormulas('a|@x')).toBe("a|'@x");
		expect(neutraliseFormulas('a\t+x')).toBe("a\t'+x");
		expect(neutraliseFormulas('first line\n=HYPERLINK("x")')).toBe(`first line\n'=HYPERLINK("x")`);
		expect(neutraliseFormulas('a\r\n-x')).toBe("a\r\n'-x");
	});

	it('leaves plain numbers in text, ordinary text and prose alone', () => {
		for (const s of ['-12,5', '-12.5', '+3', '-4%', 'a;-12,5', 'Rīga', 'sākas ar =, +, -, @', 'a - b', 'e-pasts', 'x = y', '']) {
			expect(neutraliseFormulas(s)).toBe(s);
		}
	});
});

describe('CSV and XLSX writers', () => {
	it('CSV: text is neutralised, numbers (negative too) stay numbers, and the file parses back', () => {
		expect(escapeCsvCell(-12.5)).toBe('-12.5');
		expect(escapeCsvCell('-12,5')).toBe('"-12,5"');
		expect(escapeCsvCell(true)).toBe('true');
		const csv = toCsv(['label', 'value'], [['x;=cmd', -3], ['ok\n=1+1', 2], ['=A1', null]]);
		expect(parseCsv(csv).records.map((r) => r.fields)).toEqual([
			['label', 'value'],
			["x;'=cmd", '-3'],
			["ok\n'=1+1", '2'],
			["'=A1", '']
		]);
	});

	it('XLSX: text cells are neutralised by the same rule, numbers stay numbers', () => {
		const files = unzipSync(writeXlsx([{ name: 'S', rows: [['a;=cmd', -12.5, '-12,5']] }]));
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
		expect(sheet).toContain('<t xml:space="preserve">a;&apos;=cmd</t>'.replace('&apos;', "'"));
		expect(sheet).toContain('<c r="B1"><v>-12.5</v></c>');
		expect(sheet).toContain('<t xml:space="preserve">-12,5</t>');
		expect(sheet).not.toContain('<f>');
	});
});
