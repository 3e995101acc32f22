/**
 * The services summaries (db/summaries.ts): the cost queries that read them
 * give exactly the rows of the old queries that scanned `services`
 * (summaries-reference.ts, verbatim), for many filter combinations, on the
 * pilot (one layer and both), on a packed small national dataset whose
 * summaries come from the file; the families' contributors identify the same
 * people per row; and the summaries follow the data (a live append, a packed
 * file taking uploaded rows, live data cleared).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createNodeEngine } from '../../../src/lib/db/engine-node';
import { query, type Engine } from '../../../src/lib/db/engine';
import { parseManifest, type DatasetManifest } from '../../../src/lib/db/manifest';
import { ensureLayerSchemas, selectLayers, type Layer } from '../../../src/lib/db/layers';
import { loadDataset } from '../../../src/lib/db/load';
import { attachDatabase } from '../../../src/lib/db/attach';
import { appendLiveRows, clearLive } from '../../../src/lib/db/ingest';
import { PACKED_SUMMARY_NAMES, SUMMARY_TABLES, hasPackedSummaries } from '../../../src/lib/db/summaries';
import { run, type NamedSql } from '../../../src/lib/query/sql';
import { periodParams, selectionParams } from '../../../src/lib/query/selection';
import { cohortQuarters } from '../../../src/lib/query/quarters';
import { COST_BY_GROUP_SQL, COST_BY_GROUP_WHOLE_TIME_SQL, MONTHLY_COST_SQL, costTable } from '../../../src/lib/outcomes/costs/query';
import { BUDGETS_SQL, PERSON_BUDGETS_CTE } from '../../../src/lib/outcomes/budgets/query';
import { TREND_COSTS_SQL } from '../../../src/lib/outcomes/trends/query';
import { OVERVIEW_SQL } from '../../../src/lib/outcomes/overview/query';
import { COST_FAMILY, isMonthRow } from '../../../src/lib/outcomes/costs/family';
import { BUDGET_FAMILY } from '../../../src/lib/outcomes/budgets/family';
import { AGE_BANDS_BY_COHORT, DEFAULT_FILTERS, type Cohort, type Filters } from '../../../src/lib/filters/filters';
import { packDataset } from '../../../data/pack';
import { PILOT_DIR } from '../../helpers/engine';
import { smallNationalDir } from '../../helpers/national';
import type { TypedRow } from '../../../src/lib/contract/schema';
import {
	OLD_BUDGETS_SQL,
	OLD_PERSON_BUDGETS_CTE,
	OLD_COHORT_QUARTERS_SQL,
	OLD_COST_BY_GROUP_SQL,
	OLD_COST_CONTRIBUTORS,
	OLD_COST_MONTHS_SQL,
	OLD_MONTHLY_COST_SQL,
	OLD_OVERVIEW_SQL,
	OLD_TREND_COSTS_SQL,
	numbered
} from './summaries-reference';
import { SERVICE_MONTHS_SQL } from '../../../src/lib/query/filter-options';

// The budget family's contributors on the old CTE: the same text with the CTE swapped (its $names numbered alike).
const budgetNames = BUDGET_FAMILY.contributors.names;
const OLD_BUDGET_CONTRIBUTORS: NamedSql<'cohort' | 'from' | 'to'> = {
	...BUDGET_FAMILY.contributors,
	text: BUDGET_FAMILY.contributors.text.replace(numbered(PERSON_BUDGETS_CTE, budgetNames), numbered(OLD_PERSON_BUDGETS_CTE, budgetNames))
};

const readManifest = (dir: string): DatasetManifest => parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
const readFrom = (dir: string) => async (p: string) => new Uint8Array(await readFile(resolve(dir, p)));

async function pilotInto(engine: Engine, layer: Layer): Promise<void> {
	await loadDataset(engine, readManifest(PILOT_DIR), readFrom(PILOT_DIR), undefined, { schema: layer });
}

/** Filter combinations over the data's own municipalities, regions and service months. */
async function filterCases(engine: Engine): Promise<{ name: string; f: Filters }[]> {
	const places = await query<{ code: string; region: string }>(engine, `SELECT code, region FROM municipalities WHERE code IN (SELECT municipality_code FROM participants) ORDER BY code`);
	const months = (await query<{ m: string }>(engine, `SELECT DISTINCT strftime(month, '%Y-%m') AS m FROM services ORDER BY 1`)).map((r) => r.m);
	const a = months[Math.floor(months.length / 4)];
	const b = months[Math.floor((3 * months.length) / 4)];
	const cases: { name: string; f: Filters }[] = [];
	for (const cohort of ['child', 'adult'] as Cohort[]) {
		const base = { ...DEFAULT_FILTERS, cohort };
		cases.push(
			{ name: `${cohort}`, f: base },
			{ name: `${cohort} F`, f: { ...base, sex: 'F' } },
			{ name: `${cohort} age ${AGE_BANDS_BY_COHORT[cohort][1]}`, f: { ...base, ageBand: AGE_BANDS_BY_COHORT[cohort][1] } },
			{ name: `${cohort} region`, f: { ...base, region: places[0].region } },
			{ name: `${cohort} one municipality`, f: { ...base, municipalities: [places.at(-1)!.code] } },
			{ name: `${cohort} two municipalities`, f: { ...base, municipalities: [places[0].code, places.at(-1)!.code] } },
			{ name: `${cohort} ${a}…${b}`, f: { ...base, from: a, to: b } },
			{ name: `${cohort} from ${b}`, f: { ...base, from: b } },
			{ name: `${cohort} to ${a}`, f: { ...base, to: a } },
			{ name: `${cohort} M, region, ${a}…${b}`, f: { ...base, sex: 'M', region: places.at(-1)!.region, from: a, to: b } }
		);
	}
	return cases;
}

