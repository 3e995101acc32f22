import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedSql, run } from '../../../src/lib/query/sql';
import { SELECTION_SQL, selectionParams } from '../../../src/lib/query/selection';
import { DEFAULT_FILTERS } from '../../../src/lib/filters/filters';
import { openPilotEngine, type TestEngine } from '../../helpers/engine';

describe('namedSql', () => {
	it('numbers names by first appearance and reuses a number', () => {
		const q = namedSql<'a' | 'b'>('SELECT $a::INTEGER + $b::INTEGER + $a::INTEGER AS x');
		expect(q.text).toBe('SELECT $1::INTEGER + $2::INTEGER + $1::INTEGER AS x');
		expect(q.names).toEqual(['a', 'b']);
		expect(q.bind({ b: 2, a: 1 })).toEqual([1, 2]);
	});
	it('refuses a missing value and numbered placeholders', () => {
		const q = namedSql<'a'>('SELECT $a');
		expect(() => q.bind({} as { a: number })).toThrow(/no value for \$a/);
		expect(() => namedSql('SELECT $1')).toThrow(/\$name/);
	});
});

describe('named parameters in DuckDB-WASM', () => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openPilotEngine();
	});
	afterAll(() => db?.close());

	it('binds a reused number once per name', async () => {
		const q = namedSql<'a' | 'b'>('SELECT $a::INTEGER + $b::INTEGER + $a::INTEGER AS x');
		expect(await run<{ x: number }, 'a' | 'b'>(db.engine, q, { a: 1, b: 10 })).toEqual([{ x: 12 }]);
	});

	it('selects the pilot children and girls by name', async () => {
		const q = namedSql(`WITH sel AS (${SELECTION_SQL}) SELECT count(*)::INTEGER AS n FROM sel`);
		const all = await run<{ n: number }, string>(db.engine, q, selectionParams(DEFAULT_FILTERS));
		const girls = await run<{ n: number }, string>(db.engine, q, selectionParams({ ...DEFAULT_FILTERS, sex: 'F' }));
		expect(all[0].n).toBe(102);
		expect(girls[0].n).toBeGreaterThan(0);
		expect(girls[0].n).toBeLessThan(102);
	});
});
