import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { goalAttainment, type GoalDomainRow } from '../../../../src/lib/outcomes/goals/query';
import { releasedResult } from '../../../../src/lib/privacy/release/runtime';
import { GOAL_FAMILY } from '../../../../src/lib/outcomes/goals/family';
import { gasSentence, gasSummary, goalsFindings, goalsHeadline, releaseGoals, type ReleasedGoalRow } from '../../../../src/lib/outcomes/goals/summary';

const plain = (xs: string[]) => xs.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));
const child: Filters = { ...DEFAULT_FILTERS, cohort: 'child' };
const adult: Filters = { ...DEFAULT_FILTERS, cohort: 'adult' };

let db: TestEngine;
beforeAll(async () => {
	db = await openPilotEngine();
});
afterAll(async () => {
	await db?.close();
});

/** The goal rows as the view gets them: through the release path. */
async function released(f: Filters): Promise<ReleasedGoalRow[]> {
	const r = await releasedResult(db.engine, f, { run: goalAttainment, families: [GOAL_FAMILY], release: releaseGoals });
	if (!('value' in r)) throw new Error(`blocked: ${r.blocked.reason}`);
	return r.value;
}

describe('report findings on the pilot data (published figures)', () => {
	it('goals: children 75% (402 of 536), adults 65% (199 of 306)', async () => {
		const c = plain(goalsFindings('en', await released(child)));
		expect(c[0]).toBe('Goal attainment was 75% (402 of 536 goal points); goals were set for 102 participants.');
		expect(c[1]).toBe('293 goals were achieved (55%), 218 partly achieved (41%) and 25 not achieved (5%).');
		expect(c[2]).toMatch(/^Highest in .+ \(86%\), lowest in .+ \(69%\)\.$/);
		const a = plain(goalsFindings('lv', await released(adult)));
		expect(a[0]).toBe('Mērķu sasniegšana bija 65% (199 no 306 mērķu punktiem); mērķi izvirzīti 97 dalībniekiem.');
		expect(a[1]).toBe('Sasniegti 109 mērķi (36%), daļēji sasniegti 180 (59%), nav sasniegti 17 (6%).');
		// The published table is pinned (already public), so the highest / lowest sentence is the published one.
		expect(a[2]).toMatch(/\(71%\), zemākais – jomā .+ \(57%\)\.$/);
		expect(a).toEqual(plain(goalsFindings('lv', await goalAttainment(db.engine, adult))));
	});
});

describe('report findings: disclosure and edge cases', () => {
	const goal = (over: Partial<ReleasedGoalRow>): ReleasedGoalRow => ({
		domain_code: null, name_lv: null, name_en: null, participants: 10, goals: 20, achieved: 10, partly: 6, not_achieved: 4,
		score: 13, score_share: 0.65, achieved_share: 0.5, partly_share: 0.3, not_share: 0.2, ...over
	});
	const hiddenRow: Partial<ReleasedGoalRow> = {
		participants: null, goals: null, achieved: null, partly: null, not_achieved: null, score: null,
		score_share: null, achieved_share: null, partly_share: null, not_share: null
	};

	// The release path decides what is hidden (a row of 1–4 people among it); the findings say nothing of a hidden figure.
	it('say nothing when the total is hidden', () => {
		expect(goalsFindings('en', [goal(hiddenRow)])).toEqual([]);
		expect(goalsFindings('en', [])).toEqual([]);
	});

	it('name no domain whose score is hidden, and leave out a sentence with a hidden figure', () => {
		const rows = [
			goal({ domain_code: 'A1', name_en: 'Living', participants: 9, score_share: 0.7 }),
			goal({ domain_code: 'A2', name_en: 'Work', ...hiddenRow }),
			goal({ domain_code: 'A3', name_en: 'Leisure', participants: 6, score_share: 0.6 }),
			goal({ not_achieved: null, not_share: null })
		];
		const f = goalsFindings('en', rows);
		expect(f).toHaveLength(2);
		expect(f[1]).toBe('Highest in living (70%), lowest in leisure (60%).');
		expect(f.join(' ')).not.toContain('ork');
	});
});

describe('the view: headline and GAS summary', () => {
	it('writes the headline from the released total row, "–" for a hidden figure', async () => {
		const rows = await released(child);
		expect(plain([goalsHeadline('lv', rows.at(-1)!)])[0]).toContain('75% (402 no 536');
		const hidden = { ...rows.at(-1)!, score: null, score_share: null };
		expect(plain([goalsHeadline('en', hidden)])[0]).toBe('Goal attainment was – (– of 536 goal points), 102 people.');
	});

	it('summarises Kiresuk–Sherman T per person; the sentence shows what the release path shows', () => {
		expect(gasSummary([])).toBeNull();
		// T([2, 0]) = 50 + 10·2/√(0.7·2 + 0.3·4) = 62.40; T([-1]) = 40.
		const s = gasSummary([
			{ rating_sum: 2, goals: 2, lowest: 0, highest: 2 },
			{ rating_sum: -1, goals: 1, lowest: -1, highest: -1 }
		])!;
		expect(s.n).toBe(2);
		expect(s.mean).toBeCloseTo((50 + 20 / Math.sqrt(2.6) + 40) / 2, 12);
		expect(s.atOrAbove50).toBe(1);
		// A rating outside −2..+2 is refused, as kiresukShermanT refuses it.
		expect(() => gasSummary([{ rating_sum: 3, goals: 1, lowest: 3, highest: 3 }])).toThrow(/−2\.\.\+2/);
		// Whether 2 people may be shown is the release path's decision (releaseGas): hidden, the figures are null.
		expect(gasSentence('en', { n: null, mean: null, atOrAbove50: null })).toBeNull();
		expect(gasSentence('en', null)).toBeNull();
		expect(gasSentence('en', { n: 6, mean: 52.25, atOrAbove50: 4 })).toBe(
			'6 people have GAS ratings (−2..+2). Mean Kiresuk–Sherman T-score 52.3 (50 = expected outcome); 4 people have T ≥ 50.'
		);
	});
});
