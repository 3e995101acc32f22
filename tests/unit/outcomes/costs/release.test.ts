import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { releasedResult } from '../../../../src/lib/privacy/release/runtime';
import type { ReleaseContext } from '../../../../src/lib/privacy/release/context';
import { costData } from '../../../../src/lib/outcomes/costs/query';
import { COST_FAMILY, COST_FAMILY_ID } from '../../../../src/lib/outcomes/costs/family';
import { costFindings, costMonthRows, releaseCosts, type CostData, type ReleasedCosts } from '../../../../src/lib/outcomes/costs/summary';

/** A release context that hides the given rows of the cost family. */
function hiding(...rows: string[]): ReleaseContext {
	const hidden = (family: string, row: string) => (family === COST_FAMILY_ID && rows.includes(row) ? ('secondary' as const) : null);
	return { selection: 'test', n: 10, hidden, shown: (f, r) => hidden(f, r) === null };
}

const row = (r: CostData['table']['rows'][number]['row'], cost: number, participants: number, shares = true) => ({
	row: r,
	cost_eur: cost,
	units: 10,
	participants,
	eur_per_unit: cost / 10,
	eur_per_participant: cost / participants,
	eur_per_participant_month: cost / participants / 12,
	share_cost: shares ? cost / 1000 : null,
	share_participants: shares ? participants / 10 : null,
	share_per_participant: shares ? 0.5 : null
});

const data: CostData = {
	table: {
		rows: [row('other', 100, 1), row('social', 900, 10), row('total', 1000, 10), row('total_with_overheads', 1500, 10, false)],
		divisor: 12,
		divisorSource: 'reporting_months',
		mixedDivisor: false,
		overheadsOmitted: null,
		overheadsByKind: [{ kind: 'municipal_admin', cost_eur: 500 }],
		programmes: []
	},
	months: [
		{ month: '2019-01', cost_eur: 40, participants: 2 },
		{ month: '2019-02', cost_eur: 960, participants: 10 }
	]
};

const FIGURES = ['cost_eur', 'units', 'participants', 'eur_per_unit', 'eur_per_participant', 'eur_per_participant_month', 'share_cost', 'share_participants', 'share_per_participant'] as const;

describe('releaseCosts (pure)', () => {
	it('sets every figure of a hidden group to null and keeps the rest exact', () => {
		const r = releaseCosts(data, hiding('other', '2019-01'));
		const other = r.table.rows.find((x) => x.row === 'other')!;
		for (const k of FIGURES) expect(other[k], k).toBeNull();
		expect(other.hidden).toBe(true);
		expect(r.table.rows.find((x) => x.row === 'social')).toEqual({ ...data.table.rows[1], hidden: false });
		expect(r.table.rows.find((x) => x.row === 'total')).toEqual({ ...data.table.rows[2], hidden: false });
		expect(r.months).toEqual([
			{ month: '2019-01', cost_eur: null, participants: null, hidden: true },
			{ ...data.months[1], hidden: false }
		]);
		expect(r.anyHidden).toBe(true);
		// The hidden month has no cost per person served either.
		expect(costMonthRows('en', r.months)[0].per).toBeNull();
		// Not the data: the input is left as it was.
		expect(data.table.rows[0].cost_eur).toBe(100);
	});

	it('hides the total with overheads with the total, and every share that rests on the total', () => {
		const r = releaseCosts(data, hiding('total'));
		const pick = (k: string) => r.table.rows.find((x) => x.row === k)!;
		for (const k of FIGURES) {
			expect(pick('total')[k], k).toBeNull();
			expect(pick('total_with_overheads')[k], k).toBeNull();
		}
		expect(pick('social')).toMatchObject({ cost_eur: 900, participants: 10, share_cost: null, share_participants: null, share_per_participant: null, hidden: false });
		// No findings without the total; the divisor and overheads are not person data and stay.
		expect(costFindings('en', 'child', r.table)).toEqual([]);
		expect(r.table.divisor).toBe(12);
	});

	it('shows everything where nothing is hidden', () => {
		const r: ReleasedCosts = releaseCosts(data, hiding());
		expect(r.anyHidden).toBe(false);
		expect(r.table.rows.map(({ hidden, ...x }) => (expect(hidden).toBe(false), x))).toEqual(data.table.rows);
	});
});

describe('released costs on the pilot data', () => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openPilotEngine();
	});
	afterAll(() => db?.close());
	const spec = { run: costData, families: [COST_FAMILY], release: releaseCosts };
	const released = async (f: Filters) => {
		const r = await releasedResult(db.engine, f, spec);
		if (!('value' in r)) throw new Error(`blocked: ${JSON.stringify(r.blocked)}`);
		return r.value;
	};

	it('keeps the published cohort tables exact: nothing is hidden at cohort level', async () => {
		for (const cohort of ['child', 'adult'] as const) {
			const f = { ...DEFAULT_FILTERS, cohort };
			const raw = await costData(db.engine, f);
			const r = await released(f);
			expect(r.anyHidden, cohort).toBe(false);
			expect(r.table.rows).toEqual(raw.table.rows.map((x) => ({ ...x, hidden: false })));
			expect(r.months).toEqual(raw.months.map((m) => ({ ...m, hidden: false })));
		}
	});

	it('/costs?mun=TALSI_N: the one child\u2019s "other services" and the next smallest group are hidden, the total stays', async () => {
		const f = { ...DEFAULT_FILTERS, municipalities: ['TALSI_N'] };
		const raw = await costData(db.engine, f);
		const r = await released(f);
		const pick = (k: string) => r.table.rows.find((x) => x.row === k)!;
		expect(raw.table.rows.find((x) => x.row === 'other')!.participants).toBe(1);
		expect(pick('other').cost_eur).toBeNull();
		// Total minus the shown groups would give "other" away: a second group goes too.
		expect(pick('education')).toMatchObject({ cost_eur: null, participants: null, hidden: true });
		expect(pick('total')).toMatchObject({ participants: 10, hidden: false });
		expect(pick('total').cost_eur).toBe(raw.table.rows.find((x) => x.row === 'total')!.cost_eur);
		expect(pick('social').hidden || pick('health').hidden).toBe(false);
		// The report names no largest group while a group is hidden.
		expect(costFindings('en', 'child', r.table)).toHaveLength(2);
	});
});
