import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../src/lib/filters/filters';
import { goalAttainment, type GoalDomainRow } from '../../../src/lib/metrics/goals';
import { sfkData, summariseFunctioning } from '../../../src/lib/metrics/functioning';
import { kidscreenData, summariseKidscreen } from '../../../src/lib/metrics/kidscreen';
import { fqolsData, summariseFqols } from '../../../src/lib/metrics/fqols';
import { sqolData, summariseSqol } from '../../../src/lib/metrics/sqol';
import { employment } from '../../../src/lib/metrics/employment';
import { costTable } from '../../../src/lib/metrics/costs';
import {
	goalsFindings,
	functioningFindings,
	kidscreenFindings,
	fqolsFindings,
	sqolFindings,
	employmentFindings,
	costFindings
} from '../../../src/lib/report/summaries';

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

	it('SFK: 47 children with positive change; limitations decreased in 9 domains', async () => {
		const s = summariseFunctioning(await sfkData(db.engine, child));
		const f = plain(functioningFindings('en', s));
		expect(f[0]).toBe('47 of 102 children (46%) showed positive change in functioning: improved in at least one domain and worse in none.');
		expect(f[1]).toBe('A further 10 children improved in one domain and worsened in another; 6 only worsened; 39 did not change.');
		expect(f[2]).toBe('Activity limitations decreased (more children improved than worsened) in 9 of 9 domains.');
		expect(f[3]).toMatch(/^(Statistically significant improvement \(Wilcoxon test, Holm correction\) in \d of 9 domains: d\d .+|In no domain .+)\.$/);
		expect(plain(functioningFindings('lv', s))[0]).toMatch(/^47 no 102 bērniem \(46%\) bija pozitīvas/);
	});

	it('KIDSCREEN: children higher in 8 of 10, parents in 7 of 10; below the norm; closest values', async () => {
		const f = plain(kidscreenFindings('en', summariseKidscreen(await kidscreenData(db.engine, child))));
		expect(f[0]).toMatch(/^Children rated their quality of life higher at follow-up in 8 of 10 KIDSCREEN dimensions \(n = \d+\)\.$/);
		expect(f.find((s) => s.startsWith('Largest gains'))).toMatch(/school environment|social support and peers/);
		expect(f.find((s) => s.startsWith('At follow-up'))).toMatch(/^At follow-up 10 of 10 dimensions were below the European norm of 50; closest to it: .*(school environment 47\.7|self-perception 48\.9)/);
		expect(f.some((s) => s.startsWith("Parents rated their child's quality of life higher at follow-up in 7 of 10"))).toBe(true);
		expect(f.some((s) => /parent relations and home life 48\.1/i.test(s))).toBe(true);
		const lv = plain(kidscreenFindings('lv', summariseKidscreen(await kidscreenData(db.engine, child))));
		expect(lv[0]).toContain('8 no 10 KIDSCREEN dimensijām');
	});

	it('FQOLS: rose in all 5 subscales; only emotional well-being significant', async () => {
		const f = plain(fqolsFindings('en', summariseFqols(await fqolsData(db.engine, child))));
		expect(f[0]).toBe('Family quality of life rose in 5 of 5 FQOLS subscales (102 families).');
		expect(f[1]).toMatch(/^Only emotional well-being differed significantly between start and end \(paired t test, p = [\d.]+|< 0\.001, Holm correction\)\.$/);
	});

	it('SQoL: 9 of 13 aspects above 50%; 85/71 highest, 36/35 lowest; 84% overall', async () => {
		const f = plain(sqolFindings('en', summariseSqol(await sqolData(db.engine, adult))));
		expect(f[0]).toBe('In 9 of 13 life aspects more than half of respondents reported a change for the better.');
		expect(f[1]).toMatch(/^Most often improved: .+ 85% and .+ 71%; least often: .+ 36% and .+ 35%\.$/);
		expect(f[2]).toMatch(/^Overall 84% of persons \(81 of 97\)/);
	});

	it('employment: 16 before, 29 during; +4 +3 +3 +3; McNemar', async () => {
		const f = plain(employmentFindings('en', await employment(db.engine, adult)));
		expect(f[0]).toBe('Persons employed: 16 before the pilot, 29 during it (n = 97 persons with both records).');
		expect(f[1]).toBe('Change by status: permanent full-time +4, temporary full-time +3, part-time +3, volunteer work or temporary public works +3.');
		expect(f[2]).toMatch(/^The share employed rose from 16% to 30%: 13 started work, 0 stopped \(exact binomial test, p < 0\.001\)\.$/);
	});

	it('costs: 575,94 € per child per month; 662,04 € per adult per month', async () => {
		const c = plain(costFindings('lv', 'child', await costTable(db.engine, child)));
		expect(c[0]).toBe('Pakalpojumu izmaksas bija 704 953 € par 102 bērniem: 6 911,30 € uz bērnu, 575,94 € uz bērnu mēnesī.');
		expect(c[1]).toBe('Kopā ar vajadzību izvērtēšanu un pašvaldību izmaksām: 942 561 €, 770,07 € mēnesī uz dalībnieku.');
		expect(c[2]).toBe('Lielākā izmaksu daļa – sociālie pakalpojumi (48% no pakalpojumu izmaksām).');
		const a = plain(costFindings('en', 'adult', await costTable(db.engine, adult)));
		expect(a[0]).toBe('Services cost €770,615.00 for 97 persons: €7,944.48 per person, €662.04 per person per month.');
		expect(a[1]).toContain('€910.71 per participant per month');
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

	it('employment: no significant change is said as such', () => {
		const f = employmentFindings('lv', {
			n: 20,
			counts: [
				{ status: 'permanent_full_time', baseline: 2, followup: 3, change: 1 },
				{ status: 'not_employed', baseline: 18, followup: 17, change: -1 }
			] as never,
			matrix: [],
			test: { nPairs: 20, b: 2, c: 1, employedBefore: 2, employedAfter: 3, shareBefore: 0.1, shareAfter: 0.15, difference: 0.05, oddsRatio: 2, chiSquare: 0, pChiSquare: 1, pExact: 1, primary: 'exact', pValue: 1 }
		});
		expect(plain(f)).toEqual([
			'Nodarbināto skaits: 2 pirms pilotprojekta, 3 tā laikā (n = 20 personas ar abiem mērījumiem).',
			'Izmaiņas pa statusiem: pastāvīgs pilna laika darbs +1.',
			'Nodarbināto īpatsvara izmaiņas (10% → 15%) nav statistiski nozīmīgas (precīzais binomiālais tests, p = 1,000).'
		]);
	});
});
