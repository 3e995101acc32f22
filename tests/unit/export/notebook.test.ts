/**
 * The R notebook (notebooks/reproduce-pilot.R) reads only the anonymised CSV
 * export; its committed numbers (notebooks/output/reproduce-pilot.json) must
 * equal the dashboard's own computation on the pilot data (the metric modules
 * the views use). And the committed export must be exactly what the export
 * library produces today (so the notebook checks the current code), and as
 * safe as the page's default on its background columns: it differs only in
 * allowing no suppression and in exact costs (synthetic data, make-export.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openPilotEngine, type TestEngine } from '../../helpers/engine.ts';
import { DEFAULT_FILTERS, type Filters } from '../../../src/lib/filters/filters.ts';
import { goalAttainment } from '../../../src/lib/outcomes/goals/query.ts';
import { kidscreenData } from '../../../src/lib/outcomes/kidscreen/query.ts';
import { summariseKidscreen } from '../../../src/lib/outcomes/kidscreen/summary.ts';
import { employment } from '../../../src/lib/outcomes/employment/query.ts';
import { costTable } from '../../../src/lib/outcomes/costs/query.ts';
import { notebookExport } from '../../../notebooks/make-export.ts';
import { parseCsv } from '../../helpers/csv-parse.ts';
import { backgroundColumns } from './cohort/attack.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

interface RGoal { domain: string; participants: number; goals: number; achieved: number; partly: number; not_achieved: number; score: number; score_share: number }
interface RKidscreen { informant: string; dimension: string; n: number; baseline_mean: number; followup_mean: number; mean_change: number; t: number; df: number; p: number; p_holm: number }
interface RCost { group: string; cost_eur: number; units: number; participants: number; eur_per_unit: number; eur_per_participant: number; eur_per_participant_month: number }
interface RCohort { participants: number; reporting_months: number; goals: RGoal[]; costs: RCost[]; kidscreen?: RKidscreen[]; employment?: { n_pairs: number; employed_before: number; employed_after: number; b: number; c: number; chisq: number; p_chisq: number; p_exact: number; counts: { status: string; baseline: number; followup: number }[] } }

let db: TestEngine;
let r: { child: RCohort; adult: RCohort };

beforeAll(async () => {
	db = await openPilotEngine();
	r = JSON.parse(await readFile(resolve(ROOT, 'notebooks/output/reproduce-pilot.json'), 'utf8'));
}, 120_000);
afterAll(async () => {
	await db?.close();
});

const filters = (cohort: 'child' | 'adult'): Filters => ({ ...DEFAULT_FILTERS, cohort });
/** R writes 17 significant digits; sums in a different order may differ in the last bits. */
const close = (a: number, b: number, rel = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

describe('notebook output vs the dashboard', () => {
	for (const cohort of ['child', 'adult'] as const) {
		it(`${cohort}: goal attainment per domain and overall`, async () => {
			const rows = await goalAttainment(db.engine, filters(cohort));
			expect(r[cohort].goals.map((g) => g.domain)).toEqual(rows.map((x) => x.domain_code ?? 'all'));
			rows.forEach((x, i) => {
				const g = r[cohort].goals[i];
				expect([g.participants, g.goals, g.achieved, g.partly, g.not_achieved]).toEqual([x.participants, x.goals, x.achieved, x.partly, x.not_achieved]);
				close(g.score, x.score);
				close(g.score_share, x.score_share!);
			});
			// The published headline: children 75%, adults 65%.
			expect(Math.round(100 * r[cohort].goals.at(-1)!.score_share)).toBe(cohort === 'child' ? 75 : 65);
		});

		it(`${cohort}: cost per participant by service group`, async () => {
			const table = await costTable(db.engine, filters(cohort));
			expect(r[cohort].reporting_months).toBe(table.divisor);
			for (const c of r[cohort].costs) {
				const x = table.rows.find((row) => row.row === c.group)!;
				expect(x, c.group).toBeDefined();
				close(c.cost_eur, x.cost_eur);
				expect(c.units).toBe(x.units);
				expect(c.participants).toBe(x.participants);
				close(c.eur_per_unit, x.eur_per_unit!);
				close(c.eur_per_participant, x.eur_per_participant!);
				close(c.eur_per_participant_month, x.eur_per_participant_month!);
			}
			expect(r[cohort].costs.length).toBe(table.rows.filter((x) => x.row !== 'total_with_overheads').length);
		});
	}

	it('child: KIDSCREEN paired t-tests per dimension and informant (Holm within informant)', async () => {
		const summary = summariseKidscreen(await kidscreenData(db.engine, filters('child')), { adjust: 'holm' });
		const rk = r.child.kidscreen!;
		let compared = 0;
		for (const s of summary) {
			for (const row of s.rows) {
				const x = rk.find((k) => k.informant === s.informant && k.dimension === row.dimension_code)!;
				expect(x, `${s.informant} ${row.dimension_code}`).toBeDefined();
				expect(x.n).toBe(row.n);
				close(x.baseline_mean, row.baselineMean);
				close(x.followup_mean, row.followupMean);
				close(x.t, row.statistic, 1e-8);
				close(x.p, row.pValue, 1e-6);
				close(x.p_holm, row.pAdjusted, 1e-6);
				compared++;
			}
		}
		expect(compared).toBe(20);
		expect(rk.length).toBe(20);
	});

	it('adult: employment counts and McNemar (chi-square with continuity correction, exact binomial p)', async () => {
		const e = await employment(db.engine, filters('adult'));
		const x = r.adult.employment!;
		expect([x.n_pairs, x.b, x.c, x.employed_before, x.employed_after]).toEqual([e.test.nPairs, e.test.b, e.test.c, e.test.employedBefore, e.test.employedAfter]);
		expect([x.employed_before, x.employed_after]).toEqual([16, 29]);
		close(x.chisq, e.test.chiSquare);
		close(x.p_chisq, e.test.pChiSquare, 1e-6);
		close(x.p_exact, e.test.pExact, 1e-6);
		for (const c of e.counts) expect(x.counts.find((s) => s.status === c.status)).toEqual({ status: c.status, baseline: c.baseline, followup: c.followup });
	});

	it('the committed export is what the export library produces now (data files and codebook byte for byte)', async () => {
		for (const cohort of ['child', 'adult'] as const) {
			const files = await notebookExport(db.engine, cohort, '2000-01-01');
			for (const f of files.filter((x) => !x.name.endsWith('manifest.json'))) {
				const committed = await readFile(resolve(ROOT, 'notebooks/export', f.name));
				expect(Buffer.from(f.bytes).equals(committed), `${f.name} differs: rerun npx tsx notebooks/make-export.ts and the notebook`).toBe(true);
			}
			expect(r[cohort].participants).toBe(files.length && JSON.parse(new TextDecoder().decode(files.at(-1)!.bytes)).records.exported);
		}
	});

	it('the committed export is k-anonymous (k ≥ 5) on all its background columns together, with the risk cap, and says its costs are exact', async () => {
		for (const cohort of ['child', 'adult'] as const) {
			const csv = parseCsv(await readFile(resolve(ROOT, `notebooks/export/ib-outcomes-${cohort}-participants.csv`), 'utf8'));
			const manifest = JSON.parse(await readFile(resolve(ROOT, `notebooks/export/ib-outcomes-${cohort}-manifest.json`), 'utf8'));
			const header = csv[0];
			const background = backgroundColumns(header);
			expect(background.length).toBeGreaterThanOrEqual(cohort === 'child' ? 14 : 15);
			const idx = background.map((c) => header.indexOf(c));
			const counts = new Map<string, number>();
			for (const row of csv.slice(1)) {
				const key = JSON.stringify(idx.map((i) => row[i]));
				counts.set(key, (counts.get(key) ?? 0) + 1);
			}
			expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(5);
			expect(manifest.risk.max).toBeLessThanOrEqual(0.2);
			expect(manifest.records.exported).toBe(manifest.records.selected);
			expect(manifest.settings.cost_rounding_eur).toBeNull();
			expect(manifest.pseudonym.key_included).toBe(false);
		}
	});
});
