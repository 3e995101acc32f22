/**
 * Long: the steps of one file's check share one result and one set of options, so they stay together.
 *
 * The whole check of one uploaded file: read (CSV stream or XLSX sheet) →
 * find the header row → pick the table → map headers → validate every row.
 * This is what the /data page calls; nothing is loaded until the user keeps
 * the result (then `addAccepted(ctx, result.table, result.accepted)`).
 *
 * @example
 * const ctx = createContext();
 * const r = await checkCsv('municipalities.csv', 'code,name_lv,name_en,kind,region\nTALSI_N,Talsu novads,Talsi county,county,Kurzeme\n', ctx);
 * r.table;            // → 'municipalities'
 * r.accepted.length;  // → 1
 * r.problems;         // → []
 */
import { CsvStreamParser, Utf8ChunkDecoder, type CsvIssue, type CsvRecord, type Delimiter } from './csv.ts';
import { detectTable, findHeaderRow, mapHeaders, type HeaderMapping, type TableGuess } from './mapping.ts';
import { isTableName, type TypedRow } from '#lib/contract/schema.ts';
import { problem, type Problem, type ProblemCode } from './problems.ts';
import { TableValidator, type ValidationContext, type ValidationStats } from './validate.ts';
import type { RawCell } from './values.ts';

export interface CheckOptions {
	/** Table to use instead of guessing from the file name and headers. */
	table?: string;
	/** Explicit header → column mapping (see mapHeaders). */
	mapping?: Record<string, string | null>;
	/** ISO date of today for future-date checks. */
	today?: string;
	maxProblems?: number;
	/** More columns than this reject the file (default 100). */
	maxColumns?: number;
	/** More data rows than this reject the file (default MAX_ROWS_PER_FILE). */
	maxRows?: number;
	/** Receive accepted rows in batches instead of collecting them in `accepted` (large files). */
	onAccepted?: (rows: TypedRow[]) => void;
	/** Batch size for onAccepted (default 10,000). */
	batchSize?: number;
}

export interface CheckResult {
	file: string;
	/** The table used, or null when the file was rejected before one was chosen. */
	table: string | null;
	/** Candidate tables, best first (empty when the header was not found). */
	guesses: TableGuess[];
	mapping: HeaderMapping | null;
	/** 1-based row of the header. */
	headerRow: number | null;
	delimiter: Delimiter | null;
	/** True when a file-level error stopped row checks (nothing accepted). */
	fileRejected: boolean;
	accepted: TypedRow[];
	/** Set instead of `accepted` when checked in the worker: the accepted rows as db/ingest.ts liveRowsToIPC's stream (see check-client.ts). */
	acceptedIPC?: Uint8Array;
	problems: Problem[];
	stats: ValidationStats;
}

/** A merged range in 1-based rows/columns. */
export interface CellRange {
	ref: string;
	top: number;
	left: number;
	bottom: number;
	right: number;
}

const HEADER_LOOKAHEAD = 3;

/** Most data rows in one file, any format (contract conventions.file_limits): larger submissions are split, e.g. by month. */
export const MAX_ROWS_PER_FILE = 2_000_000;

/** Incremental checker fed with records (cells + 1-based row). Used by checkCsv and checkSheet. */
export class FileChecker {
	private buffered: { row: number; cells: RawCell[]; formulaCols?: number[]; spans?: string }[] = [];
	private fileProblems: Problem[] = [];
	private validator: TableValidator | null = null;
	private header: string[] | null = null;
	private mappingInfo: HeaderMapping | null = null;
	private guesses: TableGuess[] = [];
	private headerRow: number | null = null;
	private rejected = false;
	private table: string | null = null;
	private accepted: TypedRow[] = [];
	private batch: TypedRow[] = [];
	private fieldCountRows = 0;
	private dataRows = 0;
	/** Data rows inside a merged range (XLSX): rejected, since all but the range's first cell read blank. */
	private readonly mergedRows = new Map<number, { ref: string; column: string | null }>();
	/** Rows whose structural problem (field count) is already reported. */
	readonly badRows = new Set<number>();
	decimalComma = false;
	delimiter: Delimiter | null = null;

