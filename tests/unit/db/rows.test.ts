/**
 * tableToRows reads columns from Arrow's buffers (one decode per string
 * chunk): it must give exactly what Arrow's own per-value `get` gives, the
 * reading it replaced (kept here as the reference), for every type the
 * engine returns, with nulls, several chunks, sliced data and text beyond ASCII.
 */
import { describe, it, expect } from 'vitest';
import {
	Table,
	tableFromIPC,
	tableToIPC,
	vectorFromArray,
	Utf8,
	Float64,
	Int32,
	Int64,
	Bool,
	DateDay,
	DataType
} from 'apache-arrow';
import { tableToRows } from '../../../src/lib/db/rows';

/** The reading before: Arrow's `get` per row and column, then the same conversions. */
function reference(table: Table) {
	const fields = table.schema.fields;
	const rows: Record<string, unknown>[] = [];
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, unknown> = {};
		fields.forEach((f, c) => {
			const v = table.getChildAt(c)!.get(r);
			row[f.name] =
				v == null ? null : typeof v === 'bigint' ? Number(v) : DataType.isDate(f.type) ? new Date(v instanceof Date ? v.getTime() : Number(v)).toISOString().slice(0, 10) : v;
		});
		rows.push(row);
	}
	return rows;
}

const TEXT = ['C001', null, 'Rēzekne', '', 'Ķegums · Aizkraukle', null, '😀 emoji', 'Gulbenes novads', 'a\u0000b', 'ž'];

function sample(n: number, seed: number) {
	const pick = <T>(xs: T[], i: number) => xs[(i * 7 + seed) % xs.length];
	const ids = Array.from({ length: n }, (_, i) => pick(TEXT, i));
	const nums = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : (i - seed) * 0.25));
	const ints = Array.from({ length: n }, (_, i) => (i % 4 === 1 ? null : i * 3 - seed));
	const bigs = Array.from({ length: n }, (_, i) => (i % 6 === 2 ? null : BigInt(i) * 1000000007n));
	const bools = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : i % 2 === 0));
	const days = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? null : new Date(Date.UTC(2019, 0, 1 + i))));
	return new Table({
		id: vectorFromArray(ids, new Utf8()),
		x: vectorFromArray(nums, new Float64()),
		k: vectorFromArray(ints, new Int32()),
		big: vectorFromArray(bigs, new Int64()),
		ok: vectorFromArray(bools, new Bool()),
		day: vectorFromArray(days, new DateDay())
	});
}

describe('tableToRows', () => {
	it('equals Arrow’s per-value reading for every column type, nulls and non-ASCII text included', () => {
		const t = sample(57, 3);
		expect(tableToRows(t)).toEqual(reference(t));
		const ids = tableToRows(t).map((r) => r.id);
		for (const x of ['Ķegums · Aizkraukle', '😀 emoji', 'a\u0000b', '', null]) expect(ids).toContain(x);
	});
	it('equals it over several chunks (record batches) and after an IPC round trip, as results arrive', () => {
		const t = sample(40, 1).concat(sample(33, 5), sample(1, 2));
		expect(t.data.length).toBe(3);
		expect(tableToRows(t)).toEqual(reference(t));
		const ipc = tableFromIPC(tableToIPC(t, 'stream'));
		expect(tableToRows(ipc)).toEqual(reference(ipc));
	});
	it('equals it on sliced data (offsets into shared buffers)', () => {
		const t = sample(64, 4).slice(13, 50);
		expect(tableToRows(t)).toEqual(reference(t));
		expect(tableToRows(t).length).toBe(37);
	});
	it('reads an empty result and an all-null column', () => {
		const empty = sample(0, 0);
		expect(tableToRows(empty)).toEqual([]);
		const nulls = new Table({ s: vectorFromArray([null, null], new Utf8()) });
		expect(tableToRows(nulls)).toEqual([{ s: null }, { s: null }]);
	});
	it('falls back to `get` for column objects that are not Arrow vectors (the native engine’s)', () => {
		const like = { schema: { fields: [{ name: 'a', type: new Utf8() }] }, numRows: 2, getChildAt: () => ({ get: (r: number) => ['x', null][r] }) };
		expect(tableToRows(like as unknown as Table)).toEqual([{ a: 'x' }, { a: null }]);
	});
});
