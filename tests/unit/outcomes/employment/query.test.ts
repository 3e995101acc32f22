import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { openPilotEngine, PILOT_DIR } from '../../../helpers/engine';
import { employment } from '../../../../src/lib/outcomes/employment/query';
import { EMPLOYMENT_STATUSES } from '../../../../src/lib/outcomes/employment/summary';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';

// Adults A1..A8 in M1, A9 in M2, A10 in M1 with a baseline record only; child P1 has a (stray) record.
//   A1 not → permanent (b)      A2 not → part-time (b)     A3 part-time → part-time
//   A4 volunteer → not (c)      A5, A6 not → not           A7 temporary → permanent
//   A8 not → volunteer (b)      A9 permanent → permanent    A10 not (baseline only)
// Pairs n = 9; employed before A3, A4, A7, A9 = 4; after A1, A2, A3, A7, A8, A9 = 6; b = 3, c = 1.
// McNemar χ² (corrected) = (|3 − 1| − 1)² / 4 = 0,25, p = 0,6171 (R: mcnemar.test);
// exact: binom.test(3, 4) p = 2 · (4 + 1) / 16 = 0,625; b + c = 4 < 25 so the exact p is reported.
let db: TinyDb;

const rows = [
	['A1', 'not_employed', 'permanent_full_time'],
	['A2', 'not_employed', 'part_time'],
	['A3', 'part_time', 'part_time'],
	['A4', 'volunteer_public_works', 'not_employed'],
	['A5', 'not_employed', 'not_employed'],
	['A6', 'not_employed', 'not_employed'],
	['A7', 'temporary_full_time', 'permanent_full_time'],
	['A8', 'not_employed', 'volunteer_public_works'],
	['A9', 'permanent_full_time', 'permanent_full_time']
];

beforeAll(async () => {
	db = await tinyDb(
		`INSERT INTO municipalities VALUES ('M1', 'Pirmā', 'First', 'Zemgale'), ('M2', 'Otrā', 'Second', 'Kurzeme')`,
		participantsSql(8, { cohort: 'adult', prefix: 'A', age: () => 30 }),
		`INSERT INTO participants VALUES
			('A9', 'adult', 'test', 'M2', 'F', 1980, 50, DATE '2019-11-01', DATE '2021-01-31'),
			('A10', 'adult', 'test', 'M1', 'M', 1980, 50, DATE '2019-11-01', DATE '2021-01-31'),
			('P1', 'child', 'test', 'M1', 'M', 2010, 8, DATE '2018-10-01', DATE '2019-09-30')`,
		`CREATE TABLE employment (participant_id VARCHAR, wave VARCHAR, recorded_on DATE, status VARCHAR)`,
		`INSERT INTO employment VALUES ${rows
			.flatMap(([id, b, f]) => [`('${id}', 'baseline', DATE '2019-10-01', '${b}')`, `('${id}', 'followup', DATE '2021-01-15', '${f}')`])
			.join(', ')},
			('A10', 'baseline', DATE '2019-10-01', 'not_employed'),
			('P1', 'baseline', DATE '2019-10-01', 'part_time'), ('P1', 'followup', DATE '2021-01-15', 'part_time')`
	);
});
afterAll(() => db?.close());

describe('employment before and after', () => {
	it('counts statuses per wave (always adults, whatever the cohort filter)', async () => {
		const r = await employment(db.engine, DEFAULT_FILTERS); // DEFAULT_FILTERS.cohort is 'child'
		expect(r.n).toBe(10);
		expect(r.counts.map((c) => [c.status, c.baseline, c.followup, c.change])).toEqual([
			['permanent_full_time', 1, 3, 2],
			['temporary_full_time', 1, 0, -1],
			['part_time', 1, 2, 1],
			['volunteer_public_works', 1, 1, 0],
			['not_employed', 6, 3, -3]
		]);
	});

	it('builds the transition matrix baseline × follow-up', async () => {
		const r = await employment(db.engine, DEFAULT_FILTERS);
		const at = (b: string, f: string) =>
			r.matrix[EMPLOYMENT_STATUSES.indexOf(b as never)][EMPLOYMENT_STATUSES.indexOf(f as never)];
		expect(at('not_employed', 'not_employed')).toBe(2);
		expect(at('not_employed', 'permanent_full_time')).toBe(1);
		expect(at('temporary_full_time', 'permanent_full_time')).toBe(1);
		expect(at('volunteer_public_works', 'not_employed')).toBe(1);
		expect(r.matrix.flat().reduce((a, b) => a + b, 0)).toBe(9);
	});

	it("runs McNemar's test on employed yes/no, with the exact p for few discordant pairs", async () => {
		const { test } = await employment(db.engine, DEFAULT_FILTERS);
		expect(test).toMatchObject({ nPairs: 9, b: 3, c: 1, employedBefore: 4, employedAfter: 6, oddsRatio: 3, primary: 'exact' });
		expect(test.difference).toBeCloseTo(2 / 9, 12);
		expect(test.shareAfter).toBeCloseTo(6 / 9, 12);
		expect(test.chiSquare).toBeCloseTo(0.25, 12);
		expect(test.pChiSquare).toBeCloseTo(0.6170751, 6);
		expect(test.pExact).toBeCloseTo(0.625, 12);
		expect(test.pValue).toBe(test.pExact);
	});

	it('applies filters; no discordant pairs gives no test', async () => {
		const m2 = await employment(db.engine, { ...DEFAULT_FILTERS, municipalities: ['M2'] });
		expect(m2.test).toMatchObject({ nPairs: 1, b: 0, c: 0, oddsRatio: null });
		expect(m2.test.pValue).toBeNaN();
		const hostile = await employment(db.engine, { ...DEFAULT_FILTERS, municipalities: ["M1') OR ('1'='1"] });
		expect(hostile.n).toBe(0);
	});
});

describe.skipIf(!existsSync(resolve(PILOT_DIR, 'manifest.json')))('employment (pilot data)', () => {
	it('16 employed before, 29 after; b = 13, c = 0', async () => {
		const pilot = await openPilotEngine();
		try {
			const r = await employment(pilot.engine, DEFAULT_FILTERS);
			expect(r.test).toMatchObject({ nPairs: 97, employedBefore: 16, employedAfter: 29, b: 13, c: 0, primary: 'exact' });
			// binom.test(13, 13): 2 · 0,5^13; mcnemar.test: (13 − 1)² / 13 = 11,077, p = 0,000874
			expect(r.test.pExact).toBeCloseTo(2 / 8192, 12);
			expect(r.test.chiSquare).toBeCloseTo(144 / 13, 12);
			expect(r.test.pChiSquare).toBeCloseTo(0.000874, 6);
			// Published breakdown: +4 permanent full-time, +3 temporary full-time, +3 part-time
			expect(r.counts.map((c) => c.change)).toEqual([4, 3, 3, 3, -13]);
		} finally {
			await pilot.close();
		}
	});
});
