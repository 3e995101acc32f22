import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { releasedResult } from '../../../../src/lib/privacy/release/runtime';
import type { ReleaseContext } from '../../../../src/lib/privacy/release/context';
import { employment } from '../../../../src/lib/outcomes/employment/query';
import { EMPLOYMENT_FAMILY } from '../../../../src/lib/outcomes/employment/family';
import {
	EMPLOYMENT_FAMILY_ID,
	employmentConstraints,
	employmentCountRows,
	employmentFindings,
	employmentMatrixRows,
	employmentReading,
	employmentRows,
	releaseEmployment,
	shapeEmployment,
	transitionRow
} from '../../../../src/lib/outcomes/employment/summary';

function hiding(...rows: string[]): ReleaseContext {
	const hidden = (family: string, row: string) => (family === EMPLOYMENT_FAMILY_ID && rows.includes(row) ? ('primary' as const) : null);
	return { selection: 'test', n: 10, hidden, shown: (f, r) => hidden(f, r) === null };
}

// 12 pairs: 6 not → not, 2 not → part-time, 4 part-time → part-time.
const raw = shapeEmployment(
	[
		{ wave: 'baseline', status: 'not_employed', n: 8 },
		{ wave: 'baseline', status: 'part_time', n: 4 },
		{ wave: 'followup', status: 'not_employed', n: 6 },
		{ wave: 'followup', status: 'part_time', n: 6 }
	],
	[
		{ baseline: 'not_employed', followup: 'not_employed', n: 6 },
		{ baseline: 'not_employed', followup: 'part_time', n: 2 },
		{ baseline: 'part_time', followup: 'part_time', n: 4 }
	]
);

describe('releaseEmployment (pure)', () => {
	it('declares rows and unions that match (every constraint names known rows)', () => {
		const rows = new Set(employmentRows());
		for (const c of employmentConstraints()) for (const r of [c.total, ...c.parts]) expect(rows.has(r), r).toBe(true);
	});

	it('sets hidden cells, counts and changes to null, and takes margins and totals from their own rows', () => {
		const r = releaseEmployment(raw, hiding(transitionRow('not_employed', 'part_time'), 'base:part_time', 'pb:part_time'));
		const m = employmentMatrixRows('en', r);
		expect(m[4]).toMatchObject({ not_employed: 6, part_time: null, total: 8 });
		expect(m[2]).toMatchObject({ part_time: 4, total: null });
		// The totals row is released, not the sum of what is shown.
		expect(m[5]).toMatchObject({ part_time: 6, not_employed: 6, total: 12 });
		const counts = employmentCountRows('en', r);
		expect(counts[2]).toMatchObject({ baseline: null, followup: 6, change: null });
		expect(counts[5]).toMatchObject({ baseline: 12, followup: 12, change: 0 });
		expect(r.anyHidden).toBe(true);
		// b, c and the pairs are shown: the test is.
		expect(r.testShown).toBe(true);
		expect(r.test).toMatchObject({ nPairs: 12, b: 2, c: 0 });
	});

	it('does not show or test where b, c or the pairs are hidden', () => {
		const r = releaseEmployment(raw, hiding('started'));
		expect(r.testShown).toBe(false);
		expect(r.test).toMatchObject({ b: null, c: 0, difference: null, oddsRatio: null, chiSquare: null, pChiSquare: null, pExact: null, pValue: null, nPairs: 12 });
		expect(employmentReading('en', r.test)).toContain('hidden');
		// The findings keep the counts sentence and drop the test.
		expect(employmentFindings('en', r)).toHaveLength(2);
		// The paired test's own rule: fewer than 5 pairs, no findings.
		expect(employmentFindings('en', { ...r, test: { ...r.test, nPairs: 4 } })).toEqual([]);
	});
});

describe('released employment on the pilot data', () => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openPilotEngine();
	});
	afterAll(() => db?.close());
	const adult: Filters = { ...DEFAULT_FILTERS, cohort: 'adult' };
	const released = async (f: Filters) => {
		const r = await releasedResult(db.engine, f, { run: employment, families: [EMPLOYMENT_FAMILY], release: releaseEmployment });
		if (!('value' in r)) throw new Error(`blocked: ${JSON.stringify(r.blocked)}`);
		return r.value;
	};

	it('keeps the cohort\u2019s published figures and McNemar exact; cells of 1–4 adults are hidden', async () => {
		const rawPilot = await employment(db.engine, adult);
		const r = await released(adult);
		expect(r.testShown).toBe(true);
		expect(r.test).toEqual(rawPilot.test);
		expect(r.test).toMatchObject({ nPairs: 97, employedBefore: 16, employedAfter: 29, b: 13, c: 0 });
		// Follow-up counts and the column totals are all 5 or more.
		expect(r.counts.map((c) => c.followup)).toEqual([7, 5, 9, 8, 68]);
		expect(r.colTotals).toEqual([7, 5, 9, 8, 68]);
		// 3 and 2 adults in full-time work at baseline are under 5: hidden, with their changes.
		expect(rawPilot.counts.map((c) => c.baseline)).toEqual([3, 2, 6, 5, 81]);
		expect(r.counts.map((c) => c.baseline)).toEqual([null, null, 6, 5, 81]);
		expect(r.counts.map((c) => c.change)).toEqual([null, null, 3, 3, -13]);
		expect(r.totals).toEqual({ baseline: 97, followup: 97, change: 0 });
		// Not employed → each employed status: 3, 3, 3, 4 adults, hidden; 68 stayed not employed.
		expect(r.matrix[4]).toEqual([null, null, null, null, 68]);
		expect(r.rowTotals[4]).toBe(81);
		expect(employmentFindings('en', r)[0]).toBe('Persons employed: 16 before the pilot, 29 during it (n = 97 persons with both records).');
	});

	it('hides one municipality\u2019s transitions and test (the issue\u2019s LIEPAJA_C), keeping its n', async () => {
		const r = await released({ ...adult, municipalities: ['LIEPAJA_C'] });
		expect(r.test.nPairs).toBe(10);
		expect(r.testShown).toBe(false);
		expect(r.test).toMatchObject({ employedBefore: null, employedAfter: null, b: null, pValue: null });
		// Every non-empty cell of the matrix rests on 1–4 adults or is hidden with them.
		const rawM = (await employment(db.engine, { ...adult, municipalities: ['LIEPAJA_C'] })).matrix;
		rawM.forEach((row, i) => row.forEach((v, j) => v > 0 && v < 5 && expect(r.matrix[i][j], `${i},${j}`).toBeNull()));
		expect(employmentFindings('en', r)).toEqual([]);
	});
});
