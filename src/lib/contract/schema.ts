/**
 * The one typed, read-only reading of the data contract `data/schema.json`,
 * for the loader (db/), the upload checks (live/), the exports and the data
 * generators. Plain TypeScript with explicit `.ts` imports and no aliases, so
 * `node data/generators/*.ts` can import it too.
 *
 * The contract lists tables parents first (the load and validation order);
 * every helper here keeps that order.
 *
 * @example
 * tableNames()[0];                 // → 'municipalities'
 * primaryKey('budgets');           // → ['participant_id', 'period_start']
 * getColumn('services', 'units');  // → { name: 'units', type: 'DOUBLE', min: 0, … }
 */
import schema from '../../../data/schema.json' with { type: 'json' };

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

export interface ContractColumn {
	name: string;
	type: ColumnType;
	required: boolean;
	/** Non-NULL exactly when every listed column has the listed value (NULL otherwise). */
	required_when?: Record<string, string>;
	allowed?: readonly (string | number)[];
	min?: number | string;
	max?: number | string;
	pattern?: string;
	description: string;
	label_lv: string;
}

export interface ContractForeignKey {
	columns: string[];
	references: { table: string; columns: string[] };
}

export interface ContractTable {
	name: string;
	description: string;
	label_lv: string;
	primary_key: string[];
	foreign_keys: ContractForeignKey[];
	columns: ContractColumn[];
}

/** A value of a contract column in JS: numbers, booleans, strings (ISO dates too), null. */
export type TypedValue = string | number | boolean | null;
/** A row typed by the contract: every contract column of the table, dates as ISO strings. */
export type TypedRow = Record<string, TypedValue>;

export interface Contract {
	version: string;
	/** In load order (parents first). */
	tables: ContractTable[];
}

type RawTable = Omit<ContractTable, 'name'>;

/** The contract, tables in load order. */
export const contract: Contract = {
	version: schema.version,
	tables: Object.entries(schema.tables as unknown as Record<string, RawTable>).map(([name, t]) => ({
		name,
		...t
	}))
};

/**
 * Upload conventions the checker enforces (data/schema.json → conventions):
 * cell texts read as NULL (after trimming, any letter case). Mis-decoded
 * text, cost_eur rounding and file limits are described there too.
 */
export const NULL_SPELLINGS: readonly string[] = schema.conventions.null_spellings;

const byName = new Map(contract.tables.map((t) => [t.name, t]));

/** Table names in load order: `tableNames().indexOf('participants') < tableNames().indexOf('services')`. */
export function tableNames(): string[] {
	return contract.tables.map((t) => t.name);
}

/** Table names, parents first (the order to load and validate in). */
export const TABLES: string[] = tableNames();

/** `isTableName('services')` → true; `isTableName('foo')` → false. */
export function isTableName(name: string): boolean {
	return byName.has(name);
}

/** The table's contract, or undefined: `getTable('services')?.primary_key` → ['event_id']. */
export function getTable(name: string): ContractTable | undefined {
	return byName.get(name);
}

/** Like getTable but throws for an unknown name. */
export function requireTable(name: string): ContractTable {
	const t = byName.get(name);
	if (!t) throw new Error(`table "${name}" is not in the data contract`);
	return t;
}

/** `columnNames('employment')` → ['participant_id', 'wave', 'recorded_on', 'status']. */
export function columnNames(table: string): string[] {
	return requireTable(table).columns.map((c) => c.name);
}

/** `getColumn('participants', 'sex')?.allowed` → ['F', 'M']. */
export function getColumn(table: string, column: string): ContractColumn | undefined {
	return byName.get(table)?.columns.find((c) => c.name === column);
}

/** `primaryKey('overheads')` → ['programme', 'municipality_code', 'kind']. */
export function primaryKey(table: string): string[] {
	return requireTable(table).primary_key;
}

/** `foreignKeys('services').map((f) => f.references.table)` → ['participants', 'service_catalogue', 'providers']. */
export function foreignKeys(table: string): ContractForeignKey[] {
	return requireTable(table).foreign_keys;
}

/** Columns with `required: true`: `requiredColumns('employment')` → all four. */
export function requiredColumns(table: string): string[] {
	return requireTable(table)
		.columns.filter((c) => c.required)
		.map((c) => c.name);
}

/** Tables that must be loaded before `table` (its foreign-key parents): `parentTables('services')` → ['participants', 'service_catalogue', 'providers']. */
export function parentTables(table: string): string[] {
	return [...new Set(foreignKeys(table).map((f) => f.references.table))];
}

/** Tables whose rows describe a participant (they carry participant_id). */
export function isParticipantTable(table: string): boolean {
	return requireTable(table).columns.some((c) => c.name === 'participant_id');
}

/** Lookup tables (municipalities, catalogues …): shared by datasets, deduplicated on their key. */
export function isReferenceTable(table: string): boolean {
	return !isParticipantTable(table) && table !== 'overheads';
}

/**
 * A stable string for a composite key (parts joined by U+001F, which cannot
 * occur in accepted values): `keyOf(['C001', '2018-10-01'])` → 'C001\u001f2018-10-01'.
 */
export function keyOf(parts: readonly unknown[]): string {
	return parts.map((p) => (p == null ? '' : String(p))).join('\u001f');
}
