/**
 * Long: the streaming parser, its UTF-8 chunk decoder and separator detection share one state machine.
 *
 * Streaming CSV reading (RFC 4180) for municipal uploads.
 *
 * - Separator `,`, `;` or tab, detected from the header line (outside quotes)
 *   unless given.
 * - Quoted fields may hold separators, doubled quotes and newlines.
 * - CRLF, LF and lone CR line ends; a UTF-8 BOM is dropped.
 * - Incremental: `feed(chunk)` returns the records completed so far, `end()`
 *   the rest; memory is bounded by the longest record (`maxRecordChars`).
 * - Every record carries `row`, its 1-based record number in the file (the
 *   header is row 1, as a spreadsheet shows it), and `line`, the 1-based
 *   physical line where it starts (differs after quoted newlines).
 *
 * Bytes are decoded with {@link Utf8ChunkDecoder} (strict UTF-8, NUL bytes
 * and zip/UTF-16 signatures reported) before they reach the parser.
 *
 * @example
 * const p = new CsvStreamParser();
 * p.feed('id;name\r\n1;"a;b"\r\n2;"x');   // → [{ row: 1, line: 1, fields: ['id','name'] }, { row: 2, line: 2, fields: ['1','a;b'] }]
 * p.feed('y"\r\n');                        // → [{ row: 3, line: 3, fields: ['2','xy'] }]
 * p.end();                                 // → []
 * p.delimiter;                             // → ';'
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
	/** 1-based record number (header = 1). */
	row: number;
	/** 1-based physical line where the record starts. */
	line: number;
	fields: string[];
	/** Set when a quoted field ran over line ends and held separators after one (`'4–7'`): most likely an unclosed quote that merged records. */
	spans?: string;
}

export type CsvIssueCode =
	| 'csv_unterminated_quote'
	| 'csv_quote_spans_records'
	| 'csv_record_too_long'
	| 'csv_field_count'
	| 'csv_stray_quote'
	| 'file_empty'
	| 'binary_content'
	| 'encoding_invalid_utf8'
	| 'encoding_utf16';

export interface CsvIssue {
	code: CsvIssueCode;
	row: number | null;
	line: number | null;
	/** Field count for csv_field_count, byte offset for encoding_invalid_utf8, limit for csv_record_too_long, … */
	detail?: string | number;
}

