import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { fqolsData } from '../../../../src/lib/outcomes/fqols/query';
import { summariseFqols } from '../../../../src/lib/outcomes/fqols/summary';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';
import { tUpperTail } from '../../../../src/lib/stats/index';

// Five families P1..P5 (odd ids F), subscale means (1–5) [baseline, follow-up]:
// emotional_wellbeing  3→4 3→4 3→4 3→4 3→4,5   d = 1, 1, 1, 1, 1,5: mean 1,1; Σ(d − d̄)² = 0,2; t = 1,1/√(0,05/5) = 11
// parenting            3→3,5 4→3,5 3→3 4→4 3→3,5   d = 0,5, −0,5, 0, 0, 0,5: mean 0,1; Σ(d − d̄)² = 0,7; t = 0,1/√(0,175/5)
const FQ: [string, number[], number[]][] = [
	['emotional_wellbeing', [3, 3, 3, 3, 3], [4, 4, 4, 4, 4.5]],
	['parenting', [3, 4, 3, 4, 3], [3.5, 3.5, 3, 4, 3.5]]
];

let db: TinyDb;

beforeAll(async () => {
	const rows = FQ.flatMap(([d, b, f]) =>
		b.flatMap((x, i) => [
			`('P${i + 1}', 'fqols', 'family', 'baseline', DATE '2018-09-10', '${d}', ${x}, 'item_mean')`,
			`('P${i + 1}', 'fqols', 'family', 'followup', DATE '2019-09-10', '${d}', ${f[i]}, 'item_mean')`
		])
	);
	db = await tinyDb(
		`INSERT INTO municipalities VALUES ('M1', 'Pirmā', 'First', 'Zemgale')`,
		participantsSql(5),
		`CREATE TABLE instrument_dimensions (instrument VARCHAR, dimension_code VARCHAR, sort_order INTEGER, name_lv VARCHAR, name_en VARCHAR,
			items INTEGER, higher_is_better BOOLEAN, scale_min DOUBLE, scale_max DOUBLE, scoring_method VARCHAR)`,
		`CREATE TABLE assessments (participant_id VARCHAR, instrument VARCHAR, informant VARCHAR, wave VARCHAR, assessed_on DATE,
			dimension_code VARCHAR, score DOUBLE, scoring_method VARCHAR)`,
		`INSERT INTO instrument_dimensions VALUES
			('fqols', 'parenting', 2, 'Bērnu audzināšana', 'Parenting', 6, true, 1, 5, 'item_mean'),
			('fqols', 'emotional_wellbeing', 3, 'Emocionālā labklājība', 'Emotional well-being', 4, true, 1, 5, 'item_mean')`,
		`INSERT INTO assessments VALUES ${rows.join(',\n')}`
	);
});
afterAll(() => db?.close());

describe('FQOLS', () => {
	it('runs paired t-tests per subscale, Holm-adjusted, and names the significant ones', async () => {
		const s = summariseFqols(await fqolsData(db.engine, DEFAULT_FILTERS));
		expect(s.families).toBe(5);
		expect(s.rows.map((r) => r.dimension_code)).toEqual(['parenting', 'emotional_wellbeing']); // display order
		const [par, emo] = s.rows;
		expect(emo.meanChange).toBeCloseTo(1.1, 12);
		expect(emo.statistic).toBeCloseTo(11, 10);
		expect(par.statistic).toBeCloseTo(0.1 / Math.sqrt(0.035), 10);
		const pe = 2 * tUpperTail(11, 4);
		const pp = 2 * tUpperTail(0.1 / Math.sqrt(0.035), 4);
		expect(emo.pValue).toBeCloseTo(pe, 12);
		expect(par.pValue).toBeCloseTo(pp, 10);
		// Holm over two: the smaller doubled, the larger max(itself, that).
		expect(emo.pAdjusted).toBeCloseTo(2 * pe, 12);
		expect(par.pAdjusted).toBeCloseTo(Math.max(pp, 2 * pe), 10);
		expect(s.rose).toBe(2);
		expect(s.significant).toEqual(['emotional_wellbeing']);
		expect(emo.improved).toBe(5);
		expect([par.improved, par.unchanged, par.worse]).toEqual([2, 2, 1]);
	});

	it('applies the shared filters', async () => {
		// F: P1, P3, P5: parenting d = 0,5, 0, 0,5
		const s = summariseFqols(await fqolsData(db.engine, { ...DEFAULT_FILTERS, sex: 'F' }));
		expect(s.families).toBe(3);
		expect(s.rows[0].meanChange).toBeCloseTo(1 / 3, 12);
		const adults = summariseFqols(await fqolsData(db.engine, { ...DEFAULT_FILTERS, cohort: 'adult' }));
		expect(adults.families).toBe(0);
	});
});
