/**
 * One uploaded file of any supported format → check results (one per table
 * in it). CSV is streamed with byte progress and can be cancelled; XLSX is
 * read per sheet; Parquet and Arrow IPC are decoded to rows first.
 */
import { checkCsv, checkSheet, type CheckOptions, type CheckResult } from './check.ts';
import type { ValidationContext } from './validate.ts';
import { tableNames } from '#lib/contract/schema.ts';
import type { RawCell } from './values.ts';

export type UploadFormat = 'csv' | 'xlsx' | 'parquet' | 'arrow' | 'unknown';

export function formatOf(name: string): UploadFormat {
	const ext = name.toLowerCase().split('.').pop() ?? '';
	if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
	if (ext === 'xlsx') return 'xlsx';
	if (ext === 'parquet') return 'parquet';
	if (ext === 'arrow' || ext === 'arrows' || ext === 'ipc') return 'arrow';
	return 'unknown';
}

/** Sort files so that parent tables (by the name's guess) are checked first. */
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

/** Arrow table → a sheet of cells (header row first), dates as ISO strings. */
async function arrowToSheet(ipc: Uint8Array): Promise<{ rows: RawCell[][] }> {
	const { tableFromIPC } = await import('apache-arrow');
	const { tableToRows } = await import('#lib/db/rows.ts');
	const table = tableFromIPC(ipc);
	const header = table.schema.fields.map((f) => f.name);
	const rows = tableToRows(table);
	return { rows: [header, ...rows.map((r) => header.map((h) => r[h] as RawCell))] };
}

export async function checkUpload(
	file: UploadInput,
	ctx: ValidationContext,
	opts: CheckOptions & { signal?: AbortSignal; onProgress?: (share: number) => void } = {}
): Promise<CheckResult[]> {
	const { signal, onProgress = () => {}, ...checkOpts } = opts;
	const format = formatOf(file.name);
	if (format === 'csv' || format === 'unknown') {
		const stream = file.stream().pipeThrough(progressStream(file.size, onProgress, signal));
		const result = await checkCsv(file.name, stream, ctx, checkOpts);
		if (signal?.aborted) throw new UploadCancelled();
		return [result];
	}
	const bytes = new Uint8Array(await file.arrayBuffer());
	onProgress(0.5);
	if (format === 'xlsx') {
		const { checkXlsx } = await import('./xlsx.ts');
		return checkXlsx(file.name, bytes, ctx, { ...checkOpts, chain: true });
	}
	let ipc: Uint8Array = bytes;
	if (format === 'parquet') {
		const { parquetToArrowIPC, parquetDecoderStarted } = await import('#lib/db/parquet.ts');
		if (!parquetDecoderStarted()) await (await import('#lib/db/parquet-browser.ts')).initBrowserParquet();
		ipc = await parquetToArrowIPC(bytes);
	}
	let sheet: { rows: RawCell[][] };
	try {
		sheet = await arrowToSheet(ipc);
	} catch (e) {
		// Not a readable Parquet/Arrow file: let the sheet checker report it as binary junk.
		return [checkSheet(file.name, { rows: [] }, ctx, checkOpts)].map((r) => ({
			...r,
			fileRejected: true,
			problems: [
				{
					file: file.name,
					table: null,
					row: null,
					column: null,
					value: null,
					code: 'binary_content' as const,
					severity: 'error' as const,
					message_lv: `Failu nevar nolasīt kā ${format === 'parquet' ? 'Parquet' : 'Arrow'}: ${(e as Error).message}`,
					message_en: `The file cannot be read as ${format === 'parquet' ? 'Parquet' : 'Arrow'}: ${(e as Error).message}`
				}
			]
		}));
	}
	onProgress(1);
	return [checkSheet(file.name, sheet, ctx, checkOpts)];
}
