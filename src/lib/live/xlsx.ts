/**
 * XLSX reading for uploads, in the browser and in Node.
 *
 * Cell values come from `read-excel-file` (maintained, small, no formula
 * engine: a formula cell yields the value the spreadsheet stored). A light
 * scan of the zip with `fflate` adds what that library does not expose:
 * which cells hold formulas (flagged `formula_cached_value`) and merged
 * ranges (merged header rows are rejected). Unpacked size is limited before
 * anything is inflated (zip bombs).
 *
 * @example
 * const bytes = new Uint8Array(await file.arrayBuffer());
 * listSheets(bytes);                                  // → ['participants', 'services']
 * const grid = await readSheetGrid(bytes, 'services'); // → { sheet: 'services', rows: [['event_id', …], …], formulaCells: [{ row: 5, col: 7 }], merges: [] }
 * const results = await checkXlsx('report.xlsx', bytes, ctx); // one CheckResult per sheet named after a table
 */
import readXlsxFile from 'read-excel-file/universal';
import { strFromU8, unzipSync } from 'fflate';
import { checkSheet, type CellRange, type CheckOptions, type CheckResult, type SheetInput } from './check.ts';
import { contract } from '#lib/contract/schema.ts';
import { detectTable, normalizeHeader } from './mapping.ts';
import { problem, type ProblemCode } from './problems.ts';
import { addAccepted, type ValidationContext } from './validate.ts';
import type { RawCell } from './values.ts';

export interface SheetGrid extends SheetInput {
	sheet: string;
	rows: RawCell[][];
	formulaCells: { row: number; col: number }[];
	merges: CellRange[];
}

export class XlsxError extends Error {
	readonly code: Extract<ProblemCode, 'xlsx_invalid' | 'xlsx_too_large' | 'sheet_not_found'>;
	readonly detail: string;
	constructor(code: Extract<ProblemCode, 'xlsx_invalid' | 'xlsx_too_large' | 'sheet_not_found'>, detail: string) {
		super(`${code}: ${detail}`);
		this.code = code;
		this.detail = detail;
	}
}

/**
 * Largest unpacked sizes accepted, from the sizes the zip directory declares,
 * before anything is inflated: one sheet's XML, and the whole workbook. The
 * reader holds a sheet's cells in memory (several times its XML), so these
 * bound the memory a workbook can take (~120,000 service rows per sheet);
 * larger submissions come as CSV or Parquet, which are streamed.
 */
export const MAX_SHEET_BYTES = 50 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 80 * 1024 * 1024;
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

type Bytes = Uint8Array | ArrayBuffer;
const u8 = (b: Bytes) => (b instanceof Uint8Array ? b : new Uint8Array(b));

function unescapeXml(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
		const l = e.toLowerCase();
		if (l === 'amp') return '&';
		if (l === 'lt') return '<';
		if (l === 'gt') return '>';
		if (l === 'quot') return '"';
		if (l === 'apos') return "'";
		return String.fromCodePoint(l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
	});
}

const attr = (tag: string, name: string) => {
	const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
	return m ? unescapeXml(m[1]) : undefined;
};

/** Unzip only the files `want` selects, refusing archives that unpack too large. */
function unzipSome(bytes: Uint8Array, want: (name: string) => boolean): Record<string, Uint8Array> {
	if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new XlsxError('xlsx_invalid', 'not a zip archive');
	let total = 0;
	try {
		return unzipSync(bytes, {
			filter: (f) => {
				total += f.originalSize;
				if (f.originalSize > MAX_SHEET_BYTES) throw new XlsxError('xlsx_too_large', `${f.name}: ${mb(f.originalSize)} > ${mb(MAX_SHEET_BYTES)}`);
				if (total > MAX_UNPACKED_BYTES) throw new XlsxError('xlsx_too_large', `${mb(total)} > ${mb(MAX_UNPACKED_BYTES)}`);
				return want(f.name);
			}
		});
	} catch (e) {
		if (e instanceof XlsxError) throw e;
		throw new XlsxError('xlsx_invalid', (e as Error).message);
	}
}

