/**
 * Long: every cell, row and cross-table rule of the contract in one validator, so a row is checked in one pass.
 *
 * Row validation against the data contract, in the context of the data
 * already accepted (foreign keys, enrolment periods, primary keys).
 *
 * Errors reject a row, warnings keep it. Rows identical to already accepted
 * ones (same primary key, same values) are skipped with `already_loaded`, so
 * re-adding a file never double-counts; same key with other values is the
 * error `conflicts_with_loaded`.
 *
 * @example
 * const ctx = createContext();
 * addAccepted(ctx, 'municipalities', [{ code: 'TALSI_N', name_lv: 'Talsu novads', name_en: 'Talsi county',
 *   kind: 'county', region: 'Kurzeme', successor_2021_lv: null }]);
 * const { accepted, problems } = validateRows('providers', [
 *   { row: 2, values: { provider_id: 'P1', kind: 'ngo', municipality_code: 'TALSI_N', label: 'Zelda' } },
 *   { row: 3, values: { provider_id: 'P2', kind: 'ngo', municipality_code: 'RIGA_C', label: 'X' } }
 * ], ctx, { file: 'providers.csv' });
 * accepted.length;    // → 1
 * problems[0].code;   // → 'unknown_municipality' (row 3, column municipality_code)
 */
import { keyOf, requireTable, type ContractColumn, type ContractTable, type TypedRow, type TypedValue } from '#lib/contract/schema.ts';
import { problem, severityOf, type Problem, type ProblemCode, type ProblemWhere } from './problems.ts';
import {
	hasControlCharacters,
	hasSubCents,
	isBlank,
	isFormulaLike,
	looksMisEncoded,
	parseBoolean,
	parseDate,
	parseInteger,
	parseNumber,
	type RawCell
} from './values.ts';

/** A data row after header mapping: contract column → raw cell. */
export interface MappedRow {
	/** 1-based row number in the file (header = 1). */
	row: number;
	values: Record<string, RawCell>;
	/** Contract columns whose cell was a spreadsheet formula (value = its cached result). */
	formulaColumns?: readonly string[];
}

export interface ParticipantInfo {
	cohort: string | null;
	enrolled_on: string | null;
	exited_on: string | null;
}

/** What is already accepted, as far as validation needs it. Build with createContext / addAccepted. */
export interface ValidationContext {
	/** Per table: primary key (keyOf) → fingerprint of the accepted row. */
	loaded: Map<string, Map<string, string>>;
	participants: Map<string, ParticipantInfo>;
	/** service_code → cohort. */
	serviceCohorts: Map<string, string>;
	/** keyOf([instrument, dimension_code]) → scale. */
	dimensionScales: Map<string, { min: number; max: number; method: string | null }>;
}

export interface ValidateOptions {
	file: string;
	/** Accept Latvian decimal commas in numbers (semicolon-separated CSV). */
	decimalComma?: boolean;
	/** ISO date of today for future-date checks (default: the clock). */
	today?: string;
	/** Problems kept in the list; past it only counted (default 10,000). */
	maxProblems?: number;
}

export interface ValidationStats {
	rows: number;
	accepted: number;
	rejected: number;
	/** Empty rows, in-file repeats and already loaded rows. */
	skipped: number;
	errors: number;
	warnings: number;
}

export const MAX_TEXT_LENGTH = 1000;
const DATE_MIN = '1900-01-01';
const DATE_MAX = '2100-12-31';
/** Dates that record something that has happened: never in the future. */
const EVENT_DATES = new Set(['enrolled_on', 'exited_on', 'set_on', 'reviewed_on', 'assessed_on', 'recorded_on', 'month']);

const FK_CODES: Record<string, ProblemCode> = {
	participants: 'unknown_participant',
	municipalities: 'unknown_municipality',
	service_catalogue: 'unknown_service',
	providers: 'unknown_provider',
	programmes: 'unknown_programme',
	plan_domains: 'unknown_domain',
	instrument_dimensions: 'unknown_dimension'
};