export interface CsvParserOptions {
	/** Force the separator instead of detecting it from the header line. */
	delimiter?: Delimiter;
	/** Stop with csv_record_too_long when one record exceeds this many characters (default 1,000,000). */
	maxRecordChars?: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Separator of a header line: the most frequent of `;`, `,`, tab outside
 * quotes; `,` on a tie or when none occurs.
 *
 * @example detectDelimiter('Dalībnieks;Mēnesis;Izmaksas, EUR') // → ';'
 */
export function detectDelimiter(headerLine: string): Delimiter {
	const counts = { ',': 0, ';': 0, '\t': 0 };
	let inQ = false;
	for (const ch of headerLine) {
		if (ch === '"') inQ = !inQ;
		else if (!inQ && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
	}
	let best: Delimiter = ',';
	for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
	return best;
}

/** Incremental RFC 4180 parser. See the module comment for an example. */
export class CsvStreamParser {
	delimiter: Delimiter | null;
	/** Field count of the first record (the header), once seen. */
	headerFieldCount: number | null = null;
	/** Set when the parser stopped (record too long); later input is ignored. */
	stopped = false;

	private readonly maxRecordChars: number;
	private issues: CsvIssue[] = [];
	private pending = ''; // text held back until the header line is complete (delimiter detection)
	private started = false; // first character seen (BOM check)
	private fields: string[] = [];
	private cur = '';
	private recordChars = 0;
	private inQuotes = false;
	private afterQuote = false; // just closed a quoted field
	private fieldQuoted = false;
	private fieldStarted = false; // current field has any character
	private skipLf = false; // previous chunk ended in CR
	private quotedCrAtEnd = false; // previous chunk ended in CR inside quotes
	private line = 1;
	private recordLine = 1;
	private row = 0;
	private sawAnything = false;
	private strayRow = 0;
	private quotedLineEnd = false; // the open quoted field has passed a line end
	private spansRecords = false; // …and then held a separator

	constructor(options: CsvParserOptions = {}) {
		this.delimiter = options.delimiter ?? null;
		this.maxRecordChars = options.maxRecordChars ?? 1_000_000;
	}

	/** Issues found since the last call (and forgets them). */
	takeIssues(): CsvIssue[] {
		const out = this.issues;
		this.issues = [];
		return out;
	}

	/** Parse a chunk of text; returns the records it completed. */
	feed(chunk: string): CsvRecord[] {
		if (this.stopped || chunk.length === 0) return [];
		if (!this.started) {
			this.started = true;
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
		}
		if (chunk.length > 0) this.sawAnything = true;
		if (this.delimiter === null) {
			this.pending += chunk;
			const nl = this.pending.search(/[\r\n]/);
			if (nl < 0) {
				if (this.pending.length <= this.maxRecordChars) return [];
				this.delimiter = detectDelimiter(this.pending);
			} else this.delimiter = detectDelimiter(this.pending.slice(0, nl));
			chunk = this.pending;
			this.pending = '';
		}
		const out: CsvRecord[] = [];
		this.parse(chunk, out);
		return out;
	}

	/** Finish: returns the last record (if the input did not end with a newline) and checks for an open quote. */
	end(): CsvRecord[] {
		const out: CsvRecord[] = [];
		if (this.stopped) return out;
		if (this.delimiter === null) {
			this.delimiter = detectDelimiter(this.pending);
			const text = this.pending;
			this.pending = '';
			this.parse(text, out);
		}
		if (!this.sawAnything) {
			this.issues.push({ code: 'file_empty', row: null, line: null });
			return out;
		}
		if (this.inQuotes) {
			this.issues.push({ code: 'csv_unterminated_quote', row: this.row + 1, line: this.recordLine, detail: this.recordLine });
			// The incomplete record is dropped: its last field is cut.
			this.fields = [];
			this.cur = '';
			this.inQuotes = false;
			return out;
		}
		if (this.fields.length > 0 || this.fieldStarted || this.afterQuote) {
			this.endField();
			this.endRecord(out);
		}
		if (this.row === 0) this.issues.push({ code: 'file_empty', row: null, line: null });
		return out;
	}

	/** One csv_stray_quote per record. */
	private stray(): void {
		if (this.strayRow === this.row + 1) return;
		this.strayRow = this.row + 1;
		this.issues.push({ code: 'csv_stray_quote', row: this.row + 1, line: this.line });
	}

	private endField(): void {
		this.fields.push(this.cur);
		this.cur = '';
		this.fieldQuoted = false;
		this.fieldStarted = false;
		this.afterQuote = false;
	}

	private endRecord(out: CsvRecord[]): void {
		this.row++;
		const fields = this.fields;
		this.fields = [];
		this.recordChars = 0;
		const spans = this.spansRecords ? `${this.recordLine}–${this.line}` : undefined;
		this.spansRecords = false;
		this.quotedLineEnd = false;
		if (this.headerFieldCount === null) this.headerFieldCount = fields.length;
		else if (fields.length !== this.headerFieldCount && !(fields.length === 1 && fields[0] === '')) {
			this.issues.push({ code: 'csv_field_count', row: this.row, line: this.recordLine, detail: fields.length });
		}
		out.push(spans ? { row: this.row, line: this.recordLine, fields, spans } : { row: this.row, line: this.recordLine, fields });
	}

	private parse(s: string, out: CsvRecord[]): void {
		const delim = (this.delimiter as string).charCodeAt(0);
		const n = s.length;
		let seg = 0; // start of the not yet copied part of the current field
		let i = 0;
		if (this.quotedCrAtEnd) {
			// a CR ended the previous chunk inside quotes: one line, unless this chunk starts with its LF
			this.quotedCrAtEnd = false;
			if (!(n > 0 && s.charCodeAt(0) === LF)) this.line++;
		}
		if (this.skipLf) {
			this.skipLf = false;
			if (n > 0 && s.charCodeAt(0) === LF) {
				i = 1;
				seg = 1;
			}
		}
		for (; i < n; i++) {
			const c = s.charCodeAt(i);
			if (this.inQuotes) {
				if (c === QUOTE) {
					this.cur += s.slice(seg, i);
					this.inQuotes = false;
					this.afterQuote = true;
					seg = i + 1;
				} else if (c === LF) {
					this.line++;
					this.quotedLineEnd = true;
				} else if (c === CR) {
					this.quotedLineEnd = true;
					if (i + 1 === n) this.quotedCrAtEnd = true;
					else if (s.charCodeAt(i + 1) !== LF) this.line++;
				} else if (c === delim && this.quotedLineEnd) this.spansRecords = true;
				continue;
			}
			if (this.afterQuote) {
				this.afterQuote = false;
				if (c === QUOTE) {
					// doubled quote inside a quoted field
					this.cur += '"';
					this.inQuotes = true;
					seg = i + 1;
					continue;
				}
				if (c !== delim && c !== LF && c !== CR) {
					// text after the closing quote: keep it literally
					this.stray();
				}
			}
			if (c === delim) {
				this.cur += s.slice(seg, i);
				this.endField();
				seg = i + 1;
			} else if (c === LF || c === CR) {
				this.cur += s.slice(seg, i);
				this.endField();
				this.endRecord(out);
				if (c === CR) {
					if (i + 1 < n) {
						if (s.charCodeAt(i + 1) === LF) i++;
					} else this.skipLf = true;
				}
				this.line++;
				this.recordLine = this.line;
				seg = i + 1;
			} else if (c === QUOTE) {
				if (!this.fieldStarted && seg === i && this.cur === '') {
					this.inQuotes = true;
					this.fieldQuoted = true;
					this.fieldStarted = true;
					seg = i + 1;
				} else if (!this.fieldQuoted) this.stray();
			} else this.fieldStarted = true;
		}
		if (seg < n) {
			const rest = s.slice(seg);
			this.cur += rest;
			this.fieldStarted = true;
		}
		this.recordChars = this.cur.length + this.fields.reduce((a, f) => a + f.length + 1, 0);
		if (this.recordChars > this.maxRecordChars) {
			this.issues.push({ code: 'csv_record_too_long', row: this.row + 1, line: this.recordLine, detail: this.maxRecordChars });
			this.stopped = true;
			this.cur = '';
			this.fields = [];
		}
	}
}

/**
 * Strict UTF-8 decoding of byte chunks (`TextDecoder('utf-8', { fatal: true })`
 * with `stream: true`), refusing binary input: NUL bytes, a zip signature
 * (an XLSX renamed to .csv) or a UTF-16 byte-order mark. After the first
 * issue `failed` is set and further chunks decode to ''.
 *
 * @example
 * const d = new Utf8ChunkDecoder();
 * d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc4])); // → 'a'   (BOM dropped, ī's first byte held back)
 * d.decode(new Uint8Array([0xab]), true);                   // → 'ī'
 * new Utf8ChunkDecoder().decode(new Uint8Array([0x61, 0x00])); // → ''  (issue binary_content)
 */
export class Utf8ChunkDecoder {
	failed = false;
	private decoder = new TextDecoder('utf-8', { fatal: true });
	private offset = 0;
	private first = true;
	private issues: CsvIssue[] = [];

	takeIssues(): CsvIssue[] {
		const out = this.issues;
		this.issues = [];
		return out;
	}

	decode(bytes: Uint8Array, final = false): string {
		if (this.failed) return '';
		if (this.first && bytes.length > 0) {
			this.first = false;
			if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) {
				return this.fail('binary_content', 'zip/xlsx');
			}
			if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
				return this.fail('encoding_utf16');
			}
		}
		const nul = bytes.indexOf(0);
		if (nul >= 0) return this.fail('binary_content', `NUL @ ${this.offset + nul}`);
		try {
			const text = this.decoder.decode(bytes, { stream: !final });
			this.offset += bytes.length;
			return text;
		} catch {
			return this.fail('encoding_invalid_utf8', firstInvalidUtf8(bytes) + this.offset);
		}
	}

