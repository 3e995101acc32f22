import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { employment } from '../../../../src/lib/outcomes/employment/query';
import { employmentFindings } from '../../../../src/lib/outcomes/employment/summary';

const plain = (xs: string[]) => xs.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));
const adult: Filters = { ...DEFAULT_FILTERS, cohort: 'adult' };

let db: TestEngine;
beforeAll(async () => {
	db = await openPilotEngine();
});
afterAll(async () => {
	await db?.close();
});

describe('report findings on the pilot data (published figures)', () => {
	it('employment: 16 before, 29 during; +4 +3 +3 +3; McNemar', async () => {
		const f = plain(employmentFindings('en', await employment(db.engine, adult)));
		expect(f[0]).toBe('Persons employed: 16 before the pilot, 29 during it (n = 97 persons with both records).');
		expect(f[1]).toBe('Change by status: permanent full-time +4, temporary full-time +3, part-time +3, volunteer work or temporary public works +3.');
		expect(f[2]).toMatch(/^The share employed rose from 16% to 30%: 13 started work, 0 stopped \(exact binomial test, p < 0\.001\)\.$/);
	});
});

describe('report findings: disclosure and edge cases', () => {
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
