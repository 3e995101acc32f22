import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { kidscreenData } from '../../../../src/lib/outcomes/kidscreen/query';
import { summariseKidscreen } from '../../../../src/lib/outcomes/kidscreen/summary';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';
import { tUpperTail } from '../../../../src/lib/stats/index';

// Five children P1..P5 (odd ids F), T-scores [baseline, follow-up]:
// child  physical        40→42 45→47 50→49 55→58 60→61   change 2, 2, −1, 3, 1 (mean 1,4); follow-up mean 51,4
// child  school          30→29 35→35 40→39 45→45 50→48   change −1, 0, −1, 0, −2 (mean −0,8); follow-up mean 39,2
// parent physical        45→46 45→44 45→47 45→45 45→48   change 1, −1, 2, 0, 3 (mean 1); follow-up mean 46
// parent school          40→41 42→43 44→45 46→47 48→49   change +1 each: constant, so no t-test
// P5's parent has no follow-up at all in one more dimension (no pair, not counted).
const KS: [string, string, string, number, number | null][] = [
	['child', 'physical', 'P1', 40, 42], ['child', 'physical', 'P2', 45, 47], ['child', 'physical', 'P3', 50, 49], ['child', 'physical', 'P4', 55, 58], ['child', 'physical', 'P5', 60, 61],
	['child', 'school', 'P1', 30, 29], ['child', 'school', 'P2', 35, 35], ['child', 'school', 'P3', 40, 39], ['child', 'school', 'P4', 45, 45], ['child', 'school', 'P5', 50, 48],
	['parent', 'physical', 'P1', 45, 46], ['parent', 'physical', 'P2', 45, 44], ['parent', 'physical', 'P3', 45, 47], ['parent', 'physical', 'P4', 45, 45], ['parent', 'physical', 'P5', 45, 48],
	['parent', 'school', 'P1', 40, 41], ['parent', 'school', 'P2', 42, 43], ['parent', 'school', 'P3', 44, 45], ['parent', 'school', 'P4', 46, 47], ['parent', 'school', 'P5', 48, 49],
	['parent', 'moods', 'P5', 44, null]
];

let db: TinyDb;

beforeAll(async () => {
	const rows = KS.flatMap(([inf, d, p, b, f]) => [
		`('${p}', 'kidscreen52', '${inf}', 'baseline', DATE '2018-09-10', '${d}', ${b}, 'rasch_t')`,
		...(f === null ? [] : [`('${p}', 'kidscreen52', '${inf}', 'followup', DATE '2019-09-10', '${d}', ${f}, 'rasch_t')`])
	]);
	db = await tinyDb(
		`INSERT INTO municipalities VALUES ('M1', 'Pirmā', 'First', 'Zemgale')`,
		participantsSql(5, { age: () => 10 }),
		`CREATE TABLE instrument_dimensions (instrument VARCHAR, dimension_code VARCHAR, sort_order INTEGER, name_lv VARCHAR, name_en VARCHAR,
			items INTEGER, higher_is_better BOOLEAN, scale_min DOUBLE, scale_max DOUBLE, scoring_method VARCHAR)`,
		`CREATE TABLE assessments (participant_id VARCHAR, instrument VARCHAR, informant VARCHAR, wave VARCHAR, assessed_on DATE,
			dimension_code VARCHAR, score DOUBLE, scoring_method VARCHAR)`,
		`INSERT INTO instrument_dimensions VALUES
			('kidscreen52', 'physical', 1, 'Fiziskā labsajūta', 'Physical well-being', 5, true, 0, 100, 'rasch_t'),
			('kidscreen52', 'moods', 3, 'Garastāvoklis', 'Moods', 7, true, 0, 100, 'rasch_t'),
			('kidscreen52', 'school', 8, 'Skolas vide', 'School environment', 6, true, 0, 100, 'rasch_t')`,
		`INSERT INTO assessments VALUES ${rows.join(',\n')}`
	);
});
afterAll(() => db?.close());

