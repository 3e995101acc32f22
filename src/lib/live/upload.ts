/**
 * One uploaded file of any supported format → check results (one per table
 * in it), and the order files dropped together are checked in. CSV is
 * streamed with byte progress, Parquet by row group, Arrow by record batch;
 * XLSX is read per sheet. Every unreadable file is a file-level problem,
 * never an exception.
 */
import { checkCsv, type CheckOptions, type CheckResult } from './check.ts';
import type { ValidationContext } from './validate.ts';
import { tableNames } from '#lib/contract/schema.ts';

export type UploadFormat = 'csv' | 'xlsx' | 'parquet' | 'arrow' | 'unknown';

export function formatOf(name: string): UploadFormat {
	const ext = name.toLowerCase().split('.').pop() ?? '';
	if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
	if (ext === 'xlsx') return 'xlsx';
	if (ext === 'parquet') return 'parquet';
	if (ext === 'arrow' || ext === 'arrows' || ext === 'ipc') return 'arrow';
	return 'unknown';
}

/** Sort files so that parent tables (by the name's guess) are checked first; prefer inDetectedOrder, which looks inside. */
export function inContractOrder<T extends { name: string }>(files: T[]): T[] {
	const order = tableNames();
	const rank = (name: string) => {
		const base = name.toLowerCase().replace(/\.[a-z0-9]+$/, '');
		const i = order.findIndex((t) => base.includes(t));
		return i < 0 ? order.length : i;
	};
	return [...files].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

export class UploadCancelled extends Error {
	constructor() {
		super('cancelled');
	}
}

/** Counts bytes as they stream through, and stops when the signal aborts. */
function progressStream(total: number, onProgress: (share: number) => void, signal?: AbortSignal) {
	let seen = 0;
	return new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, ctrl) {
			if (signal?.aborted) throw new UploadCancelled();
			seen += chunk.byteLength;
			onProgress(total > 0 ? seen / total : 0);
			ctrl.enqueue(chunk);
		}
	});
}

export interface UploadInput {
	name: string;
	size: number;
	stream(): ReadableStream<Uint8Array>;
	arrayBuffer(): Promise<ArrayBuffer>;
}

/** Table order of the contract, unknown last. */
const rankOf = (table: string | null) => {
	const order = tableNames();
	const i = table ? order.indexOf(table) : -1;
	return i < 0 ? order.length : i;
};

/**
 * Sort files parents first by the table DETECTED in each (its header,
 * Parquet/Arrow columns, or sheet names), not by its name: `dalibnieki.csv`
 * (participants) comes before `pakalpojumi.csv` (services). `detect` is
 * detectUploadTable, or the worker's.
 */
export async function inDetectedOrder<T extends { name: string }>(files: T[], detect: (f: T) => Promise<string | null>): Promise<T[]> {
	const ranked = await Promise.all(files.map(async (f) => ({ f, rank: rankOf(await detect(f).catch(() => null)) })));
	return ranked.sort((a, b) => a.rank - b.rank || a.f.name.localeCompare(b.f.name)).map((x) => x.f);
}

const HEAD_BYTES = 64 * 1024;

async function headBytes(file: UploadInput, n = HEAD_BYTES): Promise<Uint8Array> {
	const reader = file.stream().getReader();
	const parts: Uint8Array[] = [];
	let have = 0;
	try {
		while (have < n) {
			const { done, value } = await reader.read();
			if (done) break;
			parts.push(value);
			have += value.byteLength;
		}
	} finally {
		await reader.cancel().catch(() => {});
	}
	const out = new Uint8Array(Math.min(have, n));
	let at = 0;
	for (const p of parts) {
		const take = Math.min(p.byteLength, out.length - at);
		out.set(p.subarray(0, take), at);
		at += take;
		if (at >= out.length) break;
	}
	return out;
}

const asBlob = async (file: UploadInput): Promise<Blob> => (file instanceof Blob ? file : new Blob([await file.arrayBuffer()]));

/**
 * The contract table a file holds, from what is in it: a CSV's header line,
 * a workbook's sheet names (or its first sheet's header), a Parquet footer's
 * or an Arrow stream's column names; null when nothing names a table.
 */
