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

export function tableToRows(table: Table): Row[] {
	const fields = table.schema.fields;
	const columns: Vector[] = fields.map((_, i) => table.getChildAt(i)!);
	const convert = fields.map(converter);
	const rows: Row[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Row = {};
		for (let c = 0; c < fields.length; c++) row[fields[c].name] = convert[c](columns[c].get(r));
		rows[r] = row;
	}
	return rows;
}