describe('KIDSCREEN-52', () => {
	it('gives paired means, change and the count of dimensions higher at follow-up per informant', async () => {
		const [child, parent] = summariseKidscreen(await kidscreenData(db.engine, DEFAULT_FILTERS));
		expect(child.informant).toBe('child');
		expect(child.respondents).toBe(5);
		expect(child.rows.map((r) => [r.dimension_code, r.n])).toEqual([['physical', 5], ['school', 5]]);
		expect(child.rows[0].baselineMean).toBeCloseTo(50, 12);
		expect(child.rows[0].followupMean).toBeCloseTo(51.4, 12);
		expect(child.rows[1].followupMean).toBeCloseTo(39.2, 12);
		expect(child.rows[1].meanChange).toBeCloseTo(-0.8, 12);
		expect([child.dimensions, child.higherAtFollowup, child.belowNormAtFollowup, child.tScores]).toEqual([2, 1, 1, true]);
		// Parents: moods has no follow-up, so no pair and no row.
		expect(parent.rows.map((r) => r.dimension_code)).toEqual(['physical', 'school']);
		expect([parent.dimensions, parent.higherAtFollowup, parent.belowNormAtFollowup]).toEqual([2, 2, 2]);
	});

	it('runs a paired t-test per dimension and adjusts within each informant (Holm)', async () => {
		const [child, parent] = summariseKidscreen(await kidscreenData(db.engine, DEFAULT_FILTERS));
		// child physical: d = 2, 2, −1, 3, 1; mean 1,4; Σ(d − d̄)² = 9,2; s = √2,3; t = 1,4 / (s/√5).
		const t1 = 1.4 / Math.sqrt(2.3 / 5);
		expect(child.rows[0].statistic).toBeCloseTo(t1, 10);
		const p1 = 2 * tUpperTail(t1, 4);
		expect(child.rows[0].pValue).toBeCloseTo(p1, 10);
		// child school: d = −1, 0, −1, 0, −2; mean −0,8; Σ(d − d̄)² = 2,8; t = −0,8 / √(0,7/5).
		const t2 = -0.8 / Math.sqrt(0.7 / 5);
		const p2 = 2 * tUpperTail(Math.abs(t2), 4);
		expect(child.rows[1].pValue).toBeCloseTo(p2, 10);
		// Cohen's d_z = mean / sd of the differences.
		expect(child.rows[0].effectSize).toBeCloseTo(1.4 / Math.sqrt(2.3), 10);
		// Holm over the child's two p-values only.
		const [lo, hi] = [Math.min(p1, p2), Math.max(p1, p2)];
		const holm = [Math.min(1, 2 * lo), Math.min(1, Math.max(2 * lo, hi))];
		expect(child.rows[p1 < p2 ? 0 : 1].pAdjusted).toBeCloseTo(holm[0], 10);
		expect(child.rows[p1 < p2 ? 1 : 0].pAdjusted).toBeCloseTo(holm[1], 10);
		// Parents: school changed by exactly +1 for everyone, so no t; physical is a family of one.
		expect(parent.rows[1].pValue).toBeNaN();
		expect(parent.rows[1].note).toMatch(/constant/);
		expect(parent.rows[0].pAdjusted).toBeCloseTo(parent.rows[0].pValue, 12);
		// parent physical: d = 1, −1, 2, 0, 3; mean 1; Σ(d − d̄)² = 10; t = 1 / √(2,5/5).
		expect(parent.rows[0].statistic).toBeCloseTo(1 / Math.sqrt(0.5), 10);
	});

	it('compares with the norm only when every score is a Rasch T-score', async () => {
		const data = await kidscreenData(db.engine, DEFAULT_FILTERS);
		data.pairs.parent = data.pairs.parent.map((p, i) => (i === 0 ? { ...p, scoring_method: 'item_mean' } : p));
		const [child, parent] = summariseKidscreen(data);
		expect(child.tScores).toBe(true);
		expect(parent.tScores).toBe(false);
		expect(parent.belowNormAtFollowup).toBe(0);
	});

	it('applies the shared filters', async () => {
		const women = summariseKidscreen(await kidscreenData(db.engine, { ...DEFAULT_FILTERS, sex: 'F' }));
		expect(women[0].respondents).toBe(3);
		expect(women[0].rows[0].followupMean).toBeCloseTo((42 + 49 + 61) / 3, 12);
		const none = summariseKidscreen(await kidscreenData(db.engine, { ...DEFAULT_FILTERS, to: '2019-08' }));
		expect(none.map((s) => s.rows.length)).toEqual([0, 0]);
	});
});
