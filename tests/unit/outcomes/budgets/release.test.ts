import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { releasedResult } from '../../../../src/lib/privacy/release/runtime';
import type { ReleaseContext } from '../../../../src/lib/privacy/release/context';
import { budgetSummary } from '../../../../src/lib/outcomes/budgets/query';
import { BUDGET_FAMILY } from '../../../../src/lib/outcomes/budgets/family';
import { BUDGET_FAMILY_ID, releaseBudgets, summariseBudgets, utilisationRows, type BudgetSummary } from '../../../../src/lib/outcomes/budgets/summary';

function hiding(...rows: string[]): ReleaseContext {
	const hidden = (family: string, row: string) => (family === BUDGET_FAMILY_ID && rows.includes(row) ? ('primary' as const) : null);
	return { selection: 'test', n: 10, hidden, shown: (f, r) => hidden(f, r) === null };
}

// Spent / indicative: 0,1 (bin 0) ×5, 0,95 (bin 4) ×5; spent / agreed: 0,2 ×5 and 1,2 (over 100%) ×5.
const s: BudgetSummary = summariseBudgets(
	Array.from({ length: 10 }, (_, i) => ({
		participant_id: `P${i}`,
		months: 12,
		indicative_eur: 1000,
		agreed_eur: i < 5 ? 500 : 791.67,
		spent_eur: i < 5 ? 100 : 950
	}))
);

describe('releaseBudgets (pure)', () => {
	it('sets a hidden bin to null, and the "spent above agreed" note with the last agreed bin', () => {
		expect(s.bins.map((b) => b.vsAgreed)).toEqual([5, 0, 0, 0, 0, 5]);
		expect(s.spentAboveAgreed).toBe(5);
		const r = releaseBudgets(s, hiding('agreed:5', 'indicative:0'));
		expect(r.bins.map((b) => b.vsAgreed)).toEqual([5, 0, 0, 0, 0, null]);
		expect(r.bins.map((b) => b.vsIndicative)).toEqual([null, 0, 0, 0, 5, 0]);
		expect(r.spentAboveAgreed).toBeNull();
		expect(r.anyHidden).toBe(true);
		// The amounts rest on the budget people, who are shown.
		expect(r.n).toBe(10);
		expect(r.amounts).toEqual(s.amounts);
		expect(utilisationRows('en', r).map((x) => x.vsAgreed)).toEqual([5, 0, 0, 0, 0, null]);
	});

	it('hides the amounts, medians, n and months with the budget people', () => {
		const r = releaseBudgets(s, hiding('budget'));
		expect(r).toMatchObject({ n: null, months: null, medianSpentOfIndicative: null, medianSpentOfAgreed: null, medianAgreedOfIndicative: null, budgetHidden: true });
		for (const a of r.amounts) expect([a.total, a.mean, a.median, a.perMonth]).toEqual([null, null, null, null]);
		// The bins are rows of their own.
		expect(r.bins.map((b) => b.vsIndicative)).toEqual([5, 0, 0, 0, 5, 0]);
	});
});

describe('released budgets on the pilot data', () => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openPilotEngine();
	});
	afterAll(() => db?.close());
	const released = async (f: Filters) => {
		const r = await releasedResult(db.engine, f, { run: budgetSummary, families: [BUDGET_FAMILY], release: releaseBudgets });
		if (!('value' in r)) throw new Error(`blocked: ${JSON.stringify(r.blocked)}`);
		return r.value;
	};

	it('keeps the cohort figures exact (the bins the rules hide are of 1–4 people, or the next smallest bin)', async () => {
		const child = await released(DEFAULT_FILTERS);
		const rawChild = await budgetSummary(db.engine, DEFAULT_FILTERS);
		expect(child.anyHidden).toBe(false);
		expect(child.amounts).toEqual(rawChild.amounts);
		expect(child.bins).toEqual(rawChild.bins);
		expect(child.amounts[1].total).toBe(714_258);

		const adultF = { ...DEFAULT_FILTERS, cohort: 'adult' as const };
		const adult = await released(adultF);
		const rawAdult = await budgetSummary(db.engine, adultF);
		expect(adult.n).toBe(97);
		expect(adult.amounts).toEqual(rawAdult.amounts);
		expect(adult.amounts[1].total).toBe(1_144_001);
		expect(adult.medianSpentOfAgreed).toBe(rawAdult.medianSpentOfAgreed);
		expect(adult.bins.map((b) => b.vsIndicative)).toEqual(rawAdult.bins.map((b) => b.vsIndicative));
		// 4 adults spent under 25% of the agreed amount: hidden, and the next smallest non-empty bin (9) with it.
		expect(rawAdult.bins.map((b) => b.vsAgreed)).toEqual([4, 20, 43, 21, 9, 0]);
		expect(adult.bins.map((b) => b.vsAgreed)).toEqual([null, 20, 43, 21, null, 0]);
	});

	it('hides a municipality\u2019s small bins (the issue\u2019s budget-use bins)', async () => {
		const f = { ...DEFAULT_FILTERS, municipalities: ['TALSI_N'] };
		const raw = await budgetSummary(db.engine, f);
		const r = await released(f);
		expect(raw.bins[3].vsIndicative).toBe(4);
		expect(r.bins[3].vsIndicative).toBeNull();
		// 10 − the shown bins would give the 4 away: the 6 of the next bin are hidden too.
		expect(r.bins[4].vsIndicative).toBeNull();
		expect(r.n).toBe(10);
	});
});
