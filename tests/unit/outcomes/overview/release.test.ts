/**
 * The overview through the release path: each cohort as its whole-cohort
 * selection, the people served and the costs with the cost table's total
 * row. On the pilot every figure is shown and exact; a hidden cost total
 * becomes null, and a cohort whose selection may not be shown is left out.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { tinyDb, participantsSql, type TinyDb } from '../../../helpers/tiny';
import type { ReleaseContext } from '../../../../src/lib/privacy/release/context';
import { familyPlan, selectionPlan } from '../../../../src/lib/privacy/release/runtime';
import { COST_FAMILY, COST_FAMILY_ID, TOTAL_ROW } from '../../../../src/lib/outcomes/costs/family';
import { overview, type CohortOverview } from '../../../../src/lib/outcomes/overview/query';
import { releasedOverview } from '../../../../src/lib/outcomes/overview/view';
import { overviewRows, releaseOverview } from '../../../../src/lib/outcomes/overview/summary';

describe('releaseOverview (pure)', () => {
	const c: CohortOverview = {
		cohort: 'child', programme: 'p', participants: 12, municipalities: 2, served: 11, enrolledFrom: '2018-10', exitedTo: '2019-09',
		firstServiceMonth: '2018-10', lastServiceMonth: '2019-09', serviceMonths: 12, serviceCost: 1000, overheadCost: 200, totalCost: 1200,
		municipalityNames: 'A, B', municipalityNamesEn: 'A, B'
	};
	const ctx = (hide: boolean): ReleaseContext => {
		const hidden = (f: string, r: string) => (hide && f === COST_FAMILY_ID && r === TOTAL_ROW ? ('primary' as const) : null);
		return { selection: 'all|all|all|all', n: 12, hidden, shown: (f, r) => hidden(f, r) === null };
	};

	it('keeps every figure when the cost total is shown', () => {
		expect(releaseOverview(c, ctx(false))).toEqual(c);
		expect(releaseOverview(null, ctx(false))).toBeNull();
	});

	it('a hidden cost total hides the people served, the service cost and the total with overheads', () => {
		const r = releaseOverview(c, ctx(true))!;
		expect([r.participants, r.served, r.serviceCost, r.totalCost]).toEqual([12, null, null, null]);
		const table = overviewRows('en', [r]);
		expect(table.find((x) => x.kind === 'eur')!.child).toBeNull();
	});
});

describe('the overview of the pilot, released', () => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openPilotEngine();
	});
	afterAll(() => db?.close());

	it('is the unreleased overview, figure for figure (102 and 103 participants, 704 953 € and 770 615 €)', async () => {
		const raw = await overview(db.engine);
		const out = await releasedOverview(db.engine);
		expect(out).toEqual(raw);
		expect(out.map((c) => [c.participants, Math.round(c.serviceCost!)])).toEqual([
			[102, 704953],
			[103, 770615]
		]);
	});

	it('the served figure is the cost table total row, and the participants the whole-cohort selection', async () => {
		const raw = await overview(db.engine);
		for (const c of raw) {
			const plan = await familyPlan(db.engine, c.cohort, COST_FAMILY);
			expect(plan.cell('all|all|all|all', TOTAL_ROW)).toEqual({ n: c.served, reason: null });
			const sel = await selectionPlan(db.engine, c.cohort);
			expect(sel.cells[sel.space.byKey.get('all|all|all|all')!]).toEqual({ n: c.participants, reason: null });
		}
	});
});

describe('the overview of a cohort too small to show', () => {
	let db: TinyDb;
	beforeAll(async () => {
		// Eight children and three adults: the adults' selection is hidden, their figures are left out.
		db = await tinyDb(
			`INSERT INTO municipalities VALUES ('M1', 'Pirmā', 'First', 'Zemgale')`,
			participantsSql(8),
			`INSERT INTO participants VALUES
				('A1', 'adult', 'test', 'M1', 'M', 1980, 38, DATE '2019-11-01', DATE '2021-01-31'),
				('A2', 'adult', 'test', 'M1', 'F', 1981, 37, DATE '2019-11-01', DATE '2021-01-31'),
				('A3', 'adult', 'test', 'M1', 'F', 1982, 36, DATE '2019-11-01', DATE '2021-01-31')`,
			`CREATE TABLE service_catalogue (service_code VARCHAR, cohort VARCHAR, service_group VARCHAR)`,
			`INSERT INTO service_catalogue VALUES ('S1', 'child', 'social'), ('S2', 'adult', 'social')`,
			`CREATE TABLE services (event_id VARCHAR, participant_id VARCHAR, service_code VARCHAR, month DATE, units DOUBLE, unit_price_eur DOUBLE, cost_eur DOUBLE)`,
			`INSERT INTO services SELECT 'e' || participant_id, participant_id, CASE cohort WHEN 'child' THEN 'S1' ELSE 'S2' END, DATE '2019-01-01', 1, 100, 100 FROM participants`,
			`CREATE TABLE overheads (programme VARCHAR, cohort VARCHAR, municipality_code VARCHAR, kind VARCHAR, cost_eur DOUBLE)`,
			`INSERT INTO overheads VALUES ('test', 'child', 'M1', 'admin', 50)`
		);
	});
	afterAll(() => db?.close());

	it('shows the children only', async () => {
		const out = await releasedOverview(db.engine);
		expect(out.map((c) => [c.cohort, c.participants, c.served, c.serviceCost, c.totalCost])).toEqual([['child', 8, 8, 800, 850]]);
		expect(overviewRows('en', out)[0]).toMatchObject({ child: 8, adult: null });
	});
});
