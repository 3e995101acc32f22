/**
 * Arrow → plain rows. DuckDB hands back BIGINT as BigInt, DECIMAL as scaled
 * integers and DATE as epoch numbers; views and tests want plain numbers and
 * ISO dates, so convert once here instead of in every metric.
 */
import { DataType, type Table, type Field, type Vector } from 'apache-arrow';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** Decimal values arrive as a little-endian Uint32Array of the unscaled 128-bit integer. */
function decimalToNumber(words: Uint32Array, scale: number): number {
	let big = 0n;
	for (let i = words.length - 1; i >= 0; i--) big = (big << 32n) | BigInt(words[i]);
	const bits = BigInt(words.length * 32);
	if (words.length > 0 && (words[words.length - 1] & 0x80000000) !== 0) big -= 1n << bits;
	return Number(big) / 10 ** scale;
}

function converter(field: Field): (v: unknown) => Cell {
	const t = field.type;
	if (DataType.isDecimal(t)) {
		const scale = (t as unknown as { scale: number }).scale;
		return (v) => (v == null ? null : decimalToNumber(v as Uint32Array, scale));
	}
	if (DataType.isDate(t)) {
		return (v) => (v == null ? null : isoDate(v instanceof Date ? v.getTime() : Number(v)));
	}
	if (DataType.isTimestamp(t)) {
		return (v) => (v == null ? null : new Date(v instanceof Date ? v.getTime() : Number(v)).toISOString());
	}
	if (DataType.isInt(t) || DataType.isFloat(t)) {
		return (v) => (v == null ? null : typeof v === 'bigint' ? Number(v) : (v as number));
	}
	if (DataType.isBool(t) || DataType.isUtf8(t)) return (v) => (v == null ? null : (v as Cell));
	return (v) => {
		if (v == null) return null;
		if (typeof v === 'bigint') return Number(v);
		if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
		return v as Cell;
	};
}

/** Valid UTF-8 only: a value DuckDB could not have written falls back to Arrow's own reading. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

type ColumnData = Vector['data'][number];

/**
 * One Utf8 chunk's strings with one decode of its whole byte range and a
 * slice per value, instead of a TextDecoder call per value (Arrow's `get`):
 * per-person results (paired scores) spent 200 ms of a view's first render
 * decoding ids and codes one by one. Value boundaries are mapped from bytes
 * to UTF-16 units in one pass (a code point of 4 bytes is 2 units).
 */
function utf8Cells(data: ColumnData, out: Cell[], base: number): boolean {
	const n = data.length;
	const offsets = data.valueOffsets as Int32Array | undefined;
	const bytes = data.values as Uint8Array | undefined;
	if (!(offsets instanceof Int32Array) || !(bytes instanceof Uint8Array) || offsets.length < n + 1) return false;
	const start = offsets[0];
	const end = offsets[n];
	let text: string;
	try {
		text = utf8.decode(bytes.subarray(start, end));
	} catch {
		return false;
	}
	let units = 0;
	let p = start;
	let from = 0;
	for (let i = 0; i < n; i++) {
		const to = offsets[i + 1];
		while (p < to) {
			const b = bytes[p++];
			if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
		}
		out[base + i] = data.getValid(i) ? text.slice(from, units) : null;
		from = units;
	}
	return true;
}

/** One chunk's plain numbers straight from its buffer (Int64 as Number, as the converter does). */
function numberCells(data: ColumnData, out: Cell[], base: number): boolean {
	const values = data.values as ArrayLike<number | bigint> | undefined;
	const t = data.type as { precision?: number };
	if (!values || (DataType.isFloat(data.type) && t.precision === 0)) return false; // half floats: Arrow converts
	if (data.stride !== 1 || values.length < data.length) return false;
	const big = values instanceof BigInt64Array || values instanceof BigUint64Array;
	for (let i = 0; i < data.length; i++) out[base + i] = data.getValid(i) ? (big ? Number(values[i]) : (values[i] as number)) : null;
	return true;
}

function columnCells(vector: Vector, numRows: number, convert: (v: unknown) => Cell): Cell[] {
	const out: Cell[] = new Array(numRows);
	if (!Array.isArray(vector.data)) {
		// Not an Arrow vector (the native engine's column, engine-native.ts): `get` is all it has.
		for (let r = 0; r < numRows; r++) out[r] = convert(vector.get(r));
		return out;
	}
	let base = 0;
	for (const data of vector.data) {
		const t = data.type;
		const done = DataType.isUtf8(t) ? utf8Cells(data, out, base) : DataType.isInt(t) || DataType.isFloat(t) ? numberCells(data, out, base) : false;
		if (!done) {
			// Other types (dates, decimals, booleans …): Arrow's own reading. (Not makeVector(data): in
			// Node, DuckDB-WASM's results are built by another copy of Arrow, whose Data it refuses.)
			for (let i = 0; i < data.length; i++) out[base + i] = convert(vector.get(base + i));
		}
		base += data.length;
	}
	return out;
}

/** A result's rows as plain objects, converted a column at a time. */
export function tableToRows(table: Table): Row[] {
	const fields = table.schema.fields;
	// Once: Arrow's Table.numRows maps over every batch on each read.
	const numRows = table.numRows;
	const columns = fields.map((f, i) => columnCells(table.getChildAt(i)!, numRows, converter(f)));
	const rows: Row[] = new Array(numRows);
	for (let r = 0; r < numRows; r++) {
		const row: Row = {};
		for (let c = 0; c < fields.length; c++) row[fields[c].name] = columns[c][r];
		rows[r] = row;
	}
	return rows;
}
