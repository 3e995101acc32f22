import { beforeAll, describe, expect, it } from 'vitest';
import { checkXlsx, listSheets, readSheetGrid, readWorkbook, scanSheetXml, tableForSheet, cellRef } from '../../../src/lib/live/xlsx.ts';
import { checkSheet } from '../../../src/lib/live/check.ts';
import { createContext, type ValidationContext } from '../../../src/lib/live/validate.ts';
import { makeXlsx, type XCell } from './make-xlsx.ts';
import { TODAY, referenceContext, triples } from './helpers.ts';

const SERVICES_HEADER = ['event_id', 'participant_id', 'service_code', 'month', 'units', 'unit_price_eur', 'cost_eur', 'provider_id', 'price_basis'];
const svc = (id: string, extra: Partial<Record<string, XCell>> = {}): XCell[] => {
	const r: Record<string, XCell> = {
		event_id: id,
		participant_id: 'C001',
		service_code: 'C_PSYCH',
		month: { date: '2018-10-01' },
		units: 4,
		unit_price_eur: 25.5,
		cost_eur: 102,
		provider_id: 'P01',
		price_basis: 'market',
		...extra
	};
	return SERVICES_HEADER.map((h) => r[h]);
};

let ctx: ValidationContext;
beforeAll(async () => {
	ctx = await referenceContext();
});

describe('XLSX reading', () => {
	const book = makeXlsx([
		{ name: 'Pakalpojumi', rows: [SERVICES_HEADER, svc('X1'), svc('X2', { cost_eur: { f: 'E3*F3', v: 102 } })] },
		{ name: 'notes', rows: [['free text'], [null, 'B2 only']] }
	]);

	it('lists sheets and reads values: strings, numbers, dates (UTC day), formulas as cached values', async () => {
		expect(listSheets(book)).toEqual(['Pakalpojumi', 'notes']);
		const g = await readSheetGrid(book, 'Pakalpojumi');
		expect(g.rows[1][3]).toBeInstanceOf(Date);
		expect((g.rows[1][3] as Date).toISOString()).toBe('2018-10-01T00:00:00.000Z');
		expect(g.rows[2][6]).toBe(102);
		expect(g.formulaCells).toEqual([{ row: 3, col: 7 }]);
		expect(g.merges).toEqual([]);
		const notes = await readSheetGrid(book, 2);
		expect(notes.rows).toEqual([
			['free text', null],
			[null, 'B2 only']
		]);
	});

	it('maps sheet names to tables by name or Latvian label', () => {
		expect(tableForSheet('Pakalpojumi')).toBeNull(); // not a label (services' label is "Saņemtie pakalpojumi …")
		expect(tableForSheet('services')).toBe('services');
		expect(tableForSheet('Dalībnieki')).toBe('participants');
		expect(tableForSheet('Individuālie budžeti')).toBe('budgets');
	});

	it('finds formula cells and merged ranges in sheet XML', () => {
		const xml = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="AB12"><f>SUM(A1:A2)</f><v>3</v></c><c r="C1"/></row></sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="D5:D6"/></mergeCells>';
		expect(scanSheetXml(xml)).toEqual({
			formulaCells: [{ row: 12, col: 28 }],
			merges: [
				{ ref: 'A1:C1', top: 1, left: 1, bottom: 1, right: 3 },
				{ ref: 'D5:D6', top: 5, left: 4, bottom: 6, right: 4 }
			]
		});
		expect(cellRef('AA3')).toEqual({ row: 3, col: 27 });
	});

	it('reads all sheets of a workbook', async () => {
		const all = await readWorkbook(book);
		expect(all.map((s) => s.sheet)).toEqual(['Pakalpojumi', 'notes']);
	});
});

