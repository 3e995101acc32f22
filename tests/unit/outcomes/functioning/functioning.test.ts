import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import { sfkData } from '../../../../src/lib/outcomes/functioning/query';
import { summariseFunctioning } from '../../../../src/lib/outcomes/functioning/summary';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';
import { normalUpperTail } from '../../../../src/lib/stats/index';

// Children P1..P6 in M1 (odd ids F), P7 in M2 (F). ICF qualifiers, lower is better;
// 8 and 9 are not rated and leave the change counts.
//            d1        d2        d3
// P1        3→2 ↓     2→2       8→1 (not rated at baseline)
// P2        2→1 ↓     3→3       1→1
// P3        2→2       3→2 ↓     2→2
// P4        1→2 ↑     2→1 ↓     0→0      (improved in d2, worse in d1: mixed)
// P5        4→2 ↓     1→1       3→3
// P6        2→1 ↓     9→9 (n/a)
// P7        1→1       0→0                (no change; follow-up in October 2019)
// Positive change (improved somewhere, worse nowhere): P1, P2, P3, P5, P6 = 5.
const SFK: [string, string, number, number][] = [
	['P1', 'd1', 3, 2], ['P2', 'd1', 2, 1], ['P3', 'd1', 2, 2], ['P4', 'd1', 1, 2], ['P5', 'd1', 4, 2], ['P6', 'd1', 2, 1], ['P7', 'd1', 1, 1],
	['P1', 'd2', 2, 2], ['P2', 'd2', 3, 3], ['P3', 'd2', 3, 2], ['P4', 'd2', 2, 1], ['P5', 'd2', 1, 1], ['P6', 'd2', 9, 9], ['P7', 'd2', 0, 0],
	['P1', 'd3', 8, 1], ['P2', 'd3', 1, 1], ['P3', 'd3', 2, 2], ['P4', 'd3', 0, 0], ['P5', 'd3', 3, 3]
];

const ASSESSMENT_DDL = `
CREATE TABLE instrument_dimensions (instrument VARCHAR, dimension_code VARCHAR, sort_order INTEGER, name_lv VARCHAR, name_en VARCHAR,
	items INTEGER, higher_is_better BOOLEAN, scale_min DOUBLE, scale_max DOUBLE, scoring_method VARCHAR);
CREATE TABLE assessments (participant_id VARCHAR, instrument VARCHAR, informant VARCHAR, wave VARCHAR, assessed_on DATE,
	dimension_code VARCHAR, score DOUBLE, scoring_method VARCHAR)`;

let db: TinyDb;

beforeAll(async () => {
	const rows = SFK.flatMap(([p, d, b, f]) => [
		`('${p}', 'sfk', 'professional', 'baseline', DATE '2018-09-01', '${d}', ${b}, 'icf_qualifier')`,
		`('${p}', 'sfk', 'professional', 'followup', DATE '${p === 'P7' ? '2019-10-20' : '2019-09-15'}', '${d}', ${f}, 'icf_qualifier')`
	]);
	db = await tinyDb(
		`INSERT INTO municipalities VALUES ('M1', 'Pirmā', 'First', 'Zemgale'), ('M2', 'Otrā', 'Second', 'Kurzeme')`,
		participantsSql(6),
		`INSERT INTO participants VALUES ('P7', 'child', 'test', 'M2', 'F', 2010, 8, DATE '2018-10-01', DATE '2019-09-30')`,
		ASSESSMENT_DDL,
		`INSERT INTO instrument_dimensions VALUES
			('sfk', 'd2', 2, 'Uzdevumi', 'Tasks', NULL, false, 0, 4, 'icf_qualifier'),
			('sfk', 'd1', 1, 'Mācīšanās', 'Learning', NULL, false, 0, 4, 'icf_qualifier'),
			('sfk', 'd3', 3, 'Saziņa', 'Communication', NULL, false, 0, 4, 'icf_qualifier'),
			('fqols', 'parenting', 1, 'Audzināšana', 'Parenting', 6, true, 1, 5, 'item_mean')`,
		`INSERT INTO assessments VALUES ${rows.join(',\n')},
			('P1', 'fqols', 'family', 'baseline', DATE '2018-09-01', 'parenting', 3, 'item_mean'),
			('P1', 'fqols', 'family', 'followup', DATE '2019-09-15', 'parenting', 4, 'item_mean')`
	);
});
afterAll(() => db?.close());

