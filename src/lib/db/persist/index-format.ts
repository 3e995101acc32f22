/**
 * The index of live files stored in this browser (db/persist/): which upload
 * each stored file came from, the rows it holds per table, and the layers the
 * views used. Pure: reading, checking and changing the index, and the order
 * a restore inserts the stored rows in. The index is JSON beside the files.
 */
import { tableNames } from '#lib/contract/schema.ts';
import type { Layer } from '../layers.ts';

export const INDEX_FILE = 'index.json';
export const INDEX_VERSION = 1;

/** One table's accepted rows of an upload, stored as an Arrow IPC stream. */
export interface StoredPart {
	table: string;
	/** File name in the store. */
	path: string;
	rows: number;
	bytes: number;
}

/** One accepted upload (a CSV, Parquet or Arrow file, or a workbook of several tables). */
export interface StoredFile {
	id: string;
	/** The uploaded file's name. */
	name: string;
	/** Hex sha256 of the original file's bytes (null where WebCrypto is missing). */
	sha256: string | null;
	/** Size of the original file. */
	bytes: number;
	/** ISO time the rows were accepted. */
	acceptedAt: string;
	parts: StoredPart[];
}

export interface StoreIndex {
	version: typeof INDEX_VERSION;
	/** The contract version the stored rows follow: rows of another are not restored. */
	schemaVersion: string;
	/** The layers the views used when the index was last written. */
	layers: Layer[];
	files: StoredFile[];
}

export function emptyIndex(schemaVersion: string): StoreIndex {
	return { version: INDEX_VERSION, schemaVersion, layers: ['pilot', 'live'], files: [] };
}

const FILE_NAME = /^[A-Za-z0-9_-]+\.arrow$/;
const isLayer = (l: unknown): l is Layer => l === 'pilot' || l === 'live';

/**
 * The index from its JSON, checked field by field: a damaged index is an
 * error with a reason (the caller says so and keeps the files), never a guess.
 * @example parseIndex({ version: 1, schemaVersion: '1.0.0', layers: ['live'], files: [] }).files // → []
 */
export function parseIndex(json: unknown): StoreIndex {
	const fail = (why: string): never => {
		throw new Error(`Stored index: ${why}`);
	};
	if (typeof json !== 'object' || json === null) fail('not a JSON object');
	const o = json as Record<string, unknown>;
	if (o.version !== INDEX_VERSION) fail(`version ${String(o.version)}, expected ${INDEX_VERSION}`);
	if (typeof o.schemaVersion !== 'string') fail('no schemaVersion');
	const layers = Array.isArray(o.layers) && o.layers.length > 0 && o.layers.every(isLayer) ? (o.layers as Layer[]) : fail('bad layers');
	if (!Array.isArray(o.files)) fail('no files');
	const tables = new Set(tableNames());
	const paths = new Set<string>();
	const files = (o.files as unknown[]).map((f, i): StoredFile => {
		const e = f as Partial<StoredFile>;
		if (typeof e?.id !== 'string' || typeof e.name !== 'string' || typeof e.acceptedAt !== 'string') fail(`file ${i}: id, name or acceptedAt missing`);
		if (e.sha256 !== null && !(typeof e.sha256 === 'string' && /^[0-9a-f]{64}$/.test(e.sha256))) fail(`file ${i}: bad sha256`);
		if (!Number.isInteger(e.bytes) || !Array.isArray(e.parts)) fail(`file ${i}: bytes or parts missing`);
		for (const p of e.parts!) {
			if (!tables.has(p?.table)) fail(`file ${i}: unknown table ${String(p?.table)}`);
			if (typeof p.path !== 'string' || !FILE_NAME.test(p.path) || p.path === INDEX_FILE) fail(`file ${i}: bad path`);
			if (paths.has(p.path)) fail(`file ${i}: path ${p.path} used twice`);
			paths.add(p.path);
			if (!Number.isInteger(p.rows) || p.rows < 0 || !Number.isInteger(p.bytes)) fail(`file ${i}: bad row count`);
		}
		return e as StoredFile;
	});
	return { version: INDEX_VERSION, schemaVersion: o.schemaVersion as string, layers, files };
}

/** The stored file name of one table's rows of an upload. @example partPath('f1', 'services') // → 'f1-services.arrow' */
export function partPath(id: string, table: string): string {
	return `${id}-${table}.arrow`;
}

/** A new upload's id: unique in the index, safe as a file name. */
export function newFileId(index: StoreIndex, now: Date, random: () => number = Math.random): string {
	const taken = new Set(index.files.map((f) => f.id));
	for (;;) {
		const id = `f${now.getTime().toString(36)}${Math.floor(random() * 36 ** 4).toString(36)}`;
		if (!taken.has(id)) return id;
	}
}

export function withFile(index: StoreIndex, file: StoredFile): StoreIndex {
	return { ...index, files: [...index.files, file] };
}

export function withoutFile(index: StoreIndex, id: string): StoreIndex {
	return { ...index, files: index.files.filter((f) => f.id !== id) };
}

export function withLayers(index: StoreIndex, layers: Layer[]): StoreIndex {
	return { ...index, layers: [...layers] };
}

/**
 * The order a restore inserts stored rows in: the contract's load order
 * (parents first, as the upload does), then the order the files were accepted.
 */
export function restoreOrder(index: StoreIndex): { file: StoredFile; part: StoredPart }[] {
	const order = tableNames();
	const parts = index.files.flatMap((file, i) => file.parts.map((part) => ({ file, part, i })));
	parts.sort((a, b) => order.indexOf(a.part.table) - order.indexOf(b.part.table) || a.i - b.i);
	return parts.map(({ file, part }) => ({ file, part }));
}

/** Files in the store the index does not name (left by an interrupted write): safe to delete. */
export function unreferenced(index: StoreIndex, names: readonly string[]): string[] {
	const used = new Set(index.files.flatMap((f) => f.parts.map((p) => p.path)));
	return names.filter((n) => n !== INDEX_FILE && !used.has(n));
}
