/**
 * Turning raw cells (CSV strings, or XLSX strings / numbers / booleans /
 * dates) into typed contract values. Each parser returns the value or
 * `undefined` when the cell is not of that type; blank cells are handled by
 * the caller.
 *
 * @example
 * parseNumber('1 234,56', true);  // → 1234.56   (Latvian decimal comma, ';' files only)
 * parseNumber('12,5', false);     // → undefined (',' is the separator there)
 * parseDate('31.01.2021');        // → '2021-01-31'
 * parseBoolean('Jā');             // → true
 * isFormulaLike('=HYPERLINK("http://x","y")'); // → true
 */
import { NULL_SPELLINGS } from '#lib/contract/schema.ts';

export type RawCell = string | number | boolean | Date | null | undefined;

export { NULL_SPELLINGS };
/** Cell texts that mean "no value": the contract's list (`0`, `nav` or `—` are values). */
const NULLS = new Set(NULL_SPELLINGS.map((s) => s.toLowerCase()));

/** Blank: null/undefined, only whitespace, or a NULL spelling (`NA`, `NULL`, `N/A`, `-`). */
export function isBlank(v: RawCell): boolean {
	if (v == null) return true;
	if (typeof v !== 'string') return false;
	const t = v.trim();
	return t === '' || (t.length <= 4 && NULLS.has(t.toLowerCase()));
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const LV_NUMBER = /^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+(,\d+)?$|^[+-]?\d+,\d+$|^[+-]?\d+$/;

/**
 * A finite number. With `decimalComma` (semicolon-separated files) Latvian
 * notation is accepted too: `12,5`, `1 234,56` (space, no-break or narrow
 * no-break space between thousands).
 */
export function parseNumber(v: RawCell, decimalComma = false): number | undefined {
	if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
	if (typeof v !== 'string') return undefined;
	const s = v.trim();
	let n: number | undefined;
	if (PLAIN_NUMBER.test(s)) n = Number(s);
	else if (decimalComma && LV_NUMBER.test(s)) n = Number(s.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
	return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** A safe integer within ±2³¹ (DuckDB INTEGER); `12.0` counts, `12.5` does not. */
export function parseInteger(v: RawCell, decimalComma = false): number | undefined {
	const n = parseNumber(v, decimalComma);
	return n !== undefined && Number.isInteger(n) && Math.abs(n) < 2 ** 31 ? n : undefined;
}

const TRUE = new Set(['true', '1', 'yes', 'y', 'ja', 'jā', 'j', 'patiess', 'x']);
const FALSE = new Set(['false', '0', 'no', 'n', 'ne', 'nē', 'aplams']);

/** true/false, 1/0, yes/no, jā/nē, PATIESS/APLAMS (Latvian Excel). */
export function parseBoolean(v: RawCell): boolean | undefined {
	if (typeof v === 'boolean') return v;
	if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
	if (typeof v !== 'string') return undefined;
	const s = v.trim().toLowerCase();
	return TRUE.has(s) ? true : FALSE.has(s) ? false : undefined;
}

function isoIfValid(y: number, m: number, d: number): string | undefined {
	const t = Date.UTC(y, m - 1, d);
	const dt = new Date(t);
	if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An ISO date `YYYY-MM-DD` from `YYYY-MM-DD` (optionally followed by
 * `T00:00:00…` or ` 00:00:00`), `DD.MM.YYYY` (optionally with a final dot)
 * or a Date (XLSX; its UTC calendar day). Impossible dates (2019-02-30) give
 * undefined.
 */
export function parseDate(v: RawCell): string | undefined {
	if (v instanceof Date) {
		if (Number.isNaN(v.getTime())) return undefined;
		return isoIfValid(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
	}
	if (typeof v !== 'string') return undefined;
	const s = v.trim();
	let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z)?)?$/.exec(s);
	if (m) return isoIfValid(+m[1], +m[2], +m[3]);
	m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(s);
	if (m) return isoIfValid(+m[3], +m[2], +m[1]);
	return undefined;
}

/**
 * A cell a spreadsheet would run as a formula or command: starts with `=`,
 * `+`, `-`, `@`, tab or CR (after leading spaces) and is not a plain number.
 *
 * @example isFormulaLike('-12.5') // → false
 * @example isFormulaLike('+cmd|" /C calc"!A0') // → true
 */
export function isFormulaLike(v: RawCell): boolean {
	if (typeof v !== 'string') return false;
	const s = v.replace(/^[ \u00a0]+/, '');
	if (!/^[=+\-@\t\r]/.test(s)) return false;
	if (/^-+\s*$/.test(s)) return false; // a dash placeholder cannot run
	return !/^[+-]?(\d[\d \u00a0]*([.,]\d+)?|\.\d+)([eE][+-]?\d+)?$/.test(s.trim());
}

/** C0 control characters other than tab, LF, CR, and DEL. */
export function hasControlCharacters(s: string): boolean {
	// eslint-disable-next-line no-control-regex
	return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
}

/**
 * Text that looks like UTF-8 read as Windows-1252/1257 (mojibake), or
 * holding the replacement character U+FFFD. A Latvian letter's two UTF-8
 * bytes start with C4/C5 (`Ä`, `Å` in those code pages); the second byte
 * shows as a Latin-1, Latin Extended-A or Windows punctuation character
 * (`ē` → `Ä“`, `š` → `Å¡`).
 *
 * @example looksMisEncoded('DalÄ«bnieks') // → true
 * @example looksMisEncoded('Änne')       // → false
 */
export function looksMisEncoded(s: string): boolean {
	return s.includes('\uFFFD') || /[ÃÄÅÂ][\u0080-\u00BF\u0100-\u017F\u0192\u02C6\u02DC\u2013-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/.test(s);
}

/** More than two decimal places, beyond binary floating-point noise: `12.345` yes, `0.1 + 0.2` no. */
export function hasSubCents(n: number): boolean {
	return Math.abs(n * 100 - Math.round(n * 100)) > 1e-6 * Math.max(1, Math.abs(n));
}
