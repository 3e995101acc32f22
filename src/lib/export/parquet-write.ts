/**
 * Export tables → Arrow → Parquet, in the browser and in Node. Arrow tables
 * are built with apache-arrow (v17, as DuckDB-WASM) and handed to parquet-wasm
 * as an IPC stream. Uncompressed, no timestamps: the same table always gives
 * the same bytes. parquet-wasm must be initialised first (`initBrowserParquet`
 * in the browser, `initParquetDecoder` in db/parquet.ts; the Node engine does it).
 */
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import type { ExportTable, ExportType } from './export-table.ts';

function arrowType(t: ExportType): DataType {
	switch (t) {
		case 'VARCHAR':
			return new Utf8();
		case 'INTEGER':
			return new Int32();
		case 'DOUBLE':
			return new Float64();
		case 'BOOLEAN':
			return new Bool();
	}
}

/**
 * Typed Arrow table of an export table (column order and types as declared).
 * @example toArrowTable({ name: 't', columns: [{ name: 'a', type: 'INTEGER', group: 'g', description: '' }], rows: [[1], [null]] }).numRows // → 2
 */
export function toArrowTable(t: ExportTable): Table {
	const vectors: Record<string, Vector> = {};
	t.columns.forEach((c, j) => {
		vectors[c.name] = vectorFromArray(
			t.rows.map((r) => r[j] ?? null),
			arrowType(c.type)
		);
	});
	return new Table(vectors);
}

/** Arrow IPC stream bytes of an export table. */
export function toArrowIPC(t: ExportTable): Uint8Array {
	return tableToIPC(toArrowTable(t), 'stream');
}

/**
 * Parquet file bytes of an export table (uncompressed; deterministic).
 * @example toParquet(table).slice(0, 4) // → 'PAR1' as bytes
 */
export function toParquet(t: ExportTable, createdBy = 'IB Outcomes'): Uint8Array {
	const wasmTable = WasmTable.fromIPCStream(toArrowIPC(t));
	const props = new WriterPropertiesBuilder().setCompression(Compression.UNCOMPRESSED).setCreatedBy(createdBy).build();
	return writeParquet(wasmTable, props);
}
