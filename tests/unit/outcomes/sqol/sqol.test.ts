import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { sqolData } from '../../../../src/lib/outcomes/sqol/query';
import { summariseSqol } from '../../../../src/lib/outcomes/sqol/summary';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';

// Six adults A1..A6 (odd ids F), change ratings at follow-up (+1 better, 0 same, −1 worse):
//                     A1  A2  A3  A4  A5  A6   better same worse   sign test
// life_overall        +1  +1  +1  +1  +1   0    5     1    0       binom(5, 5): 2·½⁵ = 0,0625
// partner             +1  −1   0   0  +1  −1    2     2    2       binom(2, 4): 1
// financial           −1  −1  −1   0  +1   0    1     2    3       binom(1, 4): (1 + 4 + 4 + 1)/16 = 0,625
// per person b − w:    +1  −1   0  +1  +3  −1   → more better than worse: A1, A4, A5 = 3 of 6
// A6 rated in February 2021; everyone else in January.
const R: Record<string, number[]> = {
	life_overall: [1, 1, 1, 1, 1, 0],
	partner: [1, -1, 0, 0, 1, -1],
	financial: [-1, -1, -1, 0, 1, 0]
};

let db: TinyDb;
const adult = { ...DEFAULT_FILTERS, cohort: 'adult' as const };

beforeAll(async () => {
	const rows = Object.entries(R).flatMap(([d, rs]) =>
		rs.map((r, i) => `('A${i + 1}', 'sqol', 'self', 'followup', DATE '${i === 5 ? '2021-02-10' : '2021-01-10'}', '${d}', ${r}, 'change_rating')`)
	);
	db = await tinyDb(
		`INSERT INTO municipalities VALUES ('M1', 'Pirmā', 'First', 'Zemgale')`,
		participantsSql(6, { cohort: 'adult', prefix: 'A', age: () => 40 }),
		`CREATE TABLE instrument_dimensions (instrument VARCHAR, dimension_code VARCHAR, sort_order INTEGER, name_lv VARCHAR, name_en VARCHAR,
			items INTEGER, higher_is_better BOOLEAN, scale_min DOUBLE, scale_max DOUBLE, scoring_method VARCHAR)`,
		`CREATE TABLE assessments (participant_id VARCHAR, instrument VARCHAR, informant VARCHAR, wave VARCHAR, assessed_on DATE,
			dimension_code VARCHAR, score DOUBLE, scoring_method VARCHAR)`,
		`INSERT INTO instrument_dimensions VALUES
			('sqol', 'life_overall', 1, 'Dzīve kopumā', 'Life overall', 1, true, -1, 1, 'change_rating'),
			('sqol', 'financial', 2, 'Finanses', 'Financial situation', 1, true, -1, 1, 'change_rating'),
			('sqol', 'partner', 3, 'Partneris', 'Partner', 1, true, -1, 1, 'change_rating')`,
		`INSERT INTO assessments VALUES ${rows.join(',\n')}`
	);
});
afterAll(() => db?.close());

describe('subjective quality of life (adults)', () => {
	it('gives % better / same / worse per aspect, ordered by % better', async () => {
		const s = summariseSqol(await sqolData(db.engine, adult));
		expect(s.aspects.map((a) => [a.dimension_code, a.n, a.better, a.same, a.worse])).toEqual([
			['life_overall', 6, 5, 1, 0],
			['partner', 6, 2, 2, 2],
			['financial', 6, 1, 2, 3]
		]);
		expect(s.aspects[0].betterShare).toBeCloseTo(5 / 6, 12);
		expect(s.aspects[2].worseShare).toBeCloseTo(0.5, 12);
		expect(s.majorityImproved).toBe(1);
	});

	it('runs a sign test per aspect with Holm across aspects', async () => {
		const s = summariseSqol(await sqolData(db.engine, adult));
		expect(s.aspects.map((a) => a.pValue)).toEqual([0.0625, 1, 0.625]);
		// Holm: 0,0625·3 = 0,1875; then max(0,625·2, 0,1875) → 1; 1.
		expect(s.aspects[0].pAdjusted).toBeCloseTo(0.1875, 12);
		expect(s.aspects[1].pAdjusted).toBe(1);
		expect(s.aspects[2].pAdjusted).toBe(1);
		expect(s.aspects.map((a) => a.effectSize)).toEqual([1, 0, -0.5]);
		const bh = summariseSqol(await sqolData(db.engine, adult), { adjust: 'BH' });
		expect(bh.aspects[0].pAdjusted).toBeCloseTo(0.1875, 12); // 0,0625·3/1
		expect(bh.aspects[2].pAdjusted).toBeCloseTo(0.9375, 12); // 0,625·3/2
	});

	it('counts persons with more aspects better than worse', async () => {
		const s = summariseSqol(await sqolData(db.engine, adult));
		expect([s.persons, s.netPositive]).toEqual([6, 3]);
		expect(s.netPositiveShare).toBeCloseTo(0.5, 12);
	});

	it('applies the shared filters, the period to the rating date', async () => {
		const women = summariseSqol(await sqolData(db.engine, { ...adult, sex: 'F' }));
		expect([women.persons, women.netPositive]).toEqual([3, 2]); // A1, A3, A5 → A1, A5
		const jan = summariseSqol(await sqolData(db.engine, { ...adult, to: '2021-01' }));
		expect(jan.persons).toBe(5);
		expect(jan.aspects[0]).toMatchObject({ dimension_code: 'life_overall', n: 5, better: 5 });
		const children = summariseSqol(await sqolData(db.engine, DEFAULT_FILTERS));
		expect(children.persons).toBe(0);
		expect(children.netPositiveShare).toBeNaN();
	});
});