/** An empty context (nothing loaded yet). */
export function createContext(): ValidationContext {
	return { loaded: new Map(), participants: new Map(), serviceCohorts: new Map(), dimensionScales: new Map() };
}

/**
 * 53-bit string hash (cyrb53), as 14 hex digits: row fingerprints stay small
 * however long the row.
 */
export function hash53(s: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < s.length; i++) {
		const ch = s.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Fingerprint of a typed row (column order of the contract). */
export function fingerprint(t: ContractTable, row: TypedRow): string {
	return hash53(JSON.stringify(t.columns.map((c) => row[c.name] ?? null)));
}

/** Register accepted rows (after the user confirms a file) so later files are checked against them. */
export function addAccepted(ctx: ValidationContext, table: string, rows: Iterable<TypedRow>): void {
	const t = requireTable(table);
	let keys = ctx.loaded.get(table);
	if (!keys) ctx.loaded.set(table, (keys = new Map()));
	for (const r of rows) {
		keys.set(
			keyOf(t.primary_key.map((k) => r[k])),
			fingerprint(t, r)
		);
		if (table === 'participants') {
			ctx.participants.set(String(r.participant_id), {
				cohort: (r.cohort as string) ?? null,
				enrolled_on: (r.enrolled_on as string) ?? null,
				exited_on: (r.exited_on as string) ?? null
			});
		} else if (table === 'service_catalogue') ctx.serviceCohorts.set(String(r.service_code), String(r.cohort));
		else if (table === 'instrument_dimensions') {
			ctx.dimensionScales.set(keyOf([r.instrument, r.dimension_code]), {
				min: Number(r.scale_min),
				max: Number(r.scale_max),
				method: (r.scoring_method as string) ?? null
			});
		}
	}
}

/** A context from whole tables already loaded (e.g. read back from DuckDB): `contextFromTables({ participants: [...] })`. */
export function contextFromTables(tables: Record<string, Iterable<TypedRow>>): ValidationContext {
	const ctx = createContext();
	for (const [name, rows] of Object.entries(tables)) addAccepted(ctx, name, rows);
	return ctx;
}

const rangeText = (c: ContractColumn) => `[${c.min ?? '−∞'}; ${c.max ?? '∞'}]`;
const fmt2 = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
const firstOfMonth = (iso: string) => iso.slice(0, 8) + '01';

/**
 * Validates rows of one table one at a time (streaming): `push` returns the
 * typed row when accepted, else null; problems accumulate in `problems`.
 */
export class TableValidator {
	readonly problems: Problem[] = [];
	readonly stats: ValidationStats = { rows: 0, accepted: 0, rejected: 0, skipped: 0, errors: 0, warnings: 0 };
	private readonly t: ContractTable;
	private readonly seen = new Map<string, { row: number; fp: string }>();
	private readonly today: string;
	private readonly maxProblems: number;
	private dropped = 0;
	private readonly patterns = new Map<string, RegExp>();
	readonly table: string;
	private readonly ctx: ValidationContext;
	private readonly opts: ValidateOptions;

	constructor(table: string, ctx: ValidationContext, opts: ValidateOptions) {
		this.table = table;
		this.ctx = ctx;
		this.opts = opts;
		this.t = requireTable(table);
		this.today = opts.today ?? new Date().toISOString().slice(0, 10);
		this.maxProblems = opts.maxProblems ?? 10_000;
		for (const c of this.t.columns) if (c.pattern) this.patterns.set(c.name, new RegExp(c.pattern));
	}

	/** Record a problem not tied to a row value (file-level, from the caller). */
	report(code: ProblemCode, where: Omit<ProblemWhere, 'file' | 'table'> = {}): void {
		const p = problem(code, { ...where, file: this.opts.file, table: this.table });
		if (p.severity === 'error') this.stats.errors++;
		else this.stats.warnings++;
		if (this.problems.length < this.maxProblems) this.problems.push(p);
		else this.dropped++;
	}

	push(mapped: MappedRow): TypedRow | null {
		this.stats.rows++;
		const { row, values } = mapped;
		const t = this.t;
		let errors = 0;
		const say = (code: ProblemCode, column: string | null, value: unknown, detail?: string | number) => {
			this.report(code, { row, column, value, detail });
			if (severityOf(code) === 'error') errors++;
		};

		if (t.columns.every((c) => isBlank(values[c.name]))) {
			say('row_empty', null, null);
			this.stats.skipped++;
			return null;
		}

		const typed: TypedRow = {};
		const bad = new Set<string>(); // columns with a value that could not be typed
		const dec = this.opts.decimalComma ?? false;
		for (const c of t.columns) {
			let raw = values[c.name];
			typed[c.name] = null;
			if (typeof raw === 'string') {
				if (hasControlCharacters(raw)) {
					say('control_characters', c.name, raw);
					bad.add(c.name);
					continue;
				}
				if (isFormulaLike(raw)) {
					say('formula_like', c.name, raw);
					bad.add(c.name);
					continue;
				}
				if (raw.length > MAX_TEXT_LENGTH) {
					say('text_too_long', c.name, raw, MAX_TEXT_LENGTH);
					bad.add(c.name);
					continue;
				}
				if (looksMisEncoded(raw)) {
					say('encoding_mojibake', c.name, raw);
					bad.add(c.name);
					continue;
				}
				raw = raw.trim();
			}
			if (isBlank(raw)) {
				if (c.required) say('required_missing', c.name, null);
				continue;
			}
			if (mapped.formulaColumns?.includes(c.name)) say('formula_cached_value', c.name, raw);
			const v = this.typeValue(c, raw, dec, say);
			if (v === undefined) {
				bad.add(c.name);
				continue;
			}
			typed[c.name] = v;
		}

		// required_when: cohort-specific columns
		for (const c of t.columns) {
			if (!c.required_when || bad.has(c.name)) continue;
			const conds = Object.entries(c.required_when);
			if (conds.some(([k]) => typed[k] === null)) continue; // condition unknown: reported elsewhere
			const holds = conds.every(([k, val]) => typed[k] === val);
			const text = () => conds.map(([k, val]) => `${k} = ${val}`).join(', ');
			if (holds && typed[c.name] === null) say('required_when_missing', c.name, null, text());
			else if (!holds && typed[c.name] !== null) say('required_when_forbidden', c.name, values[c.name], text());
		}

		this.crossChecks(typed, bad, say);
		this.foreignKeys(typed, say);

		if (errors > 0) {
			this.stats.rejected++;
			return null;
		}

		// duplicates: in this file, then against loaded data
		const key = keyOf(t.primary_key.map((k) => typed[k]));
		const keyText = () => t.primary_key.map((k) => `${k}=${typed[k]}`).join(', ');
		const fp = fingerprint(t, typed);
		const prev = this.seen.get(key);
		if (prev) {
			if (prev.fp === fp) {
				say('duplicate_row_in_file', t.primary_key.join('+'), keyText(), prev.row);
				this.stats.skipped++;
			} else {
				say('duplicate_key_in_file', t.primary_key.join('+'), keyText(), prev.row);
				this.stats.rejected++;
			}
			return null;
		}
		const loadedFp = this.ctx.loaded.get(this.table)?.get(key);
		if (loadedFp !== undefined) {
			if (loadedFp === fp) {
				say('already_loaded', t.primary_key.join('+'), keyText());
				this.stats.skipped++;
			} else {
				say('conflicts_with_loaded', t.primary_key.join('+'), keyText());
				this.stats.rejected++;
			}
			return null;
		}
		this.seen.set(key, { row, fp });
		this.stats.accepted++;
		return typed;
	}

	/** Problems, with a closing too_many_problems note if the list was cut. */
	finish(): { problems: Problem[]; stats: ValidationStats } {
		if (this.dropped > 0 && !this.problems.some((p) => p.code === 'too_many_problems')) {
			this.problems.push(problem('too_many_problems', { file: this.opts.file, table: this.table, detail: this.maxProblems }));
		}
		return { problems: this.problems, stats: this.stats };
	}

	private typeValue(
		c: ContractColumn,
		raw: RawCell,
		dec: boolean,
		say: (code: ProblemCode, column: string | null, value: unknown, detail?: string | number) => void
	): TypedValue | undefined {
		switch (c.type) {
			case 'VARCHAR': {
				let s = raw instanceof Date ? (parseDate(raw) ?? String(raw)) : String(raw);
				if (c.allowed) {
					const hit = c.allowed.find((a) => String(a) === s) ?? c.allowed.find((a) => String(a).toLowerCase() === s.toLowerCase());
					if (hit === undefined) {
						say('value_not_allowed', c.name, s, c.allowed.join(', '));
						return undefined;
					}
					s = String(hit);
				}
				const re = this.patterns.get(c.name);
				if (re && !re.test(s)) {
					say('pattern_mismatch', c.name, s, c.pattern);
					return undefined;
				}
				return s;
			}
			case 'INTEGER':
			case 'DOUBLE': {
				const n = c.type === 'INTEGER' ? parseInteger(raw, dec) : parseNumber(raw, dec);
				if (n === undefined) {
					const asNumber = parseNumber(raw, dec);
					say(c.type === 'INTEGER' && asNumber !== undefined ? 'not_an_integer' : 'not_a_number', c.name, raw);
					return undefined;
				}
				const min = typeof c.min === 'number' ? c.min : undefined;
				const max = typeof c.max === 'number' ? c.max : undefined;
				if (n < 0 && min !== undefined && min >= 0) {
					say('negative_number', c.name, n);
					return undefined;
				}
				if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
					say('number_out_of_range', c.name, n, rangeText(c));
					return undefined;
				}
				if (c.allowed && !c.allowed.includes(n)) {
					say('value_not_allowed', c.name, n, c.allowed.join(', '));
					return undefined;
				}
				return n;
			}
			case 'DATE': {
				const d = parseDate(raw);
				if (d === undefined) {
					say('not_a_date', c.name, raw);
					return undefined;
				}
				const lo = typeof c.min === 'string' ? c.min : DATE_MIN;
				const hi = typeof c.max === 'string' ? c.max : DATE_MAX;
				if (d < lo || d > hi) {
					say('date_out_of_range', c.name, d, `${lo} … ${hi}`);
					return undefined;
				}
				if (EVENT_DATES.has(c.name) && d > this.today) {
					say('date_in_future', c.name, d, this.today);
					return undefined;
				}
				return d;
			}
			case 'BOOLEAN': {
				const b = parseBoolean(raw);
				if (b === undefined) say('not_a_boolean', c.name, raw);
				return b;
			}
		}
	}

	private crossChecks(
		r: TypedRow,
		bad: Set<string>,
		say: (code: ProblemCode, column: string | null, value: unknown, detail?: string | number) => void
	): void {
		const order = (start: string, end: string) => {
			const a = r[start];
			const b = r[end];
			if (typeof a === 'string' && typeof b === 'string' && b < a) say('date_order', end, b, a);
		};
		switch (this.table) {
			case 'programmes':
				order('pilot_start', 'pilot_end');
				order('service_start', 'service_end');
				break;
			case 'participants': {
				order('enrolled_on', 'exited_on');
				if (r.exit_reason !== null && r.exited_on === null && !bad.has('exited_on')) say('exit_reason_without_date', 'exit_reason', r.exit_reason);
				const { birth_year: by, age_at_entry: age, enrolled_on: en, cohort } = r;
				if (typeof by === 'number' && typeof age === 'number' && typeof en === 'string') {
					const hi = Number(en.slice(0, 4)) - by;
					if (age !== hi && age !== hi - 1) say('age_inconsistent', 'age_at_entry', age, `${hi - 1}–${hi}`);
				}
				if (typeof age === 'number' && ((cohort === 'child' && age >= 18) || (cohort === 'adult' && age < 18))) {
					say('cohort_age_mismatch', 'age_at_entry', age, cohort as string);
				}
				break;
			}
			case 'plan_goals':
				order('set_on', 'reviewed_on');
				break;
			case 'budgets': {
				order('period_start', 'period_end');
				const { indicative_eur: ind, agreed_eur: agr } = r;
				if (typeof ind === 'number' && typeof agr === 'number' && agr > ind + 0.005) {
					say('agreed_above_indicative', 'agreed_eur', agr, ind);
				}
				break;
			}
			case 'services': {
				const { units, unit_price_eur: price, cost_eur: cost, month } = r;
				// the contract's rounding rule: costs in whole cents, within 0.01 of round(units × price, 2)
				if (typeof cost === 'number' && hasSubCents(cost)) say('cost_not_cents', 'cost_eur', cost);
				else if (typeof units === 'number' && typeof price === 'number' && typeof cost === 'number') {
					const expected = Math.round(units * price * 100) / 100;
					if (Math.abs(cost - expected) > 0.01 + 1e-9) say('cost_mismatch', 'cost_eur', cost, fmt2(expected));
				}
				if (typeof month === 'string') {
					if (month.slice(8) !== '01') say('month_not_first_day', 'month', month);
					const p = this.ctx.participants.get(String(r.participant_id));
					if (p && p.enrolled_on) {
						const from = firstOfMonth(p.enrolled_on);
						const to = p.exited_on;
						if (month < from || (to !== null && month > to)) {
							say('service_outside_enrolment', 'month', month, `${p.enrolled_on} … ${to ?? ''}`);
						}
					}
					const sc = this.ctx.serviceCohorts.get(String(r.service_code));
					if (p && p.cohort && sc && sc !== p.cohort) say('cohort_mismatch', 'service_code', r.service_code, sc);
				}
				break;
			}
			case 'assessments': {
				const s = this.ctx.dimensionScales.get(keyOf([r.instrument, r.dimension_code]));
				const score = r.score;
				if (s && typeof score === 'number') {
					const icfCode = s.method === 'icf_qualifier' && (score === 8 || score === 9);
					if (!icfCode && (score < s.min || score > s.max)) say('score_out_of_scale', 'score', score, `[${s.min}; ${s.max}]`);
				}
				break;
			}
		}
	}

	private foreignKeys(r: TypedRow, say: (code: ProblemCode, column: string | null, value: unknown, detail?: string | number) => void): void {
		for (const fk of this.t.foreign_keys) {
			const parts = fk.columns.map((c) => r[c]);
			if (parts.some((p) => p === null)) continue; // missing or mistyped: reported already
			const known = this.ctx.loaded.get(fk.references.table);
			if (known?.has(keyOf(parts))) continue;
			const code = FK_CODES[fk.references.table] ?? 'unknown_dimension';
			say(code, fk.columns[fk.columns.length - 1], parts.join(' / '));
		}
	}
}

/**
 * Validate a batch of mapped rows of one table. Accepted rows are NOT added
 * to `ctx`; call addAccepted once the user keeps the file.
 */
export function validateRows(
	table: string,
	rows: Iterable<MappedRow>,
	ctx: ValidationContext,
	opts: ValidateOptions
): { accepted: TypedRow[]; problems: Problem[]; stats: ValidationStats } {
	const v = new TableValidator(table, ctx, opts);
	const accepted: TypedRow[] = [];
	for (const r of rows) {
		const ok = v.push(r);
		if (ok) accepted.push(ok);
	}
	return { accepted, ...v.finish() };
}
