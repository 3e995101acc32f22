/**
 * A minimal XLSX (Office Open XML SpreadsheetML) writer: one sheet per table,
 * a bold header row, numbers as numbers, text as inline strings.
 *
 * Why written here rather than a library: the workbook is a handful of XML
 * files in a zip, and the zip is made with `fflate` — already a dependency
 * (the live-data XLSX reader uses it), MIT, no dependencies of its own, a few
 * kB in the bundle. `write-excel-file` (MIT) would add a package whose only
 * dependency is fflate itself; the ~150 lines below are all we need, run
 * entirely in the browser, and are checked by tests/unit/report/xlsx-write.test.ts
 * (unzipped, and read back with `read-excel-file`).
 *
 * No formulas are ever written (text is an inline string), so an opened
 * report cannot compute anything; text is also neutralised by the CSV rule
 * (export/formula.ts), so that a sheet saved as CSV or copied elsewhere cannot either.
 */
import { zipSync, strToU8 } from 'fflate';
import { neutraliseFormulas } from './formula.ts';

export type XlsxCell = string | number | boolean | null | undefined;

export interface XlsxSheet {
	/** Sheet tab name; made valid (≤ 31 characters, no []:*?/\) and unique. */
	name: string;
	/** Header row (bold), optional. */
	header?: string[];
	rows: XlsxCell[][];
	/** Column widths in characters, optional (else estimated from the content). */
	widths?: number[];
}

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
	return s
		.replace(INVALID_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(index: number): string {
	let s = '';
	let n = index + 1;
	while (n > 0) {
		const r = (n - 1) % 26;
		s = String.fromCharCode(65 + r) + s;
		n = Math.floor((n - 1) / 26);
	}
	return s;
}

/** Valid, unique sheet names: Excel allows ≤ 31 characters and none of []:*?/\, not blank, not "History". */
export function sheetNames(names: string[]): string[] {
	const used = new Set<string>();
	return names.map((raw, i) => {
		let base = raw.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
		if (!base || base.toLowerCase() === 'history') base = `Sheet${i + 1}`;
		base = base.slice(0, 31).trim();
		let name = base;
		for (let k = 2; used.has(name.toLowerCase()); k++) {
			const suffix = ` (${k})`;
			name = base.slice(0, 31 - suffix.length).trim() + suffix;
		}
		used.add(name.toLowerCase());
		return name;
	});
}

function cellXml(ref: string, value: XlsxCell, style: number): string {
	const s = style ? ` s="${style}"` : '';
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		// NaN / ±Infinity (e.g. a suppressed statistic) are left empty.
		return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
	}
	if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
	if (value === '') return '';
	return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(neutraliseFormulas(value))}</t></is></c>`;
}

function estimateWidths(sheet: XlsxSheet): number[] {
	const all = sheet.header ? [sheet.header, ...sheet.rows] : sheet.rows;
	const cols = Math.max(0, ...all.map((r) => r.length));
	return Array.from({ length: cols }, (_, c) => {
		const longest = Math.max(0, ...all.map((r) => (r[c] === null || r[c] === undefined ? 0 : String(r[c]).length)));
		return Math.min(60, Math.max(8, longest + 2));
	});
}

function sheetXml(sheet: XlsxSheet): string {
	const rows: string[] = [];
	const all: { cells: XlsxCell[]; style: number }[] = [
		...(sheet.header ? [{ cells: sheet.header as XlsxCell[], style: 1 }] : []),
		...sheet.rows.map((cells) => ({ cells, style: 0 }))
	];
	all.forEach((row, r) => {
		const cells = row.cells.map((v, c) => cellXml(`${columnName(c)}${r + 1}`, v, row.style)).join('');
		rows.push(`<row r="${r + 1}">${cells}</row>`);
	});
	const widths = sheet.widths ?? estimateWidths(sheet);
	const cols = widths.length
		? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
		: '';
	const freeze = sheet.header
		? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
		: '';
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
		`${freeze}${cols}<sheetData>${rows.join('')}</sheetData></worksheet>`
	);
}

const CONTENT_TYPES = (n: number) =>
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
	'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
	'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
	'<Default Extension="xml" ContentType="application/xml"/>' +
	'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
	'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
	Array.from(
		{ length: n },
		(_, i) =>
			`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	).join('') +
	'</Types>';

const ROOT_RELS =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
	'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
	'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
	'</Relationships>';

const STYLES =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
	'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
	'<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
	'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
	'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
	'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
	'<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
	'<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
	'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
	'</styleSheet>';

/** The workbook as XLSX bytes. At least one sheet is written (an empty one if none given). */
export function writeXlsx(sheets: XlsxSheet[]): Uint8Array {
	const list = sheets.length ? sheets : [{ name: 'Sheet1', rows: [] }];
	const names = sheetNames(list.map((s) => s.name));
	const workbook =
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
		`<sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
		'</workbook>';
	const workbookRels =
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
		names
			.map(
				(_, i) =>
					`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
			)
			.join('') +
		`<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		'</Relationships>';
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(CONTENT_TYPES(list.length)),
		'_rels/.rels': strToU8(ROOT_RELS),
		'xl/workbook.xml': strToU8(workbook),
		'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
		'xl/styles.xml': strToU8(STYLES)
	};
	list.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s))));
	// A fixed timestamp keeps the bytes deterministic for the same tables.
	return zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
