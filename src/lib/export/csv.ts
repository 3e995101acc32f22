/**
 * CSV writing (RFC 4180) for downloads. Cells that a spreadsheet would run as
 * a formula (=, +, -, @, tab, CR at the start) are prefixed with an apostrophe,
 * so an exported file can never carry `=HYPERLINK(...)` into Excel.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: CsvCell): string {
	if (value == null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let s = String(value);
	if (FORMULA_START.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `toCsv(['a','b'], [[1,'x']])` → "a,b\r\n1,x\r\n" */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const lines = [header, ...rows].map((r) => r.map(escapeCsvCell).join(','));
	return lines.join('\r\n') + '\r\n';
}
