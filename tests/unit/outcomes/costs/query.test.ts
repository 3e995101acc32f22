import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { openPilotEngine, PILOT_DIR, type TestEngine } from '../../../helpers/engine';
import { costTable, monthlyCost } from '../../../../src/lib/outcomes/costs/query';
import { monthDivisor, monthsBetween, type CostRow } from '../../../../src/lib/outcomes/costs/summary';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';

// Children P1..P6 in M1 (Zemgale; odd ids F), P7 (F) and P8 (M) in M2 (Kurzeme); adult A1 in M1.
// Services (cost EUR, units):
//   P1 social 2018-10 100 (10), 2018-11 100 (10); P2 social 2018-10 60 (5); P3 health 2019-01 90 (2);
//   P4 social 2018-12 0 (0) — a zero-cost row: not a participant with paid services;
//   P7 social 2019-01 40 (4); P8 education 2019-02 30 (1); A1 social 2019-11 50 (5).
// Children by group: social 300 € / 29 units / 3 people (P1, P2, P7); health 90 / 2 / 1; education 30 / 1 / 1.
// Total 420 € / 32 units / 5 distinct people → 13,125 €/unit, 84 €/person, 7 €/person/month (÷ 12).
// Overheads (children): M1 600 + 120, M2 200 + 40 = 960 → total with overheads 1 380 € → 276 €/person, 23 €/month.
let db: TinyDb;

beforeAll(async () => {
	db = await tinyDb(
		`INSERT INTO municipalities VALUES ('M1', 'Pirmā', 'First', 'Zemgale'), ('M2', 'Otrā', 'Second', 'Kurzeme')`,
		participantsSql(6),
		`INSERT INTO participants VALUES
			('P7', 'child', 'test', 'M2', 'F', 2010, 8, DATE '2018-10-01', DATE '2019-09-30'),
			('P8', 'child', 'test', 'M2', 'M', 2010, 15, DATE '2018-10-01', DATE '2019-09-30'),
			('A1', 'adult', 'testA', 'M1', 'M', 1980, 38, DATE '2019-11-01', DATE '2021-01-31')`,
		`CREATE TABLE programmes (programme VARCHAR, cohort VARCHAR, service_start DATE, service_end DATE, service_months INTEGER, reporting_months INTEGER)`,
		`INSERT INTO programmes VALUES
			('test', 'child', DATE '2018-10-01', DATE '2019-09-30', 12, 12),
			('testA', 'adult', DATE '2019-11-01', DATE '2021-01-31', 15, 12)`,
		`CREATE TABLE service_catalogue (service_code VARCHAR, cohort VARCHAR, service_group VARCHAR)`,
		`INSERT INTO service_catalogue VALUES ('S1', 'child', 'social'), ('H1', 'child', 'health'), ('E1', 'child', 'education'), ('AS', 'adult', 'social')`,
		`CREATE TABLE services (event_id VARCHAR, participant_id VARCHAR, service_code VARCHAR, month DATE, units DOUBLE, unit_price_eur DOUBLE, cost_eur DOUBLE)`,
		`INSERT INTO services VALUES
			('e1', 'P1', 'S1', DATE '2018-10-01', 10, 10, 100),
			('e2', 'P1', 'S1', DATE '2018-11-01', 10, 10, 100),
			('e3', 'P2', 'S1', DATE '2018-10-01', 5, 12, 60),
			('e4', 'P3', 'H1', DATE '2019-01-01', 2, 45, 90),
			('e5', 'P4', 'S1', DATE '2018-12-01', 0, 10, 0),
			('e6', 'P7', 'S1', DATE '2019-01-01', 4, 10, 40),
			('e7', 'P8', 'E1', DATE '2019-02-01', 1, 30, 30),
			('e8', 'A1', 'AS', DATE '2019-11-01', 5, 10, 50)`,
		`CREATE TABLE overheads (programme VARCHAR, cohort VARCHAR, municipality_code VARCHAR, kind VARCHAR, cost_eur DOUBLE)`,
		`INSERT INTO overheads VALUES
			('test', 'child', 'M1', 'needs_assessment', 600), ('test', 'child', 'M1', 'municipal_admin', 120),
			('test', 'child', 'M2', 'needs_assessment', 200), ('test', 'child', 'M2', 'municipal_admin', 40),
			('testA', 'adult', 'M1', 'training_consultation', 1000)`
	);
});
afterAll(() => db?.close());

const pick = (rows: CostRow[], row: CostRow['row']) => rows.find((r) => r.row === row)!;

