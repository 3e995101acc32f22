import { describe, it, expect } from 'vitest';
import {
	suppressLinked,
	suppressCounts,
	suppressNested,
	disclosable,
	suppressStatistic,
	suppressShare
} from '../../../src/lib/privacy/suppression';

/** Every additive relation must have zero or at least two hidden cells. */
function noSingleHidden(hidden: boolean[], groups: number[][]) {
	for (const g of groups) expect(g.filter((i) => hidden[i]).length, `group ${g}`).not.toBe(1);
}

describe('suppressCounts (two-way table with margins)', () => {
	it('needs no suppression when every count is at least 5', () => {
		const s = suppressCounts([
			[5, 7],
			[6, 12]
		]);
		expect(s.cells).toEqual([
			[null, null],
			[null, null]
		]);
		expect(s.rowTotals).toEqual([null, null]);
		expect(s.colTotals).toEqual([null, null]);
		expect(s.grandTotal).toBeNull();
		expect(s.totals).toEqual({ rows: [12, 18], cols: [11, 19], grand: 30 });
	});

	it('hides a small cell and the cells that would give it away', () => {
		// 3 | 7 | 10
		// 6 | 9 | 15
		// 9 |16 | 25
		const s = suppressCounts([
			[3, 7],
			[6, 9]
		]);
		// 3 < 5: primary. Row 1: 7 = 10 − 3 → hide 7. Column 1: 6 = 9 − 3 → hide 6.
		// Column 2 now has only 7 hidden: 9 = 16 − 7 → hide 9. Now every row and column has two hidden cells.
		expect(s.cells).toEqual([
			['primary', 'secondary'],
			['secondary', 'secondary']
		]);
		expect([s.rowTotals, s.colTotals, s.grandTotal]).toEqual([[null, null], [null, null], null]);
	});

	it('picks the next smallest cell in the row and column, not any cell', () => {
		// 2 | 20 |  8 | 30
		// 9 | 11 | 30 | 50
		// 7 | 12 | 40 | 59
		const s = suppressCounts([
			[2, 20, 8],
			[9, 11, 30],
			[7, 12, 40]
		]);
		// Row 1: smallest other cell is 8 (not 20). Column 1: smallest other is 7 (not 9).
		// Column 3: 8 alone → its smallest other is 30 (row 2)… row 2: 30 alone → smallest other 9;
		// row 3: 7 alone → 12; column 1: 2, 7, 9 hidden; column 2: 12 alone → 11; row 2: 9, 11, 30 hidden.
		expect(s.cells).toEqual([
			['primary', null, 'secondary'],
			['secondary', 'secondary', 'secondary'],
			['secondary', 'secondary', null]
		]);
		const hidden = s.cells.flat().map((r) => r !== null);
		noSingleHidden(hidden, [
			[0, 1, 2],
			[3, 4, 5],
			[6, 7, 8],
			[0, 3, 6],
			[1, 4, 7],
			[2, 5, 8]
		]);
	});

	it('hides a small total, and then the part or total it could be derived from', () => {
		// 1 | 2 | 3   ← row total 3 < 5
		// 8 | 9 | 17
		const s = suppressCounts([
			[1, 2],
			[8, 9]
		]);
		expect(s.cells[0]).toEqual(['primary', 'primary']);
		expect(s.rowTotals[0]).toBe('primary');
		// Columns: 1 = 9 − 8 and 2 = 11 − 9 would reveal them → 8 and 9 hidden.
		expect(s.cells[1]).toEqual(['secondary', 'secondary']);
		// Grand total relation over row totals: 3 hidden alone → hide 17 too.
		expect(s.rowTotals[1]).toBe('secondary');
		expect(s.grandTotal).toBeNull();
		expect(s.colTotals).toEqual([null, null]);
	});

	it('takes the threshold as an option and treats zeros as configured', () => {
		expect(suppressCounts([[6, 8]], { min: 10 }).cells).toEqual([['primary', 'primary']]);
		expect(suppressCounts([[0, 8], [6, 7]]).cells[0][0]).toBe('primary');
		expect(suppressCounts([[0, 8], [6, 7]], { suppressZero: false }).cells).toEqual([
			[null, null],
			[null, null]
		]);
	});

	it('rejects malformed tables', () => {
		expect(() => suppressCounts([[1, 2], [3]])).toThrow(RangeError);
		expect(() => suppressCounts([[-1, 2]])).toThrow(RangeError);
	});
});

describe('suppressLinked', () => {
	it('works on any additive relations and keeps forced cells hidden', () => {
		expect(suppressLinked([2, 8, 10], [{ total: 2, parts: [0, 1] }])).toEqual(['primary', 'secondary', null]);
		expect(suppressLinked([6, 8, 14], [{ total: 2, parts: [0, 1] }])).toEqual([null, null, null]);
		expect(suppressLinked([6, 8, 14], [{ total: 2, parts: [0, 1] }], { forced: [1] })).toEqual(['secondary', 'secondary', null]);
	});

	it('hides the total when no part is left to hide', () => {
		// A one-part sum: the total equals the part.
		expect(suppressLinked([3, 3], [{ total: 1, parts: [0] }])).toEqual(['primary', 'primary']);
		expect(suppressLinked([7, 7], [{ total: 1, parts: [0] }], { forced: [0] })).toEqual(['secondary', 'secondary']);
	});
});

