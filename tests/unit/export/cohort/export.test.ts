/**
 * The cohort export on the pilot data: anonymisation holds when checked
 * independently on the written bytes (CSV parsed here, Parquet read by native
 * DuckDB), no raw participant id appears anywhere, and the same settings and
 * key give the same bytes.
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
import type { ExportFile } from '../../../../src/lib/export/cohort/manifest.ts';
import { fetchExportData, type RawData } from '../../../../src/lib/export/cohort/query.ts';
import { serialiseExport } from '../../../../src/lib/export/cohort/serialise.ts';
import { defaultSettings, type ExportSettings } from '../../../../src/lib/export/cohort/settings.ts';

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

describe('cohort export on the pilot data (default settings)', () => {
	for (const cohort of ['child', 'adult'] as const) {
		it(`${cohort}: k ≥ 5 on the stated quasi-identifiers, checked on the CSV and on the Parquet (native DuckDB)`, async () => {
			const result = await assembleExport(raw.get(cohort)!, settings(cohort), KEY);
			const files = await serialiseExport(result, META);
			const manifest = JSON.parse(new TextDecoder().decode(file(files, 'manifest.json').bytes));
			const qiColumns: string[] = manifest.quasi_identifiers.map((q: { column: string }) => q.column);
			expect(qiColumns.length).toBe(3);
			expect(manifest.k_anonymity.k_achieved).toBeGreaterThanOrEqual(5);

			// CSV, parsed independently
			const csv = parseCsv(new TextDecoder().decode(file(files, 'participants.csv').bytes));
			const header = csv[0];
			const body = csv.slice(1);
			expect(body.length).toBe(manifest.records.exported);
			expect(manifest.records.exported + manifest.records.suppressed_for_k + manifest.records.suppressed_for_l).toBe(
				manifest.records.selected
			);
			const counts = new Map<string, number>();
			for (const row of body) {
				const key = JSON.stringify(qiColumns.map((c) => row[header.indexOf(c)]));
				counts.set(key, (counts.get(key) ?? 0) + 1);
			}
			expect(Math.min(...counts.values())).toBe(manifest.k_anonymity.k_achieved);
			expect(classSizesOf(result.tables[0], qiColumns)[0]).toBe(manifest.k_anonymity.k_achieved);

			// Parquet, read by native DuckDB (not the library that wrote it)
			const dir = await mkdtemp(join(tmpdir(), 'ib-export-'));
			try {
				const path = join(dir, 'p.parquet');
				await writeFile(path, file(files, 'participants.parquet').bytes);
				const native = await DuckDBInstance.create(':memory:');
				const c = await native.connect();
				const cols = qiColumns.map((q) => `"${q}"`).join(', ');
				const rows = (
					await c.runAndReadAll(
						`SELECT count(*)::INTEGER AS n, min(cnt)::INTEGER AS k FROM (SELECT ${cols}, count(*) AS cnt FROM read_parquet('${path}') GROUP BY ALL)`
					)
				).getRowObjects();
				expect(rows[0].k).toBe(manifest.k_anonymity.k_achieved);
				const total = (await c.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(DISTINCT pseudonym)::INTEGER AS d FROM read_parquet('${path}')`)).getRowObjects()[0];
				expect(total).toEqual({ n: body.length, d: body.length });
				if (cohort === 'child') {
					const g = (await c.runAndReadAll(`SELECT sum(goals_score)::DOUBLE AS s, sum(goals_n)::INTEGER AS n FROM read_parquet('${path}')`)).getRowObjects()[0];
					if (manifest.records.exported === manifest.records.selected) expect(g).toEqual({ s: 402, n: 536 });
				}
				c.closeSync();
			} finally {
				await rm(dir, { recursive: true, force: true });
			}

			// No raw id in any file (data, codebook, manifest)
			for (const f of files) {
				const hits = ids.filter((id) => contains(f.bytes, id));
				expect(hits, f.name).toEqual([]);
			}
			expect(header).not.toContain('participant_id');
			expect(header).not.toContain('birth_year');
			for (const f of files) expect(contains(f.bytes, KEY), f.name).toBe(false);
		});
	}

	it('child defaults: region is generalised to *, nobody is suppressed, k achieved 10; l of income_status reported', async () => {
		const r = await assembleExport(raw.get('child')!, settings('child'), KEY);
		expect(r.report.selected).toBe(102);
		expect(r.report.quasiIdentifiers.map((q) => [q.column, q.levels[q.level]])).toEqual([
			['sex', 'F/M'],
			['age_band', 'band'],
			['region', '*']
		]);
		expect(r.report.suppressedForK).toBe(0);
		expect(r.report.smallestClass).toBe(10);
		expect(r.report.sensitive).toBe('income_status');
		expect(r.report.l).toBeGreaterThanOrEqual(1);
		expect(r.report.informationLoss.generalisationHeight).toBeCloseTo(((0 + 0.5 + 1) / 3), 12);
	});

	it('enforcing l-diversity suppresses whole classes until l holds (and keeps k)', async () => {
		const r = await assembleExport(raw.get('child')!, settings('child', { enforceL: true, l: 2 }), KEY);
		expect(r.report.l).toBeGreaterThanOrEqual(2);
		expect(r.report.classesBelowL).toBe(0);
		expect(r.report.smallestClass).toBeGreaterThanOrEqual(5);
		expect(r.report.exported + r.report.suppressedForK + r.report.suppressedForL).toBe(102);
	});

	it('municipality as a quasi-identifier at k = 5 needs suppression or generalisation; the result is still k-anonymous', async () => {
		const s = settings('adult', { placeLevel: 0, ageLevel: 0, maxSuppressedShare: 0.1 });
		const r = await assembleExport(raw.get('adult')!, s, KEY);
		expect(r.report.steps.length).toBeGreaterThan(0);
		expect(r.report.smallestClass).toBeGreaterThanOrEqual(5);
		expect(r.report.suppressedForK).toBeLessThanOrEqual(Math.floor(0.1 * 103));
		const cols = r.report.quasiIdentifiers.map((q) => q.column);
		expect(Math.min(...classSizesOf(r.tables[0], cols))).toBeGreaterThanOrEqual(5);
		// Suppressed people are gone from every table, and counts add up
		expect(r.tables[0].rows.length).toBe(r.report.exported);
	});

	it('same settings and key → identical bytes; another key → other pseudonyms, same data', async () => {
		const a = await serialiseExport(await assembleExport(raw.get('adult')!, settings('adult'), KEY), META);
		const b = await serialiseExport(await assembleExport(raw.get('adult')!, settings('adult'), KEY), META);
		expect(a.map((f) => f.name)).toEqual(b.map((f) => f.name));
		a.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(b[i].bytes)), f.name).toBe(true));

		const other = await assembleExport(raw.get('adult')!, settings('adult'), KEY + '-other');
		const mine = await assembleExport(raw.get('adult')!, settings('adult'), KEY);
		const ps = new Set(mine.tables[0].rows.map((r) => r[0]));
		expect(other.tables[0].rows.filter((r) => ps.has(r[0]))).toEqual([]);
		const strip = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r.slice(1))).sort();
		expect(strip(other.tables[0].rows)).toEqual(strip(mine.tables[0].rows));
	});

	it('long assessments: one row per score, only for exported people, linked by pseudonym; months mode has no calendar dates', async () => {
		const r = await assembleExport(raw.get('child')!, settings('child', { assessmentLayout: 'long' }), KEY);
		const long = r.tables.find((t) => t.name === 'assessments')!;
		expect(long.rows.length).toBe(510 * 2 + 570 * 4 + 918 * 2);
		const people = new Set(r.tables[0].rows.map((x) => x[0]));
		expect(long.rows.every((x) => people.has(x[0]))).toBe(true);
		expect(r.tables[0].columns.some((c) => c.name.startsWith('kidscreen52_'))).toBe(false);
		const files = await serialiseExport(r, META);
		for (const f of files.filter((x) => x.name.endsWith('.csv'))) {
			expect(new TextDecoder().decode(f.bytes)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
		}
	});

	it('month mode: dates as YYYY-MM, enrolment month may be a quasi-identifier', async () => {
		const r = await assembleExport(
			raw.get('child')!,
			settings('child', { dates: 'month', quasiIdentifiers: ['sex', 'age', 'place', 'enrolment'] }),
			KEY
		);
		const names = r.tables[0].columns.map((c) => c.name);
		expect(names).toContain('exited_month');
		expect(r.report.quasiIdentifiers.map((q) => q.name)).toEqual(['sex', 'age', 'place', 'enrolment']);
		expect(r.report.smallestClass).toBeGreaterThanOrEqual(5);
		const csv = new TextDecoder().decode((await serialiseExport(r, META)).find((f) => f.name.endsWith('participants.csv'))!.bytes);
		expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
		expect(csv).toMatch(/,2019-(09|10),/);
	});

	it('filters narrow the cohort (same SQL selection as the views)', async () => {
		const f = { ...DEFAULT_FILTERS, cohort: 'adult' as const, municipalities: ['LIEPAJA_C'] };
		const r = await assembleExport(await fetchExportData(db.engine, f), { ...settings('adult'), filters: f, k: 2 }, KEY);
		expect(r.report.selected).toBe(10);
		expect(r.report.exported + r.report.suppressedForK).toBe(10);
	});

	it('sensitive-variable candidates follow cohort, groups and QIs', () => {
		expect(sensitiveCandidates('adult', settings('adult'))).toEqual(
			expect.arrayContaining(['income_status', 'employment_followup', 'disability_group'])
		);
		expect(sensitiveCandidates('child', settings('child'))).not.toContain('employment_followup');
		expect(sensitiveCandidates('child', settings('child', { quasiIdentifiers: ['sex', 'income_status'] }))).not.toContain('income_status');
	});
});
