/**
 * Which contract table a file holds, and which header is which column.
 *
 * Headers are compared after {@link normalizeHeader} (lower case, no
 * diacritics, runs of anything else → `_`), against each column's name, its
 * Latvian label (`label_lv`) and a few common variants, so `Participant ID`,
 * `participant_id` and `Dalībnieka ID` all map to `participant_id`.
 *
 * @example
 * detectTable('Rīga_services_2024-03.csv', ['event_id', 'Dalībnieks', 'Pakalpojums', 'Mēnesis'])[0].table; // → 'services'
 * mapHeaders('employment', ['Participant ID', 'Wave', 'Reģistrēšanas datums', 'status', 'note']);
 * // → { columns: ['participant_id', 'wave', 'recorded_on', 'status', null], unmapped: [{ index: 4, header: 'note' }],
 * //     missingRequired: [], missingOptional: [], duplicates: [] }
 */
import { contract, getTable, requireTable, type ContractTable } from '#lib/contract/schema.ts';

/**
 * @example normalizeHeader('  Dalībnieka ID ') // → 'dalibnieka_id'
 * @example normalizeHeader('Izmaksas, EUR')    // → 'izmaksas_eur'
 */
export function normalizeHeader(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/** Extra spellings people use, per column name (any table). Normalized on use. */
const VARIANTS: Record<string, string[]> = {
	participant_id: ['participant', 'participant id', 'Dalībnieka ID', 'Dalībnieka kods', 'Dalībnieks', 'Dalībnieka pseidonīms', 'personas id', 'id'],
	municipality_code: ['municipality', 'Pašvaldība', 'Pašvaldības kods', 'novads'],
	service_code: ['service', 'Pakalpojums', 'Pakalpojuma kods'],
	provider_id: ['provider', 'Sniedzējs', 'Pakalpojuma sniedzējs', 'Sniedzēja ID'],
	unit_price_eur: ['unit price', 'price', 'Cena', 'Vienības cena', 'Vienības cena EUR'],
	cost_eur: ['cost', 'Izmaksas', 'Summa', 'Izmaksas EUR'],
	units: ['Apjoms', 'Vienības', 'Daudzums', 'quantity'],
	month: ['Mēnesis', 'service month', 'Pakalpojuma mēnesis'],
	event_id: ['Ieraksta ID', 'row id', 'id'],
	indicative_eur: ['indicative', 'Indikatīvais apmērs', 'IB indikatīvais apmērs'],
	agreed_eur: ['agreed', 'Saskaņotais apmērs', 'IB saskaņotais apmērs'],
	domain_code: ['domain', 'Joma'],
	goal_id: ['goal', 'Mērķa ID', 'goal id'],
	birth_year: ['Dzimšanas gads', 'year of birth'],
	age_at_entry: ['age', 'Vecums'],
	enrolled_on: ['enrolled', 'enrolment date', 'IB piešķirts'],
	exited_on: ['exited', 'exit date', 'Beigu datums']
};

/** Normalized names, labels and variants of each column of `table` → column name; ambiguous spellings are dropped. */
export function headerAliases(table: string): Map<string, string> {
	const t = requireTable(table);
	const seen = new Map<string, Set<string>>();
	const add = (alias: string, col: string) => {
		const k = normalizeHeader(alias);
		if (!k) return;
		if (!seen.has(k)) seen.set(k, new Set());
		seen.get(k)!.add(col);
	};
	for (const c of t.columns) {
		add(c.name, c.name);
		add(c.label_lv, c.name);
		// label without a unit suffix: "Izmaksas, EUR" → also "Izmaksas"
		add(c.label_lv.replace(/,?\s*EUR.*$/i, ''), c.name);
		for (const v of VARIANTS[c.name] ?? []) add(v, c.name);
	}
	const out = new Map<string, string>();
	const own = new Set(t.columns.map((c) => c.name));
	for (const [k, cols] of seen) {
		if (cols.size === 1) out.set(k, [...cols][0]);
		else if (own.has(k)) out.set(k, k); // an exact column name always wins
	}
	return out;
}

export interface HeaderMapping {
	/** Per header position: the contract column, or null when unmapped. */
	columns: (string | null)[];
	unmapped: { index: number; header: string }[];
	missingRequired: string[];
	missingOptional: string[];
	/** Contract columns named by more than one header (1-based header positions). */
	duplicates: { column: string; positions: number[] }[];
}

/**
 * Map a header row to the columns of `table`. `explicit` maps a header as
 * written (or its normalized form) to a column name, or to null to ignore it;
 * it wins over guessing.
 */
export function mapHeaders(table: string, headers: readonly string[], explicit: Record<string, string | null> = {}): HeaderMapping {
	const t = requireTable(table);
	const aliases = headerAliases(table);
	const explicitNorm = new Map<string, string | null>();
	for (const [k, v] of Object.entries(explicit)) explicitNorm.set(normalizeHeader(k), v);
	const colNames = new Set(t.columns.map((c) => c.name));
	const columns: (string | null)[] = headers.map((h) => {
		const raw = String(h ?? '');
		if (raw in explicit) return explicit[raw] && colNames.has(explicit[raw]!) ? explicit[raw] : null;
		const n = normalizeHeader(raw);
		if (explicitNorm.has(n)) {
			const v = explicitNorm.get(n);
			return v && colNames.has(v) ? v : null;
		}
		return aliases.get(n) ?? null;
	});
	const unmapped: HeaderMapping['unmapped'] = [];
	columns.forEach((c, i) => {
		if (c === null && String(headers[i] ?? '').trim() !== '') unmapped.push({ index: i, header: String(headers[i]) });
	});
	const positions = new Map<string, number[]>();
	columns.forEach((c, i) => {
		if (c) positions.set(c, [...(positions.get(c) ?? []), i + 1]);
	});
	const duplicates = [...positions].filter(([, p]) => p.length > 1).map(([column, p]) => ({ column, positions: p }));
	const present = new Set(columns.filter((c): c is string => c !== null));
	const missingRequired = t.columns.filter((c) => c.required && !present.has(c.name)).map((c) => c.name);
	const missingOptional = t.columns.filter((c) => !c.required && !present.has(c.name)).map((c) => c.name);
	return { columns, unmapped, missingRequired, missingOptional, duplicates };
}

/** How many of `headers` name a column of `table`. */
export function headerMatches(table: string, headers: readonly unknown[]): number {
	const aliases = headerAliases(table);
	const hit = new Set<string>();
	for (const h of headers) {
		const c = aliases.get(normalizeHeader(String(h ?? '')));
		if (c) hit.add(c);
	}
	return hit.size;
}

export interface TableGuess {
	table: string;
	/** 0..~1.5: header overlap (Jaccard) plus 0.5 when the file or sheet name names the table. */
	score: number;
	matched: number;
	nameMatch: boolean;
}

function nameMentions(fileName: string, t: ContractTable): boolean {
	const base = normalizeHeader(fileName.replace(/\.[a-z0-9]+$/i, ''));
	const wrapped = `_${base}_`;
	return wrapped.includes(`_${t.name}_`) || wrapped.includes(`_${normalizeHeader(t.label_lv)}_`);
}

/**
 * Rank contract tables for a file by header overlap, plus a bonus when the
 * file (or sheet) name contains the table name or its Latvian label. The
 * longest matching table name wins the bonus (so `plan_goals` does not also
 * count for a table called `goals`). Tables with no matching header are left
 * out.
 */
export function detectTable(fileName: string, headers: readonly unknown[]): TableGuess[] {
	const named = contract.tables.filter((t) => nameMentions(fileName, t));
	const longest = named.sort((a, b) => b.name.length - a.name.length)[0]?.name;
	const nonEmpty = headers.filter((h) => String(h ?? '').trim() !== '').length;
	const guesses: TableGuess[] = [];
	for (const t of contract.tables) {
		const matched = headerMatches(t.name, headers);
		if (matched === 0) continue;
		const jaccard = matched / (nonEmpty + t.columns.length - matched);
		const nameMatch = t.name === longest;
		guesses.push({ table: t.name, score: jaccard + (nameMatch ? 0.5 : 0), matched, nameMatch });
	}
	return guesses.sort((a, b) => b.score - a.score || b.matched - a.matched);
}

export type HeaderRowFinding =
	| { kind: 'ok'; headerIndex: 0 }
	| { kind: 'merged'; headerIndex: number }
	| { kind: 'missing' };

/**
 * Check that the first row is the header. When it names no contract column
 * of `table` (or of any table when `table` is null) but one of the next
 * `lookahead` rows does, the header is split over merged rows; when none
 * does, the header is missing (the file starts with data).
 *
 * @example findHeaderRow([['Pakalpojumi 2024', '', ''], ['event_id', 'participant_id', 'month']], 'services') // → { kind: 'merged', headerIndex: 1 }
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], table: string | null, lookahead = 3): HeaderRowFinding {
	const score = (r: readonly unknown[]) =>
		table ? headerMatches(table, r) : Math.max(0, ...contract.tables.map((t) => headerMatches(t.name, r)));
	if (rows.length > 0 && score(rows[0]) > 0) return { kind: 'ok', headerIndex: 0 };
	for (let i = 1; i <= lookahead && i < rows.length; i++) if (score(rows[i]) >= 2) return { kind: 'merged', headerIndex: i };
	return { kind: 'missing' };
}

/** `isKnownTable('services')` → true (re-exported for callers that only import mapping). */
export function isKnownTable(name: string): boolean {
	return getTable(name) !== undefined;
}
