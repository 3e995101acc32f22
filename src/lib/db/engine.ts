/**
 * The one interface every part of the product talks to DuckDB through.
 * The browser (AsyncDuckDB in a worker) and Node tests (the blocking WASM
 * bindings) both implement it, so metric queries run unchanged in both.
 */
import type { Table } from 'apache-arrow';
import { tableToRows, type Row } from './rows';

/** Values that may be bound to a `?` placeholder. Never concatenate user input into SQL. */
export type SqlParam = string | number | boolean | null;

export interface Engine {
	/** Run SQL (with `?` placeholders bound to `params`) and return an Arrow table. */
	queryTable(sql: string, params?: readonly SqlParam[]): Promise<Table>;
	/** Run SQL that returns nothing useful (DDL, SET, INSERT). */
	exec(sql: string): Promise<void>;
	/** Create (or append to) `[schema.]table` from an Arrow IPC stream. */
	insertArrowIPC(
		table: string,
		ipcStream: Uint8Array,
		options?: { create?: boolean; schema?: string }
	): Promise<void>;
	/** Make bytes readable by DuckDB under a file name (e.g. a database file to ATTACH). */
	registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Make a Blob readable by DuckDB under a file name, read slice by slice when
	 * queries need them (browser only: nothing is copied into the engine's heap up front).
	 */
	registerFileBlob?(name: string, blob: Blob): Promise<void>;
	/**
	 * Resolves once no query is running (browser only): for work a page does
	 * not wait for, so that it does not share DuckDB's one thread with what it does.
	 */
	whenIdle?(): Promise<void>;
	close(): Promise<void>;
}

/** Run a query and return plain JS rows (numbers, strings, ISO dates). */
export async function query<T = Row>(
	engine: Engine,
	sql: string,
	params: readonly SqlParam[] = []
): Promise<T[]> {
	return tableToRows(await engine.queryTable(sql, params)) as T[];
}

/**
 * Start-up settings applied to every engine. Extension autoload/autoinstall
 * would try to download the Parquet/JSON extensions from the internet and
 * hang offline; with them off a missing extension fails fast instead.
 */
export const STARTUP_SQL = [
	'SET autoinstall_known_extensions=false',
	'SET autoload_known_extensions=false'
];

/** Quote an identifier that comes from our own schema (never from user input); in catalog.ts, which plain Node can load. */
export { ident } from './catalog.ts';