const sorted = (rows: { participant_id: string; row: string }[]) => rows.map((r) => `${r.participant_id}|${r.row}`).sort();

/** Every new query against its old text, for every filter case; the number of non-empty results checked, so an all-empty comparison cannot pass. */
async function expectSameAsBefore(engine: Engine): Promise<void> {
	let nonEmpty = 0;
	for (const { name, f } of await filterCases(engine)) {
		const sel = selectionParams(f);
		const period = periodParams(f);
		const byGroup = await run(engine, OLD_COST_BY_GROUP_SQL, { ...sel, ...period });
		expect(await run(engine, COST_BY_GROUP_SQL, { ...sel, ...period }), `${name}: cost by group`).toEqual(byGroup);
		if (!f.from && !f.to) expect(await run(engine, COST_BY_GROUP_WHOLE_TIME_SQL, sel), `${name}: cost by group, whole time`).toEqual(byGroup);
		const monthly = await run(engine, OLD_MONTHLY_COST_SQL, { ...sel, ...period });
		expect(await run(engine, MONTHLY_COST_SQL, { ...sel, ...period }), `${name}: monthly cost`).toEqual(monthly);
		const budgets = await run(engine, OLD_BUDGETS_SQL, sel);
		expect(await run(engine, BUDGETS_SQL, sel), `${name}: budgets`).toEqual(budgets);
		if (!f.from && !f.to) {
			expect(await run(engine, TREND_COSTS_SQL, sel), `${name}: quarter costs`).toEqual(await run(engine, OLD_TREND_COSTS_SQL, sel));
		}
		if (byGroup.length > 1 && monthly.length && budgets.length) nonEmpty++;
	}
	expect(nonEmpty).toBeGreaterThan(10);
	expect(await run(engine, OVERVIEW_SQL, {}), 'overview').toEqual(await run(engine, OLD_OVERVIEW_SQL, {}));
	for (const cohort of ['child', 'adult'] as Cohort[]) {
		expect(await cohortQuarters(engine, cohort), `${cohort}: quarters`).toEqual(
			(await run<{ quarter: string }, string>(engine, OLD_COHORT_QUARTERS_SQL, { cohort, from: null, to: null })).map((r) => r.quarter)
		);
		const rows = typeof COST_FAMILY.rows === 'function' ? await COST_FAMILY.rows(engine, cohort) : COST_FAMILY.rows;
		expect(rows.filter(isMonthRow), `${cohort}: cost family months`).toEqual((await run<{ m: string }, 'cohort'>(engine, OLD_COST_MONTHS_SQL, { cohort })).map((r) => r.m));
		// The filter bar's and the release plans' service span, now read from the person × month summary.
		const span = await run<{ first: string | null; last: string | null }, 'cohort'>(engine, SERVICE_MONTHS_SQL, { cohort });
		expect(span, `${cohort}: service span`).toEqual(
			await query(engine, `SELECT strftime(min(s.month), '%Y-%m') AS first, strftime(max(s.month), '%Y-%m') AS last FROM services s JOIN participants p USING (participant_id) WHERE p.cohort = ?`, [cohort])
		);
		expect(span[0].first).not.toBeNull();
		const months = (await query<{ m: string }>(engine, `SELECT DISTINCT month::VARCHAR AS m FROM services ORDER BY 1`)).map((r) => r.m);
		for (const [from, to] of [[null, null], [months[1], months.at(-2)!.slice(0, 8) + '28'], [months[2], null]] as [string | null, string | null][]) {
			const values = { cohort, from, to };
			const cost = await run<{ participant_id: string; row: string }, 'cohort' | 'from' | 'to'>(engine, OLD_COST_CONTRIBUTORS, values);
			expect(cost.length).toBeGreaterThan(0);
			expect(sorted(await run(engine, COST_FAMILY.contributors, values)), `${cohort} ${from}…${to}: cost family`).toEqual(sorted(cost));
			const budget = await run<{ participant_id: string; row: string }, 'cohort' | 'from' | 'to'>(engine, OLD_BUDGET_CONTRIBUTORS, values);
			expect(budget.length).toBeGreaterThan(0);
			expect(sorted(await run(engine, BUDGET_FAMILY.contributors, values)), `${cohort} ${from}…${to}: budget family`).toEqual(sorted(budget));
		}
	}
}

