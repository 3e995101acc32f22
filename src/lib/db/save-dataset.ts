/**
 * "Save dataset": the live layer (optionally with the pilot) as one Parquet
 * file per contract table plus a manifest.json in the format of
 * data/pilot/manifest.json, zipped, so the site opens it again with
 * `?data=<manifest URL>` (e.g. unzipped on a ministry intranet). With the
 * pilot the tables are what the views query over both layers (participant
 * ids prefixed by layer, lookup tables merged), so the reopened dataset shows
 * the same figures as the session it came from.
 */
import { sha256Hex } from './verify.ts';
import { Bool, DateDay, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import { VectorAssembler } from 'apache-arrow/visitor/vectorassembler';
import { zipSync, strToU8 } from 'fflate';
import { TABLES, contract, requireTable, type ColumnType } from '#lib/contract/schema.ts';
import type { Engine } from './engine.ts';
import { layerTables, layerViewSql, type Layer } from './layers.ts';
import type { DatasetManifest, ManifestTable } from './manifest.ts';

export interface SaveOptions {
	withPilot: boolean;
	name: string;
	name_lv: string;
	/** Time of saving, for the description (ISO). */
	savedAt: string;
}

export interface SavedDataset {
	manifest: DatasetManifest & { description: string; generated_by: string };
	/** File name → bytes, manifest.json included. */
	files: Record<string, Uint8Array>;
}

/** Arrow IPC stream → Parquet bytes (zstd, as data/pilot). parquet-wasm must be initialised. */
export function ipcToParquet(ipc: Uint8Array): Uint8Array {
	const props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).setCreatedBy('IB Outcomes: save dataset').build();
	return writeParquet(WasmTable.fromIPCStream(ipc), props);
}

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
	VARCHAR: () => new Utf8(),
	INTEGER: () => new Int32(),
	DOUBLE: () => new Float64(),
	DATE: () => new DateDay(),
	BOOLEAN: () => new Bool()
};

/**
 * Booleans with a values buffer even when all are NULL (adults' impairment
 * flags): apache-arrow's IPC writer leaves it empty then, which parquet-wasm
 * (arrow-rs) refuses. Scoped to one synchronous write, then put back.
 */
function boolVector(values: (boolean | null)[]): Vector {
	const n = values.length;
	const data = new Uint8Array(Math.max(1, Math.ceil(n / 8)));
	const valid = new Uint8Array(Math.max(1, Math.ceil(n / 8)));
	let nulls = 0;
	values.forEach((v, i) => {
		if (v == null) nulls++;
		else {
			valid[i >> 3] |= 1 << (i & 7);
			if (v) data[i >> 3] |= 1 << (i & 7);
		}
	});
	return makeVector(makeData({ type: new Bool(), length: n, nullCount: nulls, nullBitmap: valid, data }));
}

type BoolData = { nullCount: number; length: number; offset: number; values: Uint8Array };
function withBoolValues<T>(write: () => T): T {
	const proto = VectorAssembler.prototype as unknown as { visitBool(this: unknown, d: BoolData): unknown };
	const original = proto.visitBool;
	proto.visitBool = function (d: BoolData) {
		// Validity and null count are already written (visit()); only the values buffer is at stake here.
		return original.call(this, d.nullCount >= d.length ? { nullCount: 0, length: d.length, offset: d.offset, values: d.values } : d);
	};
	try {
		return write();
	} finally {
		proto.visitBool = original;
	}
}

/**
 * A query result as an IPC stream with the contract's column types, built with
 * this bundle's apache-arrow: DuckDB-WASM's tables may come from another copy
 * of the library, which tableToIPC does not recognise (it writes nothing).
 */
export function contractIPC(table: string, result: { numRows: number; getChild(name: string): { get(i: number): unknown } | null }): Uint8Array {
	const vectors: Record<string, Vector> = {};
	for (const c of requireTable(table).columns) {
		const column = result.getChild(c.name);
		if (!column) throw new Error(`${table}: the query has no column ${c.name}`);
		const values: unknown[] = new Array(result.numRows);
		for (let i = 0; i < result.numRows; i++) {
			const v = column.get(i);
			values[i] =
				v == null ? null : c.type === 'DATE' ? new Date(v instanceof Date ? v.getTime() : Number(v)) : typeof v === 'bigint' ? Number(v) : v;
		}
		vectors[c.name] = c.type === 'BOOLEAN' ? boolVector(values as (boolean | null)[]) : vectorFromArray(values, ARROW_TYPES[c.type]());
	}
	return withBoolValues(() => tableToIPC(new Table(vectors), 'stream'));
}

/** The layers' tables as Parquet files and their manifest (every file's rows, bytes and sha256). */
export async function saveDataset(engine: Engine, options: SaveOptions): Promise<SavedDataset> {
	const layers: Layer[] = options.withPilot ? ['pilot', 'live'] : ['live'];
	const present = new Map<Layer, Set<string>>();
	for (const l of layers) present.set(l, await layerTables(engine, l));
	const files: Record<string, Uint8Array> = {};
	const tables: Record<string, ManifestTable> = {};
	// Contract order (parents first), as the manifest format asks.
	for (const table of TABLES) {
		const have = layers.filter((l) => present.get(l)!.has(table));
		if (have.length === 0) continue;
		const arrow = await engine.queryTable(layerViewSql(table, have, layers.length > 1));
		const path = `${table}.parquet`;
		const bytes = ipcToParquet(contractIPC(table, arrow));
		files[path] = bytes;
		tables[table] = { path, format: 'parquet', rows: arrow.numRows, bytes: bytes.byteLength, sha256: await sha256Hex(bytes) };
	}
	if (!tables.participants || tables.participants.rows === 0) throw new Error('The live data have no participants to save');
	const manifest = {
		name: options.name,
		name_lv: options.name_lv,
		description: `Saved on ${options.savedAt} from the live data of IB Outcomes${
			options.withPilot ? ', together with the synthetic pilot dataset (participant ids prefixed pilot: and live:)' : ''
		}.`,
		synthetic: false,
		schema_version: contract.version,
		generated_by: 'IB Outcomes /data: Save dataset',
		tables
	};
	files['manifest.json'] = strToU8(JSON.stringify(manifest, null, '\t') + '\n');
	return { manifest, files };
}

/** The saved files as one ZIP (Parquet is compressed already: stored, not deflated). */
export function zipDataset(saved: SavedDataset, folder: string): Uint8Array {
	const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
	for (const [name, bytes] of Object.entries(saved.files)) entries[`${folder}/${name}`] = [bytes, { level: 0 }];
	return zipSync(entries);
}
