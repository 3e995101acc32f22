/**
 * Attack tests: every selection of both cohorts that the release plan shows,
 * on the pilot data and on a small national dataset, checked by brute force
 * for groups of 1–4 people that subtraction would give away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatasetEngine, openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { smallNationalDir } from '../../../helpers/national';
import { selectionPlan, checkSelection } from '../../../../src/lib/privacy/release/runtime';
import { audit, peel } from '../../../../src/lib/privacy/release/audit';
import type { SelectionPlan } from '../../../../src/lib/privacy/release/plan';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';
import { familyPlan } from '../../../../src/lib/privacy/release/runtime';
import { FAMILIES } from '../../../../src/lib/outcomes/families';

function recoveries(plan: SelectionPlan, shown: (i: number) => boolean) {
	const cells = plan.space.selections.map((s, i) => ({ key: s.key, row: 'people', members: s.members, shown: shown(i) }));
	return audit(cells, plan.space.constraints, plan.min);
}

for (const [name, open] of [
	['pilot', () => openPilotEngine()],
	['national (800 participants)', () => openDatasetEngine(smallNationalDir())]
] as const) {
	describe(`selection space, ${name}`, () => {
		let db: TestEngine;
		beforeAll(async () => {
			db = await open();
		});
		afterAll(() => db?.close());

		for (const cohort of ['child', 'adult'] as const) {
			it(`${cohort}: showing every selection of 5 or more gives groups away; the plan's selections give none`, async () => {
				const plan = await selectionPlan(db.engine, cohort);
				const naive = recoveries(plan, (i) => plan.space.selections[i].members.count() >= plan.min);
				const released = recoveries(plan, (i) => plan.cells[i].reason === null);
				const selectionCells = plan.space.selections.map((s, i) => ({ key: s.key, row: 'people', members: s.members, shown: plan.cells[i].reason === null }));
				expect(peel(selectionCells, plan.space.constraints)).toEqual([]);
				const shown = plan.cells.filter((c) => c.reason === null).length;
				console.log(
					`${name} ${cohort}: ${plan.space.selections.length} selections, ${plan.cells.filter((c) => c.n >= plan.min).length} of 5+ people (${naive.length} recoveries), ${shown} shown (${released.length} recoveries)`
				);
				expect(naive.length).toBeGreaterThan(0);
				expect(released).toEqual([]);
				// The cohort as a whole is always shown: its published figures stay exact.
				expect(checkSelection(plan, { ...DEFAULT_FILTERS, cohort })).toMatchObject({ ok: true });
			});

			it(`${cohort}: no table family's shown cells give a group of 1–4 away, across selections or against totals`, async () => {
				const lines: string[] = [];
				for (const source of FAMILIES[cohort]) {
					const fp = await familyPlan(db.engine, cohort, source);
					const cells = fp.cells.map((c) => ({ key: `${c.selection}/${c.row}`, row: c.row, twin: `${c.row}|${c.selection.slice(c.selection.lastIndexOf('|') + 1)}`, members: c.members, shown: c.reason === null, pinned: c.pinned, selection: c.selection }));
					const found = audit(cells, fp.constraints, 5);
					// No hidden cell follows by adding and subtracting shown cells, however many steps.
					const derived = peel(cells, fp.constraints);
					expect(derived, `${source.id}: hidden cells that follow from shown ones`).toEqual([]);
					const inShown = fp.cells.filter((c) => c.reason !== 'selection');
					lines.push(`${source.id}: ${inShown.length} cells in shown selections, ${inShown.filter((c) => c.reason !== null).length} hidden, ${found.length} recoveries`);
					expect(found, source.id).toEqual([]);
				}
				console.log(`${name} ${cohort}\n  ${lines.join('\n  ')}`);
			});
		}
	});
}

describe('selection checks', () => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openPilotEngine();
	});
	afterAll(() => db?.close());

	it('refuses lists of municipalities and free month ranges: the space is closed', async () => {
		const plan = await selectionPlan(db.engine, 'child');
		expect(checkSelection(plan, { ...DEFAULT_FILTERS, municipalities: ['TALSI_N', 'LIEPAJA_C'] })).toMatchObject({ ok: false, reason: 'outside' });
		expect(checkSelection(plan, { ...DEFAULT_FILTERS, from: '2018-11', to: '2019-02' })).toMatchObject({ ok: false, reason: 'outside' });
	});

	it('the Balvi girls of the issue cannot be had by Latgale girls minus Rēzekne girls', async () => {
		const plan = await selectionPlan(db.engine, 'child');
		const latgale = checkSelection(plan, { ...DEFAULT_FILTERS, region: 'Latgale', sex: 'F' });
		const rezekne = checkSelection(plan, { ...DEFAULT_FILTERS, municipalities: ['REZEKNE_C'], sex: 'F' });
		expect(latgale.ok && rezekne.ok).toBe(false);
	});
});