describe('XLSX checking', () => {
	it('checks a chosen sheet: formula cell → cached value with a warning; dates typed', async () => {
		const book = makeXlsx([{ name: 'Sheet1', rows: [SERVICES_HEADER, svc('X1'), svc('X2', { cost_eur: { f: 'E3*F3', v: 102 } })] }]);
		const [r] = await checkXlsx('report.xlsx', book, ctx, { today: TODAY, sheet: 'Sheet1' });
		expect(r.file).toBe('report.xlsx#Sheet1');
		expect(r.table).toBe('services');
		expect(triples(r.problems)).toEqual([['formula_cached_value', 3, 'cost_eur']]);
		expect(r.accepted.map((a) => [a.event_id, a.month, a.cost_eur])).toEqual([
			['X1', '2018-10-01', 102],
			['X2', '2018-10-01', 102]
		]);
	});

	it('one sheet per table by sheet name, parents first; chain makes a workbook self-contained', async () => {
		const parents = await referenceContext(['municipalities.csv', 'programmes.csv', 'plan_domains.csv', 'service_catalogue.csv', 'providers.csv']);
		const partHeader = ['participant_id', 'cohort', 'programme', 'municipality_code', 'sex', 'birth_year', 'age_at_entry', 'enrolled_on', 'household_type', 'income_status', 'impairment_vision', 'impairment_hearing', 'impairment_mobility', 'impairment_mental', 'family_structure', 'caregiver_type'];
		const book = makeXlsx([
			{ name: 'services', rows: [SERVICES_HEADER, svc('W1')] },
			{
				name: 'participants',
				rows: [partHeader, ['C001', 'child', 'pilot1_children_2018', 'TALSI_N', 'F', 2010, 8, { date: '2018-09-15' }, 'married_2_children', 'none', false, false, true, true, 'two_parent', 'parents']]
			},
			{ name: 'notes', rows: [['ignored']] }
		]);
		const results = await checkXlsx('book.xlsx', book, parents, { today: TODAY, chain: true });
		expect(results.map((r) => [r.file, r.table, r.accepted.length, r.problems.length])).toEqual([
			['book.xlsx#participants', 'participants', 1, 0],
			['book.xlsx#services', 'services', 1, 0],
			// every sheet is checked or reported as skipped (issue 16)
			['book.xlsx#notes', null, 0, 1]
		]);
		expect(results[2].problems[0].code).toBe('sheet_skipped');
		expect(results[0].accepted[0]).toMatchObject({ impairment_vision: false, impairment_mobility: true, enrolled_on: '2018-09-15' });
	});

	it('merged header rows are rejected (merge info from the file)', async () => {
		const book = makeXlsx([
			{
				name: 'services',
				rows: [['Pakalpojumi', null, null, null, null, null, null, null, null], SERVICES_HEADER, svc('M1')],
				merges: ['A1:I1']
			}
		]);
		const [r] = await checkXlsx('merged.xlsx', book, ctx, { today: TODAY });
		expect(triples(r.problems)).toEqual([['header_merged', 1, null]]);
		expect(r.fileRejected).toBe(true);
	});

	it('a merged block inside the header row is also rejected; merges in data rows reject those rows only', async () => {
		const header2 = [...SERVICES_HEADER];
		const book = makeXlsx([
			{ name: 'a', rows: [header2, svc('M1')], merges: ['F1:G1'] },
			{ name: 'b', rows: [SERVICES_HEADER, svc('M2'), svc('M3'), svc('M4')], merges: ['H3:H4'] }
		]);
		const [a] = await checkXlsx('a.xlsx', book, ctx, { today: TODAY, sheet: 'a' });
		expect(triples(a.problems)).toEqual([['header_merged', 1, null]]);
		const [b] = await checkXlsx('b.xlsx', book, ctx, { today: TODAY, sheet: 'b' });
		expect(triples(b.problems)).toEqual([
			['merged_data_cells', 3, 'provider_id'],
			['merged_data_cells', 4, 'provider_id']
		]);
		expect(b.accepted.map((a) => a.event_id)).toEqual(['M2']);
	});

	it('a 120-column sheet is rejected with too_many_columns', async () => {
		const header: XCell[] = [...SERVICES_HEADER, ...Array.from({ length: 111 }, (_, i) => `x${i}`)];
		const row: XCell[] = [...svc('W1'), ...Array(111).fill(1)];
		const [r] = await checkXlsx('wide.xlsx', makeXlsx([{ name: 'services', rows: [header, row] }]), ctx, { today: TODAY });
		expect(triples(r.problems)).toEqual([['too_many_columns', 1, null]]);
		expect(r.problems[0].message_en).toContain('120 columns');
	});

	it('a text cell holding =HYPERLINK(...) is rejected, never evaluated', async () => {
		const book = makeXlsx([{ name: 'services', rows: [SERVICES_HEADER, svc('H1', { provider_id: '=HYPERLINK("http://evil.example","x")' })] }]);
		const [r] = await checkXlsx('h.xlsx', book, ctx, { today: TODAY });
		expect(triples(r.problems)).toEqual([['formula_like', 2, 'provider_id']]);
	});

	it('not a workbook, unknown sheet, empty sheet', async () => {
		const [junk] = await checkXlsx('junk.xlsx', new TextEncoder().encode('code,name\n'), ctx);
		expect(triples(junk.problems)).toEqual([['xlsx_invalid', null, null]]);
		const book = makeXlsx([{ name: 'services', rows: [] }]);
		const [missing] = await checkXlsx('b.xlsx', book, ctx, { sheet: 'nope' });
		expect(triples(missing.problems)).toEqual([['sheet_not_found', null, null]]);
		const [empty] = await checkXlsx('b.xlsx', book, ctx);
		expect(triples(empty.problems)).toEqual([['file_empty', null, null]]);
	});

	it('checkSheet works on any grid (e.g. one the page built itself); ragged rows are fine in sheets', () => {
		const r = checkSheet('grid', { rows: [['code', 'name_lv', 'name_en', 'kind', 'region'], ['TALSI_N', 'Talsu novads', 'Talsi county', 'county', 'Kurzeme'], [], ['OGRE_N', 'Ogres novads', 'Ogre county', 'county']] }, createContext());
		expect(triples(r.problems)).toEqual([
			['row_empty', 3, null],
			['required_missing', 4, 'region']
		]);
	});
});
