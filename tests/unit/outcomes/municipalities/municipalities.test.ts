import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { municipalityOutcomes } from '../../../../src/lib/outcomes/municipalities/query';
import { discloseMunicipalities, rowId, hiddenMunicipalities, type MunicipalityRaw } from '../../../../src/lib/privacy/municipalities';

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

/** A raw row with every count set to n people and round sums. */
function raw(level: MunicipalityRaw['level'], region: string | null, code: string | null, n: number, o: Partial<MunicipalityRaw> = {}): MunicipalityRaw {
	return {
		level, code, region, name_lv: code, name_en: code,
		participants: n, goal_people: n, goals: 4 * n, goal_score: 3 * n,
		outcome_n: n, outcome_improved: Math.round(n / 2),
		emp_n: n, emp_baseline: Math.round(n / 2), emp_followup: Math.round(n / 2),
		served: n, spent_eur: 1200 * n, budget_people: n, budget_spent_eur: 1200 * n, indicative_eur: 2400 * n,
		reporting_months: 12,
		...o
	};
}

describe('discloseMunicipalities', () => {
	it('shows everything when all groups are large enough', () => {
		const rows = discloseMunicipalities([raw('total', null, null, 20), raw('region', 'R', null, 20), raw('municipality', 'R', 'A', 10), raw('municipality', 'R', 'B', 10)]);
		const a = rows.find((r) => r.code === 'A')!;
		expect(a.participants).toEqual({ value: 10, reason: null });
		expect(a.goals.value).toBe(40);
		expect(a.attainment.value).toBeCloseTo(0.75, 12);
		expect(a.improved.value).toBeCloseTo(0.5, 12);
		expect(a.employmentChange.value).toBe(0);
		expect(a.costPerParticipant.value).toBe(1200);
		expect(a.costPerMonth.value).toBe(100);
		expect(a.budgetUse.value).toBeCloseTo(0.5, 12);
	});

	it('hides a municipality of 3 and the next smallest one in its region, keeping the region and total', () => {
		const input = [
			raw('total', null, null, 36),
			raw('region', 'R', null, 27),
			raw('region', 'S', null, 9),
			raw('municipality', 'R', 'A', 3),
			raw('municipality', 'R', 'B', 12),
			raw('municipality', 'R', 'C', 12),
			raw('municipality', 'S', 'D', 9, { outcome_improved: 3 })
		];
		// Subtotals must add up: improved A 2 (round(1.5)), B 6, C 6 → R 14; S = D 3; total 17.
		input[1].outcome_improved = 14;
		input[2].outcome_improved = 3;
		input[0].outcome_improved = 17;
		for (const k of ['emp_baseline', 'emp_followup'] as const) {
			input[1][k] = 2 + 6 + 6;
			input[0][k] = 14 + input[6][k];
			input[2][k] = input[6][k];
		}
		const rows = discloseMunicipalities(input);
		const by = (id: string) => rows.find((r) => rowId(r) === id)!;
		expect(by('mun:A').participants).toEqual({ value: null, reason: 'primary' });
		expect(by('mun:B').participants).toEqual({ value: null, reason: 'secondary' }); // tie with C: the first
		expect(by('mun:C').participants.value).toBe(12);
		expect(hiddenMunicipalities(rows)).toEqual(['A', 'B']);
		for (const k of ['goals', 'attainment', 'improved', 'costPerParticipant', 'costPerMonth', 'budgetUse'] as const) {
			expect(by('mun:A')[k].value, k).toBeNull();
			expect(by('mun:B')[k].value, k).toBeNull();
		}
		expect(by('region:R').participants.value).toBe(27);
		expect(by('total').participants.value).toBe(36);
		// D: 3 of 9 improved → the share is hidden; so is S (= D) and then another region's share.
		expect(by('mun:D').improved.value).toBeNull();
		expect(by('region:S').improved.value).toBeNull();
		expect(by('region:R').improved.value).toBeNull();
		expect(by('total').improved.value).toBeCloseTo(17 / 36, 12);
		// D's costs rest on 9 people: shown.
		expect(by('mun:D').costPerParticipant.value).toBe(1200);
	});

	it('follows a higher threshold', () => {
		const rows = discloseMunicipalities(
			[raw('total', null, null, 20), raw('region', 'R', null, 20), raw('municipality', 'R', 'A', 10), raw('municipality', 'R', 'B', 10)],
			11
		);
		expect(rows.find((r) => r.code === 'A')!.participants.reason).toBe('primary');
		expect(rows.find((r) => r.level === 'region')!.participants.value).toBe(20);
		expect(rows.find((r) => r.level === 'region')!.improved.value).toBeNull(); // 10 improved < 11
	});
});
