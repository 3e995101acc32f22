/**
 * Identifiers and the in-memory catalog, with no runtime imports: also
 * loaded under plain Node (type stripping) by data/pack.ts through
 * summaries.ts.
 */
import type { Engine } from './engine.ts';

/** A SQL identifier of our own (table, schema, column names), quoted; anything else is refused. */
export function ident(name: string): string {
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Invalid identifier: ${name}`);
	return `"${name}"`;
}

/**
 * Tables and views in a schema. (duckdb_tables()/duckdb_views() of the
 * in-memory catalog only: information_schema would also read every attached
 * database's catalog, hundreds of ms on a first load in the browser.)
 */
export async function schemaObjects(engine: Engine, schema: string): Promise<{ table_name: string; table_type: 'BASE TABLE' | 'VIEW' }[]> {
	const t = await engine.queryTable(
		`SELECT table_name, 'BASE TABLE' AS table_type FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ?
		UNION ALL
		SELECT view_name, 'VIEW' FROM duckdb_views() WHERE database_name = current_database() AND schema_name = ? AND NOT internal`,
		[schema, schema]
	);
	const names = t.getChildAt(0)!;
	const types = t.getChildAt(1)!;
	return Array.from({ length: t.numRows }, (_, i) => ({ table_name: String(names.get(i)), table_type: types.get(i) as 'BASE TABLE' | 'VIEW' }));
}
