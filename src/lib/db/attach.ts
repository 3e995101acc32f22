/**
 * Load a dataset published as one DuckDB database file (manifest `database`,
 * written by `npm run data:pack`): the bytes are handed to DuckDB, attached
 * read-only, and the layer's tables become views over the attached tables.
 * Nothing is decoded or copied table by table, so a national dataset is ready
 * as soon as its file has arrived; DuckDB reads only the blocks queries touch.
 */
import { ident, query, type Engine } from './engine';
import type { DatasetManifest } from './manifest';
import type { LoadResult } from './load';
import { dropLayerTable } from './layers';
import { TABLES, requireTable } from './schema';

let attachments = 0;

/** The catalog name a layer's database file is attached under. */
export function layerDatabase(layer: string): string {
	return `${layer}_db`;
}

export async function attachDatabase(
	engine: Engine,
	layer: string,
	manifest: DatasetManifest,
	bytes: Uint8Array
): Promise<LoadResult> {
	const t0 = performance.now();
	const catalog = layerDatabase(layer);
	// A fresh file name per attach: DuckDB may still cache blocks of an earlier file of the same name.
	const file = `${catalog}_${++attachments}.duckdb`;
	const size = bytes.byteLength;
	await detachDatabase(engine, layer);
	await engine.registerFileBuffer(file, bytes);
	await engine.exec(`ATTACH '${file}' AS ${ident(catalog)} (READ_ONLY)`);
	const present = await query<{ table_name: string }>(
		engine,
		"SELECT table_name FROM information_schema.tables WHERE table_catalog = ? AND table_schema = 'main'",
		[catalog]
	);
	const have = new Set(present.map((r) => r.table_name));
	const result: LoadResult = { tables: {}, totalMs: 0 };
	for (const table of TABLES) {
		if (!have.has(table)) continue;
		const t1 = performance.now();
		// Name the contract's columns: a file missing one fails here, with DuckDB's message.
		const columns = requireTable(table).columns.map((c) => ident(c.name)).join(', ');
		await dropLayerTable(engine, layer, table);
		try {
			await engine.exec(
				`CREATE VIEW ${ident(layer)}.${ident(table)} AS SELECT ${columns} FROM ${ident(catalog)}.main.${ident(table)}`
			);
		} catch (e) {
			throw new Error(`Table ${table} in ${manifest.database?.path}: ${e instanceof Error ? e.message : e}`);
		}
		const [{ n }] = await query<{ n: number }>(engine, `SELECT count(*)::INTEGER AS n FROM ${ident(layer)}.${ident(table)}`);
		const expected = manifest.tables[table]?.rows;
		if (expected !== undefined && n !== expected) {
			throw new Error(`Table ${table}: manifest says ${expected} rows, database file has ${n}`);
		}
		result.tables[table] = { rows: n, decodeMs: 0, ingestMs: performance.now() - t1, bytes: 0 };
	}
	for (const table of manifest.database?.tables ?? []) {
		if (TABLES.includes(table) && !have.has(table)) {
			throw new Error(`Table ${table}: listed in the manifest's database but not in ${manifest.database?.path}`);
		}
	}
	result.database = { path: manifest.database?.path ?? file, bytes: size };
	result.totalMs = performance.now() - t0;
	return result;
}

/** Detach a layer's database file, if one is attached (its views go with it). */
export async function detachDatabase(engine: Engine, layer: string): Promise<void> {
	const catalog = layerDatabase(layer);
	const [{ n }] = await query<{ n: number }>(
		engine,
		'SELECT count(*)::INTEGER AS n FROM duckdb_databases() WHERE database_name = ?',
		[catalog]
	);
	if (n === 0) return;
	const views = await query<{ table_name: string }>(
		engine,
		"SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = ? AND table_type = 'VIEW'",
		[layer]
	);
	for (const v of views) await engine.exec(`DROP VIEW ${ident(layer)}.${ident(v.table_name)}`);
	await engine.exec(`DETACH ${ident(catalog)}`);
}
