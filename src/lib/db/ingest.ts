/**
 * Accepted rows of an upload → the `live` layer in DuckDB, and the
 * validation context (what is already loaded) read back from DuckDB.
 */
import { tableToIPC, tableFromArrays, tableFromIPC } from 'apache-arrow';
import { ident, query, type Engine } from './engine';
import { TABLES, isReferenceTable, requireTable, type TypedRow } from '#lib/contract/schema.ts';
import { LAYERS, createTableSql, dropObjectSql, layerObjects, layerTables } from './layers';
import { detachDatabase } from './attach';

const UPLOAD = '__upload';

/**
 * Append validated rows to `live.<table>`. Values arrive as JS strings,
 * numbers and booleans; the INSERT casts them to the contract's types, so
 * the live tables have exactly the types of the pilot's.
 */
export async function appendLiveRows(engine: Engine, table: string, rows: readonly TypedRow[]): Promise<number> {
	if (rows.length === 0) return 0;
	return appendLiveIPC(engine, table, liveRowsToIPC(table, rows));
}

/**
 * Accepted rows as the Arrow IPC stream the live layer ingests (also what the
 * browser stores, db/persist/, so a restore takes the same path as the upload).
 */
export function liveRowsToIPC(table: string, rows: readonly TypedRow[]): Uint8Array {
	const t = requireTable(table);
	// Strings for text and dates, Float64 for numbers, and booleans as text: no null-type guessing.
	const columns: Record<string, (string | null)[] | Float64Array> = {};
	for (const c of t.columns) {
		if (c.type === 'INTEGER' || c.type === 'DOUBLE') {
			const nulls = rows.some((r) => r[c.name] == null);
			columns[c.name] = nulls
				? rows.map((r) => (r[c.name] == null ? null : String(r[c.name])))
				: Float64Array.from(rows, (r) => Number(r[c.name]));
		} else {
			columns[c.name] = rows.map((r) => (r[c.name] == null ? null : String(r[c.name])));
		}
	}
	return tableToIPC(tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]), 'stream');
}

/**
 * Append an IPC stream of `liveRowsToIPC`'s shape to `live.<table>`, cast to
 * the contract's types. A stream whose columns are not the table's is refused
 * (e.g. a file stored under an older contract). Returns the rows added.
 */
export async function appendLiveIPC(engine: Engine, table: string, ipc: Uint8Array): Promise<number> {
	const t = requireTable(table);
	const arrow = tableFromIPC(ipc);
	const columns = arrow.schema.fields.map((f) => f.name);
	const expected = t.columns.map((c) => c.name);
	if (columns.join(',') !== expected.join(',')) {
		throw new Error(`Rows for ${table} have columns ${columns.join(', ')}; the contract has ${expected.join(', ')}`);
	}
	await materialiseLiveTable(engine, table);
	await engine.exec(createTableSql(table, 'live'));
	await engine.exec(`DROP TABLE IF EXISTS ${ident(UPLOAD)}`);
	await engine.insertArrowIPC(UPLOAD, ipc, { create: true });
	const select = t.columns.map((c) => `CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`).join(', ');
	await engine.exec(`INSERT INTO live.${ident(table)} BY NAME SELECT ${select} FROM ${ident(UPLOAD)}`);
	await engine.exec(`DROP TABLE ${ident(UPLOAD)}`);
	return arrow.numRows;
}

/**
 * A live table that is a view over an attached database file (a dataset opened
 * by URL) becomes a real table before rows are added to it.
 */
async function materialiseLiveTable(engine: Engine, table: string): Promise<void> {
	const row = (await layerObjects(engine, 'live')).find((o) => o.table_name === table);
	if (row?.table_type !== 'VIEW') return;
	const name = ident(table);
	await engine.exec(`CREATE TABLE live.${ident(UPLOAD + '_copy')} AS SELECT * FROM live.${name}`);
	await engine.exec(`DROP VIEW live.${name}`);
	await engine.exec(`ALTER TABLE live.${ident(UPLOAD + '_copy')} RENAME TO ${name}`);
}

/** Remove everything uploaded or opened as live data (the live layer's tables and database file). */
export async function clearLive(engine: Engine): Promise<void> {
	await detachDatabase(engine, 'live');
	for (const o of await layerObjects(engine, 'live')) await engine.exec(dropObjectSql('live', o));
}

/** Rows per live table. */
export async function liveCounts(engine: Engine): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	const live = await layerTables(engine, 'live');
	// Contract tables only (a packed file's summaries are views in the layer too).
	for (const table of TABLES.filter((t) => live.has(t))) {
		const [{ n }] = await query<{ n: number }>(engine, `SELECT count(*)::INTEGER AS n FROM live.${ident(table)}`);
		out[table] = n;
	}
	return out;
}

/**
 * What validation must know of the data already there: lookup tables of
 * every layer (a municipality may reference the pilot's service catalogue),
 * and all live rows (keys, for duplicates and re-added files).
 */
export async function loadedTables(engine: Engine): Promise<Record<string, TypedRow[]>> {
	const out: Record<string, TypedRow[]> = {};
	const live = await layerTables(engine, 'live');
	for (const table of TABLES) {
		const reference = isReferenceTable(table);
		const sources: string[] = [];
		for (const layer of LAYERS) {
			const has = layer === 'live' ? live.has(table) : (await layerTables(engine, layer)).has(table);
			if (has && (reference || layer === 'live')) sources.push(`SELECT * FROM ${ident(layer)}.${ident(table)}`);
		}
		if (sources.length) out[table] = await query<TypedRow>(engine, sources.join(' UNION ALL BY NAME '));
	}
	return out;
}
