/**
 * Native DuckDB (@duckdb/node-api) behind the product's Engine interface, for
 * work done on the data owner's machine at build time (publish, benchmarks):
 * the same SQL constants and bound parameters as the site, 10–100× faster
 * than DuckDB-WASM in Node. Results go through the same tableToRows as the
 * site's (an Arrow-like table of the columns), and a test checks that the
 * released results equal the WASM engine's. Node only.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { Bool, DateDay, Float64, Int32, TimestampMillisecond, Utf8, type DataType, type Table } from 'apache-arrow';
import { TABLES } from '#lib/contract/schema.ts';
import type { Engine, SqlParam } from './engine.ts';
import { parseManifest } from './manifest.ts';
import { PACKED_SUMMARY_NAMES, refreshSummaries, unpackedSummaryViews } from './summaries.ts';

function arrowType(t: DuckDBType): DataType {
	switch (t.typeId) {
		case DuckDBTypeId.BOOLEAN:
			return new Bool();
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
		case DuckDBTypeId.UINTEGER:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
			return new Int32();
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.DECIMAL:
			return new Float64();
		case DuckDBTypeId.DATE:
			return new DateDay();
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_MS:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_NS:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return new TimestampMillisecond();
		default:
			return new Utf8();
	}
}

/** Just enough of an Arrow Table for tableToRows (rows.ts): schema.fields, numRows, getChildAt(i).get(r). */
function asArrowLike(names: string[], types: DuckDBType[], columns: unknown[][]): Table {
	const fields = names.map((name, i) => ({ name, type: arrowType(types[i]) }));
	const cols = columns.map((col, i) =>
		fields[i].type instanceof Utf8 && types[i].typeId !== DuckDBTypeId.VARCHAR
			? col.map((v) => (v == null ? null : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x))))
			: col
	);
	return {
		schema: { fields },
		numRows: columns[0]?.length ?? 0,
		getChildAt: (i: number) => ({ get: (r: number) => cols[i][r] })
	} as unknown as Table;
}

export function nativeEngine(conn: DuckDBConnection, onClose: () => void = () => {}): Engine {
	return {
		async queryTable(sql: string, params: readonly SqlParam[] = []) {
			const reader = params.length ? await conn.runAndReadAll(sql, params as DuckDBValue[]) : await conn.runAndReadAll(sql);
			return asArrowLike(reader.columnNames(), reader.columnTypes(), reader.getColumnsJS() as unknown[][]);
		},
		async exec(sql: string) {
			await conn.run(sql);
		},
		async insertArrowIPC() {
			throw new Error('native engine: insertArrowIPC is not used at build time');
		},
		async registerFileBuffer() {
			throw new Error('native engine: registerFileBuffer is not used at build time');
		},
		async close() {
			conn.closeSync();
			onClose();
		}
	};
}

const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;

/** A dataset folder (manifest.json + Parquet files, or its packed database file) in native DuckDB. */
export async function openNativeDataset(dir: string): Promise<Engine> {
	const manifest = parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	// Build-time work reads only the dataset's own files.
	await conn.run('SET autoinstall_known_extensions=false; SET autoload_known_extensions=false');
	if (manifest.database) {
		await conn.run(`ATTACH ${quote(join(dir, manifest.database.path))} AS ds (READ_ONLY)`);
		for (const name of manifest.database.tables) await conn.run(`CREATE VIEW "${name}" AS SELECT * FROM ds.main."${name}"`);
	} else {
		for (const [name, spec] of Object.entries(manifest.tables)) {
			if (!TABLES.includes(name)) continue;
			await conn.run(`CREATE TABLE "${name}" AS SELECT * FROM read_parquet(${quote(join(dir, spec.path))})`);
		}
	}
	const engine = nativeEngine(conn, () => instance.closeSync());
	// A packed file's summaries are among its tables (views above); Parquet files or an older pack: computed.
	if (!PACKED_SUMMARY_NAMES.every((name) => manifest.database?.tables.includes(name))) await refreshSummaries(engine);
	else for (const sql of unpackedSummaryViews()) await conn.run(sql);
	return engine;
}