	readonly file: string;
	private readonly ctx: ValidationContext;
	private readonly opts: CheckOptions;
	/** Merged ranges (XLSX) to check against the header. */
	private readonly merges: readonly CellRange[];

	constructor(file: string, ctx: ValidationContext, opts: CheckOptions = {}, merges: readonly CellRange[] = []) {
		this.file = file;
		this.ctx = ctx;
		this.opts = opts;
		this.merges = merges;
	}

	/**
	 * A file-level problem (e.g. from the CSV reader). An error rejects the
	 * whole file when it has no row or `reject` is set (header faults at row 1).
	 */
	fileProblem(
		code: ProblemCode,
		where: { row?: number | null; detail?: string | number; value?: unknown; column?: string | null; reject?: boolean } = {}
	): void {
		const p = problem(code, { file: this.file, table: this.table, ...where });
		this.fileProblems.push(p);
		if (p.severity === 'error' && (p.row === null || where.reject)) this.rejected = true;
	}

	get isRejected(): boolean {
		return this.rejected;
	}

	/** One record; `spans` (CSV) marks a record an unclosed quote may have merged (its physical lines). */
	push(row: number, cells: RawCell[], formulaCols?: number[], spans?: string): void {
		if (this.rejected) return;
		if (this.header === null) {
			this.buffered.push({ row, cells, formulaCols, spans });
			if (this.buffered.length > HEADER_LOOKAHEAD) this.decideHeader();
			return;
		}
		this.pushData(row, cells, formulaCols, spans);
	}

	private decideHeader(): void {
		const rows = this.buffered.map((b) => b.cells);
		const table = this.opts.table && isTableName(this.opts.table) ? this.opts.table : null;
		if (this.opts.table && !table) {
			this.fileProblem('table_unknown', { value: this.opts.table });
			return;
		}
		const found = findHeaderRow(rows, table, HEADER_LOOKAHEAD);
		// a merged range that touches the header row splits or widens the header; ranges below it are in data rows
		const headerMerge = this.merges.find((m) => m.top <= this.buffered[0].row);
		if (found.kind === 'missing') return this.fileProblem('header_missing', { row: this.buffered[0].row, reject: true });
		if (found.kind === 'merged') {
			return this.fileProblem('header_merged', { row: this.buffered[0].row, detail: this.buffered[found.headerIndex].row, reject: true });
		}
		if (headerMerge) {
			const m = headerMerge;
			return this.fileProblem('header_merged', { row: m.top, detail: m.bottom + 1, value: m.ref, reject: true });
		}
		const first = this.buffered[0];
		const header = first.cells.map((c) => (c == null ? '' : String(c)));
		this.headerRow = first.row;
		const maxColumns = this.opts.maxColumns ?? 100;
		if (header.length > maxColumns) return this.fileProblem('too_many_columns', { row: first.row, detail: header.length, reject: true });
		this.guesses = detectTable(this.file, header);
		this.table = table ?? this.guesses[0]?.table ?? null;
		if (!this.table) return this.fileProblem('table_unknown', { row: first.row, reject: true });
		const m = mapHeaders(this.table, header, this.opts.mapping);
		this.mappingInfo = m;
		for (const u of m.unmapped) this.fileProblem('unknown_column', { row: first.row, value: u.header, column: u.header });
		for (const d of m.duplicates) {
			this.fileProblem('duplicate_column', { row: first.row, detail: d.positions.join(', '), column: d.column, reject: true });
		}
		for (const c of m.missingRequired) this.fileProblem('missing_column', { row: first.row, column: c, reject: true });
		if (this.rejected) return;
		for (const mg of this.merges) {
			const column = m.columns[mg.left - 1] ?? header[mg.left - 1] ?? null;
			for (let r = Math.max(mg.top, first.row + 1); r <= mg.bottom; r++) if (!this.mergedRows.has(r)) this.mergedRows.set(r, { ref: mg.ref, column });
		}
		this.header = header;
		this.validator = new TableValidator(this.table, this.ctx, {
			file: this.file,
			decimalComma: this.decimalComma,
			today: this.opts.today,
			maxProblems: this.opts.maxProblems
		});
		const rest = this.buffered.slice(1);
		this.buffered = [];
		for (const b of rest) this.pushData(b.row, b.cells, b.formulaCols, b.spans);
	}

