import { describe, it, expect } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { writeXlsx, sheetNames, columnName, escapeXml } from '../../../src/lib/export/xlsx-write';

const sheets = [
	{
		name: 'Mērķi',
		header: ['Plāna joma', 'Mērķi', 'Rezultāts', '% no mērķiem'],
		rows: [
			['Ģimenes spēja atbalstīt', 195, 167, 0.8564],
			['Bērna funkcionēšana', 341, 235, 0.6891],
			['Visas jomas', 536, 402, 0.75]
		]
	},
	{
		name: 'KIDSCREEN: bērni / vecāki [T]',
		header: ['Dimensija', 'n', 'p'],
		rows: [
			['Skolas vide <&> "x"', 57, 0.0123],
			['Slēpts', NaN, null],
			['=SUM(A1)', true, undefined]
		]
	}
];

describe('writeXlsx', () => {
	it('writes a zip with one worksheet per table, valid names and typed cells', () => {
		const bytes = writeXlsx(sheets);
		const files = unzipSync(bytes);
		expect(Object.keys(files).sort()).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'xl/_rels/workbook.xml.rels',
			'xl/styles.xml',
			'xl/workbook.xml',
			'xl/worksheets/sheet1.xml',
			'xl/worksheets/sheet2.xml'
		]);
		const workbook = strFromU8(files['xl/workbook.xml']);
		expect([...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1])).toEqual(['Mērķi', 'KIDSCREEN bērni vecāki T']);
		const s1 = strFromU8(files['xl/worksheets/sheet1.xml']);
		expect(s1).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Plāna joma</t></is></c>');
		expect(s1).toContain('<c r="B4"><v>536</v></c>');
		expect(s1).toContain('<c r="D4"><v>0.75</v></c>');
		const s2 = strFromU8(files['xl/worksheets/sheet2.xml']);
		expect(s2).toContain('Skolas vide &lt;&amp;&gt; &quot;x&quot;');
		// NaN and null leave the cell empty; booleans are booleans; "=…" stays text (never a formula), neutralised (export/formula.ts).
		expect(s2).toContain('<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">Slēpts</t></is></c></row>');
		expect(s2).toContain('<c r="B4" t="b"><v>1</v></c>');
		expect(s2).not.toContain('<f>');
		expect(s2).toContain("'=SUM(A1)");
		expect(strFromU8(files['[Content_Types].xml'])).toContain('/xl/worksheets/sheet2.xml');
	});

	it('is read back by an independent reader (read-excel-file) with the same values', async () => {
		const bytes = writeXlsx(sheets);
		const book = (await readXlsxFile(Buffer.from(bytes))) as unknown as { sheet: string; data: unknown[][] }[];
		expect(book.map((s) => s.sheet)).toEqual(['Mērķi', 'KIDSCREEN bērni vecāki T']);
		expect(book[0].data).toEqual([sheets[0].header, ...sheets[0].rows]);
		expect(book[1].data[1]).toEqual(['Skolas vide <&> "x"', 57, 0.0123]);
		expect(book[1].data[2][0]).toBe('Slēpts');
		expect(book[1].data[2][1] ?? null).toBeNull();
		expect(book[1].data[3]).toEqual(["'=SUM(A1)", true, null]);
	});

	it('is deterministic and writes an empty sheet when given none', async () => {
		expect(writeXlsx(sheets)).toEqual(writeXlsx(sheets));
		const files = unzipSync(writeXlsx([]));
		expect(strFromU8(files['xl/workbook.xml'])).toContain('<sheet name="Sheet1"');
	});
});

describe('helpers', () => {
	it('names columns A…Z, AA…', () => {
		expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
	});
	it('makes sheet names valid and unique (≤ 31 characters)', () => {
		const names = sheetNames(['Izmaksas pa pakalpojumu grupām un mēnešiem', 'Izmaksas pa pakalpojumu grupām un mēnešiem', '', 'a/b', 'History', 'A', 'a']);
		expect(names.every((n) => n.length <= 31)).toBe(true);
		expect(names[0]).toBe('Izmaksas pa pakalpojumu grupām');
		expect(names[1]).toBe('Izmaksas pa pakalpojumu gru (2)');
		expect(names.slice(2)).toEqual(['Sheet3', 'a b', 'Sheet5', 'A', 'a (2)']);
	});
	it('escapes XML and drops characters XML cannot carry', () => {
		expect(escapeXml('a\u0001<b>&"')).toBe('a&lt;b&gt;&amp;&quot;');
	});
});
