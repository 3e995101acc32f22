/**
 * SFK through the release path: a hidden row of the SFK family really becomes
 * null (and what rests on it with it); on the pilot the published
 * cohort-level figures stay exact; no released figure anywhere is 1–4
 * children; the family's contributors are the people the view's own query
 * counts; and no hidden cell follows from shown ones.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { familyPlan, releasedResult, selectionPlan } from '../../../../src/lib/privacy/release/runtime';
import type { ReleaseContext } from '../../../../src/lib/privacy/release/context';
import type { HiddenReason } from '../../../../src/lib/privacy/release/protect';
import type { Selection } from '../../../../src/lib/privacy/release/space';
import { audit, peel } from '../../../../src/lib/privacy/release/audit';
import { pAdjust } from '../../../../src/lib/stats/index';
import { sfkData, type SfkData } from '../../../../src/lib/outcomes/functioning/query';
import { SFK_FAMILY, SFK_FAMILY_ID, sfkRow } from '../../../../src/lib/outcomes/functioning/family';
import { releaseFunctioning, readjustFunctioning, summariseFunctioning, type ReleasedFunctioning } from '../../../../src/lib/outcomes/functioning/summary';
import { functioningFindings, functioningPairedRows } from '../../../../src/lib/outcomes/functioning/reading';
import { FUNCTIONING_VIEW } from '../../../../src/lib/outcomes/functioning/view';

const spec = FUNCTIONING_VIEW;

function filtersOf(s: Selection): Filters {
	return {
		...DEFAULT_FILTERS,
		cohort: 'child',
		municipalities: s.place.level === 'municipality' ? [s.place.code] : [],
		region: s.place.level === 'region' ? s.place.code : null,
		sex: s.sex,
		ageBand: s.ageBand,
		from: s.period.from,
		to: s.period.to
	};
}

/** Every count the views show (tables, headline, chart tooltips, sheets). */
function shownCounts(r: ReleasedFunctioning): { what: string; n: number | null }[] {
	const c = r.children;
	return [
		...(['assessed', 'positive', 'mixed', 'onlyWorse', 'noChange'] as const).map((k) => ({ what: `children.${k}`, n: c[k] })),
		...Object.entries(r.assessedByDomain).map(([d, n]) => ({ what: `${d} assessed`, n })),
		...r.distribution.map((q) => ({ what: `${q.dimension_code} ${q.wave} ${q.qualifier}`, n: q.count })),
		...r.comparisons.flatMap((x) => (['n', 'improved', 'unchanged', 'worse'] as const).map((k) => ({ what: `${x.dimension_code} ${k}`, n: x[k] })))
	];
}

let db: TestEngine;
beforeAll(async () => {
	db = await openPilotEngine();
});
afterAll(() => db?.close());

