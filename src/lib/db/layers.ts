/**
 * Datasets as layers. Each dataset is loaded into its own DuckDB schema
 * (`pilot`, `live`); the tables every metric queries (`participants`,
 * `services` …) are views over the selected layers. Switching between pilot,
 * live or both is recreating a few views, not reloading data.
 *
 * With both layers selected, participant ids are prefixed with the layer
 * (`pilot:C001`, `live:C001`) so the two datasets can never mix one person's
 * rows; lookup tables are merged on their key, live winning.
 */
import { ident, type Engine } from './engine';
import { schemaObjects } from './catalog.ts';
import { TABLES, isParticipantTable, isReferenceTable, requireTable } from '#lib/contract/schema.ts';
import { hasPackedSummaries, refreshSummaries } from './summaries.ts';

export type Layer = 'pilot' | 'live';
export const LAYERS: Layer[] = ['pilot', 'live'];
const EMPTY = 'contract_empty';

/** `CREATE TABLE <schema>.<table> (...)` with the contract's column types. */
export function createTableSql(table: string, schema?: string): string {
	const cols = requireTable(table)
		.columns.map((c) => `${ident(c.name)} ${c.type}`)
		.join(', ');
	return `CREATE TABLE IF NOT EXISTS ${schema ? `${ident(schema)}.` : ''}${ident(table)} (${cols})`;
}

export async function ensureLayerSchemas(engine: Engine): Promise<void> {
	// One round trip to the engine's worker, not one per statement.
	await engine.exec(
		[
			...[...LAYERS, EMPTY].map((schema) => `CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`),
			...TABLES.map((table) => createTableSql(table, EMPTY))
		].join(';\n')
	);
}

/** Tables and views in a layer's schema (catalog.ts). */
export function layerObjects(engine: Engine, layer: string): Promise<{ table_name: string; table_type: 'BASE TABLE' | 'VIEW' }[]> {
	return schemaObjects(engine, layer);
}

/** `DROP TABLE` or `DROP VIEW` of a layer's object, whichever kind it is. */
export function dropObjectSql(layer: string, o: { table_name: string; table_type: string }): string {
	return `DROP ${o.table_type === 'VIEW' ? 'VIEW' : 'TABLE'} ${ident(layer)}.${ident(o.table_name)}`;
}

/** Which contract tables exist in a layer's schema. */
export async function layerTables(engine: Engine, layer: Layer): Promise<Set<string>> {
	return new Set((await layerObjects(engine, layer)).map((r) => r.table_name));
}

/**
 * SQL of the view for one table over the layers that have it (exported for
 * tests). `prefixed`: more than one layer is selected, so participant ids
 * carry their layer even in a table only one of them has (e.g. budgets of
 * the pilot beside live uploads without budgets), or it would not join the
 * prefixed participants.
 */
export function layerViewSql(table: string, present: Layer[], prefixed = present.length > 1): string {
	const columns = requireTable(table).columns.map((c) => ident(c.name)).join(', ');
	const from = (l: Layer | typeof EMPTY) => `${ident(l)}.${ident(table)}`;
	if (present.length === 0) return `SELECT ${columns} FROM ${from(EMPTY)}`;
	if (present.length === 1 && !(prefixed && isParticipantTable(table))) return `SELECT ${columns} FROM ${from(present[0])}`;
	if (isReferenceTable(table)) {
		const key = requireTable(table).primary_key.map(ident).join(', ');
		const union = present
			.map((l, i) => `SELECT ${columns}, ${i} AS __layer FROM ${from(l)}`)
			.join(' UNION ALL ');
		return `SELECT ${columns} FROM (${union}) QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY __layer DESC) = 1`;
	}
	if (isParticipantTable(table)) {
		// Layer names are our own literals (type Layer), never user input.
		const cols = (l: Layer) =>
			requireTable(table).columns
				.map((c) => (c.name === 'participant_id' ? `'${l}:' || "participant_id" AS "participant_id"` : ident(c.name)))
				.join(', ');
		return present.map((l) => `SELECT ${cols(l)} FROM ${from(l)}`).join(' UNION ALL ');
	}
	return present.map((l) => `SELECT ${columns} FROM ${from(l)}`).join(' UNION ALL ');
}

/**
 * Point the contract's table names at the selected layers, and rebuild the
 * summaries (summaries.ts) from what they now show. Every change of the data
 * ends here (start-up after a load and the restore of stored uploads, an
 * upload appended, a dataset opened by URL, stored files forgotten, live data
 * cleared, a switch of layers), so the summaries are never older than the
 * views. A packed file's own summaries are used when it alone is shown and
 * nothing was added to it; then nothing is computed.
 */
export async function selectLayers(engine: Engine, layers: Layer[]): Promise<void> {
	const present = new Map<Layer, Set<string>>();
	for (const l of layers) present.set(l, await layerTables(engine, l));
	const views = TABLES.map((table) => {
		const have = layers.filter((l) => present.get(l)!.has(table));
		return `CREATE OR REPLACE VIEW main.${ident(table)} AS ${layerViewSql(table, have, layers.length > 1)}`;
	});
	await engine.exec(views.join(';\n'));
	const packed = layers.length === 1 && (await hasPackedSummaries(engine, layers[0])) ? layers[0] : null;
	await refreshSummaries(engine, packed);
}