/** Sheet names and their XML paths, in workbook order. */
function sheetPaths(bytes: Uint8Array): { name: string; path: string }[] {
	const files = unzipSome(bytes, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels');
	const wb = files['xl/workbook.xml'];
	if (!wb) throw new XlsxError('xlsx_invalid', 'no xl/workbook.xml (not an XLSX workbook)');
	const rels = new Map<string, string>();
	const relXml = files['xl/_rels/workbook.xml.rels'] ? strFromU8(files['xl/_rels/workbook.xml.rels']) : '';
	for (const tag of relXml.match(/<Relationship\b[^>]*>/g) ?? []) {
		const id = attr(tag, 'Id');
		const target = attr(tag, 'Target');
		if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
	}
	const out: { name: string; path: string }[] = [];
	(strFromU8(wb).match(/<sheet\b[^>]*>/g) ?? []).forEach((tag, i) => {
		const name = attr(tag, 'name') ?? `Sheet${i + 1}`;
		const rid = attr(tag, 'r:id') ?? /\s[a-zA-Z0-9]+:id="([^"]*)"/.exec(tag)?.[1];
		out.push({ name, path: (rid && rels.get(rid)) ?? `xl/worksheets/sheet${i + 1}.xml` });
	});
	return out;
}

/** `listSheets(bytes)` → sheet names in workbook order. Throws XlsxError. */
export function listSheets(data: Bytes): string[] {
	return sheetPaths(u8(data)).map((s) => s.name);
}

/** `cellRef('B3')` → { row: 3, col: 2 } */
export function cellRef(ref: string): { row: number; col: number } {
	const m = /^([A-Z]+)(\d+)$/.exec(ref.toUpperCase());
	if (!m) return { row: 0, col: 0 };
	let col = 0;
	for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
	return { row: Number(m[2]), col };
}

/** Formula cells and merged ranges of one sheet's XML. */
export function scanSheetXml(xml: string): { formulaCells: { row: number; col: number }[]; merges: CellRange[] } {
	const formulaCells: { row: number; col: number }[] = [];
	const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
	for (let m = cellRe.exec(xml); m; m = cellRe.exec(xml)) {
		if (m[2] && /<f[\s>/]/.test(m[2])) {
			const r = attr(m[1], 'r');
			if (r) formulaCells.push(cellRef(r));
		}
	}
	const merges: CellRange[] = [];
	for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Za-z]+\d+)(?::([A-Za-z]+\d+))?"/g)) {
		const a = cellRef(m[1]);
		const b = cellRef(m[2] ?? m[1]);
		merges.push({ ref: m[2] ? `${m[1]}:${m[2]}` : m[1], top: a.row, left: a.col, bottom: b.row, right: b.col });
	}
	return { formulaCells, merges };
}

function toArrayBuffer(b: Uint8Array): ArrayBuffer {
	return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer
		? b.buffer
		: (b.slice().buffer as ArrayBuffer);
}

/**
 * Read sheets (all, or those named) with values, formula cells and merges.
 * Throws XlsxError for a file that is not a workbook or unpacks too large.
 */
export async function readWorkbook(data: Bytes, sheets?: readonly string[]): Promise<SheetGrid[]> {
	const bytes = u8(data);
	const paths = sheetPaths(bytes);
	for (const s of sheets ?? []) if (!paths.some((p) => p.name === s)) throw new XlsxError('sheet_not_found', s);
	const chosen = sheets ? paths.filter((p) => sheets.includes(p.name)) : paths;
	const xmls = unzipSome(bytes, (n) => chosen.some((c) => c.path === n));
	let values: { sheet: string; data: unknown[][] }[];
	try {
		values = (await readXlsxFile(toArrayBuffer(bytes))) as unknown as { sheet: string; data: unknown[][] }[];
	} catch (e) {
		throw new XlsxError('xlsx_invalid', (e as Error).message);
	}
	return chosen.map((c) => {
		const v = values.find((s) => s.sheet === c.name);
		const meta = xmls[c.path] ? scanSheetXml(strFromU8(xmls[c.path])) : { formulaCells: [], merges: [] };
		return { sheet: c.name, rows: (v?.data ?? []) as RawCell[][], ...meta };
	});
}

