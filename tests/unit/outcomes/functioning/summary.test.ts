import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { sfkData } from '../../../../src/lib/outcomes/functioning/query';
import { summariseFunctioning } from '../../../../src/lib/outcomes/functioning/summary';
import { functioningFindings, functioningReading } from '../../../../src/lib/outcomes/functioning/reading';
import type { PairedComparison } from '../../../../src/lib/outcomes/paired/compare';

const plain = (xs: string[]) => xs.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));
const child: Filters = { ...DEFAULT_FILTERS, cohort: 'child' };

let db: TestEngine;
beforeAll(async () => {
	db = await openPilotEngine();
});
afterAll(async () => {
	await db?.close();
});

describe('report findings on the pilot data (published figures)', () => {
	it('SFK: 47 children with positive change; limitations decreased in 9 domains', async () => {
		const s = summariseFunctioning(await sfkData(db.engine, child));
		const f = plain(functioningFindings('en', s));
		expect(f[0]).toBe('47 of 102 children (46%) showed positive change in functioning: improved in at least one domain and worse in none.');
		expect(f[1]).toBe('A further 10 children improved in one domain and worsened in another; 6 only worsened; 39 did not change.');
		expect(f[2]).toBe('Activity limitations decreased (more children improved than worsened) in 9 of 9 domains.');
		expect(f[3]).toMatch(/^(Statistically significant improvement \(Wilcoxon test, Holm correction\) in \d of 9 domains: d\d .+|In no domain .+)\.$/);
		expect(plain(functioningFindings('lv', s))[0]).toMatch(/^47 no 102 bērniem \(46%\) bija pozitīvas/);
	});
});

describe('SFK reading of a domain', () => {
	const row = (over: Partial<PairedComparison>): PairedComparison => ({
		dimension_code: 'd1', name_lv: 'Mācīšanās', name_en: 'Learning', higher_is_better: false,
		n: 30, baselineMean: 2, followupMean: 1.8, meanChange: -0.2, medianChange: 0, improved: 9, unchanged: 20, worse: 1,
		test: 'wilcoxon', statistic: 5, pValue: 0.01, pAdjusted: 0.02, adjust: 'holm', effectSize: -0.8, note: null, ...over
	});

	it('takes the direction from improved against worse, as the shared ordinal reading does', () => {
		expect(plain([functioningReading('en', row({}))])[0]).toBe('Improvement: 9 improved, 1 worse (n = 30; p = 0.020, Holm correction).');
		// An effect size of the other sign does not turn the reading round.
		expect(functioningReading('en', row({ effectSize: 0.3 }))).toMatch(/^Improvement:/);
		expect(functioningReading('en', row({ improved: 1, worse: 9, effectSize: -0.3 }))).toMatch(/^Deterioration: 9 worse, 1 improved/);
	});

	it('says no evidence at or above the significance level, and no test without change', () => {
		expect(functioningReading('en', row({ pAdjusted: 0.05 }))).toMatch(/^No convincing evidence of change: 9 improved, 1 worse/);
		expect(functioningReading('en', row({ pValue: NaN, pAdjusted: NaN }))).toBe('No test possible: none of the 30 changed.');
	});
});
