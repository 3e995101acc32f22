/**
 * The goals outcome through the release path: a row, level or GAS figure the
 * plan hides becomes null (and so does every shown figure it is the sum of);
 * on the pilot the children's published table stays exact, and of the
 * adults' only what a 3-person "not achieved" cell forces is hidden.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDatasetEngine, openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { smallNationalDir } from '../../../helpers/national';
import { familyPlan, releasedResult } from '../../../../src/lib/privacy/release/runtime';
import type { ReleaseContext } from '../../../../src/lib/privacy/release/context';
import { DEFAULT_FILTERS, type Cohort, type Filters } from '../../../../src/lib/filters/filters';
import { goalAttainment, gasRatings, type GoalDomainRow } from '../../../../src/lib/outcomes/goals/query';
import { GAS_FAMILY, GAS_FAMILY_ID, GOAL_FAMILY, GOAL_FAMILY_ID, goalTableConstraints } from '../../../../src/lib/outcomes/goals/family';
import {
	gasSentence,
	gasSummary,
	goalAttainmentBars,
	goalsFindings,
	goalsHidden,
	goalsSuppressed,
	releaseGas,
	releaseGoals
} from '../../../../src/lib/outcomes/goals/summary';

/** A release context that hides the given rows of the given family. */
function hiding(family: string, rows: string[]): ReleaseContext {
	const hidden = (f: string, r: string) => (f === family && rows.includes(r) ? ('secondary' as const) : null);
	return { selection: 'test', n: 10, hidden, shown: (f, r) => hidden(f, r) === null };
}

const row = (over: Partial<GoalDomainRow>): GoalDomainRow => ({
	domain_code: null, name_lv: null, name_en: null, participants: 10, goals: 20, achieved: 10, partly: 6, not_achieved: 4,
	score: 13, score_share: 0.65, achieved_share: 0.5, partly_share: 0.3, not_share: 0.2, ...over
});
const table = [row({ domain_code: 'C1', name_en: 'Family' }), row({ domain_code: 'C2', name_en: 'Child' }), row({ goals: 40, achieved: 20, partly: 12, not_achieved: 8, score: 26 })];
const figures = (r: ReturnType<typeof releaseGoals>[number]) => [r.participants, r.goals, r.achieved, r.partly, r.not_achieved, r.score, r.score_share];