/** One sheet by name or 1-based position. */
export async function readSheetGrid(data: Bytes, sheet: string | number = 1): Promise<SheetGrid> {
	const names = listSheets(data);
	const name = typeof sheet === 'number' ? names[sheet - 1] : sheet;
	if (name === undefined || !names.includes(name)) throw new XlsxError('sheet_not_found', String(sheet));
	return (await readWorkbook(data, [name]))[0];
}

/** The contract table a sheet name names (`'Services'`, `'Pakalpojumi'`… → by table name or Latvian label), or null. */
export function tableForSheet(sheetName: string): string | null {
	const n = normalizeHeader(sheetName);
	return contract.tables.find((t) => t.name === n || normalizeHeader(t.label_lv) === n)?.name ?? null;
}

/** The first non-empty row of a grid (the header candidate). */
const firstRow = (g: SheetGrid) => g.rows.find((r) => r.some((c) => c != null && String(c).trim() !== '')) ?? [];
const isEmptySheet = (g: SheetGrid) => !g.rows.some((r) => r.some((c) => c != null && String(c).trim() !== ''));

/** The table a sheet holds: its name (`Pakalpojumi`), else its header row. */
export function sheetTable(g: SheetGrid): string | null {
	return tableForSheet(g.sheet) ?? detectTable(g.sheet, firstRow(g))[0]?.table ?? null;
}

/**
 * Check a workbook. With `opts.sheet`, that sheet only (table from
 * `opts.table` or guessed); otherwise every sheet: each is checked as the
 * table its name or header names, or reported as skipped with the reason
 * (`sheet_skipped`: empty, or no contract header while other sheets hold
 * tables). Results are in contract load order, so parents are checked
 * before children. With `chain`, each sheet's accepted rows are added to
 * `ctx` before the next sheet is checked (a workbook holding participants
 * and their services).
 */
export async function checkXlsx(
	file: string,
	data: Bytes,
	ctx: ValidationContext,
	opts: CheckOptions & { sheet?: string; chain?: boolean } = {}
): Promise<CheckResult[]> {
	const result = (name: string, code: ProblemCode, detail: string, rejected = true, value: string | null = null): CheckResult => ({
		file: name,
		table: opts.table ?? null,
		guesses: [],
		mapping: null,
		headerRow: null,
		delimiter: null,
		fileRejected: rejected,
		accepted: [],
		problems: [problem(code, { file: name, detail, value })],
		stats: { rows: 0, accepted: 0, rejected: 0, skipped: 0, errors: rejected ? 1 : 0, warnings: rejected ? 0 : 1 }
	});
	let grids: SheetGrid[];
	try {
		grids = opts.sheet ? [await readSheetGrid(data, opts.sheet)] : await readWorkbook(data);
	} catch (e) {
		if (e instanceof XlsxError) return [result(file, e.code, e.detail, true, e.code === 'sheet_not_found' ? e.detail : null)];
		throw e;
	}
	const order = contract.tables.map((t) => t.name);
	const tables = new Map(grids.map((g) => [g, opts.table ?? sheetTable(g)] as const));
	const rank = (g: SheetGrid) => {
		const t = tables.get(g);
		return t ? order.indexOf(t) : order.length;
	};
	const anyTable = grids.some((g) => tables.get(g) !== null);
	const results: CheckResult[] = [];
	for (const g of [...grids].sort((a, b) => rank(a) - rank(b))) {
		const name = `${file}#${g.sheet}`;
		if (grids.length > 1 && !opts.sheet && (isEmptySheet(g) || (!tables.get(g) && anyTable))) {
			results.push(result(name, 'sheet_skipped', isEmptySheet(g) ? 'empty' : 'no_header', false, g.sheet));
			continue;
		}
		const r = checkSheet(name, g, ctx, { ...opts, table: tables.get(g) ?? undefined });
		if (opts.chain && r.table && !r.fileRejected) addAccepted(ctx, r.table, r.accepted);
		results.push(r);
	}
	return results;
}
