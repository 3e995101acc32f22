/**
 * Streaming checks of columnar uploads: Parquet row group by row group
 * (parquet-wasm reads the footer, then decodes one batch at a time) and Arrow
 * IPC record batch by record batch (apache-arrow's RecordBatchReader). Rows
 * go through the same FileChecker as CSV; memory holds one batch.
 *
 * Row counts are checked before any row is decoded: the Parquet footer's
 * total and each Arrow batch's length (from its message header, before the
 * batch's rows are turned into cells) against `MAX_ROWS_PER_FILE`.
 *
 * Row numbers are those a spreadsheet export of the table would show: the
 * column names are row 1, the first data row is row 2.
 */
import type { RecordBatch } from 'apache-arrow';
import { chunksOf, FileChecker, MAX_ROWS_PER_FILE, type CheckOptions, type CheckResult } from './check.ts';
import type { ValidationContext } from './validate.ts';
import type { RawCell } from './values.ts';

export { MAX_ROWS_PER_FILE };

/** Rows per decoded batch: small enough that one batch is a few MB, large enough to keep decoding fast. */
const BATCH_ROWS = 16_384;

export interface ColumnarOptions extends CheckOptions {
	/** Share of the file read so far (0–1). */
	onProgress?: (share: number) => void;
	/** Stops reading when it returns true (cancel). */
	cancelled?: () => boolean;
}

type Arrow = typeof import('apache-arrow');

/** A converter from an Arrow value to a raw cell the validator types (dates as ISO strings, BigInt as number). */
function cellReader(arrow: Arrow, type: import('apache-arrow').DataType): (v: unknown) => RawCell {
	const { DataType } = arrow;
	if (DataType.isDate(type) || DataType.isTimestamp(type)) {
		// months and dates repeat a lot: convert each distinct day once
		const seen = new Map<number, string>();
		return (v) => {
			if (v == null) return null;
			const ms = v instanceof Date ? v.getTime() : Number(v);
			let s = seen.get(ms);
			if (s === undefined) {
				const iso = new Date(ms).toISOString();
				s = iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
				if (seen.size < 100_000) seen.set(ms, s);
			}
			return s;
		};
	}
	if (DataType.isDecimal(type)) {
		const scale = (type as unknown as { scale: number }).scale;
		return (v) => {
			if (v == null) return null;
			const words = v as Uint32Array;
			let big = 0n;
			for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]);
			if (words.length > 0 && (words[words.length - 1] & 0x80000000) !== 0) big -= 1n << BigInt(words.length * 32);
			return Number(big) / 10 ** scale;
		};
	}
	if (DataType.isInt(type) || DataType.isFloat(type)) return (v) => (v == null ? null : typeof v === 'bigint' ? Number(v) : (v as number));
	if (DataType.isBool(type) || DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return (v) => (v == null ? null : (v as RawCell));
	if (DataType.isDictionary(type)) return cellReader(arrow, (type as unknown as { dictionary: import('apache-arrow').DataType }).dictionary);
	// nested or binary values are not contract types: shown as text so the validator names them
	return (v) => (v == null ? null : typeof v === 'object' ? JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x)) : (v as RawCell));
}

const utf8 = new TextDecoder();

/**
 * One batch column as cells. The common cases read the column's buffers
 * directly (a value's `get` decodes each string on its own, several times
 * slower): numbers from the typed array, and an all-ASCII string column
 * from one decode of its bytes (then character offsets are byte offsets).
 */
function columnCells(arrow: Arrow, vec: import('apache-arrow').Vector, read: (v: unknown) => RawCell): RawCell[] {
	const n = vec.length;
	const out: RawCell[] = new Array(n);
	const d = vec.data.length === 1 ? vec.data[0] : null;
	if (d && d.offset === 0) {
		const bitmap = d.nullCount > 0 ? d.nullBitmap : null;
		const valid = (i: number) => !bitmap || (bitmap[i >> 3] & (1 << (i & 7))) !== 0;
		const { DataType } = arrow;
		if (DataType.isUtf8(vec.type)) {
			const offsets = d.valueOffsets as Int32Array;
			const bytes = (d.values as Uint8Array).subarray(offsets[0], offsets[n]);
			const text = utf8.decode(bytes);
			if (text.length === bytes.length) {
				const base = offsets[0];
				for (let i = 0; i < n; i++) out[i] = valid(i) ? text.slice(offsets[i] - base, offsets[i + 1] - base) : null;
				return out;
			}
		} else if (DataType.isFloat(vec.type) || (DataType.isInt(vec.type) && (vec.type as unknown as { bitWidth: number }).bitWidth <= 32)) {
			const values = d.values as Float64Array | Int32Array;
			if (values.length >= n && !(DataType.isFloat(vec.type) && (vec.type as unknown as { precision: number }).precision === 0)) {
				for (let i = 0; i < n; i++) out[i] = valid(i) ? values[i] : null;
				return out;
			}
		}
	}
	for (let i = 0; i < n; i++) out[i] = read(vec.get(i));
	return out;
}

