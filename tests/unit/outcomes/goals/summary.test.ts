import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { goalAttainment, type GoalDomainRow } from '../../../../src/lib/outcomes/goals/query';
import { gasSentence, gasSummary, goalsFindings, goalsHeadline } from '../../../../src/lib/outcomes/goals/summary';

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

describe('report findings on the pilot data (published figures)', () => {
	it('goals: children 75% (402 of 536), adults 65% (199 of 306)', async () => {
		const c = plain(goalsFindings('en', await goalAttainment(db.engine, child)));
		expect(c[0]).toBe('Goal attainment was 75% (402 of 536 goal points); goals were set for 102 participants.');
		expect(c[1]).toBe('293 goals were achieved (55%), 218 partly achieved (41%) and 25 not achieved (5%).');
		expect(c[2]).toMatch(/^Highest in .+ \(86%\), lowest in .+ \(69%\)\.$/);
		const a = plain(goalsFindings('lv', await goalAttainment(db.engine, adult)));
		expect(a[0]).toBe('Mērķu sasniegšana bija 65% (199 no 306 mērķu punktiem); mērķi izvirzīti 97 dalībniekiem.');
		expect(a[2]).toMatch(/\(71%\), zemākais – jomā .+ \(57%\)\.$/);
	});
});

describe('report findings: disclosure and edge cases', () => {
	const goal = (over: Partial<GoalDomainRow>): GoalDomainRow => ({
		domain_code: null, name_lv: null, name_en: null, participants: 10, goals: 20, achieved: 10, partly: 6, not_achieved: 4,
		score: 13, score_share: 0.65, achieved_share: 0.5, partly_share: 0.3, not_share: 0.2, ...over
	});

	it('say nothing about groups under the threshold', () => {
		expect(goalsFindings('en', [goal({ participants: 4 })])).toEqual([]);
		expect(goalsFindings('en', [])).toEqual([]);
	});

	it('name no domain with fewer than 5 people', () => {
		const rows = [
			goal({ domain_code: 'A1', name_en: 'Living', participants: 9, score_share: 0.7 }),
			goal({ domain_code: 'A2', name_en: 'Work', participants: 4, score_share: 0.2 }),
			goal({ domain_code: 'A3', name_en: 'Leisure', participants: 6, score_share: 0.6 }),
			goal({})
		];
		const f = goalsFindings('en', rows);
		expect(f[2]).toBe('Highest in living (70%), lowest in leisure (60%).');
		expect(f.join(' ')).not.toContain('ork');
	});
});

describe('the view: headline and GAS summary', () => {
	it('writes the headline from the total row', async () => {
		const rows = await goalAttainment(db.engine, child);
		expect(plain([goalsHeadline('lv', rows.at(-1)!)])[0]).toContain('75% (402 no 536');
	});

	it('summarises Kiresuk–Sherman T per person, and shows it only for enough people', () => {
		expect(gasSummary([])).toBeNull();
		// T([2, 0]) = 50 + 10·2/√(0.7·2 + 0.3·4) = 62.40; T([-1]) = 40.
		const s = gasSummary([
			{ participant_id: 'P1', ratings: [2, 0] },
			{ participant_id: 'P2', ratings: [-1] }
		])!;
		expect(s.n).toBe(2);
		expect(s.mean).toBeCloseTo((50 + 20 / Math.sqrt(2.6) + 40) / 2, 12);
		expect(s.atOrAbove50).toBe(1);
		expect(gasSentence('en', s)).toBeNull();
		expect(gasSentence('en', { n: 6, mean: 52.25, atOrAbove50: 4 })).toBe(
			'6 people have GAS ratings (−2..+2). Mean Kiresuk–Sherman T-score 52.3 (50 = expected outcome); 4 people have T ≥ 50.'
		);
	});
});
