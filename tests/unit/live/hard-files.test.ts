/**
 * Hard files (issue 16): every fault class has a fixture in tests/fixtures/live/
 * (written by make-hard.ts or by hand) and is reported, row by row where it can
 * be, never thrown. Also the streaming Parquet / Arrow checks the worker runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParquetDecoder } from '../../../src/lib/db/parquet.ts';
import { checkArrow, checkParquet, MAX_ROWS_PER_FILE } from '../../../src/lib/live/columnar.ts';
import { checkUpload, detectUploadTable, inContractOrder, inDetectedOrder, type UploadInput } from '../../../src/lib/live/upload.ts';
import { checkXlsx, MAX_SHEET_BYTES } from '../../../src/lib/live/xlsx.ts';
import { addAccepted, type ValidationContext } from '../../../src/lib/live/validate.ts';
import { NULL_SPELLINGS, isBlank, looksMisEncoded } from '../../../src/lib/live/values.ts';
import contractJson from '../../../data/schema.json' with { type: 'json' };
import { fixture, referenceContext, TODAY, triples } from './helpers.ts';

const upload = (name: string, bytes = fixture(name), as = name): UploadInput & Blob => {
	const blob = new Blob([bytes as BlobPart]);
	return Object.assign(blob, { name: as }) as unknown as UploadInput & Blob;
};

let ctx: ValidationContext;
beforeAll(async () => {
	await initParquetDecoder(readFileSync(resolve(import.meta.dirname, '../../../node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm')));
});
const fresh = async () => (ctx = await referenceContext());

describe('Parquet, row group by row group', () => {
	it('checks rows streamed from the file: row numbers as a spreadsheet export, dates typed', async () => {
		await fresh();
		const r = await checkParquet('services-ok.parquet', new Blob([fixture('services-ok.parquet') as BlobPart]), ctx, { today: TODAY });
		expect(r.table).toBe('services');
		expect(r.fileRejected).toBe(false);
		expect(r.accepted.map((a) => [a.event_id, a.month, a.cost_eur])).toEqual([
			['Q1', '2018-10-01', 102],
			['Q2', '2018-11-01', 51]
		]);
		expect(triples(r.problems)).toEqual([['cost_mismatch', 4, 'cost_eur']]);
	});

	it('a truncated Parquet file is a file-level problem with the reason, never an exception', async () => {
		await fresh();
		const r = await checkParquet('truncated.parquet', new Blob([fixture('truncated.parquet') as BlobPart]), ctx);
		expect(triples(r.problems)).toEqual([['parquet_invalid', null, null]]);
		expect(r.problems[0].message_en).toMatch(/cannot be read as Parquet.*footer/i);
		expect(r.problems[0].message_lv).toMatch(/Parquet/);
		expect(r.fileRejected).toBe(true);
		expect(r.accepted).toEqual([]);
		// so is any other file named .parquet
		const junk = await checkUpload(upload('binary-junk.csv', fixture('binary-junk.csv'), 'x.parquet'), ctx);
		expect(junk[0].problems.map((p) => p.code)).toEqual(['parquet_invalid']);
	});

	it('20 M rows declared in a few KB are refused from the footer, before anything is decoded', async () => {
		await fresh();
		const bytes = fixture('services-20m.parquet');
		expect(bytes.length).toBeLessThan(10_000);
		const before = process.memoryUsage().rss;
		const r = await checkParquet('services-20m.parquet', new Blob([bytes as BlobPart]), ctx);
		expect(triples(r.problems)).toEqual([['too_many_rows', null, null]]);
		expect(r.problems[0].value).toBe('20000000');
		expect(r.problems[0].message_en).toContain(String(MAX_ROWS_PER_FILE));
		expect(r.stats.rows).toBe(0);
		expect(r.fileRejected).toBe(true);
		// decoding would take ~500 MB
		expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
	});
});

describe('Arrow IPC, record batch by record batch', () => {
	it.each(['services.arrows', 'services.arrow'])('%s: the same rows and problems as the Parquet file', async (name) => {
		await fresh();
		const r = await checkArrow(name, fixture(name), ctx, { today: TODAY });
		expect(r.table).toBe('services');
		expect(r.accepted.map((a) => [a.event_id, a.month])).toEqual([
			['Q1', '2018-10-01'],
			['Q2', '2018-11-01']
		]);
		expect(triples(r.problems)).toEqual([['cost_mismatch', 4, 'cost_eur']]);
	});

	it('row counts are added up as batches arrive and checked against the limit before their rows are read', async () => {
		await fresh();
		const r = await checkArrow('services.arrows', fixture('services.arrows'), ctx, { today: TODAY, maxRows: 2 });
		expect(triples(r.problems)).toEqual([['too_many_rows', null, null]]);
		expect(r.stats.rows).toBe(0);
		expect(r.fileRejected).toBe(true);
	});

	it('a cut Arrow stream is a file-level problem', async () => {
		await fresh();
		const r = await checkArrow('truncated.arrows', fixture('truncated.arrows'), ctx);
		expect(r.problems.map((p) => p.code)).toEqual(['arrow_invalid']);
		expect(r.fileRejected).toBe(true);
	});

	it.each(['services.arrows', 'services.arrow'])('checkUpload streams %s from the file', async (name) => {
		await fresh();
		const [r] = await checkUpload(upload(name), ctx, { today: TODAY });
		expect(r.accepted.length).toBe(2);
		expect(r.problems.map((p) => p.code)).toEqual(['cost_mismatch']);
	});
});

describe('XLSX', () => {
	it('merged cells in data rows reject only those rows, with their numbers and reason; nothing valid lost', async () => {
		await fresh();
		const [r] = await checkXlsx('merged-data-rows.xlsx', fixture('merged-data-rows.xlsx'), ctx, { today: TODAY });
		expect(r.fileRejected).toBe(false);
		expect(triples(r.problems)).toEqual([
			['merged_data_cells', 3, 'provider_id'],
			['merged_data_cells', 4, 'provider_id']
		]);
		expect(r.problems[0].value).toBe('H3:H4');
		expect(r.problems[0].message_en).toMatch(/merged range H3:H4.*unmerge/);
		expect(r.accepted.map((a) => a.event_id)).toEqual(['M1', 'M4']);
	});

	it('a merge in the header rejects the file with its reason', async () => {
		await fresh();
		const [r] = await checkXlsx('merged-header.xlsx', fixture('merged-header.xlsx'), ctx, { today: TODAY });
		expect(triples(r.problems)).toEqual([['header_merged', 1, null]]);
		expect(r.problems[0].value).toBe('A1:B1');
		expect(r.fileRejected).toBe(true);
	});

	it('every sheet is checked (by its name or its header) or reported as skipped with the reason', async () => {
		await fresh();
		const results = await checkXlsx('sheets.xlsx', fixture('sheets.xlsx'), await referenceContext(['municipalities.csv', 'programmes.csv', 'plan_domains.csv', 'service_catalogue.csv', 'providers.csv']), {
			today: TODAY,
			chain: true
		});
		const bySheet = Object.fromEntries(results.map((r) => [r.file.split('#')[1], r]));
		expect(Object.keys(bySheet).sort()).toEqual(['Dalībnieki', 'Piezīmes', 'Tukša', 'marts'].sort());
		// participants (by the Latvian sheet name) before services (from the header of "marts")
		expect(results.map((r) => r.table).slice(0, 2)).toEqual(['participants', 'services']);
		expect(bySheet['marts'].accepted.map((a) => a.event_id)).toEqual(['W1']);
		expect(bySheet['Dalībnieki'].accepted.length).toBe(3);
		expect(triples(bySheet['Piezīmes'].problems)).toEqual([['sheet_skipped', null, null]]);
		expect(bySheet['Piezīmes'].problems[0].message_en).toMatch(/Sheet "Piezīmes" was not checked: its first rows hold no header/);
		expect(bySheet['Tukša'].problems[0].message_lv).toMatch(/"Tukša" netika pārbaudīta: tā ir tukša/);
	});

	it('a sheet that unpacks huge is refused from the zip directory, memory bounded', async () => {
		await fresh();
		const bytes = fixture('huge-sheet.xlsx');
		expect(bytes.length).toBeLessThan(200_000);
		const before = process.memoryUsage().rss;
		const [r] = await checkXlsx('huge-sheet.xlsx', bytes, ctx);
		expect(triples(r.problems)).toEqual([['xlsx_too_large', null, null]]);
		expect(r.problems[0].message_en).toMatch(/xl\/worksheets\/sheet1\.xml: 60 MB > 50 MB/);
		expect(MAX_SHEET_BYTES).toBe(50 * 1024 * 1024);
		expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
	});
});

describe('files dropped together', () => {
	it('are ordered by the table detected in them, not by their name', async () => {
		const files = [upload('services-2018.csv'), upload('dalibnieki.csv'), upload('sheets.xlsx'), upload('services-ok.parquet'), upload('services.arrows')];
		expect(await Promise.all(files.map(detectUploadTable))).toEqual(['services', 'participants', 'participants', 'services', 'services']);
		// by name, the services file would come first and its rows be unknown participants
		expect(inContractOrder(files.slice(0, 2)).map((f) => f.name)).toEqual(['services-2018.csv', 'dalibnieki.csv']);
		const ordered = await inDetectedOrder(files.slice(0, 2), detectUploadTable);
		expect(ordered.map((f) => f.name)).toEqual(['dalibnieki.csv', 'services-2018.csv']);
		const c = await referenceContext(['municipalities.csv', 'programmes.csv', 'plan_domains.csv', 'service_catalogue.csv', 'providers.csv']);
		const got: string[] = [];
		for (const f of ordered) {
			for (const r of await checkUpload(f, c, { today: TODAY })) {
				if (r.table && !r.fileRejected) addAccepted(c, r.table, r.accepted);
				got.push(...r.problems.map((p) => p.code), `${r.table}:${r.accepted.length}`);
			}
		}
		expect(got).toEqual(['participants:3', 'services:2']);
	});

	it('a file whose content names no table sorts last; an unreadable one does not throw', async () => {
		const files = [upload('no-header.csv'), upload('truncated.parquet'), upload('dalibnieki.csv')];
		expect((await inDetectedOrder(files, detectUploadTable)).map((f) => f.name)).toEqual(['dalibnieki.csv', 'no-header.csv', 'truncated.parquet']);
	});
});

describe('CSV quotes', () => {
	it('an unclosed quote never swallows records silently: the merged record is rejected naming its lines', async () => {
		await fresh();
		const [r] = await checkUpload(upload('unclosed-quote.csv'), ctx, { today: TODAY });
		expect(r.fileRejected).toBe(false);
		expect(triples(r.problems).filter(([c]) => c !== 'csv_stray_quote')).toEqual([['csv_quote_spans_records', 2, null]]);
		expect(r.problems.find((p) => p.code === 'csv_quote_spans_records')!.message_en).toContain('physical lines 2–4');
		expect(r.accepted.map((a) => a.provider_id)).toEqual(['P13']);
		expect(r.stats.rejected).toBe(1);
	});

	it('a CSV past the row limit is rejected as a whole once the limit is passed', async () => {
		await fresh();
		const [r] = await checkUpload(upload('services-cents.csv'), ctx, { today: TODAY, maxRows: 3 });
		expect(r.problems.map((p) => p.code)).toContain('too_many_rows');
		expect(r.problems.find((p) => p.code === 'too_many_rows')!.message_en).toMatch(/> 3 rows; at most 3/);
		expect(r.fileRejected).toBe(true);
		expect(r.accepted).toEqual([]);
	});

	it('a quote still open at the end rejects the file, naming the line it was opened on', async () => {
		await fresh();
		const [r] = await checkUpload(upload('truncated.csv'), ctx, { today: TODAY });
		expect(r.problems.map((p) => p.code)).toEqual(['csv_unterminated_quote']);
		expect(r.problems[0].message_en).toMatch(/opened on physical line 3 is never closed/);
		expect(r.fileRejected).toBe(true);
	});

	it('quoted line breaks without separators after them are still plain multi-line text', async () => {
		await fresh();
		const [r] = await checkUpload(upload('providers.csv', fixture('providers.csv'), 'providers-2.csv'), await referenceContext(['municipalities.csv']), { today: TODAY });
		expect(r.problems).toEqual([]);
		expect(String(r.accepted[0].label)).toContain('\n');
	});
});

describe('values the contract decides', () => {
	it('NULL spellings (empty, NULL, NA, N/A, -) are NULL, as the contract says; mis-decoded text is a row error naming the column', async () => {
		expect(contractJson.conventions.null_spellings).toEqual([...NULL_SPELLINGS]);
		for (const s of ['', '  ', 'NULL', 'null', 'NA', 'n/a', ' - ']) expect(isBlank(s), s).toBe(true);
		for (const s of ['0', 'nav', '—', 'NAV', 'Nat']) expect(isBlank(s), s).toBe(false);
		expect(looksMisEncoded('Biedrība')).toBe(false);
		expect(looksMisEncoded('KrÄ“slis')).toBe(true); // ē read as Windows-1252
		await fresh();
		const [r] = await checkUpload(upload('providers-nulls-mojibake.csv'), ctx, { today: TODAY });
		expect(triples(r.problems)).toEqual([
			['encoding_mojibake', 5, 'label'],
			['required_missing', 6, 'label']
		]);
		expect(r.problems[0].message_en).toMatch(/Windows-1257.*UTF-8/);
		expect(r.accepted.map((a) => [a.provider_id, a.municipality_code])).toEqual([
			['P20', null],
			['P21', null],
			['P22', null]
		]);
	});

	it('cost_eur is in whole cents: more than two decimals is rejected; NULL in a required number is missing', async () => {
		await fresh();
		const [r] = await checkUpload(upload('services-cents.csv'), ctx, { today: TODAY });
		expect(triples(r.problems)).toEqual([
			['cost_not_cents', 3, 'cost_eur'],
			['required_missing', 5, 'units']
		]);
		// K3: 3 × 10.003 = 30.009 → 30.01 (the cost_mismatch tolerance is 0.01)
		expect(r.accepted.map((a) => a.event_id)).toEqual(['K1', 'K3']);
	});
});