describe('cost per participant by service group', () => {
	it('computes the published-table columns, with distinct people in the Total row', async () => {
		const t = await costTable(db.engine, DEFAULT_FILTERS);
		// Published children order: other, education, social, health (no "other" rows here).
		expect(t.rows.map((r) => [r.row, r.cost_eur, r.units, r.participants])).toEqual([
			['education', 30, 1, 1],
			['social', 300, 29, 3],
			['health', 90, 2, 1],
			['total', 420, 32, 5],
			['total_with_overheads', 1380, 32, 5]
		]);
		const social = pick(t.rows, 'social');
		expect(social.eur_per_unit).toBeCloseTo(300 / 29, 12);
		expect(social.eur_per_participant).toBe(100);
		expect(social.eur_per_participant_month).toBeCloseTo(100 / 12, 12);
		expect(social.share_cost).toBeCloseTo(300 / 420, 12);
		expect(social.share_participants).toBeCloseTo(3 / 5, 12);
		expect(social.share_per_participant).toBeCloseTo(100 / 84, 12);
		const total = pick(t.rows, 'total');
		expect(total.eur_per_unit).toBeCloseTo(13.125, 12);
		expect(total.eur_per_participant).toBe(84);
		expect(total.eur_per_participant_month).toBe(7);
		expect(total.share_cost).toBe(1);
		expect(total.share_participants).toBe(1);
		const withOverheads = pick(t.rows, 'total_with_overheads');
		expect(withOverheads.eur_per_unit).toBeCloseTo(43.125, 12);
		expect(withOverheads.eur_per_participant).toBe(276);
		expect(withOverheads.eur_per_participant_month).toBe(23);
		expect(withOverheads.share_cost).toBeNull();
		expect(t).toMatchObject({ divisor: 12, divisorSource: 'reporting_months', mixedDivisor: false, overheadsOmitted: null });
		expect(t.overheadsByKind).toEqual([
			{ kind: 'municipal_admin', cost_eur: 160 },
			{ kind: 'needs_assessment', cost_eur: 800 }
		]);
	});

	it('adds only the selected municipalities\u2019 overheads', async () => {
		for (const f of [{ municipalities: ['M2'] }, { region: 'Kurzeme' }]) {
			const t = await costTable(db.engine, { ...DEFAULT_FILTERS, ...f });
			expect(pick(t.rows, 'total')).toMatchObject({ cost_eur: 70, participants: 2, eur_per_participant: 35 });
			// 70 + 200 + 40
			expect(pick(t.rows, 'total_with_overheads')).toMatchObject({ cost_eur: 310, eur_per_participant: 155 });
		}
	});

	it('omits overheads under person-level and period filters', async () => {
		// F: P1 (200), P3 (90), P7 (40); P5 has no services.
		const women = await costTable(db.engine, { ...DEFAULT_FILTERS, sex: 'F' });
		expect(women.overheadsOmitted).toBe('person');
		expect(women.rows.map((r) => r.row)).toEqual(['social', 'health', 'total']);
		expect(pick(women.rows, 'total')).toMatchObject({ cost_eur: 330, participants: 3, eur_per_participant: 110 });
		const teens = await costTable(db.engine, { ...DEFAULT_FILTERS, ageBand: '13-17' });
		expect(teens.overheadsOmitted).toBe('person');
		expect(pick(teens.rows, 'total')).toMatchObject({ cost_eur: 30, participants: 1 });
	});

	it('divides by the service months inside a period filter', async () => {
		// Nov 2018 – Jan 2019: P1 100, P3 90, P7 40 → 230 € / 3 people, divisor 3 months.
		const t = await costTable(db.engine, { ...DEFAULT_FILTERS, from: '2018-11', to: '2019-01' });
		expect(t).toMatchObject({ divisor: 3, divisorSource: 'period_months', overheadsOmitted: 'period' });
		const total = pick(t.rows, 'total');
		expect(total).toMatchObject({ cost_eur: 230, participants: 3 });
		expect(total.eur_per_participant_month).toBeCloseTo(230 / 3 / 3, 12);
		// A period reaching past the service end is clipped to it: Sep 2019 – Dec 2019 → 1 month.
		expect(monthDivisor(t.programmes, { from: '2019-09', to: '2019-12' }).divisor).toBe(1);
	});

	it('uses reporting_months (12) for adults although services ran 15 months', async () => {
		const t = await costTable(db.engine, { ...DEFAULT_FILTERS, cohort: 'adult' });
		expect(t.divisor).toBe(12);
		expect(t.rows.map((r) => [r.row, r.cost_eur, r.participants])).toEqual([
			['social', 50, 1],
			['total', 50, 1],
			['total_with_overheads', 1050, 1]
		]);
		expect(pick(t.rows, 'total').eur_per_participant_month).toBeCloseTo(50 / 12, 12);
	});

	it('binds a hostile municipality code as a value', async () => {
		const t = await costTable(db.engine, { ...DEFAULT_FILTERS, municipalities: ["M1') OR ('1'='1"] });
		expect(pick(t.rows, 'total')).toMatchObject({ cost_eur: 0, participants: 0 });
		expect(pick(t.rows, 'total_with_overheads').cost_eur).toBe(0);
	});

	it('sums cost per month with people served (zero-cost rows are not people served)', async () => {
		expect(await monthlyCost(db.engine, DEFAULT_FILTERS)).toEqual([
			{ month: '2018-10', cost_eur: 160, participants: 2 },
			{ month: '2018-11', cost_eur: 100, participants: 1 },
			{ month: '2018-12', cost_eur: 0, participants: 0 },
			{ month: '2019-01', cost_eur: 130, participants: 2 },
			{ month: '2019-02', cost_eur: 30, participants: 1 }
		]);
		expect(await monthlyCost(db.engine, { ...DEFAULT_FILTERS, from: '2019-01' })).toHaveLength(2);
	});

	it('counts months inclusively', () => {
		expect(monthsBetween('2019-11', '2021-01')).toBe(15);
		expect(monthsBetween('2019-11', '2019-10')).toBe(0);
	});
});