describe('releaseGoals (pure)', () => {
	it('shows every figure when the plan hides nothing', () => {
		const out = releaseGoals(table, hiding(GOAL_FAMILY_ID, []));
		expect(out.map(figures)).toEqual(table.map((r) => [r.participants, r.goals, r.achieved, r.partly, r.not_achieved, r.score, r.score_share]));
		expect(goalsHidden(out)).toBe(false);
	});

	it('a hidden domain becomes null in every figure, its name stays', () => {
		const out = releaseGoals(table, hiding(GOAL_FAMILY_ID, ['C2']));
		expect(figures(out[1])).toEqual([null, null, null, null, null, null, null]);
		expect(out[1].name_en).toBe('Child');
		expect(figures(out[0])).toEqual([10, 20, 10, 6, 4, 13, 0.65]);
		expect(goalsHidden(out)).toBe(true);
	});

	it('a hidden level becomes null with its share, and the score goes with achieved or partly', () => {
		const not = releaseGoals(table, hiding(GOAL_FAMILY_ID, ['C1:not']))[0];
		expect([not.not_achieved, not.not_share, not.achieved, not.partly, not.score]).toEqual([null, null, 10, 6, 13]);
		// score = achieved + ½·partly: with partly hidden the score would give it away.
		const partly = releaseGoals(table, hiding(GOAL_FAMILY_ID, ['C1:partly']))[0];
		expect([partly.partly, partly.partly_share, partly.score, partly.score_share, partly.achieved]).toEqual([null, null, null, null, 10]);
		const achieved = releaseGoals(table, hiding(GOAL_FAMILY_ID, ['C1:achieved']))[0];
		expect([achieved.achieved, achieved.score, achieved.partly]).toEqual([null, null, 6]);
	});

	it('a hidden sum hides what it is the sum of: the rest its partly and not, a level total that level everywhere, the total all', () => {
		const rest = releaseGoals(table, hiding(GOAL_FAMILY_ID, ['C1:rest']))[0];
		expect([rest.achieved, rest.partly, rest.not_achieved, rest.score]).toEqual([10, null, null, null]);
		const notTotal = releaseGoals(table, hiding(GOAL_FAMILY_ID, ['total:not']));
		expect(notTotal.map((r) => r.not_achieved)).toEqual([null, null, null]);
		expect(notTotal.map((r) => r.partly)).toEqual([6, 6, 12]);
		const total = releaseGoals(table, hiding(GOAL_FAMILY_ID, ['total']));
		expect(total.flatMap(figures).every((v) => v === null)).toBe(true);
		expect(goalsSuppressed(total)).toBe(true);
	});

	it('charts and findings use only released figures', () => {
		const out = releaseGoals(table, hiding(GOAL_FAMILY_ID, ['C1:not', 'C2:partly']));
		const bars = goalAttainmentBars('en', out);
		expect(bars.map((b) => `${b.domain}/${b.level}`)).toEqual([
			'Family/achieved', 'Family/partly', 'Child/achieved', 'Child/not', 'All domains/achieved', 'All domains/partly', 'All domains/not'
		]);
		// C2's score is hidden: only one domain has a score, so no highest / lowest.
		expect(goalsFindings('en', out)).toHaveLength(2);
		expect(goalsFindings('en', releaseGoals(table, hiding(GOAL_FAMILY_ID, ['total'])))).toEqual([]);
	});

	it('declares the total as its domains, each row as achieved + rest, the rest as partly + not + open, each level over the domains', () => {
		const c = goalTableConstraints(['C1', 'C1:achieved', 'C1:rest', 'C1:partly', 'C1:not', 'C1:open', 'total', 'total:achieved', 'total:rest', 'total:partly', 'total:not', 'total:open']);
		expect(c).toContainEqual({ total: 'total', parts: ['C1'] });
		expect(c).toContainEqual({ total: 'C1', parts: ['C1:achieved', 'C1:rest'] });
		expect(c).toContainEqual({ total: 'C1:rest', parts: ['C1:partly', 'C1:not', 'C1:open'] });
		expect(c).toContainEqual({ total: 'total:rest', parts: ['C1:rest'] });
	});
});

describe('releaseGas (pure)', () => {
	const people = [
		{ rating_sum: 2, goals: 2, lowest: 0, highest: 2 },
		{ rating_sum: -1, goals: 1, lowest: -1, highest: -1 },
		{ rating_sum: 0, goals: 1, lowest: 0, highest: 0 }
	];

	it('shows the summary when the plan hides nothing; null without ratings', () => {
		expect(releaseGas(people, hiding(GAS_FAMILY_ID, []))).toEqual(gasSummary(people));
		expect(releaseGas([], hiding(GAS_FAMILY_ID, []))).toBeNull();
	});

	it('a hidden rated row hides the summary; a hidden T ≥ 50 row its count', () => {
		const rated = releaseGas(people, hiding(GAS_FAMILY_ID, ['rated']))!;
		expect(rated).toEqual({ n: null, mean: null, atOrAbove50: null });
		expect(gasSentence('en', rated)).toBeNull();
		const above = releaseGas(people, hiding(GAS_FAMILY_ID, ['at_or_above_50']))!;
		expect(above.atOrAbove50).toBeNull();
		expect(gasSentence('en', above)).toMatch(/^3 people have GAS ratings .*; – people have T ≥ 50\.$/);
	});
});

