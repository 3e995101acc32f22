/**
 * CSV writing (RFC 4180) for downloads. Text that a spreadsheet could run as a
 * formula, at the start of a cell or after any separator inside it, gets an
 * apostrophe (export/formula.ts, the one rule), so an exported file can never
 * carry `=HYPERLINK(...)` into Excel. Numbers are written as numbers.
 */
import { neutraliseFormulas } from './formula.ts';

export type CsvCell = string | number | boolean | null | undefined;

export function escapeCsvCell(value: CsvCell): string {
	if (value == null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const s = typeof value === 'boolean' ? String(value) : neutraliseFormulas(value);
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `toCsv(['a','b'], [[1,'x']])` → "a,b\r\n1,x\r\n" */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const lines = [header, ...rows].map((r) => r.map(escapeCsvCell).join(','));
	return lines.join('\r\n') + '\r\n';
}
