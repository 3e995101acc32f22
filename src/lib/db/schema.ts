/**
 * The data contract (data/schema.json) as typed data, and the DDL derived
 * from it. One source of truth for the generator, the loader, the validator
 * and the views.
 */
import contractJson from '../../../data/schema.json';
import { ident } from './engine';

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

export interface ContractColumn {
	name: string;
	type: ColumnType;
	required: boolean;
	required_when?: Record<string, string>;
	allowed?: (string | number)[];
	min?: number | string;
	max?: number | string;
	pattern?: string;
	description: string;
	label_lv: string;
}

export interface ContractTable {
	description: string;
	label_lv: string;
	primary_key: string[];
	foreign_keys: { columns: string[]; references: { table: string; columns: string[] } }[];
	columns: ContractColumn[];
}

export interface Contract {
	version: string;
	tables: Record<string, ContractTable>;
}

export const CONTRACT = contractJson as unknown as Contract;

/** Table names, parents first (the order to load and validate in). */
export const TABLES: string[] = Object.keys(CONTRACT.tables);

/** `CREATE TABLE <schema>.<table> (...)` with the contract's column types. */
export function createTableSql(table: string, schema?: string): string {
	const t = CONTRACT.tables[table];
	if (!t) throw new Error(`Unknown table: ${table}`);
	const cols = t.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
	return `CREATE TABLE IF NOT EXISTS ${schema ? `${ident(schema)}.` : ''}${ident(table)} (${cols})`;
}

/** Tables whose rows describe a participant (they carry participant_id). */
export function isParticipantTable(table: string): boolean {
	return CONTRACT.tables[table]?.columns.some((c) => c.name === 'participant_id') ?? false;
}

/** Lookup tables (municipalities, catalogues …): shared by datasets, deduplicated on their key. */
export function isReferenceTable(table: string): boolean {
	return !isParticipantTable(table) && table !== 'overheads';
}