export async function detectUploadTable(file: UploadInput): Promise<string | null> {
	const { detectTable } = await import('./mapping.ts');
	const fromColumns = (names: string[]) => detectTable(file.name, names)[0]?.table ?? null;
	const format = formatOf(file.name);
	if (format === 'csv' || format === 'unknown') {
		const { parseCsv } = await import('./csv.ts');
		const text = new TextDecoder('utf-8').decode(await headBytes(file));
		const firstLine = text.split(/\r\n|\n|\r/)[0] ?? '';
		return fromColumns(parseCsv(firstLine).records[0]?.fields ?? []);
	}
	if (format === 'xlsx') {
		const { listSheets, tableForSheet, readSheetGrid, sheetTable } = await import('./xlsx.ts');
		const bytes = new Uint8Array(await file.arrayBuffer());
		const named = listSheets(bytes).map(tableForSheet).filter((t): t is string => t !== null);
		if (named.length > 0) return named.sort((a, b) => rankOf(a) - rankOf(b))[0];
		return sheetTable(await readSheetGrid(bytes, 1));
	}
	if (format === 'parquet') {
		await startParquet();
		const { ParquetFile } = await import('parquet-wasm/esm');
		const { tableFromIPC } = await import('apache-arrow');
		const pf = await ParquetFile.fromFile(await asBlob(file));
		try {
			return fromColumns(tableFromIPC(pf.schema().intoIPCStream()).schema.fields.map((f) => f.name));
		} finally {
			pf.free();
		}
	}
	const { RecordBatchReader } = await import('apache-arrow');
	const reader = await RecordBatchReader.from(file.stream() as unknown as AsyncIterable<Uint8Array>);
	await reader.open();
	const names = reader.schema?.fields.map((f) => f.name) ?? [];
	await reader.cancel?.();
	return fromColumns(names);
}

/** The Parquet decoder: started here in the browser (self-hosted wasm); Node callers start it themselves. */
async function startParquet(): Promise<void> {
	const { parquetDecoderStarted } = await import('#lib/db/parquet.ts');
	if (!parquetDecoderStarted()) await (await import('#lib/db/parquet-browser.ts')).initBrowserParquet();
}

export interface UploadCheckOptions extends CheckOptions {
	signal?: AbortSignal;
	onProgress?: (share: number) => void;
}

/**
 * Check one file, streamed: CSV by chunks, Parquet by row group, Arrow by
 * record batch (XLSX is read per sheet, within the zip limits of xlsx.ts).
 * Runs the same in the check worker and in Node; the page calls it through
 * check-client.ts so that it runs off the main thread.
 */
export async function checkUpload(file: UploadInput, ctx: ValidationContext, opts: UploadCheckOptions = {}): Promise<CheckResult[]> {
	const { signal, onProgress = () => {}, ...checkOpts } = opts;
	const format = formatOf(file.name);
	const cancelled = () => signal?.aborted === true;
	let results: CheckResult[];
	if (format === 'csv' || format === 'unknown') {
		const stream = file.stream().pipeThrough(progressStream(file.size, onProgress, signal));
		results = [await checkCsv(file.name, stream, ctx, checkOpts)];
	} else if (format === 'xlsx') {
		const bytes = new Uint8Array(await file.arrayBuffer());
		onProgress(0.5);
		const { checkXlsx } = await import('./xlsx.ts');
		results = await checkXlsx(file.name, bytes, ctx, { ...checkOpts, chain: true });
	} else if (format === 'parquet') {
		await startParquet();
		const { checkParquet } = await import('./columnar.ts');
		results = [await checkParquet(file.name, await asBlob(file), ctx, { ...checkOpts, onProgress, cancelled })];
	} else {
		const { checkArrow } = await import('./columnar.ts');
		const stream = file.stream().pipeThrough(progressStream(file.size, onProgress, signal));
		results = [await checkArrow(file.name, stream, ctx, { ...checkOpts, cancelled })];
	}
	if (cancelled()) throw new UploadCancelled();
	onProgress(1);
	return results;
}