/** main's summaries, as they are and freshly computed from main's contract views now. */
async function summariesNowAndFresh(engine: Engine, name: string) {
	const t = SUMMARY_TABLES.find((s) => s.name === name)!;
	// A summary made from an earlier one (cost_person_group, budget_period_spent) reads a fresh one too.
	let select = t.select;
	for (const earlier of SUMMARY_TABLES) select = select.replace(new RegExp(`(FROM|JOIN) ${earlier.name}\\b`), `$1 (${earlier.select})`);
	expect(select).not.toMatch(/(FROM|JOIN) (cost_|budget_)/);
	return {
		now: await query(engine, `SELECT * FROM main.${name} ORDER BY ALL`),
		fresh: await query(engine, `SELECT * FROM (${select}) ORDER BY ALL`)
	};
}

const summaryKind = async (engine: Engine) =>
	Object.fromEntries(
		(await query<{ name: string; kind: string }>(
			engine,
			`SELECT table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE schema_name = 'main' AND database_name = current_database()
			UNION ALL SELECT view_name, 'view' FROM duckdb_views() WHERE schema_name = 'main' AND database_name = current_database()`
		)).filter((r) => SUMMARY_TABLES.some((t) => t.name === r.name)).map((r) => [r.name, r.kind])
	);

it('the reference budget contributors are the old text (the CTE was swapped)', () => {
	expect(OLD_BUDGET_CONTRIBUTORS.text).not.toBe(BUDGET_FAMILY.contributors.text);
	expect(OLD_BUDGET_CONTRIBUTORS.text).toContain('FROM services s WHERE');
	expect(BUDGET_FAMILY.contributors.text).not.toContain('FROM services');
});