// The published pilot cost tables (domain.md), reproduced from the pilot data to the cent.
describe.skipIf(!existsSync(resolve(PILOT_DIR, 'manifest.json')))('published cost tables (pilot data)', () => {
	let pilot: TestEngine;
	beforeAll(async () => {
		pilot = await openPilotEngine();
	});
	afterAll(() => pilot?.close());
	const cents = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

	it('children: every row of the table', async () => {
		const t = await costTable(pilot.engine, DEFAULT_FILTERS);
		expect(t.divisor).toBe(12);
		// [row, cost rounded to whole euros as published, units, children, €/unit, €/child, €/child/month]
		expect(t.rows.map((r) => [r.row, Math.round(r.cost_eur), r.units, r.participants, cents(r.eur_per_unit), cents(r.eur_per_participant), cents(r.eur_per_participant_month)])).toEqual([
			['other', 84_892, 1_354, 51, 62.7, 1664.56, 138.71],
			['education', 74_040, 3_407, 66, 21.73, 1121.81, 93.48],
			['social', 340_179, 62_733, 99, 5.42, 3436.15, 286.35],
			['health', 205_842, 7_889, 100, 26.09, 2058.42, 171.54],
			['total', 704_953, 75_383, 102, 9.35, 6911.3, 575.94],
			['total_with_overheads', 942_561, 75_383, 102, 12.5, 9240.79, 770.07]
		]);
		expect(pick(t.rows, 'total_with_overheads').cost_eur).toBe(942_561);
	});

	it('adults: every row of the table, with the shares', async () => {
		const t = await costTable(pilot.engine, { ...DEFAULT_FILTERS, cohort: 'adult' });
		expect(t.divisor).toBe(12);
		const pct = (x: number | null) => (x === null ? null : Math.round(x * 100));
		// [row, cost, % cost, persons, % persons, €/person, %, €/person/month]
		expect(t.rows.map((r) => [r.row, r.cost_eur, pct(r.share_cost), r.participants, pct(r.share_participants), cents(r.eur_per_participant), pct(r.share_per_participant), cents(r.eur_per_participant_month)])).toEqual([
			['social', 586_696, 76, 97, 100, 6048.41, 76, 504.03],
			['health', 114_402, 15, 77, 79, 1485.74, 19, 123.81],
			['education', 60_393, 8, 31, 32, 1948.16, 25, 162.35],
			['other', 9_124, 1, 19, 20, 480.21, 6, 40.02],
			['total', 770_615, 100, 97, 100, 7944.48, 100, 662.04],
			['total_with_overheads', 1_060_069.4, null, 97, null, 10928.55, null, 910.71]
		]);
	});

	it('monthly cost adds up to the total', async () => {
		const months = await monthlyCost(pilot.engine, { ...DEFAULT_FILTERS, cohort: 'adult' });
		expect(months).toHaveLength(15);
		expect(cents(months.reduce((a, m) => a + m.cost_eur, 0))).toBe(770_615);
	});
});