describe('SFK functioning change', () => {
	it('counts children with positive change: improved in at least one domain, worse in none', async () => {
		const s = summariseFunctioning(await sfkData(db.engine, DEFAULT_FILTERS));
		expect(s.children).toEqual({ assessed: 7, positive: 5, improvedAny: 6, mixed: 1, onlyWorse: 0, noChange: 1 });
		expect(s.domainsNetImproved).toBe(2); // d1 (4 > 1) and d2 (2 > 0); d3 nobody changed
	});

	it('counts improved / unchanged / worse per domain, excluding 8 and 9', async () => {
		const s = summariseFunctioning(await sfkData(db.engine, DEFAULT_FILTERS));
		expect(s.comparisons.map((r) => [r.dimension_code, r.n, r.improved, r.unchanged, r.worse])).toEqual([
			['d1', 7, 4, 2, 1],
			['d2', 6, 2, 4, 0],
			['d3', 4, 0, 4, 0]
		]);
		expect(s.comparisons[0].name_en).toBe('Learning');
		expect(s.comparisons.every((r) => r.test === 'wilcoxon' && !r.higher_is_better)).toBe(true);
	});

	it('runs the paired Wilcoxon signed-rank test with ties (normal approximation) and adjusts by Holm or BH', async () => {
		const data = await sfkData(db.engine, DEFAULT_FILTERS);
		const [d1, d2, d3] = summariseFunctioning(data).comparisons;
		// d1 follow-up − baseline non-zero: −1, −1, +1, −2, −1 → |d| ranks 2.5 ×4, 5; V = 2.5.
		// E(V) = 5·6/4 = 7.5; Var = 5·6·11/24 − (4³ − 4)/48 = 12.5; z = (2.5 − 7.5 + 0.5)/√12.5.
		const p1 = 2 * normalUpperTail(4.5 / Math.sqrt(12.5));
		expect(d1.statistic).toBe(2.5);
		expect(d1.pValue).toBeCloseTo(p1, 10);
		expect(d1.pValue).toBeCloseTo(0.2031, 4);
		expect(d1.effectSize).toBeCloseTo((2.5 - 12.5) / 15, 12); // rank-biserial
		// d2: −1, −1 → V = 0; E = 1.5; Var = 2·3·5/24 − (2³ − 2)/48 = 1.125; z = (0 − 1.5 + 0.5)/√1.125.
		const p2 = 2 * normalUpperTail(1 / Math.sqrt(1.125));
		expect(d2.pValue).toBeCloseTo(p2, 10);
		// d3: nobody changed, so no test; it is left out of the adjustment.
		expect(d3.pValue).toBeNaN();
		expect(d3.note).toMatch(/zero/);
		// Holm over two p-values: min(1, max(2·p1, p2)) for both.
		expect(d1.pAdjusted).toBeCloseTo(Math.max(2 * p1, p2), 10);
		expect(d2.pAdjusted).toBeCloseTo(Math.max(2 * p1, p2), 10);
		// BH: p2 stays; p1 → min(2·p1, p2).
		const bh = summariseFunctioning(data, { adjust: 'BH' }).comparisons;
		expect(bh[1].pAdjusted).toBeCloseTo(p2, 10);
		expect(bh[0].pAdjusted).toBeCloseTo(Math.min(2 * p1, p2), 10);
		expect(bh[0].adjust).toBe('BH');
	});

	it('gives the qualifier distributions at both waves, 8/9 as their own category', async () => {
		const s = summariseFunctioning(await sfkData(db.engine, DEFAULT_FILTERS));
		const dist = (d: string, w: string) =>
			s.distribution.filter((x) => x.dimension_code === d && x.wave === w).map((x) => [x.qualifier, x.count]);
		expect(dist('d1', 'baseline')).toEqual([['0', 0], ['1', 2], ['2', 3], ['3', 1], ['4', 1], ['8/9', 0]]);
		expect(dist('d1', 'followup')).toEqual([['0', 0], ['1', 3], ['2', 4], ['3', 0], ['4', 0], ['8/9', 0]]);
		expect(dist('d2', 'baseline')).toEqual([['0', 1], ['1', 1], ['2', 2], ['3', 2], ['4', 0], ['8/9', 1]]);
		expect(dist('d3', 'baseline')).toEqual([['0', 1], ['1', 1], ['2', 1], ['3', 1], ['4', 0], ['8/9', 1]]);
		expect(s.assessedByDomain).toEqual({ d1: 7, d2: 7, d3: 5 });
		const d2two = s.distribution.find((x) => x.dimension_code === 'd2' && x.wave === 'baseline' && x.qualifier === '2')!;
		expect(d2two.share).toBeCloseTo(2 / 7, 12);
	});

	it('applies the shared filters, and the period to the follow-up date', async () => {
		const m2 = summariseFunctioning(await sfkData(db.engine, { ...DEFAULT_FILTERS, municipalities: ['M2'] }));
		expect(m2.children).toMatchObject({ assessed: 1, positive: 0, noChange: 1 });
		// F: P1, P3, P5, P7 → positive P1, P3, P5.
		const women = summariseFunctioning(await sfkData(db.engine, { ...DEFAULT_FILTERS, sex: 'F' }));
		expect(women.children).toMatchObject({ assessed: 4, positive: 3 });
		// Follow-ups up to September 2019 only: P7 (October) drops out.
		const sept = summariseFunctioning(await sfkData(db.engine, { ...DEFAULT_FILTERS, to: '2019-09' }));
		expect(sept.children).toMatchObject({ assessed: 6, positive: 5, noChange: 0 });
		const adults = summariseFunctioning(await sfkData(db.engine, { ...DEFAULT_FILTERS, cohort: 'adult' }));
		expect(adults.children.assessed).toBe(0);
		expect(adults.comparisons).toEqual([]);
	});

	it('binds a hostile municipality code as a value', async () => {
		const s = summariseFunctioning(await sfkData(db.engine, { ...DEFAULT_FILTERS, municipalities: ["M1') OR ('1'='1"] }));
		expect(s.children.assessed).toBe(0);
	});
});
