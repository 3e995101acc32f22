/**
 * Long: it is the catalogue, one entry per fault code with both languages' messages.
 *
 * The catalogue of validation faults: one stable `code` per fault, its
 * severity (an error rejects the row or the file, a warning keeps it) and
 * bilingual messages. Codes never change meaning; add new ones instead.
 *
 * @example
 * const p = problem('unknown_participant', { file: 'services.csv', table: 'services', row: 7,
 *   column: 'participant_id', value: 'X999' });
 * p.severity;   // → 'error'
 * p.message_en; // → 'Unknown participant "X999": load it in participants first.'
 */

export type Severity = 'error' | 'warning';

/** Where a problem applies. `row` is the 1-based row of the file (header = 1); null = the whole file. */
export interface ProblemWhere {
	file: string;
	table?: string | null;
	row?: number | null;
	column?: string | null;
	value?: unknown;
	/** Extra detail interpolated into the message (expected value, limit, …). */
	detail?: string | number | null;
}

export interface Problem {
	file: string;
	table: string | null;
	row: number | null;
	column: string | null;
	value: string | null;
	code: ProblemCode;
	severity: Severity;
	message_lv: string;
	message_en: string;
}

type Msg = (v: string, d: string) => string;
interface Entry {
	severity: Severity;
	lv: Msg;
	en: Msg;
}

