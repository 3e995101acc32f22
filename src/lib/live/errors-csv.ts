/**
 * The validation report as CSV, for the municipality to fix its file. Cells
 * a spreadsheet would run as formulas (a rejected `=HYPERLINK(...)` value,
 * say) are escaped by `escapeCsvCell` (a leading apostrophe).
 *
 * @example
 * problemsToCsv([problem('unknown_participant', { file: 'services.csv', table: 'services', row: 7,
 *   column: 'participant_id', value: 'X999' })], 'en');
 * // → 'file,table,row,column,value,code,severity,message\r\n'
 * //   + 'services.csv,services,7,participant_id,X999,unknown_participant,error,"Unknown participant ""X999"": load it in participants first."\r\n'
 */
import { toCsv, type CsvCell } from '../export/csv.ts';
import type { Lang } from '#lib/i18n/format.ts';
import type { Problem } from './problems.ts';

export const ERRORS_CSV_HEADER = ['file', 'table', 'row', 'column', 'value', 'code', 'severity', 'message'] as const;

/** Problems → CSV text (CRLF, RFC 4180), messages in Latvian ('lv', default) or English ('en'). */
export function problemsToCsv(problems: readonly Problem[], lang: Lang = 'lv'): string {
	const rows: CsvCell[][] = problems.map((p) => [
		p.file,
		p.table,
		p.row,
		p.column,
		p.value,
		p.code,
		p.severity,
		lang === 'lv' ? p.message_lv : p.message_en
	]);
	return toCsv(ERRORS_CSV_HEADER, rows);
}

/** Suggested download name: `errorsFileName('services 2024-03.csv')` → 'services 2024-03.errors.csv'. */
export function errorsFileName(file: string): string {
	const base = file.replace(/#.*$/, '').replace(/\.[A-Za-z0-9]+$/, '');
	const sheet = /#(.+)$/.exec(file)?.[1];
	return `${base}${sheet ? `-${sheet}` : ''}.errors.csv`.replace(/[\\/:*?"<>|]/g, '_');
}