	private pushData(row: number, cells: RawCell[], formulaCols?: number[], spans?: string): void {
		const limit = this.opts.maxRows ?? MAX_ROWS_PER_FILE;
		if (++this.dataRows > limit) {
			// streamed formats (CSV) only learn their size as they go; Parquet and Arrow are stopped before decoding
			this.fileProblem('too_many_rows', { value: `> ${limit}`, detail: limit });
			return;
		}
		const v = this.validator!;
		const m = this.mappingInfo!;
		const header = this.header!;
		const merged = this.mergedRows.get(row);
		if (merged) {
			v.report('merged_data_cells', { row, column: merged.column, value: merged.ref });
			v.stats.rows++;
			v.stats.rejected++;
			return;
		}
		if (spans) {
			// never accept what may be several records run together
			v.report('csv_quote_spans_records', { row, detail: spans, value: null });
			v.stats.rows++;
			v.stats.rejected++;
			return;
		}
		const blankLine = cells.length === 1 && (cells[0] == null || cells[0] === '');
		if (!blankLine && cells.length !== header.length && this.delimiter !== null) {
			// CSV only: a sheet's rows may be ragged at the right
			v.report('csv_field_count', { row, detail: cells.length, value: null });
			v.stats.rows++;
			v.stats.rejected++;
			return;
		}
		const values: Record<string, RawCell> = {};
		m.columns.forEach((col, i) => {
			if (col) values[col] = cells[i] ?? null;
		});
		const formulaColumns = formulaCols?.map((i) => m.columns[i]).filter((c): c is string => !!c);
		const ok = v.push({ row, values, formulaColumns });
		if (ok) {
			if (this.opts.onAccepted) {
				this.batch.push(ok);
				if (this.batch.length >= (this.opts.batchSize ?? 10_000)) this.flush();
			} else this.accepted.push(ok);
		}
	}

	private flush(): void {
		if (this.batch.length > 0 && this.opts.onAccepted) this.opts.onAccepted(this.batch);
		this.batch = [];
	}

	finish(): CheckResult {
		if (!this.rejected && this.header === null) {
			if (this.buffered.length > 0) this.decideHeader();
			else if (!this.fileProblems.some((p) => p.code === 'file_empty')) this.fileProblem('file_empty');
		}
		this.flush();
		const fin = this.validator?.finish();
		const stats = fin?.stats ?? { rows: 0, accepted: 0, rejected: 0, skipped: 0, errors: 0, warnings: 0 };
		if (!this.rejected && this.validator && stats.rows === 0) this.fileProblem('no_data_rows', { row: this.headerRow });
		for (const p of this.fileProblems) {
			if (p.severity === 'error') stats.errors++;
			else stats.warnings++;
		}
		const own = this.fileProblems.map((p) => (p.table === null && this.table ? { ...p, table: this.table } : p));
		const problems = [...own, ...(fin?.problems ?? [])].map((p, i) => ({ p, i }));
		problems.sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i);
		return {
			file: this.file,
			table: this.table,
			guesses: this.guesses,
			mapping: this.mappingInfo,
			headerRow: this.headerRow,
			delimiter: this.delimiter,
			fileRejected: this.rejected,
			accepted: this.rejected ? [] : this.accepted,
			problems: problems.map((x) => x.p),
			stats
		};
	}
}