describe('SFK release on the pilot data', () => {
	it('keeps the published cohort-level figures exact', async () => {
		const r = await releasedResult(db.engine, DEFAULT_FILTERS, spec);
		if (!('value' in r)) throw new Error('cohort blocked');
		const s = r.value;
		// Published: 47 positive, 10 mixed, 6 only worse, 39 unchanged of 102.
		expect(s.children).toMatchObject({ assessed: 102, positive: 47, mixed: 10, onlyWorse: 6, noChange: 39 });
		// Published "best results": children improved per domain; and limitations decreased in all 9 domains.
		expect(Object.fromEntries(s.comparisons.map((x) => [x.dimension_code, x.improved]))).toEqual({ d1: 24, d2: 15, d3: 9, d4: 13, d5: 21, d6: 19, d7: 17, d8: 7, d9: 8 });
		expect(s.domainsNetImproved).toBe(9);
		expect(Object.values(s.assessedByDomain)).toEqual(Array(9).fill(102));
		const f = functioningFindings('en', s).map((x) => x.replace(/[\u00a0\u202f]/g, ' '));
		expect(f[0]).toBe('47 of 102 children (46%) showed positive change in functioning: improved in at least one domain and worse in none.');
		expect(f[2]).toBe('Activity limitations decreased (more children improved than worsened) in 9 of 9 domains.');
	});

	it('hides the cohort-level cells of 1–4 children and what would give them away', async () => {
		const r = await releasedResult(db.engine, DEFAULT_FILTERS, spec);
		if (!('value' in r)) throw new Error('cohort blocked');
		const s = r.value;
		const raw = summariseFunctioning(await sfkData(db.engine, DEFAULT_FILTERS));
		// 2–3 children worse in every domain: hidden, and "unchanged" with them (n − improved − unchanged = worse).
		expect(raw.comparisons.map((x) => x.worse)).toEqual([2, 2, 3, 2, 2, 2, 2, 3, 3]);
		expect(s.comparisons.every((x) => x.worse === null && x.unchanged === null)).toBe(true);
		// d1: 3 children with a code 8 at baseline; 102 assessed − 99 rated pairs would show them, so the 99 is hidden.
		const d1 = s.comparisons[0];
		expect(raw.comparisons[0].n).toBe(99);
		expect(d1.n).toBeNull();
		expect(s.distribution.find((q) => q.dimension_code === 'd1' && q.wave === 'baseline' && q.qualifier === '8/9')).toMatchObject({ count: null, share: null });
		// Rated pairs of d4 (102 = all assessed) stay; its test would give the hidden worse count away (V, mean change).
		const d4 = s.comparisons[3];
		expect(d4.n).toBe(102);
		expect([d4.statistic, d4.pValue, d4.pAdjusted, d4.effectSize, d4.baselineMean, d4.meanChange]).toEqual([null, null, null, null, null, null]);
		expect(functioningPairedRows('en', s)[3].reading).toBe('–');
		// No released test, so no "none significant" finding either.
		expect(functioningFindings('en', s)).toHaveLength(3);
	});

	it('gives no figure of 1–4 children in any shown selection, and counts the people the view counts', async () => {
		const plan = await selectionPlan(db.engine, 'child');
		const fp = await familyPlan(db.engine, 'child', SFK_FAMILY);
		let checked = 0;
		const shown = plan.cells.filter((c) => c.reason === null).length;
		for (const [i, sel] of plan.space.selections.entries()) {
			if (plan.cells[i].reason !== null) continue;
			const f = filtersOf(sel);
			const r = await releasedResult(db.engine, f, spec);
			if (!('value' in r)) throw new Error(`${sel.key} blocked`);
			for (const { what, n } of shownCounts(r.value)) {
				expect(n === null || n === 0 || n >= 5, `${sel.key}: ${what} = ${n}`).toBe(true);
			}
			// The contributor query and the view's query agree on every row's people.
			const raw = summariseFunctioning(await sfkData(db.engine, f));
			const n = (row: string) => fp.cell(sel.key, row)?.n;
			expect(n(sfkRow.children('assessed'))).toBe(raw.children.assessed);
			expect(n(sfkRow.children('onlyWorse'))).toBe(raw.children.onlyWorse);
			for (const x of raw.comparisons) {
				expect([n(sfkRow.rated(x.dimension_code)), n(sfkRow.rated(x.dimension_code, 'improved')), n(sfkRow.rated(x.dimension_code, 'worse'))]).toEqual([x.n, x.improved, x.worse]);
			}
			for (const q of raw.distribution) expect(n(sfkRow.qualifier(q.dimension_code, q.wave, q.qualifier)), `${sel.key} ${q.dimension_code}`).toBe(q.count);
			for (const [d, a] of Object.entries(raw.assessedByDomain)) expect(n(sfkRow.assessed(d))).toBe(a);
			checked++;
		}
		expect(checked).toBe(shown);
		expect(checked).toBeGreaterThan(20);
	});

	it('hides the issue\'s leaks: "only worse: 1 of 10" and the municipality cells of 1–4 children', async () => {
		const plan = await selectionPlan(db.engine, 'child');
		let small = 0;
		let onlyWorseSmall = 0;
		for (const [i, sel] of plan.space.selections.entries()) {
			if (plan.cells[i].reason !== null || sel.place.level !== 'municipality') continue;
			const f = filtersOf(sel);
			const raw = summariseFunctioning(await sfkData(db.engine, f));
			const r = await releasedResult(db.engine, f, spec);
			if (!('value' in r)) throw new Error(`${sel.key} blocked`);
			const rawCounts = shownCounts(raw);
			const out = shownCounts(r.value);
			rawCounts.forEach((x, k) => {
				if (x.n !== null && x.n > 0 && x.n < 5) {
					small++;
					expect(out[k].n, `${sel.key}: ${x.what}`).toBeNull();
				}
			});
			if (raw.children.onlyWorse > 0 && raw.children.onlyWorse < 5) onlyWorseSmall++;
		}
		expect(small).toBeGreaterThan(60);
		expect(onlyWorseSmall).toBeGreaterThan(0);
	});

	it('leaves no hidden cell that adding and subtracting shown ones would give', async () => {
		const fp = await familyPlan(db.engine, 'child', SFK_FAMILY);
		const cells = fp.cells.map((c) => ({ key: `${c.selection}/${c.row}`, row: c.row, twin: `${c.row}|${c.selection.slice(c.selection.lastIndexOf('|') + 1)}`, members: c.members, shown: c.reason === null }));
		expect(peel(cells, fp.constraints)).toEqual([]);
		expect(audit(cells, fp.constraints, 5)).toEqual([]);
	});
});

