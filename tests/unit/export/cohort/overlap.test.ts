/**
 * Overlapping exports on the pilot data: an attacker holding the default
 * exports of two overlapping selections (whole cohort vs one sex, one region,
 * one age band, one municipality, one period; sex vs age band) matches them on
 * every column both files have and subtracts (attack.ts). Nobody may be
 * singled out. As a control, the same attacker does single people out when
 * each export is anonymised on its own selection (the old behaviour), so the
 * attack is not vacuous. And the page's memory of earlier selections warns
 * about exactly the overlapping ones, keeping no data.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine.ts';
import { parseCsv } from '../../../helpers/csv-parse.ts';
import { DEFAULT_FILTERS, type Cohort, type Filters } from '../../../../src/lib/filters/filters.ts';
import { assembleExport } from '../../../../src/lib/export/cohort/assemble.ts';
import { fetchExportData, selectedIds, type RawData } from '../../../../src/lib/export/cohort/query.ts';
import { serialiseExport } from '../../../../src/lib/export/cohort/serialise.ts';
import { defaultSettings } from '../../../../src/lib/export/cohort/settings.ts';
import { describeSelection, earlierSelections, findOverlaps, forgetSelections, rememberSelection, settingsFingerprint } from '../../../../src/lib/export/cohort/history.ts';
import { isolate, matches, type Released } from './attack.ts';

const META = { softwareVersion: '0.0.0-test', datasetName: 'pilot', exportedOn: '2024-01-01' };

let db: TestEngine;
beforeAll(async () => {
	db = await openPilotEngine();
}, 120_000);
afterAll(async () => {
	await db?.close();
});

/** The participants CSV of the default export of a selection (fresh key), as the attacker reads it. */
async function released(filters: Filters, patch: (raw: RawData) => RawData = (r) => r): Promise<Released> {
	const raw = patch(await fetchExportData(db.engine, filters));
	const files = await serialiseExport(await assembleExport(raw, defaultSettings(filters)), META);
	const csv = parseCsv(new TextDecoder().decode(files.find((f) => f.name.endsWith('participants.csv'))!.bytes));
	return { header: csv[0], rows: csv.slice(1) };
}

const PAIRS: [string, Partial<Filters>, Partial<Filters>][] = [
	['whole cohort vs sex = F', {}, { sex: 'F' }],
	['whole cohort vs sex = M', {}, { sex: 'M' }],
	['whole cohort vs one region', {}, { region: 'Zemgale' }],
	['whole cohort vs Rīga', {}, { region: 'Rīga' }],
	['whole cohort vs one age band', {}, { ageBand: null }],
	['whole cohort vs one municipality', {}, { municipalities: ['LIEPAJA_C'] }],
	['whole cohort vs a period', {}, { from: '2019-01', to: '2019-06' }],
	['sex = F vs one age band', { sex: 'F' }, { ageBand: null }],
	['sex = F vs one region', { sex: 'F' }, { region: 'Kurzeme' }]
];
const BAND: Record<Cohort, Filters['ageBand']> = { child: '7-12', adult: '30-44' };

describe('matching and subtracting two overlapping default exports singles nobody out', () => {
	for (const cohort of ['child', 'adult'] as const) {
		for (const [name, fa, fb] of PAIRS) {
			it(`${cohort}: ${name}`, async () => {
				const band = (f: Partial<Filters>) => ('ageBand' in f ? { ...f, ageBand: BAND[cohort] } : f);
				const a = await released({ ...DEFAULT_FILTERS, cohort, ...band(fa) });
				const b = await released({ ...DEFAULT_FILTERS, cohort, ...band(fb) });
				expect(a.rows.length).toBeGreaterThan(0);
				expect(isolate(a, b, 5)).toEqual([]);
				// Where both release records of the same period, the attacker does link them (the outcomes are
				// exact): the defence is that the two exports differ by whole classes, not that they cannot be matched.
				const linked = matches(b, a).filter((m) => m.length === 1).length;
				if (b.rows.length && !fb.from) expect(linked).toBeGreaterThan(0);
			});
		}
	}

	it('control: anonymising each selection on its own (classes from the selection) lets the same attack single people out', async () => {
		const alone = (r: RawData) => ({ ...r, population: r.participants });
		let found = 0;
		for (const cohort of ['child', 'adult'] as const) {
			const a = await released({ ...DEFAULT_FILTERS, cohort }, alone);
			for (const f of [{ sex: 'F' as const }, { region: 'Zemgale' }, { ageBand: BAND[cohort] }]) {
				const b = await released({ ...DEFAULT_FILTERS, cohort, ...f }, alone);
				found += isolate(a, b, 5).length;
			}
		}
		expect(found).toBeGreaterThan(0);
	});
});

describe('earlier selections of the session (the overlap warning)', () => {
	it('keeps filters and a settings fingerprint only, and finds the earlier exports a new selection overlaps', async () => {
		forgetSelections();
		const child = (f: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...f });
		const s = defaultSettings(DEFAULT_FILTERS);
		const fp = settingsFingerprint(s);
		rememberSelection({ filters: child({}), settings: fp });
		rememberSelection({ filters: child({ sex: 'F' }), settings: settingsFingerprint({ ...s, k: 7 }) });
		rememberSelection({ filters: { ...DEFAULT_FILTERS, cohort: 'adult' }, settings: fp });
		rememberSelection({ filters: child({}), settings: fp });
		const list = earlierSelections();
		expect(list.length).toBe(3);
		expect(JSON.stringify(list)).not.toMatch(/C0\d\d|participant/);
		expect(fp).not.toContain('filters');

		const current = child({ region: 'Zemgale' });
		const ids = await selectedIds(db.engine, current);
		const overlaps = await findOverlaps({ filters: current, settings: fp, ids }, list, (f) => selectedIds(db.engine, f));
		// Sex = F (other settings) and the whole cohort (same settings; remembered again, so last) overlap; the adults do not.
		expect(overlaps.map((o) => [describeSelection(o.filters), o.sameSettings])).toEqual([
			['F', false],
			['', true]
		]);
		expect(overlaps[1].shared).toBe(ids.length);
		expect(overlaps[0].shared).toBeLessThan(ids.length);
		// The same selection with the same settings again is not an overlap; a disjoint one is none either.
		const whole = list.find((e) => describeSelection(e.filters) === '' && e.filters.cohort === 'child')!;
		const female = list.find((e) => e.filters.sex === 'F')!;
		expect(await findOverlaps({ filters: child({}), settings: fp, ids: await selectedIds(db.engine, child({})) }, [whole], (f) => selectedIds(db.engine, f))).toEqual([]);
		const males = child({ sex: 'M' });
		expect(await findOverlaps({ filters: males, settings: fp, ids: await selectedIds(db.engine, males) }, [female], (f) => selectedIds(db.engine, f))).toEqual([]);
		forgetSelections();
		expect(earlierSelections()).toEqual([]);
	});
});