export type ByteSource = string | Uint8Array | ArrayBuffer | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** The bytes of any ByteSource but text, in chunks (a stream's own, or `size` slices of a buffer). */
export async function* chunksOf(input: Exclude<ByteSource, string>, size = 1 << 20): AsyncGenerator<Uint8Array> {
	if (input instanceof ArrayBuffer) input = new Uint8Array(input);
	if (input instanceof Uint8Array) {
		for (let i = 0; i < input.length; i += size) yield input.subarray(i, i + size);
		return;
	}
	if (typeof (input as ReadableStream<Uint8Array>).getReader === 'function') {
		const reader = (input as ReadableStream<Uint8Array>).getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) return;
				yield value;
			}
		} finally {
			reader.releaseLock();
		}
	}
	yield* input as AsyncIterable<Uint8Array>;
}

/**
 * Check a CSV file: text, bytes, or a byte stream (`file.stream()` in the
 * browser, `fs.createReadStream` in Node). Bytes are decoded as strict UTF-8
 * chunk by chunk, so a 200 MB file is never held whole (pass `onAccepted`
 * to stream accepted rows on too).
 */
export async function checkCsv(file: string, input: ByteSource, ctx: ValidationContext, opts: CheckOptions = {}): Promise<CheckResult> {
	const checker = new FileChecker(file, ctx, opts);
	const parser = new CsvStreamParser();
	const issueToProblem = (issues: CsvIssue[]) => {
		for (const is of issues) {
			if (is.code === 'csv_field_count') continue; // reported per row by the checker
			if (is.code === 'csv_stray_quote') checker.fileProblem(is.code, { row: is.row });
			else checker.fileProblem(is.code, { row: is.row, detail: is.detail, reject: true });
		}
	};
	const onRecords = (records: CsvRecord[]) => {
		if (parser.delimiter && checker.delimiter === null) {
			checker.delimiter = parser.delimiter;
			checker.decimalComma = parser.delimiter === ';';
		}
		for (const r of records) checker.push(r.row, r.fields, undefined, r.spans);
		issueToProblem(parser.takeIssues());
	};
	if (typeof input === 'string') {
		onRecords(parser.feed(input));
	} else {
		const dec = new Utf8ChunkDecoder();
		for await (const chunk of chunksOf(input)) {
			const text = dec.decode(chunk);
			issueToProblem(dec.takeIssues());
			if (dec.failed || checker.isRejected) break;
			onRecords(parser.feed(text));
			if (parser.stopped) break;
		}
		if (!dec.failed) {
			onRecords(parser.feed(dec.decode(new Uint8Array(0), true)));
			issueToProblem(dec.takeIssues());
		}
		if (dec.failed) return checker.finish();
	}
	if (!checker.isRejected) onRecords(parser.end());
	issueToProblem(parser.takeIssues());
	return checker.finish();
}

/** A sheet as read by xlsx.ts: rows of cells (1-based row = index + 1). */
export interface SheetInput {
	rows: RawCell[][];
	/** 1-based [row, column] of formula cells. */
	formulaCells?: { row: number; col: number }[];
	merges?: CellRange[];
}

/** Check one sheet of a workbook (`file` is e.g. 'report.xlsx#services'). */
export function checkSheet(file: string, sheet: SheetInput, ctx: ValidationContext, opts: CheckOptions = {}): CheckResult {
	const checker = new FileChecker(file, ctx, opts, sheet.merges ?? []);
	const formulas = new Map<number, number[]>();
	for (const f of sheet.formulaCells ?? []) formulas.set(f.row, [...(formulas.get(f.row) ?? []), f.col - 1]);
	// Trailing empty rows are not data; interior ones are reported as empty rows.
	let last = sheet.rows.length;
	while (last > 0 && sheet.rows[last - 1].every((c) => c == null || c === '')) last--;
	if (last === 0) {
		checker.fileProblem('file_empty');
		return checker.finish();
	}
	for (let i = 0; i < last; i++) checker.push(i + 1, sheet.rows[i], formulas.get(i + 1));
	return checker.finish();
}
