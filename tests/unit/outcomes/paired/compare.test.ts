import { describe, it, expect } from 'vitest';
import { comparePaired, type PairedObservation } from '../../../../src/lib/outcomes/paired/compare';

const dims = [
	{ dimension_code: 'a', name_lv: 'A', name_en: 'A', higher_is_better: true },
	{ dimension_code: 'b', name_lv: 'B', name_en: 'B', higher_is_better: false },
	{ dimension_code: 'c', name_lv: 'C', name_en: 'C', higher_is_better: true }
];

function obs(code: string, pairs: [number, number][]): PairedObservation[] {
	return pairs.map(([b, f], i) => ({ dimension_code: code, participant_id: `P${i}`, baseline: b, followup: f }));
}

describe('comparePaired', () => {
	// R's sleep data: extra for drug 2 (follow-up) and drug 1 (baseline).
	// t.test(d2, d1, paired = TRUE): t = 4.062128, df = 9, p = 0.002832890
	const d1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
	const d2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

	it('runs the paired t-test on follow-up − baseline and counts improved/unchanged/worse', () => {
		const [a] = comparePaired(obs('a', d1.map((b, i) => [b, d2[i]])), dims, { test: 'paired_t' });
		expect(a.n).toBe(10);
		expect(a.statistic).toBeCloseTo(4.062128, 5);
		expect(a.pValue).toBeCloseTo(0.00283289, 7);
		expect(a.meanChange).toBeCloseTo(1.58, 12);
		expect([a.improved, a.unchanged, a.worse]).toEqual([9, 1, 0]);
		expect(a.pAdjusted).toBeCloseTo(a.pValue, 12); // a family of one
	});

	it('treats a fall as improvement where lower is better (ICF qualifiers) and adjusts p together (Holm)', () => {
		const rows = comparePaired(
			[
				...obs('a', d1.map((b, i) => [b, d2[i]])),
				...obs('b', [[3, 2], [3, 2], [2, 1], [4, 2], [2, 2], [1, 2], [3, 1], [2, 1]])
			],
			dims,
			{ test: 'wilcoxon' }
		);
		const b = rows.find((r) => r.dimension_code === 'b')!;
		expect([b.improved, b.unchanged, b.worse]).toEqual([6, 1, 1]);
		const ps = rows.map((r) => r.pValue);
		const sorted = [...ps].sort((x, y) => x - y);
		// Holm with two tests: smallest × 2, then max(that, largest × 1).
		const expected = [Math.min(1, sorted[0] * 2), Math.min(1, Math.max(sorted[0] * 2, sorted[1]))];
		expect(rows.map((r) => r.pAdjusted).sort((x, y) => x - y)).toEqual(expected);
		expect(rows.map((r) => r.dimension_code)).toEqual(['a', 'b']);
	});

	it('reports why a test could not be run instead of a number', () => {
		const [c] = comparePaired(obs('c', [[1, 1], [2, 2], [3, 3]]), dims, { test: 'wilcoxon' });
		expect(c.pValue).toBeNaN();
		expect(c.note).toMatch(/zero|differences/i);
		expect(c.unchanged).toBe(3);
	});

	it('gives the sign test an effect of (improved − worse) / changed', () => {
		const [a] = comparePaired(obs('a', [[1, 2], [1, 2], [1, 2], [2, 1], [1, 1]]), dims, { test: 'sign' });
		expect(a.statistic).toBe(3);
		expect(a.effectSize).toBeCloseTo(0.5, 12);
		expect(a.pValue).toBeCloseTo(0.625, 12); // binom.test(3, 4)
	});
});
