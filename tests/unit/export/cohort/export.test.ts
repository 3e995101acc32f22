/**
 * The cohort export on the pilot data: anonymisation holds when checked
 * independently on the written bytes (CSV parsed here, Parquet read by native
 * DuckDB) on ALL released background columns together, no raw participant id
 * appears anywhere, costs are rounded, the risk cap and l-diversity are
 * enforced, every export gets a fresh key unless one is supplied, and the
 * same settings and key give the same bytes.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine.ts';
import { parseCsv } from '../../../helpers/csv-parse.ts';
import { DEFAULT_FILTERS, type Cohort } from '../../../../src/lib/filters/filters.ts';
import { assembleExport, classSizesOf } from '../../../../src/lib/export/cohort/assemble.ts';
import { sensitiveCandidates } from '../../../../src/lib/export/cohort/columns.ts';
import { backgroundColumns } from './attack.ts';
import type { ExportFile } from '../../../../src/lib/export/cohort/manifest.ts';
import { fetchExportData, type RawData } from '../../../../src/lib/export/cohort/query.ts';
import { serialiseExport } from '../../../../src/lib/export/cohort/serialise.ts';
import { QI_NAMES, defaultSettings, type ExportSettings } from '../../../../src/lib/export/cohort/settings.ts';

const KEY = 'test-key-0123456789abcdef';
const META = { softwareVersion: '0.0.0-test', datasetName: 'pilot', exportedOn: '2024-01-01' };

let db: TestEngine;
let ids: string[];
const raw = new Map<Cohort, RawData>();

beforeAll(async () => {
	db = await openPilotEngine();
	ids = (await db.query<{ id: string }>('SELECT participant_id AS id FROM participants ORDER BY 1')).map((r) => r.id);
	for (const cohort of ['child', 'adult'] as const) raw.set(cohort, await fetchExportData(db.engine, { ...DEFAULT_FILTERS, cohort }));
}, 120_000);
afterAll(async () => {
	await db?.close();
});

function settings(cohort: Cohort, patch: Partial<ExportSettings> = {}): ExportSettings {
	return { ...defaultSettings({ ...DEFAULT_FILTERS, cohort }), ...patch };
}

function contains(haystack: Uint8Array, needle: string): boolean {
	const n = new TextEncoder().encode(needle);
	outer: for (let i = 0; i + n.length <= haystack.length; i++) {
		for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
		return true;
	}
	return false;
}

const file = (files: ExportFile[], suffix: string) => files.find((f) => f.name.endsWith(suffix))!;

/** Sizes of the classes of the CSV body on the given columns (independent of the library). */
function classSizes(header: string[], body: string[][], columns: string[]): number[] {
	const idx = columns.map((c) => header.indexOf(c));
	const counts = new Map<string, number>();
	for (const row of body) {
		const key = JSON.stringify(idx.map((i) => row[i]));
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts.values()].sort((a, b) => a - b);
}

/** The default export of each cohort on the pilot, as reported back to the researchers (and in the summary of the change). */
const DEFAULT_FIGURES = {
	child: { selected: 102, exported: 98, suppressedForK: 4, smallestClass: 5 },
	adult: { selected: 103, exported: 98, suppressedForK: 5, smallestClass: 6 }
};