describe('releaseFunctioning (pure)', () => {
	let data: SfkData;
	beforeAll(async () => {
		data = await sfkData(db.engine, DEFAULT_FILTERS);
	});
	const ctxHiding = (hidden: Record<string, HiddenReason>): ReleaseContext => ({
		selection: 'all|all|all|all',
		n: 102,
		hidden: (family, row) => {
			if (family !== SFK_FAMILY_ID) throw new Error(family);
			return hidden[row] ?? null;
		},
		shown: (family, row) => family === SFK_FAMILY_ID && !(row in hidden)
	});

	it('with nothing hidden, is the summary itself', () => {
		const r = releaseFunctioning(data, ctxHiding({}));
		const s = summariseFunctioning(data);
		expect(r.children).toEqual(s.children);
		expect(r.comparisons).toEqual(s.comparisons);
		expect(r.distribution).toEqual(s.distribution);
		expect(r.domainsNetImproved).toBe(9);
		expect(readjustFunctioning(r, 'BH').comparisons).toEqual(summariseFunctioning(data, { adjust: 'BH' }).comparisons);
	});

	it('sets a hidden row null, with the test and means that rest on it, and adjusts over the released tests only', () => {
		const s = summariseFunctioning(data);
		// The domain with the largest p: leaving it out of Holm lowers the others' adjusted p.
		const far = [...s.comparisons].sort((a, b) => b.pValue - a.pValue)[0];
		const k = s.comparisons.indexOf(far);
		const r = releaseFunctioning(
			data,
			ctxHiding({
				[sfkRow.rated(far.dimension_code, 'worse')]: 'primary',
				[sfkRow.rated(far.dimension_code, 'unchanged')]: 'secondary',
				[sfkRow.children('mixed')]: 'secondary',
				[sfkRow.qualifier('d2', 'followup', '4')]: 'primary',
				[sfkRow.assessed('d3')]: 'secondary'
			})
		);
		const x = r.comparisons[k];
		expect([x.worse, x.unchanged, x.improved, x.n]).toEqual([null, null, far.improved, far.n]);
		expect([x.statistic, x.pValue, x.pAdjusted, x.effectSize, x.baselineMean, x.followupMean, x.meanChange, x.medianChange]).toEqual(Array(8).fill(null));
		// Holm over the 8 released tests, not the 9.
		const others = s.comparisons.filter((_, i) => i !== k);
		const holm8 = pAdjust(others.map((o) => o.pValue), 'holm');
		expect(r.comparisons.filter((_, i) => i !== k).map((o) => o.pAdjusted)).toEqual(holm8);
		expect(holm8).not.toEqual(others.map((o) => o.pAdjusted));
		expect(r.children).toMatchObject({ mixed: null, improvedAny: null, positive: 47 });
		expect(r.distribution.find((q) => q.dimension_code === 'd2' && q.wave === 'followup' && q.qualifier === '4')).toMatchObject({ count: null, share: null });
		// d3's n hidden: its shares are too (a share and its count would give the n).
		expect(r.assessedByDomain.d3).toBeNull();
		expect(r.distribution.filter((q) => q.dimension_code === 'd3').every((q) => q.share === null)).toBe(true);
		// Improved shown against a worse count hidden as too small (under 5): still "more improved".
		expect(far.improved).toBeGreaterThanOrEqual(5);
		expect(r.domainsNetImproved).toBe(9);
		// Hidden to protect another figure, a count may be anything: the direction is not told.
		expect(releaseFunctioning(data, ctxHiding({ [sfkRow.rated('d1', 'worse')]: 'secondary' })).domainsNetImproved).toBeNull();
	});
});