describe('goals through the release path, pilot data', () => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openPilotEngine();
	});
	afterAll(() => db?.close());

	const released = async (f: Filters) => {
		const r = await releasedResult(db.engine, f, { run: goalAttainment, families: [GOAL_FAMILY], release: releaseGoals });
		if (!('value' in r)) throw new Error(`blocked: ${r.blocked.reason}`);
		return r.value;
	};
	const child: Filters = { ...DEFAULT_FILTERS, cohort: 'child' };
	const adult: Filters = { ...DEFAULT_FILTERS, cohort: 'adult' };

	it("children: the published table is exact, every figure shown", async () => {
		const raw = await goalAttainment(db.engine, child);
		expect(await released(child)).toEqual(raw);
	});

	it('adults: the published table stays exact, leisure\'s 3 goals not achieved included (already public: pinned)', async () => {
		const raw = await goalAttainment(db.engine, adult);
		const out = await released(adult);
		// Leisure's "not achieved" rests on 3 people, but the pilot published it: the plan pins the
		// published whole-cohort cells as shown and protects every other selection against them.
		const fields = (r: { domain_code: string | null; goals: number | null; achieved: number | null; partly: number | null; not_achieved: number | null; score: number | null; score_share: number | null }) => [r.domain_code, r.goals, r.achieved, r.partly, r.not_achieved, r.score, r.score_share];
		expect(out.map(fields)).toEqual(raw.map(fields));
		for (const r of out) expect([r.partly, r.not_achieved, r.score]).not.toContain(null);
		const plan = await familyPlan(db.engine, 'adult', GOAL_FAMILY);
		expect(plan.cell('all|all|all|all', 'A3:not')).toEqual({ n: 3, reason: null });
		// Not in any smaller selection: there the 1–4 rule holds as everywhere.
		const women = plan.cell('all|F|all|all', 'A3:not');
		expect(women === undefined || women.n === 0 || women.n >= 5 || women.reason !== null).toBe(true);
	});

	it('a cell the plan hides in a municipality is null in what the view gets', async () => {
		const plan = await familyPlan(db.engine, 'child', GOAL_FAMILY);
		expect(plan.cell('m:LIEPAJA_C|all|all|all', 'total:not')).toMatchObject({ n: 1, reason: 'primary' });
		const total = (await released({ ...child, municipalities: ['LIEPAJA_C'] })).at(-1)!;
		expect(total.not_achieved).toBeNull();
		expect(total.goals).toBe(58);
	});

	it('a selection outside the plan is refused before any goal is queried', async () => {
		const r = await releasedResult(db.engine, { ...child, municipalities: ['LIEPAJA_C'], sex: 'F' }, { run: goalAttainment, families: [GOAL_FAMILY], release: releaseGoals });
		expect(r).toMatchObject({ blocked: { reason: 'hidden' } });
	});
});

describe('GAS through the release path, national data (the pilot has no GAS ratings)', () => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openDatasetEngine(smallNationalDir());
	});
	afterAll(() => db?.close());

	for (const cohort of ['child', 'adult'] as Cohort[]) {
		it(`${cohort}: the whole cohort's summary is exact; a hidden T ≥ 50 count is null where the plan hides it`, async () => {
			const f: Filters = { ...DEFAULT_FILTERS, cohort };
			const r = await releasedResult(db.engine, f, { run: gasRatings, families: [GAS_FAMILY], release: releaseGas });
			expect('value' in r && r.value).toEqual(gasSummary(await gasRatings(db.engine, f)));
			const plan = await familyPlan(db.engine, cohort, GAS_FAMILY);
			const cell = plan.cells.find((c) => c.row === 'at_or_above_50' && c.reason !== null && c.reason !== 'selection' && c.selection.startsWith('m:') && c.selection.endsWith('|all|all|all'));
			expect(cell).toBeDefined();
			const municipality = cell!.selection.slice(2, cell!.selection.indexOf('|'));
			const m = await releasedResult(db.engine, { ...f, municipalities: [municipality] }, { run: gasRatings, families: [GAS_FAMILY], release: releaseGas });
			expect('value' in m && m.value).toMatchObject({ atOrAbove50: null });
		});
	}
});