	private fail(code: CsvIssueCode, detail?: string | number): string {
		this.failed = true;
		this.issues.push({ code, row: null, line: null, detail });
		return '';
	}
}

/** Byte index of the first invalid UTF-8 sequence in `bytes` (approximate across chunk borders). */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
		if (len === 0) return i;
		for (let k = 1; k < len; k++) {
			if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
		}
		i += len;
	}
	return i;
}

export interface CsvParsed {
	delimiter: Delimiter | null;
	records: CsvRecord[];
	issues: CsvIssue[];
}

/**
 * Parse a whole small text or byte array at once (tests, pasted text).
 *
 * @example parseCsv('a,b\n1,2\n').records.map((r) => r.fields) // → [['a','b'], ['1','2']]
 */
export function parseCsv(input: string | Uint8Array, options: CsvParserOptions = {}): CsvParsed {
	const parser = new CsvStreamParser(options);
	const issues: CsvIssue[] = [];
	let text: string;
	if (typeof input === 'string') text = input;
	else {
		const dec = new Utf8ChunkDecoder();
		text = dec.decode(input, true);
		issues.push(...dec.takeIssues());
		if (dec.failed) return { delimiter: null, records: [], issues };
	}
	const records = [...parser.feed(text), ...parser.end()];
	issues.push(...parser.takeIssues());
	return { delimiter: parser.delimiter, records, issues };
}