const CATALOGUE = {
	// ── file level ───────────────────────────────────────────────────────────
	file_empty: {
		severity: 'error',
		lv: () => 'Fails ir tukšs.',
		en: () => 'The file is empty.'
	},
	binary_content: {
		severity: 'error',
		lv: (_v, d) => `Fails nav teksta (CSV) fails${d ? ` (${d})` : ''}. Saglabājiet to kā CSV UTF-8.`,
		en: (_v, d) => `The file is not a text (CSV) file${d ? ` (${d})` : ''}. Save it as CSV UTF-8.`
	},
	encoding_invalid_utf8: {
		severity: 'error',
		lv: (_v, d) => `Fails nav UTF-8 kodējumā (nederīgs baits pie ${d}). Saglabājiet kā "CSV UTF-8".`,
		en: (_v, d) => `The file is not UTF-8 encoded (invalid byte at ${d}). Save it as "CSV UTF-8".`
	},
	encoding_utf16: {
		severity: 'error',
		lv: () => 'Fails ir UTF-16 kodējumā. Saglabājiet kā "CSV UTF-8".',
		en: () => 'The file is UTF-16 encoded. Save it as "CSV UTF-8".'
	},
	csv_unterminated_quote: {
		severity: 'error',
		lv: (_v, d) =>
			`Pēdiņas${d ? `, kas atvērtas ${d}. fiziskajā rindā,` : ''} netiek aizvērtas līdz faila beigām: visi turpmākie ieraksti būtu saplūduši vienā laukā, tāpēc fails noraidīts (iespējams, nogriezts vai trūkst pēdiņas).`,
		en: (_v, d) =>
			`A quote${d ? ` opened on physical line ${d}` : ''} is never closed before the end of the file: every later record would be swallowed into one field, so the file is rejected (it may be truncated or miss a quote).`
	},
	csv_quote_spans_records: {
		severity: 'error',
		lv: (_v, d) => `Pēdiņās ielikts lauks aptver fiziskās rindas ${d} un satur atdalītājus: visticamāk, neaizvērta pēdiņa sapludinājusi vairākus ierakstus. Ieraksts noraidīts.`,
		en: (_v, d) => `A quoted field spans physical lines ${d} and holds separators: most likely an unclosed quote merged several records. The record is rejected.`
	},
	csv_record_too_long: {
		severity: 'error',
		lv: (_v, d) => `Ieraksts ir garāks par ${d} rakstzīmēm (visticamāk, neaizvērtas pēdiņas); lasīšana apturēta.`,
		en: (_v, d) => `A record is longer than ${d} characters (most likely an unclosed quote); reading stopped.`
	},
	csv_field_count: {
		severity: 'error',
		lv: (_v, d) => `Rindā ir ${d} lauki, bet galvenē citāds skaits.`,
		en: (_v, d) => `The row has ${d} fields, but the header has a different number.`
	},
	csv_stray_quote: {
		severity: 'warning',
		lv: () => 'Pēdiņa lauka vidū; lauks nolasīts burtiski.',
		en: () => 'A quote inside an unquoted field; the field was read literally.'
	},
	table_unknown: {
		severity: 'error',
		lv: () => 'Nevar noteikt, kurai datu līguma tabulai fails atbilst. Norādiet tabulu.',
		en: () => 'Cannot tell which contract table the file is for. Choose the table.'
	},
	header_missing: {
		severity: 'error',
		lv: () => 'Pirmajā rindā nav kolonnu nosaukumu (galvenes) no datu līguma.',
		en: () => 'The first row holds no column names (header) from the data contract.'
	},
	header_merged: {
		severity: 'error',
		lv: (_v, d) => `Galvene aizņem vairākas (apvienotas) rindas; kolonnu nosaukumi atrasti ${d}. rindā. Atstājiet vienu galvenes rindu.`,
		en: (_v, d) => `The header spans several (merged) rows; column names found in row ${d}. Keep a single header row.`
	},
	too_many_columns: {
		severity: 'error',
		lv: (_v, d) => `Failā ir ${d} kolonnas; atļauts ne vairāk kā 100.`,
		en: (_v, d) => `The file has ${d} columns; at most 100 are allowed.`
	},
	unknown_column: {
		severity: 'warning',
		lv: (v) => `Kolonna "${v}" nav datu līgumā un tiek ignorēta.`,
		en: (v) => `Column "${v}" is not in the data contract and is ignored.`
	},
	missing_column: {
		severity: 'error',
		lv: () => 'Trūkst obligātās kolonnas.',
		en: () => 'A required column is missing.'
	},
	duplicate_column: {
		severity: 'error',
		lv: (_v, d) => `Kolonna parādās vairākas reizes (${d}).`,
		en: (_v, d) => `The column appears more than once (${d}).`
	},
	no_data_rows: {
		severity: 'warning',
		lv: () => 'Failā ir tikai galvene, nav datu rindu.',
		en: () => 'The file has a header but no data rows.'
	},
	too_many_problems: {
		severity: 'warning',
		lv: (_v, d) => `Vairāk nekā ${d} problēmas; pārējās nav uzskaitītas.`,
		en: (_v, d) => `More than ${d} problems; the rest are not listed.`
	},
	sheet_not_found: {
		severity: 'error',
		lv: (v) => `Darblapa "${v}" nav atrasta.`,
		en: (v) => `Sheet "${v}" not found.`
	},
	xlsx_invalid: {
		severity: 'error',
		lv: (_v, d) => `Fails nav derīgs XLSX fails${d ? ` (${d})` : ''}.`,
		en: (_v, d) => `The file is not a valid XLSX file${d ? ` (${d})` : ''}.`
	},
	xlsx_too_large: {
		severity: 'error',
		lv: (_v, d) => `XLSX fails atarhivēts ir pārāk liels (${d}).`,
		en: (_v, d) => `The XLSX file is too large when unpacked (${d}).`
	},
	merged_data_cells: {
		severity: 'error',
		lv: (v) => `Rinda ir apvienotu šūnu apgabalā ${v}: vērtība ir tikai apgabala pirmajā šūnā, pārējās ir tukšas. Rinda noraidīta; atceliet šūnu apvienošanu.`,
		en: (v) => `The row is in the merged range ${v}: only the range's first cell holds the value, the others are blank. The row is rejected; unmerge the cells.`
	},
	sheet_skipped: {
		severity: 'warning',
		// d is the reason: 'empty' or 'no_header'
		lv: (v, d) => `Darblapa "${v}" netika pārbaudīta: ${d === 'empty' ? 'tā ir tukša' : 'tās pirmajās rindās nav datu līguma tabulas galvenes (citas darblapas tādu satur)'}.`,
		en: (v, d) => `Sheet "${v}" was not checked: ${d === 'empty' ? 'it is empty' : 'its first rows hold no header of a data contract table (other sheets do)'}.`
	},
	parquet_invalid: {
		severity: 'error',
		lv: (_v, d) => `Failu nevar nolasīt kā Parquet (bojāts vai nepilnīgs fails)${d ? `: ${d}` : ''}.`,
		en: (_v, d) => `The file cannot be read as Parquet (damaged or incomplete)${d ? `: ${d}` : ''}.`
	},
	arrow_invalid: {
		severity: 'error',
		lv: (_v, d) => `Failu nevar nolasīt kā Arrow IPC (bojāts vai nepilnīgs fails)${d ? `: ${d}` : ''}.`,
		en: (_v, d) => `The file cannot be read as Arrow IPC (damaged or incomplete)${d ? `: ${d}` : ''}.`
	},
	too_many_rows: {
		severity: 'error',
		lv: (v, d) => `Failā ir ${v} rindas; vienā failā atļauts ne vairāk kā ${d}. Sadaliet to (piem., pa mēnešiem); nekas no tā netiek izmantots.`,
		en: (v, d) => `The file holds ${v} rows; at most ${d} are allowed per file. Split it (e.g. by month); nothing from it is used.`
	},
	merged_cells: {
		severity: 'warning',
		lv: (v) => `Apvienotas šūnas ${v}: vērtība ir tikai pirmajā šūnā.`,
		en: (v) => `Merged cells ${v}: only the first cell holds the value.`
	},
	// ── row level ────────────────────────────────────────────────────────────
	row_empty: {
		severity: 'warning',
		lv: () => 'Tukša rinda izlaista.',
		en: () => 'Empty row skipped.'
	},
	required_missing: {
		severity: 'error',
		lv: () => 'Obligāta vērtība nav aizpildīta.',
		en: () => 'Required value is missing.'
	},
	required_when_missing: {
		severity: 'error',
		lv: (_v, d) => `Vērtība ir obligāta, ja ${d}.`,
		en: (_v, d) => `Value is required when ${d}.`
	},
	required_when_forbidden: {
		severity: 'error',
		lv: (_v, d) => `Vērtībai jābūt tukšai, ja nav ${d} (kolonna attiecas uz citu mērķa grupu).`,
		en: (_v, d) => `Value must be empty unless ${d} (the column belongs to the other cohort).`
	},
	not_a_number: {
		severity: 'error',
		lv: (v) => `"${v}" nav skaitlis.`,
		en: (v) => `"${v}" is not a number.`
	},
	not_an_integer: {
		severity: 'error',
		lv: (v) => `"${v}" nav vesels skaitlis.`,
		en: (v) => `"${v}" is not a whole number.`
	},
	not_a_date: {
		severity: 'error',
		lv: (v) => `"${v}" nav datums (GGGG-MM-DD vai DD.MM.GGGG).`,
		en: (v) => `"${v}" is not a date (YYYY-MM-DD or DD.MM.YYYY).`
	},
	not_a_boolean: {
		severity: 'error',
		lv: (v) => `"${v}" nav jā/nē vērtība (true/false, 1/0, jā/nē).`,
		en: (v) => `"${v}" is not a yes/no value (true/false, 1/0, yes/no).`
	},
	value_not_allowed: {
		severity: 'error',
		lv: (v, d) => `"${v}" nav atļauta vērtība; atļautās: ${d}.`,
		en: (v, d) => `"${v}" is not an allowed value; allowed: ${d}.`
	},
	number_out_of_range: {
		severity: 'error',
		lv: (v, d) => `${v} ir ārpus atļautā diapazona ${d}.`,
		en: (v, d) => `${v} is outside the allowed range ${d}.`
	},
	negative_number: {
		severity: 'error',
		lv: (v) => `Negatīva vērtība ${v} nav atļauta.`,
		en: (v) => `Negative value ${v} is not allowed.`
	},
	pattern_mismatch: {
		severity: 'error',
		lv: (v, d) => `"${v}" neatbilst formātam ${d}.`,
		en: (v, d) => `"${v}" does not match the format ${d}.`
	},
	date_out_of_range: {
		severity: 'error',
		lv: (v, d) => `Datums ${v} ir ārpus pieļaujamā perioda ${d}.`,
		en: (v, d) => `Date ${v} is outside the allowed period ${d}.`
	},
	date_in_future: {
		severity: 'error',
		lv: (v, d) => `Datums ${v} ir nākotnē (šodien ${d}).`,
		en: (v, d) => `Date ${v} is in the future (today is ${d}).`
	},
	date_order: {
		severity: 'error',
		lv: (v, d) => `Beigu datums ${v} ir pirms sākuma datuma ${d}.`,
		en: (v, d) => `End date ${v} is before the start date ${d}.`
	},
	month_not_first_day: {
		severity: 'error',
		lv: (v) => `Mēnesim jābūt norādītam ar pirmo dienu (piem., 2019-03-01), nevis ${v}.`,
		en: (v) => `Month must be given as its first day (e.g. 2019-03-01), not ${v}.`
	},
	text_too_long: {
		severity: 'error',
		lv: (_v, d) => `Teksts ir garāks par ${d} rakstzīmēm.`,
		en: (_v, d) => `Text is longer than ${d} characters.`
	},
	control_characters: {
		severity: 'error',
		lv: () => 'Vērtībā ir vadības rakstzīmes (piem., NUL).',
		en: () => 'The value contains control characters (e.g. NUL).'
	},
	encoding_suspect: {
		severity: 'warning',
		lv: (v) => `"${v}" izskatās pēc nepareiza kodējuma (piem., "Ä«" vietā "ī"). Pārbaudiet, vai fails saglabāts UTF-8.`,
		en: (v) => `"${v}" looks mis-encoded (e.g. "Ä«" instead of "ī"). Check that the file was saved as UTF-8.`
	},
	encoding_mojibake: {
		severity: 'error',
		lv: (v) => `"${v}" ir nepareizi atkodēts teksts (UTF-8 nolasīts kā Windows-1257/1252, piem., "Ä«" vietā "ī"). Atveriet avota failu kā UTF-8 un saglabājiet vēlreiz kā "CSV UTF-8".`,
		en: (v) => `"${v}" is mis-decoded text (UTF-8 read as Windows-1257/1252, e.g. "Ä«" for "ī"). Open the source file as UTF-8 and save it again as "CSV UTF-8".`
	},
	cost_not_cents: {
		severity: 'error',
		lv: (v) => `Izmaksas ${v} nav veselos centos: atļauti ne vairāk kā 2 cipari aiz komata.`,
		en: (v) => `Cost ${v} is not in whole cents: at most 2 decimal places are allowed.`
	},
	formula_like: {
		severity: 'error',
		lv: () => 'Šūna izskatās pēc formulas (sākas ar =, +, -, @); tā netiek izpildīta un rinda noraidīta.',
		en: () => 'The cell looks like a formula (starts with =, +, -, @); it is never evaluated and the row is rejected.'
	},
	formula_cached_value: {
		severity: 'warning',
		lv: () => 'Šūnā ir formula; izmantota tās saglabātā vērtība (formula netiek izpildīta).',
		en: () => 'The cell holds a formula; its stored value was used (the formula is never evaluated).'
	},
	unknown_participant: {
		severity: 'error',
		lv: (v) => `Nezināms dalībnieks "${v}": vispirms ielādējiet to tabulā participants.`,
		en: (v) => `Unknown participant "${v}": load it in participants first.`
	},
	unknown_municipality: {
		severity: 'error',
		lv: (v) => `Nezināms pašvaldības kods "${v}".`,
		en: (v) => `Unknown municipality code "${v}".`
	},
	unknown_service: {
		severity: 'error',
		lv: (v) => `Nezināms pakalpojuma kods "${v}" (skat. service_catalogue).`,
		en: (v) => `Unknown service code "${v}" (see service_catalogue).`
	},
	unknown_provider: {
		severity: 'error',
		lv: (v) => `Nezināms pakalpojuma sniedzējs "${v}".`,
		en: (v) => `Unknown service provider "${v}".`
	},
	unknown_programme: {
		severity: 'error',
		lv: (v) => `Nezināma programma "${v}".`,
		en: (v) => `Unknown programme "${v}".`
	},
	unknown_domain: {
		severity: 'error',
		lv: (v) => `Nezināma atbalsta plāna joma "${v}".`,
		en: (v) => `Unknown plan domain "${v}".`
	},
	unknown_dimension: {
		severity: 'error',
		lv: (v) => `Nezināma instrumenta dimensija "${v}".`,
		en: (v) => `Unknown instrument dimension "${v}".`
	},
	duplicate_key_in_file: {
		severity: 'error',
		lv: (v, d) => `Atslēga ${v} failā jau ir ${d}. rindā ar citām vērtībām.`,
		en: (v, d) => `Key ${v} already appears in row ${d} of this file with other values.`
	},
	duplicate_row_in_file: {
		severity: 'warning',
		lv: (_v, d) => `Rinda atkārto ${d}. rindu; izlaista.`,
		en: (_v, d) => `The row repeats row ${d}; skipped.`
	},
	already_loaded: {
		severity: 'warning',
		lv: () => 'Šī rinda jau ir ielādēta; izlaista (netiek skaitīta divreiz).',
		en: () => 'This row is already loaded; skipped (not counted twice).'
	},
	conflicts_with_loaded: {
		severity: 'error',
		lv: (v) => `Atslēga ${v} jau ir ielādēta ar citām vērtībām.`,
		en: (v) => `Key ${v} is already loaded with other values.`
	},
	cost_mismatch: {
		severity: 'error',
		lv: (v, d) => `Izmaksas ${v} neatbilst apjoms × vienības cena = ${d} (pielaide 0,01).`,
		en: (v, d) => `Cost ${v} does not equal units × unit price = ${d} (tolerance 0.01).`
	},
	service_outside_enrolment: {
		severity: 'error',
		lv: (v, d) => `Pakalpojuma mēnesis ${v} ir ārpus dalībnieka dalības perioda ${d}.`,
		en: (v, d) => `Service month ${v} is outside the participant's enrolment ${d}.`
	},
	agreed_above_indicative: {
		severity: 'error',
		lv: (v, d) => `Saskaņotais apmērs ${v} pārsniedz indikatīvo ${d}; plāns jākoriģē.`,
		en: (v, d) => `Agreed amount ${v} exceeds the indicative amount ${d}; the plan must be corrected.`
	},
	cohort_mismatch: {
		severity: 'error',
		lv: (v, d) => `"${v}" attiecas uz mērķa grupu ${d}, bet dalībnieks ir citā grupā.`,
		en: (v, d) => `"${v}" belongs to cohort ${d}, but the participant is in the other cohort.`
	},
	score_out_of_scale: {
		severity: 'error',
		lv: (v, d) => `Vērtējums ${v} ir ārpus dimensijas skalas ${d}.`,
		en: (v, d) => `Score ${v} is outside the dimension's scale ${d}.`
	},
	age_inconsistent: {
		severity: 'warning',
		lv: (v, d) => `Vecums ${v} neatbilst dzimšanas gadam un uzņemšanas datumam (sagaidāms ${d}).`,
		en: (v, d) => `Age ${v} does not fit the birth year and enrolment date (expected ${d}).`
	},
	cohort_age_mismatch: {
		severity: 'warning',
		lv: (v, d) => `Vecums ${v} neatbilst mērķa grupai ${d}.`,
		en: (v, d) => `Age ${v} does not fit cohort ${d}.`
	},
	exit_reason_without_date: {
		severity: 'warning',
		lv: () => 'Norādīts dalības beigu iemesls, bet nav beigu datuma.',
		en: () => 'An exit reason is given but no exit date.'
	}
} satisfies Record<string, Entry>;

export type ProblemCode = keyof typeof CATALOGUE;

/** Every fault code, in catalogue order. */
export const PROBLEM_CODES = Object.keys(CATALOGUE) as ProblemCode[];

/** `severityOf('already_loaded')` → 'warning'. */
export function severityOf(code: ProblemCode): Severity {
	return (CATALOGUE[code] as Entry).severity;
}

/** Cell values in messages and reports are cut at 200 characters. */
export function displayValue(value: unknown): string | null {
	if (value == null) return null;
	let s: string;
	if (value instanceof Date) s = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	else s = String(value);
	return s.length > 200 ? s.slice(0, 199) + '…' : s;
}

/** Build a problem with its severity and both messages. */
export function problem(code: ProblemCode, where: ProblemWhere): Problem {
	const entry = CATALOGUE[code] as Entry;
	const value = displayValue(where.value);
	const v = value ?? '';
	const d = where.detail == null ? '' : String(where.detail);
	return {
		file: where.file,
		table: where.table ?? null,
		row: where.row ?? null,
		column: where.column ?? null,
		value,
		code,
		severity: entry.severity,
		message_lv: entry.lv(v, d),
		message_en: entry.en(v, d)
	};
}
