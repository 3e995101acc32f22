import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { openPilotEngine, PILOT_DIR } from '../../../helpers/engine';
import { participantBudgets, budgetSummary } from '../../../../src/lib/outcomes/budgets/query';
import { binOf } from '../../../../src/lib/outcomes/budgets/summary';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';

// Budgets (indicative / agreed) and spend in each plan period:
//   P1: Oct–Mar 600 / 400, spent 200 (Oct 100 + Nov 100); Apr–Sep 600 / 300, spent 0
//       → 1 200 / 700 / 200 over 12 months; spent/indicative 1/6, spent/agreed 2/7
//   P2: Oct–Mar 100 / 80, spent 60 → 0,6 and 0,75
//   P3: Oct–Mar 90 / 90, spent 90 → 1 and 1 (the 90–100% bin includes 100%)
//   P7: Oct–Mar 50 / 30, spent 40 → 0,8 and 1,333 (spent above agreed)
//   P8 has services but no budget: not included. A spend row in April–Sep outside any P2 period is not counted.
// Totals: indicative 1 440, agreed 900, spent 390 over 30 participant-months, n = 4.
let db: TinyDb;

beforeAll(async () => {
	db = await tinyDb(
		`INSERT INTO municipalities VALUES ('M1', 'Pirmā', 'First', 'Zemgale'), ('M2', 'Otrā', 'Second', 'Kurzeme')`,
		participantsSql(6),
		`INSERT INTO participants VALUES
			('P7', 'child', 'test', 'M2', 'F', 2010, 8, DATE '2018-10-01', DATE '2019-09-30'),
			('P8', 'child', 'test', 'M2', 'M', 2010, 15, DATE '2018-10-01', DATE '2019-09-30')`,
		`CREATE TABLE services (participant_id VARCHAR, month DATE, cost_eur DOUBLE)`,
		`INSERT INTO services VALUES
			('P1', DATE '2018-10-01', 100), ('P1', DATE '2018-11-01', 100), ('P2', DATE '2018-10-01', 60),
			('P2', DATE '2019-05-01', 999), ('P3', DATE '2019-01-01', 90), ('P7', DATE '2019-01-01', 40),
			('P8', DATE '2019-02-01', 30)`,
		`CREATE TABLE budgets (participant_id VARCHAR, period_start DATE, period_end DATE, months INTEGER, indicative_eur DOUBLE, agreed_eur DOUBLE)`,
		`INSERT INTO budgets VALUES
			('P1', DATE '2018-10-01', DATE '2019-03-31', 6, 600, 400),
			('P1', DATE '2019-04-01', DATE '2019-09-30', 6, 600, 300),
			('P2', DATE '2018-10-01', DATE '2019-03-31', 6, 100, 80),
			('P3', DATE '2018-10-01', DATE '2019-03-31', 6, 90, 90),
			('P7', DATE '2018-10-01', DATE '2019-03-31', 6, 50, 30)`
	);
});
afterAll(() => db?.close());

describe('individual budgets: indicative, agreed, spent', () => {
	it('sums plan periods per participant and spend inside them', async () => {
		expect(await participantBudgets(db.engine, DEFAULT_FILTERS)).toEqual([
			{ participant_id: 'P1', months: 12, indicative_eur: 1200, agreed_eur: 700, spent_eur: 200 },
			{ participant_id: 'P2', months: 6, indicative_eur: 100, agreed_eur: 80, spent_eur: 60 },
			{ participant_id: 'P3', months: 6, indicative_eur: 90, agreed_eur: 90, spent_eur: 90 },
			{ participant_id: 'P7', months: 6, indicative_eur: 50, agreed_eur: 30, spent_eur: 40 }
		]);
	});

	it('summarises totals, means, medians, per-month means and the utilisation distribution', async () => {
		const s = await budgetSummary(db.engine, DEFAULT_FILTERS);
		expect(s.n).toBe(4);
		expect(s.months).toBe(30);
		expect(s.amounts).toEqual([
			{ measure: 'indicative', total: 1440, mean: 360, median: 95, perMonth: 48 },
			{ measure: 'agreed', total: 900, mean: 225, median: 85, perMonth: 30 },
			{ measure: 'spent', total: 390, mean: 97.5, median: 75, perMonth: 13 }
		]);
		// spent/indicative 1/6, 0.6, 1, 0.8 → median 0.7; spent/agreed 2/7, 0.75, 1, 4/3 → 0.875;
		// agreed/indicative 7/12, 0.8, 1, 0.6 → 0.7
		expect(s.medianSpentOfIndicative).toBeCloseTo(0.7, 12);
		expect(s.medianSpentOfAgreed).toBeCloseTo(0.875, 12);
		expect(s.medianAgreedOfIndicative).toBeCloseTo(0.7, 12);
		expect(s.agreedAboveIndicative).toBe(0);
		expect(s.spentAboveAgreed).toBe(1);
		expect(s.bins.map((b) => b.vsIndicative)).toEqual([1, 0, 1, 1, 1, 0]);
		expect(s.bins.map((b) => b.vsAgreed)).toEqual([0, 1, 0, 1, 1, 1]);
	});

	it('keeps only plan periods overlapping the period filter, and applies person filters', async () => {
		const early = await participantBudgets(db.engine, { ...DEFAULT_FILTERS, to: '2018-12' });
		expect(early[0]).toEqual({ participant_id: 'P1', months: 6, indicative_eur: 600, agreed_eur: 400, spent_eur: 200 });
		const m2 = await participantBudgets(db.engine, { ...DEFAULT_FILTERS, municipalities: ['M2'] });
		expect(m2.map((r) => r.participant_id)).toEqual(['P7']);
	});

	it('bins shares with 100% in the 90–100% bin', () => {
		expect([0, 0.2499, 0.25, 0.89, 0.9, 1, 1.0001].map(binOf)).toEqual([0, 0, 1, 3, 4, 4, 5]);
	});
});

describe.skipIf(!existsSync(resolve(PILOT_DIR, 'manifest.json')))('budgets (pilot data)', () => {
	it('agreed amounts add up to the municipal pilot cost of seed 000, and never exceed the indicative amount', async () => {
		const pilot = await openPilotEngine();
		try {
			const child = await budgetSummary(pilot.engine, DEFAULT_FILTERS);
			const adult = await budgetSummary(pilot.engine, { ...DEFAULT_FILTERS, cohort: 'adult' });
			expect(child.n).toBe(102);
			expect(adult.n).toBe(97);
			expect(child.amounts[1].total).toBe(714_258);
			expect(adult.amounts[1].total).toBe(1_144_001);
			expect(child.agreedAboveIndicative + adult.agreedAboveIndicative).toBe(0);
			// Children: 648,17 € per child per month on average (indicative amount).
			expect(Math.round(child.amounts[0].perMonth * 100) / 100).toBe(648.17);
		} finally {
			await pilot.close();
		}
	});
});
