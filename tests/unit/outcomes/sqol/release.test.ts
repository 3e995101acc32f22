import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { sqolData } from '../../../../src/lib/outcomes/sqol/query';
import { aspectRow, NET_POSITIVE_ROW, NOT_NET_POSITIVE_ROW, PERSONS_ROW, SQOL_FAMILY, SQOL_FAMILY_ID, sqolConstraints, sqolRows } from '../../../../src/lib/outcomes/sqol/family';
import { releaseSqol, readjustSqol, summariseSqol, sqolFindings, sqolBars, sqolShownAspects } from '../../../../src/lib/outcomes/sqol/summary';
import { pAdjust } from '../../../../src/lib/stats/index';
import { filtersOf, plansFor, type Plans } from '../paired/release-helpers';

const adult: Filters = { ...DEFAULT_FILTERS, cohort: 'adult' };
let db: TestEngine;
let plans: Plans;
beforeAll(async () => {
	db = await openPilotEngine();
	plans = await plansFor(db.engine, 'adult', [SQOL_FAMILY]);
});
afterAll(() => db?.close());

describe('SQoL through the release path', () => {
	it('declares per aspect its raters, better / not better / same / worse, with "not better" = same ∪ worse first', () => {
		const rows = sqolRows(['x']);
		expect(rows).toEqual(['persons', 'net_positive', 'not_net_positive', 'a:x', 'a:x:better', 'a:x:not_better', 'a:x:same', 'a:x:worse']);
		expect(sqolConstraints(rows)).toEqual([
			{ total: 'persons', parts: ['net_positive', 'not_net_positive'] },
			{ total: 'a:x:not_better', parts: ['a:x:same', 'a:x:worse'] },
			{ total: 'a:x', parts: ['a:x:better', 'a:x:not_better'] },
			{ total: 'a:x', parts: ['a:x:better', 'a:x:same', 'a:x:worse'] }
		]);
	});

	it('the adults as a whole (pilot): every n and share better exact; a worse of 1–4 is hidden with its same, and so is its sign test', async () => {
		const data = await sqolData(db.engine, adult);
		const raw = summariseSqol(data);
		const released = releaseSqol(data, plans.context(plans.shown[0]));
		expect([released.persons, released.netPositive, released.netPositiveShare]).toEqual([97, 81, 81 / 97]);
		expect(released.aspects.map((a) => [a.dimension_code, a.n, a.better, a.betterShare])).toEqual(raw.aspects.map((a) => [a.dimension_code, a.n, a.better, a.betterShare]));
		// Worse: life overall 1, independence 2, psychological state 3, financial situation 4 people.
		const hidden = released.aspects.filter((a) => a.worse === null).map((a) => a.dimension_code);
		expect(hidden.sort()).toEqual(['financial_situation', 'independence', 'life_overall', 'psychological_state']);
		for (const a of released.aspects) {
			const r = raw.aspects.find((x) => x.dimension_code === a.dimension_code)!;
			if (hidden.includes(a.dimension_code)) {
				// better − worse over better + worse would give the hidden worse away (82 better: 0,98 ⇒ 1 worse).
				expect([a.same, a.sameShare, a.worse, a.worseShare, a.pValue, a.pAdjusted, a.effectSize]).toEqual([null, null, null, null, null, null, null]);
			} else {
				expect([a.same, a.worse, a.pValue, a.effectSize]).toEqual([r.same, r.worse, r.pValue, r.effectSize]);
			}
		}
		// Holm over the nine released tests only.
		const tested = released.aspects.filter((a) => a.pValue !== null);
		expect(tested.map((a) => a.pAdjusted)).toEqual(pAdjust(tested.map((a) => a.pValue!), 'holm'));
		expect(readjustSqol(released, 'BH').aspects.filter((a) => a.pValue !== null).map((a) => a.pAdjusted)).toEqual(pAdjust(tested.map((a) => a.pValue!), 'BH'));
		// The published findings stay: 9 of 13 above 50%, 85% / 71% … 36% / 35%, 84% (81 of 97).
		const plain = (xs: string[]) => xs.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));
		const f = plain(sqolFindings('en', released));
		expect(f.slice(0, 3)).toEqual(plain(sqolFindings('en', raw)).slice(0, 3));
		expect(f[0]).toBe('In 9 of 13 life aspects more than half of respondents reported a change for the better.');
		expect(f[3]).toBe('Sign test (Holm correction): significantly more improved than worsened in 9 of 9 aspects.');
		// The chart stacks from the left: better alone where same and worse are hidden.
		const bars = sqolBars('en', released.aspects);
		expect(bars.filter((b) => b.domain === 'Changes in your life overall').map((b) => [b.level, b.count])).toEqual([['better', 82]]);
		expect(bars.filter((b) => b.domain === 'Changes in your leisure').map((b) => b.level)).toEqual(['better', 'same', 'worse']);
	});

	it('in every shown selection: the plan decides each figure, on the same ratings the view counts', async () => {
		let hiddenAspects = 0;
		for (const sel of plans.shown) {
			const data = await sqolData(db.engine, filtersOf('adult', sel));
			const raw = summariseSqol(data);
			const released = releaseSqol(data, plans.context(sel));
			const cell = (row: string) => plans.cell(SQOL_FAMILY_ID, sel, row);
			expect([cell(PERSONS_ROW).n, cell(NET_POSITIVE_ROW).n, cell(NOT_NET_POSITIVE_ROW).n], sel.key).toEqual([raw.persons, raw.netPositive, raw.persons - raw.netPositive]);
			expect(released.persons).toBe(cell(PERSONS_ROW).reason === null ? raw.persons : null);
			expect(released.netPositive).toBe(cell(NET_POSITIVE_ROW).reason === null ? raw.netPositive : null);
			for (const r of raw.aspects) {
				const a = released.aspects.find((x) => x.dimension_code === r.dimension_code)!;
				const total = cell(aspectRow(r.dimension_code));
				expect([total.n, ...(['better', 'same', 'worse'] as const).map((k) => cell(aspectRow(r.dimension_code, k)).n)], `${sel.key} ${r.dimension_code}`).toEqual([r.n, r.better, r.same, r.worse]);
				expect(cell(aspectRow(r.dimension_code, 'not_better')).n).toBe(r.same + r.worse);
				if (total.reason !== null) {
					hiddenAspects++;
					expect([a.n, a.better, a.same, a.worse, a.betterShare, a.pValue]).toEqual([null, null, null, null, null, null]);
					continue;
				}
				expect(a.n).toBe(r.n);
				for (const k of ['better', 'same', 'worse'] as const) expect(a[k]).toBe(cell(aspectRow(r.dimension_code, k)).reason === null ? r[k] : null);
				const tested = a.better !== null && a.same !== null && a.worse !== null;
				expect(a.pValue).toBe(tested ? r.pValue : null);
				expect(a.effectSize).toBe(tested ? r.effectSize : null);
			}
			// Ordered by the released share better only (hidden last), and counted over it.
			const shares = released.aspects.map((a) => a.betterShare ?? -1);
			expect(shares).toEqual([...shares].sort((x, y) => y - x));
			expect(released.majorityImproved).toBe(sqolShownAspects(released).filter((a) => a.betterShare > 0.5).length);
		}
		expect(hiddenAspects).toBeGreaterThan(0);
	});
});