describe('cost queries on the summaries equal the old queries on services', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await ensureLayerSchemas(engine);
		await pilotInto(engine, 'pilot');
		// A second copy of the pilot as the live layer: both layers shown prefix every id.
		await pilotInto(engine, 'live');
	}, 120_000);
	afterAll(() => engine?.close());

	it('on the pilot', async () => {
		await selectLayers(engine, ['pilot']);
		await expectSameAsBefore(engine);
	}, 120_000);

	it('on both layers (ids prefixed, catalogues merged)', async () => {
		await selectLayers(engine, ['pilot', 'live']);
		expect((await query<{ n: number }>(engine, `SELECT count(*)::INTEGER AS n FROM cost_person_month WHERE participant_id LIKE 'live:%'`))[0].n).toBeGreaterThan(0);
		await expectSameAsBefore(engine);
	}, 120_000);
});

describe('a packed dataset', () => {
	let dir: string;
	let engine: Engine;
	beforeAll(async () => {
		dir = join(mkdtempSync(join(tmpdir(), 'ib-summaries-')), 'national');
		cpSync(smallNationalDir(), dir, { recursive: true });
		await packDataset(dir);
		engine = await createNodeEngine();
		await ensureLayerSchemas(engine);
		await attachDatabase(engine, 'live', readManifest(dir), new Uint8Array(readFileSync(join(dir, 'dataset.duckdb'))));
		await selectLayers(engine, ['live']);
	}, 300_000);
	afterAll(async () => {
		await engine?.close();
		if (dir) rmSync(resolve(dir, '..'), { recursive: true, force: true });
	});

	it("reads the file's summaries (nothing computed), equal to freshly computed ones", async () => {
		// Every summary but those a pack leaves out (the person × group × month one: size).
		const listed = readManifest(dir).database!.tables;
		expect(listed).toEqual(expect.arrayContaining([...PACKED_SUMMARY_NAMES]));
		expect(SUMMARY_TABLES.filter((t) => t.packed === false).map((t) => t.name)).toEqual(['cost_person_group_month']);
		for (const t of SUMMARY_TABLES.filter((t) => t.packed === false)) expect(listed).not.toContain(t.name);
		expect(await hasPackedSummaries(engine, 'live')).toBe(true);
		// All are views: over the file's tables, or (left out) computed when read; equal to fresh ones below.
		expect(await summaryKind(engine)).toEqual(Object.fromEntries(SUMMARY_TABLES.map((t) => [t.name, 'view'])));
		const definition = (await query<{ sql: string }>(engine, `SELECT sql FROM duckdb_views() WHERE view_name = 'cost_person_month' AND schema_name = 'main'`))[0].sql;
		expect(definition).toContain('live');
		for (const t of SUMMARY_TABLES) {
			const { now, fresh } = await summariesNowAndFresh(engine, t.name);
			expect(now.length, t.name).toBeGreaterThan(1000);
			expect(now, t.name).toEqual(fresh);
		}
	});

	it('computes them at load for an older pack that lacks them (its manifest does not list them)', async () => {
		const older = await createNodeEngine();
		try {
			await ensureLayerSchemas(older);
			const manifest = readManifest(dir);
			manifest.database!.tables = manifest.database!.tables.filter((t) => !SUMMARY_TABLES.some((s) => s.name === t));
			await attachDatabase(older, 'live', manifest, new Uint8Array(readFileSync(join(dir, 'dataset.duckdb'))));
			await selectLayers(older, ['live']);
			expect(await hasPackedSummaries(older, 'live')).toBe(false);
			expect(await summaryKind(older)).toEqual(Object.fromEntries(SUMMARY_TABLES.map((t) => [t.name, 'table'])));
			for (const t of SUMMARY_TABLES) {
				const sql = `SELECT * FROM main.${t.name} ORDER BY ALL`;
				expect(await query(older, sql), t.name).toEqual(await query(engine, sql));
			}
		} finally {
			await older.close();
		}
	});

	it('gives the old queries’ rows on national-shaped data', async () => {
		await expectSameAsBefore(engine);
	}, 300_000);

	it('computes them once rows are added to the file’s services (the file’s summaries would be stale)', async () => {
		const [person] = await query<{ id: string; month: string }>(
			engine,
			`SELECT participant_id AS id, month::VARCHAR AS month FROM services s JOIN participants p USING (participant_id) WHERE p.cohort = 'adult' ORDER BY ALL LIMIT 1`
		);
		const f = { ...DEFAULT_FILTERS, cohort: 'adult' as Cohort };
		const before = await run<{ month: string; cost_eur: number }, string>(engine, MONTHLY_COST_SQL, { ...selectionParams(f), ...periodParams(f) });
		const [code] = await query<{ code: string }>(engine, `SELECT service_code AS code FROM service_catalogue WHERE cohort = 'adult' ORDER BY 1 LIMIT 1`);
		await appendLiveRows(engine, 'services', [
			{ event_id: 'added-1', participant_id: person.id, service_code: code.code, month: person.month, units: 2, unit_price_eur: 617.5, cost_eur: 1235 } as TypedRow
		]);
		await selectLayers(engine, ['live']);
		expect(await hasPackedSummaries(engine, 'live')).toBe(false);
		expect(await summaryKind(engine)).toEqual(Object.fromEntries(SUMMARY_TABLES.map((t) => [t.name, 'table'])));
		const after = await run<{ month: string; cost_eur: number }, string>(engine, MONTHLY_COST_SQL, { ...selectionParams(f), ...periodParams(f) });
		const m = person.month.slice(0, 7);
		const cost = (rows: { month: string; cost_eur: number }[]) => rows.find((r) => r.month === m)!.cost_eur;
		expect(Math.round((cost(after) - cost(before)) * 100)).toBe(123500);
		expect(after).toEqual(await run(engine, OLD_MONTHLY_COST_SQL, { ...selectionParams(f), ...periodParams(f) }));
	});
});

