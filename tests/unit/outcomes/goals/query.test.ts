import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { goalAttainment, gasRatings } from '../../../../src/lib/outcomes/goals/query';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';

// Six children in M1 (Zemgale), two in M2 (Kurzeme).
// Domain C1: P1 achieved, P2 achieved, P3 partly, P4 not  → 4 goals, score 2.5 (62.5%)
// Domain C2: P1 partly, P2 partly, P5 achieved, P6 achieved, P7 not, P8 partly → 6 goals, score 3.5
// All: 10 goals, score 6, 8 people.
let db: TinyDb;

beforeAll(async () => {
	db = await tinyDb(
		`INSERT INTO municipalities VALUES ('M1', 'Pirmā', 'First', 'Zemgale'), ('M2', 'Otrā', 'Second', 'Kurzeme')`,
		participantsSql(6),
		`INSERT INTO participants VALUES
			('P7', 'child', 'test', 'M2', 'F', 2010, 8, DATE '2018-10-01', DATE '2019-09-30'),
			('P8', 'child', 'test', 'M2', 'M', 2010, 15, DATE '2018-10-01', DATE '2019-09-30'),
			('A1', 'adult', 'test', 'M1', 'M', 1980, 38, DATE '2019-11-01', DATE '2021-01-31')`,
		`CREATE TABLE plan_domains (code VARCHAR, cohort VARCHAR, name_lv VARCHAR, name_en VARCHAR)`,
		`INSERT INTO plan_domains VALUES ('C1', 'child', 'Ģimene', 'Family'), ('C2', 'child', 'Bērns', 'Child'), ('A1', 'adult', 'Dzīve', 'Living')`,
		`CREATE TABLE plan_goals (goal_id VARCHAR, participant_id VARCHAR, domain_code VARCHAR, term VARCHAR, attainment VARCHAR, gas_rating INTEGER, reviewed_on DATE)`,
		`INSERT INTO plan_goals VALUES
			('g1', 'P1', 'C1', 'long', 'achieved', 2, DATE '2019-09-30'),
			('g2', 'P2', 'C1', 'long', 'achieved', NULL, DATE '2019-09-30'),
			('g3', 'P3', 'C1', 'long', 'partly', NULL, DATE '2019-09-30'),
			('g4', 'P4', 'C1', 'short', 'not', NULL, DATE '2019-03-31'),
			('g5', 'P1', 'C2', 'long', 'partly', 0, DATE '2019-09-30'),
			('g6', 'P2', 'C2', 'long', 'partly', NULL, DATE '2019-09-30'),
			('g7', 'P5', 'C2', 'long', 'achieved', NULL, DATE '2019-09-30'),
			('g8', 'P6', 'C2', 'long', 'achieved', NULL, DATE '2019-09-30'),
			('g9', 'P7', 'C2', 'long', 'not', NULL, DATE '2019-09-30'),
			('g10', 'P8', 'C2', 'long', 'partly', NULL, DATE '2019-09-30'),
			('g11', 'A1', 'A1', 'long', 'achieved', NULL, DATE '2020-12-31')`
	);
});
afterAll(() => db?.close());

describe('goal attainment', () => {
	it('counts goals, levels and the 1/0.5/0 score per domain and overall', async () => {
		const rows = await goalAttainment(db.engine, DEFAULT_FILTERS);
		expect(rows.map((r) => [r.domain_code, r.participants, r.goals, r.achieved, r.partly, r.not_achieved, r.score])).toEqual([
			['C1', 4, 4, 2, 1, 1, 2.5],
			['C2', 6, 6, 2, 3, 1, 3.5],
			[null, 8, 10, 4, 4, 2, 6]
		]);
		expect(rows[0].score_share).toBeCloseTo(0.625, 12);
		expect(rows[2].score_share).toBeCloseTo(0.6, 12);
		expect(rows[0].name_en).toBe('Family');
		expect(rows[1].achieved_share).toBeCloseTo(2 / 6, 12);
	});

	it('applies the municipality, region, sex, age and period filters', async () => {
		const m2 = await goalAttainment(db.engine, { ...DEFAULT_FILTERS, municipalities: ['M2'] });
		expect(m2.at(-1)).toMatchObject({ participants: 2, goals: 2, score: 0.5 });
		const kurzeme = await goalAttainment(db.engine, { ...DEFAULT_FILTERS, region: 'Kurzeme' });
		expect(kurzeme.at(-1)).toMatchObject({ goals: 2 });
		// Odd ids are F in M1 (P1, P3, P5) plus P7: goals g1, g3, g5, g7, g9
		const women = await goalAttainment(db.engine, { ...DEFAULT_FILTERS, sex: 'F' });
		expect(women.at(-1)).toMatchObject({ participants: 4, goals: 5, score: 3 });
		const teens = await goalAttainment(db.engine, { ...DEFAULT_FILTERS, ageBand: '13-17' });
		expect(teens.at(-1)).toMatchObject({ participants: 1, goals: 1, partly: 1 });
		// Reviewed in or before March 2019: only g4.
		const early = await goalAttainment(db.engine, { ...DEFAULT_FILTERS, to: '2019-03' });
		expect(early.at(-1)).toMatchObject({ goals: 1, not_achieved: 1, score: 0 });
		const adults = await goalAttainment(db.engine, { ...DEFAULT_FILTERS, cohort: 'adult' });
		expect(adults.map((r) => [r.domain_code, r.goals, r.score])).toEqual([
			['A1', 1, 1],
			[null, 1, 1]
		]);
	});

	it('binds a hostile municipality code as a value', async () => {
		const rows = await goalAttainment(db.engine, { ...DEFAULT_FILTERS, municipalities: ["M1') OR ('1'='1"] });
		expect(rows.at(-1)).toMatchObject({ goals: 0 });
	});

	it('returns GAS ratings per participant, summed', async () => {
		expect(await gasRatings(db.engine, DEFAULT_FILTERS)).toEqual([{ rating_sum: 2, goals: 2, lowest: 0, highest: 2 }]);
	});
});
