import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';
import { fqolsData } from '../../../../src/lib/outcomes/fqols/query';
import { FQOLS_FAMILY, FQOLS_FAMILY_ID } from '../../../../src/lib/outcomes/fqols/family';
import { releaseFqols, readjustFqols, summariseFqols, fqolsFindings } from '../../../../src/lib/outcomes/fqols/summary';
import { dimensionRow, RESPONDENTS_ROW } from '../../../../src/lib/outcomes/paired/family';
import { filtersOf, plansFor, type Plans } from '../paired/release-helpers';
import { pAdjust } from '../../../../src/lib/stats/index';

let db: TestEngine;
let plans: Plans;
beforeAll(async () => {
	db = await openPilotEngine();
	plans = await plansFor(db.engine, 'child', [FQOLS_FAMILY]);
});
afterAll(() => db?.close());

const FIGURES = ['n', 'baselineMean', 'followupMean', 'meanChange', 'improved', 'unchanged', 'worse', 'statistic', 'pValue', 'pAdjusted', 'effectSize'] as const;

describe('FQOLS through the release path (pilot)', () => {
	it('the families as a whole: every figure exact (the smallest count is 18 families)', async () => {
		const data = await fqolsData(db.engine, DEFAULT_FILTERS);
		const raw = summariseFqols(data);
		const released = releaseFqols(data, plans.context(plans.shown[0]));
		expect(released.families).toBe(102);
		expect(released.rows).toHaveLength(5);
		for (const [j, r] of released.rows.entries()) for (const k of FIGURES) expect(r[k], `${r.dimension_code} ${k}`).toBe(raw.rows[j][k]);
		expect([released.rose, released.significant]).toEqual([raw.rose, raw.significant]);
		expect(fqolsFindings('en', released)).toEqual(fqolsFindings('en', raw));
		const bh = summariseFqols(data, { adjust: 'BH' });
		expect(readjustFqols(released, 'BH').rows.map((r) => r.pAdjusted)).toEqual(bh.rows.map((r) => r.pAdjusted));
	});

	it('in every shown selection: the plan decides each figure, on the same families the view counts', async () => {
		let hidden = 0;
		let hiddenCounts = 0;
		for (const sel of plans.shown) {
			const data = await fqolsData(db.engine, filtersOf('child', sel));
			const raw = summariseFqols(data);
			const released = releaseFqols(data, plans.context(sel));
			expect(plans.cell(FQOLS_FAMILY_ID, sel, RESPONDENTS_ROW).n, sel.key).toBe(raw.families);
			for (const [j, r] of raw.rows.entries()) {
				const cell = plans.cell(FQOLS_FAMILY_ID, sel, dimensionRow(r.dimension_code));
				expect(cell.n, `${sel.key} ${r.dimension_code}`).toBe(r.n);
				const out = released.rows[j];
				if (cell.reason !== null) {
					hidden++;
					for (const k of FIGURES) expect(out[k]).toBeNull();
				} else expect([out.n, out.followupMean, out.pValue]).toEqual([r.n, r.followupMean, r.pValue]);
				for (const k of ['improved', 'unchanged', 'worse'] as const) {
					const c = plans.cell(FQOLS_FAMILY_ID, sel, dimensionRow(r.dimension_code, k));
					expect(c.n, `${sel.key} ${r.dimension_code} ${k}`).toBe(r[k]);
					expect(out[k]).toBe(c.reason === null && cell.reason === null ? r[k] : null);
					if (out[k] === null) hiddenCounts++;
				}
			}
			// Only released subscales are counted or named.
			const shownCodes = released.rows.filter((r) => r.n !== null).map((r) => r.dimension_code);
			expect(released.significant.every((c) => shownCodes.includes(c))).toBe(true);
		}
		// Every family answered all five subscales, so a shown selection shows every subscale; its counts are hidden where small.
		expect(hidden).toBe(0);
		expect(hiddenCounts).toBeGreaterThan(0);
	});

	it('a hidden subscale becomes null, is not counted or named, and leaves the adjustment of the others', async () => {
		const data = await fqolsData(db.engine, DEFAULT_FILTERS);
		const ctx = plans.context(plans.shown[0]);
		const hiding = { ...ctx, hidden: (f: string, r: string) => (r === dimensionRow('emotional_wellbeing') ? ('secondary' as const) : ctx.hidden(f, r)) };
		const released = releaseFqols(data, { ...hiding, shown: (f, r) => hiding.hidden(f, r) === null });
		const emo = released.rows.find((r) => r.dimension_code === 'emotional_wellbeing')!;
		for (const k of FIGURES) expect(emo[k]).toBeNull();
		expect(released.significant).toEqual([]);
		expect(released.rose).toBe(4);
		const raw = summariseFqols(data);
		const others = raw.rows.filter((r) => r.dimension_code !== 'emotional_wellbeing');
		expect(released.rows.filter((r) => r.n !== null).map((r) => r.pAdjusted)).toEqual(pAdjust(others.map((r) => r.pValue), 'holm'));
		expect(fqolsFindings('en', released)[0]).toMatch(/^Family quality of life rose in 4 of 4 FQOLS subscales \(102 families\)\.$/);
	});
});
