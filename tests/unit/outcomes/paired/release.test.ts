import { describe, it, expect } from 'vitest';
import type { PairedComparison } from '../../../../src/lib/outcomes/paired/compare';
import { adjustReleased, releaseComparison, releaseComparisons, releasedRows, anyHidden } from '../../../../src/lib/outcomes/paired/release';
import { pairedConstraints, pairedRows } from '../../../../src/lib/outcomes/paired/family';
import { pairedReading } from '../../../../src/lib/outcomes/paired/reading';
import type { ReleaseContext } from '../../../../src/lib/privacy/release/context';
import { pAdjust } from '../../../../src/lib/stats/index';

/** A context that hides the given rows of one family and shows everything else. */
function hiding(family: string, rows: string[]): ReleaseContext {
	const hidden = (f: string, r: string) => (f === family && rows.includes(r) ? ('secondary' as const) : null);
	return { selection: 'test', n: 100, hidden, shown: (f, r) => hidden(f, r) === null };
}

const row = (code: string, pValue: number, extra: Partial<PairedComparison> = {}): PairedComparison => ({
	dimension_code: code, name_lv: code, name_en: code, higher_is_better: true,
	n: 20, baselineMean: 40, followupMean: 42, meanChange: 2, medianChange: 2,
	improved: 12, unchanged: 3, worse: 5, test: 'paired_t', statistic: 2.1, pValue,
	pAdjusted: NaN, adjust: 'holm', effectSize: 0.5, note: null, ...extra
});

describe('paired results through the release path', () => {
	it('declares a row per dimension, its improved / unchanged / worse, and the respondents; each dimension the union of its three', () => {
		const rows = pairedRows(['a', 'b']);
		expect(rows).toEqual(['respondents', 'd:a', 'd:a:improved', 'd:a:unchanged', 'd:a:worse', 'd:b', 'd:b:improved', 'd:b:unchanged', 'd:b:worse']);
		expect(pairedConstraints(rows)).toEqual([
			{ total: 'd:a', parts: ['d:a:improved', 'd:a:unchanged', 'd:a:worse'] },
			{ total: 'd:b', parts: ['d:b:improved', 'd:b:unchanged', 'd:b:worse'] }
		]);
	});

	it('a hidden dimension keeps its name only: every figure null, its reading "–"', () => {
		const r = releaseComparison(row('a', 0.01), hiding('f', ['d:a']), 'f');
		expect(r).toMatchObject({ dimension_code: 'a', name_en: 'a', n: null, baselineMean: null, followupMean: null, meanChange: null, improved: null, unchanged: null, worse: null, statistic: null, pValue: null, pAdjusted: null, effectSize: null });
		expect(pairedReading('en', r)).toBe('–');
		expect(releasedRows([r])).toEqual([]);
		expect(anyHidden([r])).toBe(true);
	});

	it('a hidden count is null alone under a t-test; under a sign or rank test the test goes with it', () => {
		const ctx = hiding('f', ['d:a:unchanged', 'd:a:worse']);
		const t = releaseComparison(row('a', 0.01), ctx, 'f');
		expect([t.n, t.improved, t.unchanged, t.worse, t.pValue, t.meanChange]).toEqual([20, 12, null, null, 0.01, 2]);
		const sign = releaseComparison(row('a', 0.01, { test: 'sign' }), ctx, 'f');
		expect([sign.n, sign.improved, sign.worse, sign.statistic, sign.pValue, sign.effectSize]).toEqual([20, 12, null, null, null, null]);
		expect(pairedReading('en', sign)).toBe('–');
	});

	it('adjusts over the released tests only; nothing hidden gives the p-values of comparePaired', () => {
		const rows = [row('a', 0.01), row('b', 0.04), row('c', 0.03), row('d', NaN)];
		const all = releaseComparisons(rows, hiding('f', []), 'f', 'holm');
		const holm = pAdjust([0.01, 0.04, 0.03], 'holm');
		expect(all.map((r) => r.pAdjusted)).toEqual([...holm, NaN]);
		const some = releaseComparisons(rows, hiding('f', ['d:b']), 'f', 'holm');
		const holm2 = pAdjust([0.01, 0.03], 'holm');
		expect(some.map((r) => r.pAdjusted)).toEqual([holm2[0], null, holm2[1], NaN]);
		// Another method re-adjusts the same released p-values, the hidden stays hidden.
		const bh = adjustReleased(some, 'BH');
		expect(bh.map((r) => r.pAdjusted)).toEqual([...pAdjust([0.01, 0.03], 'BH').slice(0, 1), null, pAdjust([0.01, 0.03], 'BH')[1], NaN]);
		expect(bh.every((r) => r.adjust === 'BH')).toBe(true);
	});
});