describe('cohort export on the pilot data (default settings)', () => {
	for (const cohort of ['child', 'adult'] as const) {
		it(`${cohort}: k ≥ 5 on every released background column together, checked on the CSV and on the Parquet (native DuckDB)`, async () => {
			const result = await assembleExport(raw.get(cohort)!, settings(cohort));
			const files = await serialiseExport(result, META);
			const manifest = JSON.parse(new TextDecoder().decode(file(files, 'manifest.json').bytes));

			// CSV, parsed independently; the background columns are found by name, not from the manifest
			const csv = parseCsv(new TextDecoder().decode(file(files, 'participants.csv').bytes));
			const header = csv[0];
			const body = csv.slice(1);
			const background = backgroundColumns(header);
			expect(background).toEqual(expect.arrayContaining(['sex', 'age_band', 'region', 'programme', 'months_in_programme_band', 'exit_reason', 'household_type', 'income_status']));
			expect(background).toEqual(
				expect.arrayContaining(
					cohort === 'child'
						? ['family_structure', 'caregiver_type', 'impairment_vision', 'impairment_hearing', 'impairment_mobility', 'impairment_mental']
						: ['disability_group', 'care_level', 'residence_type', 'needs_natural_support', 'needs_minor_child', 'needs_mobility', 'left_institution']
				)
			);
			// …and they are exactly the attributes the manifest calls quasi-identifiers
			expect([...background].sort()).toEqual(manifest.quasi_identifiers.map((q: { column: string }) => q.column).sort());
			expect(body.length).toBe(manifest.records.exported);
			const r = manifest.records;
			expect(r.exported + r.suppressed_for_k + r.suppressed_for_risk + r.suppressed_for_selection + r.suppressed_for_l).toBe(r.selected);
			expect({ selected: r.selected, exported: r.exported, suppressedForK: r.suppressed_for_k, smallestClass: manifest.k_anonymity.k_achieved }).toEqual(DEFAULT_FIGURES[cohort]);
			const sizes = classSizes(header, body, background);
			expect(sizes[0]).toBeGreaterThanOrEqual(5);
			expect(sizes[0]).toBe(manifest.k_anonymity.k_achieved);
			expect(classSizesOf(result.tables[0], background)[0]).toBe(sizes[0]);
			// Risk: 1 / class size, never above the cap
			expect(manifest.risk.max).toBeCloseTo(1 / sizes[0], 12);
			expect(manifest.risk.max).toBeLessThanOrEqual(0.2);
			expect(manifest.risk.mean).toBeCloseTo(sizes.length / body.length, 12);

			// Costs rounded to 100 €, never exact
			for (const c of header.filter((h) => /^cost_.*_eur$/.test(h))) {
				for (const row of body) expect(Number(row[header.indexOf(c)]) % 100, c).toBe(0);
			}
			// No calendar dates, and time in the programme banded
			expect(new TextDecoder().decode(file(files, 'participants.csv').bytes)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
			expect(header).not.toContain('months_in_programme');

			// Parquet, read by native DuckDB (not the library that wrote it)
			const dir = await mkdtemp(join(tmpdir(), 'ib-export-'));
			try {
				const path = join(dir, 'p.parquet');
				await writeFile(path, file(files, 'participants.parquet').bytes);
				const native = await DuckDBInstance.create(':memory:');
				const c = await native.connect();
				const cols = background.map((q) => `"${q}"`).join(', ');
				const rows = (
					await c.runAndReadAll(`SELECT count(*)::INTEGER AS n, min(cnt)::INTEGER AS k FROM (SELECT ${cols}, count(*) AS cnt FROM read_parquet('${path}') GROUP BY ALL)`)
				).getRowObjects();
				expect(rows[0].k).toBe(manifest.k_anonymity.k_achieved);
				const total = (await c.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(DISTINCT pseudonym)::INTEGER AS d FROM read_parquet('${path}')`)).getRowObjects()[0];
				expect(total).toEqual({ n: body.length, d: body.length });
				c.closeSync();
			} finally {
				await rm(dir, { recursive: true, force: true });
			}

			// No raw id in any file (data, codebook, manifest), no key
			for (const f of files) {
				const hits = ids.filter((id) => contains(f.bytes, id));
				expect(hits, f.name).toEqual([]);
			}
			expect(header).not.toContain('participant_id');
			expect(header).not.toContain('birth_year');
			expect(manifest.pseudonym).toMatchObject({ key_included: false });
			expect(manifest.pseudonym.key_source).toMatch(/^fresh random key/);
		});
	}

	it('the manifest records the selection and every setting, but not the key', async () => {
		const f = { ...DEFAULT_FILTERS, cohort: 'adult' as const, sex: 'F' as const };
		const s = { ...defaultSettings(f), k: 6, riskCap: 0.125, costStep: 500 as const, sensitive: 'employment_followup', l: 2, enforceL: true };
		const result = await assembleExport(await fetchExportData(db.engine, f), s, KEY);
		const files = await serialiseExport(result, META);
		const manifest = JSON.parse(new TextDecoder().decode(file(files, 'manifest.json').bytes));
		expect(manifest.filters).toEqual(f);
		expect(manifest.settings).toMatchObject({
			k: 6,
			risk_cap: 0.125,
			cost_rounding_eur: 500,
			units_significant_digits: 2,
			sensitive: 'employment_followup',
			l: 2,
			enforce_l: true,
			max_suppressed_share: 0.05,
			generalise: true,
			dates: 'months_since_enrolment',
			finest_levels: { age: 'band', place: 'region', months_in_programme: 'half-years' }
		});
		expect(manifest.settings.background_attributes).toEqual(result.settings.background);
		expect(manifest.k_anonymity.min_class_size).toBe(8);
		expect(manifest.quasi_identifiers.every((q: { level: string }) => typeof q.level === 'string')).toBe(true);
		expect(manifest.pseudonym.key_source).toBe('key supplied by the user');
		for (const x of files) expect(contains(x.bytes, KEY), x.name).toBe(false);
	});

	it('k below the floor from a programmatic call is raised to 5', async () => {
		const r = await assembleExport(raw.get('child')!, settings('child', { k: 1, riskCap: 1 }), KEY);
		expect(r.report.k).toBe(5);
		expect(r.report.minClassSize).toBe(5);
		expect(r.settings.k).toBe(5);
		expect(r.report.smallestClass).toBeGreaterThanOrEqual(5);
	});

	it('risk cap 0.1: nothing released from a class below 10; records above the cap are counted and held back', async () => {
		const base = await assembleExport(raw.get('child')!, settings('child', { maxSuppressedShare: 0, generalise: false }), KEY);
		const capped = await assembleExport(raw.get('child')!, settings('child', { maxSuppressedShare: 0, generalise: false, riskCap: 0.1 }), KEY);
		expect(capped.report.minClassSize).toBe(10);
		expect(capped.report.risk.max).toBeLessThanOrEqual(0.1);
		expect(capped.report.classSizes.every((n) => n >= 10)).toBe(true);
		// Without generalisation the classes are the same; those of 5–9 now go for the cap.
		const between = base.report.classSizes.filter((n) => n >= 5 && n < 10).reduce((a, b) => a + b, 0);
		expect(capped.report.suppressed.risk).toBe(between);
		expect(capped.report.recordsAboveCap).toBe(capped.report.suppressed.k + capped.report.suppressed.risk);
		expect(capped.report.exported).toBe(base.report.exported - between);
		const cols = backgroundColumns(capped.tables[0].columns.map((c) => c.name));
		expect(classSizesOf(capped.tables[0], cols)[0] ?? 10).toBeGreaterThanOrEqual(10);
	});

	it('l-diversity of employment at follow-up: checked only, classes below l are reported; enforced, they are not released', async () => {
		const checked = await assembleExport(raw.get('adult')!, settings('adult', { sensitive: 'employment_followup', l: 3, enforceL: false }), KEY);
		const enforced = await assembleExport(raw.get('adult')!, settings('adult', { sensitive: 'employment_followup', l: 3, enforceL: true }), KEY);
		expect(checked.report.classesBelowL).toBeGreaterThan(0);
		expect(checked.report.suppressed.l).toBe(0);
		expect(enforced.report.classesBelowL).toBe(0);
		expect(enforced.report.l).toBeGreaterThanOrEqual(3);
		expect(enforced.report.suppressed.l).toBeGreaterThan(0);
		expect(enforced.report.exported).toBe(checked.report.exported - enforced.report.suppressed.l);
		// Independently on the table: every class has ≥ 3 distinct follow-up statuses
		const t = enforced.tables[0];
		const names = t.columns.map((c) => c.name);
		const bg = backgroundColumns(names).map((c) => names.indexOf(c));
		const si = names.indexOf('employment_followup');
		const distinct = new Map<string, Set<string>>();
		for (const row of t.rows) {
			const key = JSON.stringify(bg.map((i) => row[i]));
			if (!distinct.has(key)) distinct.set(key, new Set());
			distinct.get(key)!.add(JSON.stringify(row[si]));
		}
		expect(Math.min(...[...distinct.values()].map((v) => v.size))).toBeGreaterThanOrEqual(3);
	});

	it('a fresh random key per export by default: two exports share no pseudonym; a supplied key gives the same bytes again', async () => {
		const one = await assembleExport(raw.get('adult')!, settings('adult'));
		const two = await assembleExport(raw.get('adult')!, settings('adult'));
		expect(one.report.keySource).toBe('fresh');
		const ps = new Set(one.tables[0].rows.map((r) => r[0]));
		expect(two.tables[0].rows.filter((r) => ps.has(r[0]))).toEqual([]);
		const strip = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r.slice(1))).sort();
		expect(strip(two.tables[0].rows)).toEqual(strip(one.tables[0].rows));

		const a = await serialiseExport(await assembleExport(raw.get('adult')!, settings('adult'), KEY), META);
		const b = await serialiseExport(await assembleExport(raw.get('adult')!, settings('adult'), KEY), META);
		expect(a.map((f) => f.name)).toEqual(b.map((f) => f.name));
		a.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(b[i].bytes)), f.name).toBe(true));
		const other = await assembleExport(raw.get('adult')!, settings('adult'), KEY + '-other');
		const mine = new Set((await assembleExport(raw.get('adult')!, settings('adult'), KEY)).tables[0].rows.map((r) => r[0]));
		expect(other.tables[0].rows.filter((r) => mine.has(r[0]))).toEqual([]);
	});

	it('exact costs only on purpose: costStep 0 writes cents and says so', async () => {
		const r = await assembleExport(raw.get('child')!, settings('child', { costStep: 0 }), KEY);
		const i = r.tables[0].columns.findIndex((c) => c.name === 'cost_total_eur');
		expect(r.tables[0].rows.some((row) => Number(row[i]) % 100 !== 0)).toBe(true);
		expect(r.tables[0].columns[i].description).toMatch(/exact/);
	});

	it('long assessments: one row per score, only for exported people, linked by pseudonym; months mode has no calendar dates', async () => {
		const r = await assembleExport(raw.get('child')!, settings('child', { assessmentLayout: 'long' }), KEY);
		const long = r.tables.find((t) => t.name === 'assessments')!;
		const people = new Set(r.tables[0].rows.map((x) => x[0]));
		expect(people.size).toBe(r.report.exported);
		expect(long.rows.every((x) => people.has(x[0]))).toBe(true);
		expect(new Set(long.rows.map((x) => x[0])).size).toBeLessThanOrEqual(people.size);
		expect(r.tables[0].columns.some((c) => c.name.startsWith('kidscreen52_'))).toBe(false);
		const files = await serialiseExport(r, META);
		for (const f of files.filter((x) => x.name.endsWith('.csv'))) {
			expect(new TextDecoder().decode(f.bytes)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
		}
	});

	it('month mode: enrolment and exit as months or coarser, both quasi-identifiers; k holds on all background columns', async () => {
		const r = await assembleExport(raw.get('child')!, settings('child', { dates: 'month', background: [...QI_NAMES] }), KEY);
		expect(r.report.quasiIdentifiers.map((q) => q.name)).toEqual(expect.arrayContaining(['enrolment', 'exit']));
		expect(r.report.quasiIdentifiers.map((q) => q.name)).not.toContain('duration');
		const names = r.tables[0].columns.map((c) => c.name);
		expect(classSizesOf(r.tables[0], backgroundColumns(names))[0]).toBeGreaterThanOrEqual(5);
		const csv = new TextDecoder().decode((await serialiseExport(r, META)).find((f) => f.name.endsWith('participants.csv'))!.bytes);
		expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
	});

	it('filters narrow the cohort, but classes come from the whole cohort: a selection that cuts them releases none of them', async () => {
		const f = { ...DEFAULT_FILTERS, cohort: 'adult' as const, municipalities: ['LIEPAJA_C'] };
		const r = await assembleExport(await fetchExportData(db.engine, f), { ...settings('adult'), filters: f }, KEY);
		expect(r.report.selected).toBe(10);
		expect(r.report.population).toBe(103);
		const s = r.report.suppressed;
		expect(r.report.exported + s.k + s.risk + s.selection + s.l).toBe(10);
		expect(s.selection).toBeGreaterThan(0);
		// A selection by an attribute the export keeps (sex) holds whole classes: nothing is cut.
		const fem = { ...DEFAULT_FILTERS, cohort: 'adult' as const, sex: 'F' as const };
		const rf = await assembleExport(await fetchExportData(db.engine, fem), { ...settings('adult'), filters: fem }, KEY);
		expect(rf.report.suppressed.selection).toBe(0);
		// …and its classes are classes of the whole-cohort export, of the same sizes (the released rows are a subset of it).
		const whole = await assembleExport(raw.get('adult')!, settings('adult'), KEY);
		const rows = (t: typeof whole) => new Set(t.tables[0].rows.map((x) => JSON.stringify(x)));
		const all = rows(whole);
		expect([...rows(rf)].every((x) => all.has(x))).toBe(true);
		expect(rf.report.exported).toBe(whole.tables[0].rows.filter((x) => x[1] === 'F').length);
	});

	it('sensitive-variable candidates are released outcomes only (background attributes are all quasi-identifiers)', () => {
		expect(sensitiveCandidates('adult', settings('adult'))).toEqual(['employment_baseline', 'employment_followup', 'cost_total_eur']);
		expect(sensitiveCandidates('child', settings('child'))).toEqual(['cost_total_eur']);
		expect(sensitiveCandidates('child', settings('child', { groups: ['attributes', 'goals'] }))).toEqual([]);
	});
});
