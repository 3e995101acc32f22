import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatasetEngine, type TestEngine } from '../../helpers/engine';

// A tiny dataset written by native DuckDB, read back through the browser's load path
// (parquet-wasm → Arrow IPC → DuckDB-WASM), to pin types and parameter binding.
let dir: string;
let db: TestEngine;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'ib-engine-'));
	const native = await DuckDBInstance.create(':memory:');
	const c = await native.connect();
	await c.run(`CREATE TABLE people AS SELECT * FROM (VALUES
		('P1', 'Rīga', 10::BIGINT, 12.34::DECIMAL(10,2), DATE '2019-11-01', true),
		('P2', 'Liepāja', 20::BIGINT, -5.5::DECIMAL(10,2), DATE '2020-02-29', false),
		('P3', NULL, NULL, NULL, NULL, NULL)
	) t(id, city, n, amount, day, flag)`);
	await c.run(`COPY people TO '${join(dir, 'people.parquet')}' (FORMAT parquet)`);
	c.closeSync();
	await writeFile(
		join(dir, 'manifest.json'),
		JSON.stringify({ name: 'test', tables: { people: { path: 'people.parquet', format: 'parquet', rows: 3 } } })
	);
	db = await openDatasetEngine(dir);
});

afterAll(async () => {
	await db?.close();
});

describe('engine (DuckDB-WASM in Node)', () => {
	it('loads Parquet and converts Arrow values to plain JS', async () => {
		const rows = await db.query('SELECT * FROM people ORDER BY id');
		expect(rows).toEqual([
			{ id: 'P1', city: 'Rīga', n: 10, amount: 12.34, day: '2019-11-01', flag: true },
			{ id: 'P2', city: 'Liepāja', n: 20, amount: -5.5, day: '2020-02-29', flag: false },
			{ id: 'P3', city: null, n: null, amount: null, day: null, flag: null }
		]);
	});

	it('binds parameters instead of concatenating them', async () => {
		const hostile = "x' OR '1'='1";
		expect(await db.query('SELECT id FROM people WHERE city = ?', [hostile])).toEqual([]);
		expect(await db.query('SELECT id FROM people WHERE city = ? AND n > ?', ['Liepāja', 15])).toEqual([{ id: 'P2' }]);
	});

	it('has extension autoloading off, so a missing extension fails fast offline', async () => {
		const rows = await db.query<{ value: string }>(
			"SELECT value FROM duckdb_settings() WHERE name = 'autoload_known_extensions'"
		);
		expect(rows[0].value).toBe('false');
	});
});