describe('suppressNested (municipalities within regions)', () => {
	const region = (counts: Record<string, number>, parent = 'R') =>
		Object.entries(counts).map(([id, n]) => ({ id, parent, counts: [n] }));

	it('needs no suppression when all municipalities have 5 or more', () => {
		const s = suppressNested([{ id: 'R', parent: null, counts: [32] }, ...region({ A: 10, B: 11, C: 11 })]);
		expect([...s.cells.values()].flat()).toEqual([null, null, null, null]);
	});

	it('hides the next smallest municipality so the region subtotal does not give a small one away', () => {
		const s = suppressNested([{ id: 'R', parent: null, counts: [33] }, ...region({ A: 3, B: 11, C: 10, D: 9 })]);
		expect(s.cells.get('A')).toEqual(['primary']);
		expect(s.cells.get('D')).toEqual(['secondary']);
		expect(s.cells.get('B')).toEqual([null]);
		expect(s.cells.get('C')).toEqual([null]);
		expect(s.cells.get('R')).toEqual([null]);
	});

	it('handles a region with one municipality through the regions of the country', () => {
		// Country T = R1 (A 3) + R2 (B 10, C 12) + R3 (D 11, E 6)
		const s = suppressNested([
			{ id: 'T', parent: null, counts: [42] },
			{ id: 'R1', parent: 'T', counts: [3] },
			{ id: 'R2', parent: 'T', counts: [22] },
			{ id: 'R3', parent: 'T', counts: [17] },
			...region({ A: 3 }, 'R1'),
			...region({ B: 10, C: 12 }, 'R2'),
			...region({ D: 11, E: 6 }, 'R3')
		]);
		const r = (id: string) => s.cells.get(id)![0];
		expect(r('A')).toBe('primary');
		expect(r('R1')).toBe('primary'); // the region total is 3 as well
		// T − R2 − R3 would give R1 → the smallest other region (R3, 17) goes;
		// R3 = D + E would give it back → the smaller of D and E (E, 6) goes; then D = R3 − E… D alone
		// in R3's sum with E hidden and R3 hidden: two hidden, fine.
		expect(r('R3')).toBe('secondary');
		expect(r('E')).toBe('secondary');
		expect([r('T'), r('R2'), r('B'), r('C'), r('D')]).toEqual([null, null, null, null, null]);
	});

	it('suppresses two-column rows (improved / not improved) across rows and columns', () => {
		// R: 12 improved, 16 not; A 2/6, B 5/5, C 5/5
		const s = suppressNested([
			{ id: 'R', parent: null, counts: [12, 16] },
			{ id: 'A', parent: 'R', counts: [2, 6] },
			{ id: 'B', parent: 'R', counts: [5, 5] },
			{ id: 'C', parent: 'R', counts: [5, 5] }
		]);
		// A improved 2 < 5; A not (6) = 8 − 2 would reveal it; B improved (tie with C, first) = 12 − 2 − 5.
		expect(s.cells.get('A')).toEqual(['primary', 'secondary']);
		expect(s.cells.get('B')).toEqual(['secondary', 'secondary']);
		expect(s.cells.get('C')).toEqual([null, null]);
		expect(s.cells.get('R')).toEqual([null, null]);
		expect(s.totals.get('A')).toBeNull();
		expect(s.totals.get('B')).toBeNull();
	});

	it('hides forced rows whole and protects them in their region', () => {
		const s = suppressNested([{ id: 'R', parent: null, counts: [31] }, ...region({ A: 10, B: 11, C: 10 })], { forced: ['C'] });
		expect(s.cells.get('C')).toEqual(['secondary']);
		expect(s.cells.get('A')).toEqual(['secondary']);
		expect(s.cells.get('B')).toEqual([null]);
	});

	it('checks that subtotals add up', () => {
		expect(() => suppressNested([{ id: 'R', parent: null, counts: [30] }, ...region({ A: 10, B: 11 })])).toThrow(/add up/);
		expect(() => suppressNested([{ id: 'A', parent: 'X', counts: [1] }])).toThrow(/unknown parent/);
	});
});

describe('derived statistics', () => {
	it('shows a statistic only when its groups are large enough', () => {
		expect(disclosable([12, 7])).toBe(true);
		expect(disclosable([12, 4])).toBe(false);
		expect(disclosable([10], 11)).toBe(false);
		expect(suppressStatistic(7944.48, [97])).toBe(7944.48);
		expect(suppressStatistic(1234.5, [3])).toBeNull();
		expect(suppressStatistic(null, [30])).toBeNull();
	});

	it('suppresses a share when the numerator, denominator or complement is small', () => {
		expect(suppressShare(6, 12)).toBe(0.5);
		expect(suppressShare(4, 12)).toBeNull();
		expect(suppressShare(9, 10)).toBeNull();
		expect(suppressShare(9, 10, { complement: false })).toBe(0.9);
		expect(suppressShare(3, 4, { complement: false })).toBeNull();
		expect(suppressShare(0, 0)).toBeNull();
		expect(suppressShare(5, 10, { min: 10 })).toBeNull();
	});
});
