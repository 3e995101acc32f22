import { describe, it, expect } from 'vitest';
import { pairedReading } from '../../../../src/lib/outcomes/paired/reading';
import type { PairedComparison } from '../../../../src/lib/outcomes/paired/compare';

const base: PairedComparison = {
	dimension_code: 'd1', name_lv: 'd1', name_en: 'd1', higher_is_better: false,
	n: 99, baselineMean: 1.5, followupMean: 1.2, meanChange: -0.3, medianChange: 0,
	improved: 24, unchanged: 73, worse: 2, test: 'wilcoxon', statistic: 40, pValue: 0.00001,
	pAdjusted: 0.00009, adjust: 'holm', effectSize: -0.85, note: null
};
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('pairedReading', () => {
	it('reads an ordinal improvement from the changes even when the median change is 0', () => {
		expect(plain(pairedReading('en', base))).toBe('Improved: 24 better, 2 worse of 99 (p < 0.001, Holm correction).');
		expect(plain(pairedReading('lv', base))).toBe('Uzlabojums: uzlabojās 24, pasliktinājās 2 no 99 (p < 0,001, Holma korekcija).');
	});

	it('reads a t-test from the mean change and the direction of the scale', () => {
		const kidscreen = { ...base, higher_is_better: true, test: 'paired_t' as const, meanChange: 2.34, pAdjusted: 0.012 };
		expect(plain(pairedReading('en', kidscreen))).toBe('Improved: on average 2.3 (n = 99; p = 0.012, Holm correction).');
		expect(plain(pairedReading('en', { ...kidscreen, meanChange: -2.34 }))).toMatch(/^Worsened: on average 2.3/);
	});

	it('says no convincing evidence above 0.05, and never gives p without n', () => {
		const r = pairedReading('en', { ...base, pAdjusted: 0.2 });
		expect(plain(r)).toBe('No convincing evidence of change (n = 99; p = 0.200, Holm correction).');
		expect(pairedReading('en', { ...base, pValue: NaN, pAdjusted: NaN })).toBe('Cannot be tested: none of the 99 changed.');
	});
});
