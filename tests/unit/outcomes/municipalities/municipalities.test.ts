import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { municipalityOutcomes } from '../../../../src/lib/outcomes/municipalities/query';
import { MUNICIPALITY_FAMILIES, municipalityData } from '../../../../src/lib/outcomes/municipalities/family';
import { releaseMunicipalities, FIGURES } from '../../../../src/lib/outcomes/municipalities/summary';
import { releasedResult } from '../../../../src/lib/privacy/release/runtime';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';

// Children: M1 (Zemgale) P1..P6, M2 (Zemgale) Q1..Q7, M3 (Zemgale) R1..R3, M4 (Kurzeme) S1..S8.
// Adults: A1..A5 in M1.
let db: TinyDb;

beforeAll(async () => {
	db = await tinyDb(
		`INSERT INTO municipalities VALUES ('M1', 'Alfa', 'Alpha', 'Zemgale'), ('M2', 'Beta', 'Beta', 'Zemgale'),
			('M3', 'Gamma', 'Gamma', 'Zemgale'), ('M4', 'Delta', 'Delta', 'Kurzeme')`,
		participantsSql(6, { municipality: 'M1' }),
		participantsSql(7, { municipality: 'M2', prefix: 'Q' }),
		participantsSql(3, { municipality: 'M3', prefix: 'R' }),
		participantsSql(8, { municipality: 'M4', prefix: 'S' }),
		participantsSql(5, { municipality: 'M1', prefix: 'A', cohort: 'adult' }),
		`CREATE TABLE programmes (programme VARCHAR, cohort VARCHAR, reporting_months INTEGER)`,
		`INSERT INTO programmes VALUES ('test', 'child', 12)`,
		`CREATE TABLE plan_goals (goal_id VARCHAR, participant_id VARCHAR, domain_code VARCHAR, attainment VARCHAR, reviewed_on DATE)`,
		// M1: P1 achieved + partly, P2 not → 2 people, 3 goals, score 1.5. M2: Q1 achieved ×2. M4: S1 partly.
		`INSERT INTO plan_goals VALUES
			('g1', 'P1', 'C1', 'achieved', DATE '2019-09-30'), ('g2', 'P1', 'C2', 'partly', DATE '2019-09-30'),
			('g3', 'P2', 'C1', 'not', DATE '2019-09-30'),
			('g4', 'Q1', 'C1', 'achieved', DATE '2019-09-30'), ('g5', 'Q1', 'C2', 'achieved', DATE '2019-09-30'),
			('g6', 'S1', 'C2', 'partly', DATE '2019-09-30')`,
		`CREATE TABLE assessments (participant_id VARCHAR, instrument VARCHAR, informant VARCHAR, wave VARCHAR, dimension_code VARCHAR, score DOUBLE)`,
		// P1: d1 3→2, d2 2→2: improved. P2: d1 3→2 but d2 1→2: not (worse somewhere).
		// P3: d1 8→2 (not comparable), d2 2→2: measured, not improved. P4: only 9s: not measured.
		// Adults (SQoL life overall): A1 better, A2 same, A3 worse, A4 better; A5 did not answer.
		`INSERT INTO assessments VALUES
			('P1', 'sfk', 'professional', 'baseline', 'd1', 3), ('P1', 'sfk', 'professional', 'followup', 'd1', 2),
			('P1', 'sfk', 'professional', 'baseline', 'd2', 2), ('P1', 'sfk', 'professional', 'followup', 'd2', 2),
			('P2', 'sfk', 'professional', 'baseline', 'd1', 3), ('P2', 'sfk', 'professional', 'followup', 'd1', 2),
			('P2', 'sfk', 'professional', 'baseline', 'd2', 1), ('P2', 'sfk', 'professional', 'followup', 'd2', 2),
			('P3', 'sfk', 'professional', 'baseline', 'd1', 8), ('P3', 'sfk', 'professional', 'followup', 'd1', 2),
			('P3', 'sfk', 'professional', 'baseline', 'd2', 2), ('P3', 'sfk', 'professional', 'followup', 'd2', 2),
			('P4', 'sfk', 'professional', 'baseline', 'd8', 9), ('P4', 'sfk', 'professional', 'followup', 'd8', 9),
			('P1', 'kidscreen52', 'child', 'baseline', 'pw', 40),
			('A1', 'sqol', 'self', 'followup', 'life_overall', 1), ('A2', 'sqol', 'self', 'followup', 'life_overall', 0),
			('A3', 'sqol', 'self', 'followup', 'life_overall', -1), ('A4', 'sqol', 'self', 'followup', 'life_overall', 1),
			('A1', 'sqol', 'self', 'followup', 'financial_situation', 1)`,
		`CREATE TABLE employment (participant_id VARCHAR, wave VARCHAR, status VARCHAR)`,
		// A1 none → part-time; A2 part-time → part-time; A3 volunteer → none; A4 none → permanent; A5 baseline only.
		`INSERT INTO employment VALUES
			('A1', 'baseline', 'not_employed'), ('A1', 'followup', 'part_time'),
			('A2', 'baseline', 'part_time'), ('A2', 'followup', 'part_time'),
			('A3', 'baseline', 'volunteer_public_works'), ('A3', 'followup', 'not_employed'),
			('A4', 'baseline', 'not_employed'), ('A4', 'followup', 'permanent_full_time'),
			('A5', 'baseline', 'part_time')`,
		`CREATE TABLE services (participant_id VARCHAR, month DATE, cost_eur DOUBLE)`,
		`INSERT INTO services VALUES ('P1', DATE '2018-10-01', 100), ('P1', DATE '2018-11-01', 50), ('P2', DATE '2018-10-01', 30),
			('Q1', DATE '2018-10-01', 120)`,
		`CREATE TABLE budgets (participant_id VARCHAR, period_start DATE, indicative_eur DOUBLE)`,
		`INSERT INTO budgets VALUES ('P1', DATE '2018-10-01', 600), ('P1', DATE '2019-04-01', 400), ('P2', DATE '2018-10-01', 200),
			('P3', DATE '2018-10-01', 300)`
	);
});
afterAll(() => db?.close());

