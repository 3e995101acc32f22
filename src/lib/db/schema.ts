/**
 * The data contract (data/schema.json) as DuckDB DDL and table roles. The
 * typed contract itself is `#lib/live/contract.ts` (one reading of the JSON
 * for the generator, the loader, the validator and the views).
 */
import { requireTable, tableNames } from '../live/contract.ts';
import { ident } from './engine';

export { requireTable } from '../live/contract.ts';
export type { ColumnType, ContractColumn, ContractTable } from '../live/contract.ts';

/** Table names, parents first (the order to load and validate in). */
export const TABLES: string[] = tableNames();

/** `CREATE TABLE <schema>.<table> (...)` with the contract's column types. */
export function createTableSql(table: string, schema?: string): string {
	const cols = requireTable(table)
		.columns.map((c) => `${ident(c.name)} ${c.type}`)
		.join(', ');
	return `CREATE TABLE IF NOT EXISTS ${schema ? `${ident(schema)}.` : ''}${ident(table)} (${cols})`;
}

/** Tables whose rows describe a participant (they carry participant_id). */
export function isParticipantTable(table: string): boolean {
	return requireTable(table).columns.some((c) => c.name === 'participant_id');
}

/** Lookup tables (municipalities, catalogues …): shared by datasets, deduplicated on their key. */
export function isReferenceTable(table: string): boolean {
	return !isParticipantTable(table) && table !== 'overheads';
}
