import { describe, expect, it } from 'vitest';
import { CsvStreamParser, Utf8ChunkDecoder, detectDelimiter, parseCsv, type CsvRecord } from '../../../src/lib/live/csv.ts';

/** Feed `text` in pieces of `size` characters. */
function feedInPieces(text: string, size: number, p = new CsvStreamParser()) {
	const out: CsvRecord[] = [];
	for (let i = 0; i < text.length; i += size) out.push(...p.feed(text.slice(i, i + size)));
	out.push(...p.end());
	return { records: out, issues: p.takeIssues(), delimiter: p.delimiter };
}

const TRICKY =
	'\uFEFFid;name;note\r\n' +
	'1;"a;b";"say ""hi"""\r\n' +
	'2;"multi\r\nline";x\r\n' +
	'3;;\n' +
	'4;"";"end"\r' +
	'5;last;row';

describe('CsvStreamParser', () => {
	it('reads RFC 4180 quoting, BOM, CRLF/LF/CR and reports record rows and lines', () => {
		const { records, issues, delimiter } = parseCsv(TRICKY);
		expect(delimiter).toBe(';');
		expect(issues).toEqual([]);
		expect(records).toEqual([
			{ row: 1, line: 1, fields: ['id', 'name', 'note'] },
			{ row: 2, line: 2, fields: ['1', 'a;b', 'say "hi"'] },
			{ row: 3, line: 3, fields: ['2', 'multi\r\nline', 'x'] },
			{ row: 4, line: 5, fields: ['3', '', ''] },
			{ row: 5, line: 6, fields: ['4', '', 'end'] },
			{ row: 6, line: 7, fields: ['5', 'last', 'row'] }
		]);
	});

	it('gives the same records whatever the chunk size (1, 2, 3, 7 characters)', () => {
		const whole = parseCsv(TRICKY).records;
		for (const size of [1, 2, 3, 7]) expect(feedInPieces(TRICKY, size).records).toEqual(whole);
	});

	it('detects the separator from the header line, outside quotes', () => {
		expect(detectDelimiter('a,b,c')).toBe(',');
		expect(detectDelimiter('Dalībnieks;Mēnesis;"Izmaksas, EUR"')).toBe(';');
		expect(detectDelimiter('"a;b;c",d')).toBe(',');
		expect(detectDelimiter('a\tb\tc')).toBe('\t');
		expect(detectDelimiter('single')).toBe(',');
	});

	it('honours a forced separator', () => {
		const p = new CsvStreamParser({ delimiter: ';' });
		expect(p.feed('a,b;c\n').map((r) => r.fields)).toEqual([['a,b', 'c']]);
	});

	it('reports an unterminated quote at the end (truncated file) and drops that record', () => {
		const { records, issues } = parseCsv('a,b\n1,2\n3,"cut');
		expect(records.map((r) => r.fields)).toEqual([
			['a', 'b'],
			['1', '2']
		]);
		expect(issues).toEqual([{ code: 'csv_unterminated_quote', row: 3, line: 3, detail: 3 }]);
	});

	it('reports rows with a different number of fields than the header (blank lines excepted)', () => {
		const { issues } = parseCsv('a,b,c\n1,2\n\n1,2,3,4\n1,2,3\n');
		expect(issues).toEqual([
			{ code: 'csv_field_count', row: 2, line: 2, detail: 2 },
			{ code: 'csv_field_count', row: 4, line: 4, detail: 4 }
		]);
	});

	it('reports a stray quote once per record and keeps the text literally', () => {
		const { records, issues } = parseCsv('a,b\nx"y"z,"q"r\n');
		expect(records[1].fields).toEqual(['x"y"z', 'qr']);
		expect(issues).toEqual([{ code: 'csv_stray_quote', row: 2, line: 2 }]);
	});

	it('reports an empty input', () => {
		expect(parseCsv('').issues).toEqual([{ code: 'file_empty', row: null, line: null }]);
		expect(parseCsv('\uFEFF').issues).toEqual([{ code: 'file_empty', row: null, line: null }]);
	});

	it('stops on a record longer than maxRecordChars (bounded memory on a runaway quote)', () => {
		const p = new CsvStreamParser({ maxRecordChars: 100 });
		const out = [...p.feed('a,b\n1,"'), ...p.feed('x'.repeat(150)), ...p.feed('more\n2,3\n'), ...p.end()];
		expect(out.map((r) => r.fields)).toEqual([['a', 'b']]);
		expect(p.stopped).toBe(true);
		expect(p.takeIssues()).toEqual([{ code: 'csv_record_too_long', row: 2, line: 2, detail: 100 }]);
	});

	it('does not emit a record for the final newline', () => {
		expect(parseCsv('a\n1\n').records.length).toBe(2);
		expect(parseCsv('a\r\n1\r\n').records.length).toBe(2);
	});
});

describe('Utf8ChunkDecoder', () => {
	const enc = new TextEncoder();

	it('drops the BOM and joins a multi-byte character split across chunks', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Dalībnieks')]);
		const d = new Utf8ChunkDecoder();
		let text = '';
		for (const b of bytes) text += d.decode(new Uint8Array([b]));
		text += d.decode(new Uint8Array(0), true);
		expect(text).toBe('Dalībnieks');
		expect(d.takeIssues()).toEqual([]);
	});

	it('refuses NUL bytes (binary junk)', () => {
		const d = new Utf8ChunkDecoder();
		expect(d.decode(enc.encode('ok'))).toBe('ok');
		expect(d.decode(new Uint8Array([0x41, 0x00, 0x42]))).toBe('');
		expect(d.failed).toBe(true);
		expect(d.takeIssues()).toEqual([{ code: 'binary_content', row: null, line: null, detail: 'NUL @ 3' }]);
	});

	it('refuses invalid UTF-8 (Windows-1257 "ā" = 0xE2) with its byte offset', () => {
		const d = new Utf8ChunkDecoder();
		d.decode(new Uint8Array([0x4c, 0x69, 0x65, 0x70, 0xe2, 0x6a]), true);
		expect(d.takeIssues()).toEqual([{ code: 'encoding_invalid_utf8', row: null, line: null, detail: 4 }]);
	});

	it('refuses a truncated multi-byte character at the end', () => {
		const d = new Utf8ChunkDecoder();
		expect(d.decode(new Uint8Array([0x61, 0xc4]))).toBe('a');
		d.decode(new Uint8Array(0), true);
		expect(d.takeIssues().map((i) => i.code)).toEqual(['encoding_invalid_utf8']);
	});

	it('recognises UTF-16 and zip (an XLSX renamed .csv)', () => {
		const a = new Utf8ChunkDecoder();
		a.decode(new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
		expect(a.takeIssues()).toEqual([{ code: 'encoding_utf16', row: null, line: null, detail: undefined }]);
		const b = new Utf8ChunkDecoder();
		b.decode(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]));
		expect(b.takeIssues()).toEqual([{ code: 'binary_content', row: null, line: null, detail: 'zip/xlsx' }]);
	});
});