describe('municipality outcomes (raw)', () => {
	it('gives the total, region subtotals and municipalities with hand-counted figures', async () => {
		const rows = await municipalityOutcomes(db.engine, 'child');
		expect(rows.map((r) => [r.level, r.region, r.code, r.participants])).toEqual([
			['total', null, null, 24],
			['region', 'Kurzeme', null, 8],
			['region', 'Zemgale', null, 16],
			['municipality', 'Kurzeme', 'M4', 8],
			['municipality', 'Zemgale', 'M1', 6],
			['municipality', 'Zemgale', 'M2', 7],
			['municipality', 'Zemgale', 'M3', 3]
		]);
		const m1 = rows.find((r) => r.code === 'M1')!;
		expect(m1).toMatchObject({
			name_lv: 'Alfa',
			name_en: 'Alpha',
			goal_people: 2,
			goals: 3,
			goal_score: 1.5,
			outcome_n: 3, // P1, P2, P3 (P4 has only code 9)
			outcome_improved: 1, // P1
			served: 2,
			spent_eur: 180,
			budget_people: 3,
			budget_spent_eur: 180,
			indicative_eur: 1500,
			reporting_months: 12,
			emp_n: 0
		});
		const zemgale = rows.find((r) => r.level === 'region' && r.region === 'Zemgale')!;
		expect(zemgale).toMatchObject({ goal_people: 3, goals: 5, goal_score: 3.5, served: 3, spent_eur: 300 });
		const total = rows[0];
		expect(total).toMatchObject({ goal_people: 4, goals: 6, goal_score: 4, outcome_n: 3, outcome_improved: 1 });
	});

	it('counts the adults\' outcome (life overall) and employment', async () => {
		const rows = await municipalityOutcomes(db.engine, 'adult');
		expect(rows.map((r) => r.level)).toEqual(['total', 'region', 'municipality']);
		expect(rows[2]).toMatchObject({
			code: 'M1',
			participants: 5,
			outcome_n: 4,
			outcome_improved: 2, // A1, A4
			emp_n: 4, // A5 has no follow-up
			emp_baseline: 2, // A2 part-time, A3 volunteer
			emp_followup: 3, // A1, A2, A4
			served: 0,
			reporting_months: 12 // both cohorts use programme 'test' here
		});
	});
});

describe('municipality outcomes (released)', () => {
	// Zemgale = M1 (6) + M2 (7) + M3 (3); Kurzeme = M4 (8). The old table hid M3 and M1 the same way
	// (discloseMunicipalities); now the cohort's release plan decides, as for every other view.
	it('hides M3 (3 children) and M1 (Zemgale minus M1 and M2 would give M3), keeps M2, the regions and the total', async () => {
		const r = await releasedResult(db.engine, DEFAULT_FILTERS, {
			run: (e, f) => municipalityData(e, f.cohort),
			families: MUNICIPALITY_FAMILIES.child,
			release: releaseMunicipalities
		});
		if (!('value' in r)) throw new Error('blocked');
		const by = (code: string) => r.value.find((x) => (x.code ?? x.region ?? 'total') === code)!;
		expect(by('M3').participants.reason).toBe('primary');
		expect(by('M1').participants.reason).toBe('secondary');
		for (const code of ['M1', 'M3']) for (const k of FIGURES) expect(by(code)[k].value, `${code} ${k}`).toBeNull();
		expect([by('M2'), by('M4'), by('Zemgale'), by('Kurzeme'), by('total')].map((x) => x.participants.value)).toEqual([7, 8, 16, 8, 24]);
		// Goals rest on 1–4 people everywhere here (M2: Q1 only; all: 4 children): hidden, total too.
		for (const code of ['M2', 'M4', 'Zemgale', 'total']) expect(by(code).attainment.value, code).toBeNull();
		// M2's and Zemgale's costs rest on 1 and 3 served children: hidden; M4 has no paid services: a zero, nothing to show.
		expect(by('M2').costPerParticipant.value).toBeNull();
		expect(by('M4').costPerParticipant).toEqual({ value: null, reason: null });
	});
});