/** Feeds record batches to a FileChecker: the column names as row 1, then the rows. */
class BatchFeeder {
	private row = 1;
	private readers: ((v: unknown) => RawCell)[] | null = null;
	rows = 0;
	constructor(
		private readonly arrow: Arrow,
		private readonly checker: FileChecker
	) {}

	header(names: string[], types: import('apache-arrow').DataType[]): void {
		this.readers = types.map((t) => cellReader(this.arrow, t));
		this.checker.push(1, names);
	}

	batch(b: RecordBatch): void {
		const n = b.numRows;
		const readers = this.readers!;
		const cols = b.schema.fields.map((_, i) => columnCells(this.arrow, b.getChildAt(i)!, readers[i]));
		const width = cols.length;
		for (let r = 0; r < n; r++) {
			if (this.checker.isRejected) return;
			const cells: RawCell[] = new Array(width);
			for (let c = 0; c < width; c++) cells[c] = cols[c][r];
			this.checker.push(++this.row, cells);
		}
		this.rows += n;
	}
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/^Error: /, '');

/**
 * Check a Parquet file (a Blob or File: only the footer and one row group's
 * pages are read at a time). A file that is not Parquet or is cut short is a
 * file-level `parquet_invalid`; more rows than the limit, declared in the
 * footer, is `too_many_rows` before anything is decoded.
 */
export async function checkParquet(file: string, blob: Blob, ctx: ValidationContext, opts: ColumnarOptions = {}): Promise<CheckResult> {
	const checker = new FileChecker(file, ctx, opts);
	const limit = opts.maxRows ?? MAX_ROWS_PER_FILE;
	const { ParquetFile } = await import('parquet-wasm/esm');
	const arrow = await import('apache-arrow');
	let pf: import('parquet-wasm/esm').ParquetFile;
	try {
		pf = await ParquetFile.fromFile(blob);
	} catch (e) {
		checker.fileProblem('parquet_invalid', { detail: message(e) });
		return checker.finish();
	}
	try {
		const meta = pf.metadata();
		const declared = meta.fileMetadata().numRows();
		const groups = meta.rowGroups().map((g) => g.numRows());
		const total = Math.max(declared, groups.reduce((a, b) => a + b, 0));
		if (total > limit) {
			checker.fileProblem('too_many_rows', { value: total, detail: limit });
			return checker.finish();
		}
		const feeder = new BatchFeeder(arrow, checker);
		const stream = (await pf.stream({ batchSize: BATCH_ROWS })) as ReadableStream<{ intoIPCStream(): Uint8Array }>;
		const reader = stream.getReader();
		let headerDone = false;
		try {
			for (;;) {
				if (opts.cancelled?.()) break;
				const { done, value } = await reader.read();
				if (done) break;
				const t = arrow.tableFromIPC(value.intoIPCStream());
				if (!headerDone) {
					headerDone = true;
					feeder.header(
						t.schema.fields.map((f) => f.name),
						t.schema.fields.map((f) => f.type)
					);
				}
				for (const b of t.batches) feeder.batch(b);
				opts.onProgress?.(total > 0 ? feeder.rows / total : 1);
				if (checker.isRejected) break;
			}
		} finally {
			await reader.cancel().catch(() => {});
		}
		if (!headerDone) {
			// no rows: the header still comes from the schema, so an empty file is "header only"
			const schema = pf.schema();
			const t = arrow.tableFromIPC(schema.intoIPCStream());
			feeder.header(
				t.schema.fields.map((f) => f.name),
				t.schema.fields.map((f) => f.type)
			);
		}
	} catch (e) {
		checker.fileProblem('parquet_invalid', { detail: message(e) });
	} finally {
		pf.free();
	}
	return checker.finish();
}

/**
 * Check an Arrow IPC file or stream, batch by batch. Each batch's row count
 * is added up before its rows are read; past the limit the file is
 * `too_many_rows`. Unreadable input is `arrow_invalid`.
 */
export async function checkArrow(
	file: string,
	input: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array,
	ctx: ValidationContext,
	opts: ColumnarOptions = {}
): Promise<CheckResult> {
	const checker = new FileChecker(file, ctx, opts);
	const limit = opts.maxRows ?? MAX_ROWS_PER_FILE;
	const arrow = await import('apache-arrow');
	const feeder = new BatchFeeder(arrow, checker);
	try {
		const source = input instanceof Uint8Array ? input : chunksOf(input);
		const reader = await arrow.RecordBatchReader.from(source as AsyncIterable<Uint8Array>);
		await reader.open();
		const schema = reader.schema;
		if (!schema) throw new Error('no schema');
		feeder.header(
			schema.fields.map((f) => f.name),
			schema.fields.map((f) => f.type)
		);
		let seen = 0;
		for await (const b of reader as AsyncIterable<RecordBatch>) {
			if (opts.cancelled?.()) break;
			seen += b.numRows;
			if (seen > limit) {
				checker.fileProblem('too_many_rows', { value: `> ${limit}`, detail: limit });
				break;
			}
			feeder.batch(b);
			if (checker.isRejected) break;
		}
		await reader.cancel?.();
	} catch (e) {
		checker.fileProblem('arrow_invalid', { detail: message(e) });
	}
	return checker.finish();
}

