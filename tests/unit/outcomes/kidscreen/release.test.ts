import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';
import { kidscreenData, KIDSCREEN_INFORMANTS } from '../../../../src/lib/outcomes/kidscreen/query';
import { KIDSCREEN_FAMILIES, KIDSCREEN_FAMILY_ID } from '../../../../src/lib/outcomes/kidscreen/family';
import { releaseKidscreen, readjustKidscreen, summariseKidscreen, kidscreenFindings } from '../../../../src/lib/outcomes/kidscreen/summary';
import { dimensionRow, RESPONDENTS_ROW } from '../../../../src/lib/outcomes/paired/family';
import { filtersOf, plansFor, type Plans } from '../paired/release-helpers';

let db: TestEngine;
let plans: Plans;
beforeAll(async () => {
	db = await openPilotEngine();
	plans = await plansFor(db.engine, 'child', KIDSCREEN_FAMILIES);
});
afterAll(() => db?.close());

const FIGURES = ['n', 'baselineMean', 'followupMean', 'meanChange', 'statistic', 'pValue', 'pAdjusted', 'effectSize'] as const;

describe('KIDSCREEN-52 through the release path (pilot)', () => {
	it('the cohort as a whole: every dimension, mean, test and adjusted p exact; only the counts of 1–4 children and their complement hidden', async () => {
		const data = await kidscreenData(db.engine, DEFAULT_FILTERS);
		const raw = summariseKidscreen(data);
		const released = releaseKidscreen(data, plans.context(plans.shown[0]));
		expect(plans.shown[0].key).toBe('all|all|all|all');
		for (const [i, s] of released.entries()) {
			expect(s.respondents).toBe(57);
			expect(s.rows).toHaveLength(10);
			for (const [j, r] of s.rows.entries()) for (const k of FIGURES) expect(r[k], `${s.informant} ${r.dimension_code} ${k}`).toBe(raw[i].rows[j][k]);
			expect([s.dimensions, s.higherAtFollowup, s.belowNormAtFollowup, s.tScores]).toEqual([raw[i].dimensions, raw[i].higherAtFollowup, raw[i].belowNormAtFollowup, raw[i].tScores]);
		}
		// One child (self-perception: 33 improved, 1 unchanged, 23 worse) and one parent (physical: 26, 1, 30) scored exactly the
		// same twice: that count of 1 is hidden, and with it the smaller other count, or n minus the shown counts would give the 1 away.
		const hidden = released.flatMap((s) => s.rows.flatMap((r) => (['improved', 'unchanged', 'worse'] as const).filter((k) => r[k] === null).map((k) => `${s.informant}/${r.dimension_code}/${k}`)));
		expect(hidden).toEqual(['child/self_perception/unchanged', 'child/self_perception/worse', 'parent/physical/improved', 'parent/physical/unchanged']);
		// The published findings, from the released figures.
		expect(kidscreenFindings('en', released)).toEqual(kidscreenFindings('en', raw));
		expect(readjustKidscreen(released, 'BH').map((s) => s.rows.map((r) => r.pAdjusted))).toEqual(summariseKidscreen(data, { adjust: 'BH' }).map((s) => s.rows.map((r) => r.pAdjusted)));
	});

	it('in every shown selection: the plan decides each figure, on the same children the view counts', async () => {
		let hiddenDimensions = 0;
		for (const sel of plans.shown) {
			const data = await kidscreenData(db.engine, filtersOf('child', sel));
			const raw = summariseKidscreen(data);
			const released = releaseKidscreen(data, plans.context(sel));
			for (const [i, informant] of KIDSCREEN_INFORMANTS.entries()) {
				const family = KIDSCREEN_FAMILY_ID[informant];
				const where = `${sel.key} ${informant}`;
				// The family's contributors are the view's pairs.
				expect(plans.cell(family, sel, RESPONDENTS_ROW).n, where).toBe(raw[i].respondents);
				expect(released[i].respondents, where).toBe(plans.cell(family, sel, RESPONDENTS_ROW).reason === null ? raw[i].respondents : null);
				for (const [j, r] of raw[i].rows.entries()) {
					const cell = plans.cell(family, sel, dimensionRow(r.dimension_code));
					expect(cell.n, `${where} ${r.dimension_code}`).toBe(r.n);
					const out = released[i].rows[j];
					expect(out.dimension_code).toBe(r.dimension_code);
					if (cell.reason !== null) {
						hiddenDimensions++;
						for (const k of FIGURES) expect(out[k], `${where} ${r.dimension_code} ${k}`).toBeNull();
					} else {
						expect(cell.n).toBeGreaterThanOrEqual(5);
						expect([out.n, out.baselineMean, out.followupMean, out.meanChange, out.pValue]).toEqual([r.n, r.baselineMean, r.followupMean, r.meanChange, r.pValue]);
					}
					for (const k of ['improved', 'unchanged', 'worse'] as const) {
						const c = plans.cell(family, sel, dimensionRow(r.dimension_code, k));
						expect(c.n, `${where} ${r.dimension_code} ${k}`).toBe(r[k]);
						expect(out[k], `${where} ${r.dimension_code} ${k}`).toBe(c.reason === null && cell.reason === null ? r[k] : null);
					}
				}
			}
		}
		// Municipality-level selections do hide dimensions on the pilot.
		expect(hiddenDimensions).toBeGreaterThan(0);
	});
});
