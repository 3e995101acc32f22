/**
 * Load a dataset published as one DuckDB database file (manifest `database`,
 * written by `npm run data:pack`): the bytes are handed to DuckDB, attached
 * read-only, and the layer's tables become views over the attached tables.
 * Nothing is decoded or copied table by table, so a national dataset is ready
 * as soon as its file has arrived; DuckDB reads only the blocks queries touch.
 */
import { ident, type Engine } from './engine';
import { dropObjectSql, layerObjects } from './layers';
import type { DatasetManifest } from './manifest';
import { checkRowCounts, type LoadResult } from './load';
import { TABLES, requireTable } from '#lib/contract/schema.ts';
import { DATA_DIR } from './lockdown';
import { SUMMARY_NAMES } from './summaries';

let attachments = 0;
/** Catalogs this module attached, per engine (no catalog query needed to know). */
const attached = new WeakMap<Engine, Set<string>>();

/** The catalog name a layer's database file is attached under. */
export function layerDatabase(layer: string): string {
	return `${layer}_db`;
}

export async function attachDatabase(
	engine: Engine,
	layer: string,
	manifest: DatasetManifest,
	file: Uint8Array | Blob
): Promise<LoadResult> {
	const t0 = performance.now();
	const catalog = layerDatabase(layer);
	// A fresh file name per attach: DuckDB may still cache blocks of an earlier file of the same name.
	// Under DATA_DIR: the one place DuckDB may still open after lockdown.ts has locked it.
	const name = `${DATA_DIR}${catalog}_${++attachments}.duckdb`;
	const size = file instanceof Uint8Array ? file.byteLength : file.size;
	await detachDatabase(engine, layer);
	if (file instanceof Uint8Array) await engine.registerFileBuffer(name, file);
	else if (engine.registerFileBlob) await engine.registerFileBlob(name, file);
	else await engine.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
	await engine.exec(`ATTACH '${name}' AS ${ident(catalog)} (READ_ONLY)`);
	if (!attached.has(engine)) attached.set(engine, new Set());
	attached.get(engine)!.add(catalog);
	// The manifest says which tables the file holds; a view over one it lacks fails below, with DuckDB's message.
	const tables = TABLES.filter((t) => manifest.database?.tables.includes(t));
	// The services summaries the packer wrote (db/summaries.ts), used instead of computing them
	// at load. They are in the same file, verified by its sha256 as a whole like its services
	// table, so they are as trustworthy as the rows they sum. An older pack has none: computed then.
	const summaries = SUMMARY_NAMES.filter((t) => manifest.database?.tables.includes(t));
	const t1 = performance.now();
	// Whatever the layer held before (tables from files, or views of an earlier file) makes way,
	// summaries of an earlier file too (they would describe other rows).
	const old = await layerObjects(engine, layer);
	const statements = old.filter((o) => tables.includes(o.table_name) || SUMMARY_NAMES.includes(o.table_name)).map((o) => dropObjectSql(layer, o));
	// Views name the contract's columns: a file missing one fails here, with DuckDB's message.
	for (const table of tables) {
		const columns = requireTable(table).columns.map((c) => ident(c.name)).join(', ');
		statements.push(`CREATE VIEW ${ident(layer)}.${ident(table)} AS SELECT ${columns} FROM ${ident(catalog)}.main.${ident(table)}`);
	}
	for (const summary of summaries) {
		statements.push(`CREATE VIEW ${ident(layer)}.${ident(summary)} AS SELECT * FROM ${ident(catalog)}.main.${ident(summary)}`);
	}
	try {
		await engine.exec(statements.join(';\n'));
	} catch (e) {
		await detachDatabase(engine, layer);
		throw new Error(`${manifest.database?.path}: ${e instanceof Error ? e.message : e}`);
	}
	let counts: Record<string, number>;
	try {
		counts = await checkRowCounts(engine, manifest, tables, (t) => `${ident(layer)}.${ident(t)}`, 'database file');
	} catch (e) {
		await detachDatabase(engine, layer);
		throw e;
	}
	const perTable = (performance.now() - t1) / Math.max(1, tables.length);
	const result: LoadResult = { tables: {}, totalMs: 0 };
	for (const t of tables) result.tables[t] = { rows: counts[t], decodeMs: 0, ingestMs: perTable, bytes: 0 };
	result.database = { path: manifest.database?.path ?? name, bytes: size };
	result.totalMs = performance.now() - t0;
	return result;
}

/** Detach a layer's database file, if one is attached (its views go with it). */
export async function detachDatabase(engine: Engine, layer: string): Promise<void> {
	const catalog = layerDatabase(layer);
	if (!attached.get(engine)?.has(catalog)) return;
	attached.get(engine)!.delete(catalog);
	const views = (await layerObjects(engine, layer)).filter((o) => o.table_type === 'VIEW');
	for (const v of views) await engine.exec(dropObjectSql(layer, v));
	await engine.exec(`DETACH ${ident(catalog)}`);
}