describe('summaries follow the live layer', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
		await ensureLayerSchemas(engine);
		await pilotInto(engine, 'pilot');
		await selectLayers(engine, ['pilot', 'live']);
	}, 120_000);
	afterAll(() => engine?.close());

	const adults = { ...DEFAULT_FILTERS, cohort: 'adult' as Cohort };
	const groupTotal = async () => (await costTable(engine, adults)).rows;

	it('after uploaded rows are appended and the layers selected again, and after live data are cleared', async () => {
		const before = await groupTotal();
		const [person] = await query<TypedRow>(engine, `SELECT * FROM pilot.participants WHERE cohort = 'adult' ORDER BY participant_id LIMIT 1`);
		const [service] = await query<TypedRow>(engine, `SELECT * FROM pilot.services WHERE participant_id = ? ORDER BY ALL LIMIT 1`, [person.participant_id as string]);
		await appendLiveRows(engine, 'participants', [person]);
		await appendLiveRows(engine, 'services', [{ ...service, event_id: 'up-1', units: 3, cost_eur: 1000.25 }]);
		await selectLayers(engine, ['pilot', 'live']);
		const people = await query<{ id: string; cost: number }>(engine, `SELECT participant_id AS id, cost_eur::DOUBLE AS cost FROM cost_person_month WHERE participant_id LIKE 'live:%'`);
		expect(people).toEqual([{ id: `live:${person.participant_id}`, cost: 1000.25 }]);
		const after = await groupTotal();
		expect(after).not.toEqual(before);
		await expectSameAsBefore(engine);

		await clearLive(engine);
		await selectLayers(engine, ['pilot']);
		expect(await groupTotal()).toEqual(before);
		expect((await query<{ n: number }>(engine, `SELECT count(*)::INTEGER AS n FROM cost_person_month WHERE participant_id LIKE 'live:%'`))[0].n).toBe(0);
	}, 120_000);
});
