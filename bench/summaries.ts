/**
 * The services summaries (src/lib/db/summaries.ts, issue 15) natively: the
 * time to build them, and the cost queries before (scanning `services`, the
 * old SQL kept in tests/unit/db/summaries-reference.ts) and after (reading
 * the summaries), on a packed national dataset, single-threaded (as the
 * issue's figures; DuckDB-WASM runs one thread).
 *
 *   npx tsx bench/summaries.ts [--data data/national/11000-1y] [--repeats 7] [--out f.json]
 *
 * "new" reads the packed file's own summaries when it has them (as the page
 * does), else summaries built here in memory; "new (memory)" always the
 * in-memory ones (what an older pack or Parquet files give after the build).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { nativeEngine } from '../src/lib/db/engine-native';
import type { Engine, SqlParam } from '../src/lib/db/engine';
import { parseManifest } from '../src/lib/db/manifest';
import { SUMMARY_TABLES } from '../src/lib/db/summaries';
import { TABLES } from '../src/lib/contract/schema.ts';
import { run, type NamedSql } from '../src/lib/query/sql';
import { periodParams, selectionParams } from '../src/lib/query/selection';
import { DEFAULT_FILTERS, type Cohort, type Filters } from '../src/lib/filters/filters';
import { COST_BY_GROUP_SQL, COST_BY_GROUP_WHOLE_TIME_SQL, MONTHLY_COST_SQL } from '../src/lib/outcomes/costs/query';
import { BUDGETS_SQL, PERSON_BUDGETS_CTE } from '../src/lib/outcomes/budgets/query';
import { TREND_COSTS_SQL } from '../src/lib/outcomes/trends/query';
import { COST_FAMILY } from '../src/lib/outcomes/costs/family';
import { BUDGET_FAMILY } from '../src/lib/outcomes/budgets/family';
import { OLD_BUDGETS_SQL, OLD_PERSON_BUDGETS_CTE, numbered, OLD_COST_BY_GROUP_SQL, OLD_COST_CONTRIBUTORS, OLD_MONTHLY_COST_SQL, OLD_TREND_COSTS_SQL } from '../tests/unit/db/summaries-reference';

const { values: cli } = parseArgs({
	options: {
		data: { type: 'string', default: 'data/national/11000-1y' },
		repeats: { type: 'string', default: '7' },
		out: { type: 'string' }
	}
});
const DIR = resolve(cli.data!);
const REPEATS = Number(cli.repeats);

const budgetNames = BUDGET_FAMILY.contributors.names;
const OLD_BUDGET_CONTRIBUTORS = {
	...BUDGET_FAMILY.contributors,
	text: BUDGET_FAMILY.contributors.text.replace(numbered(PERSON_BUDGETS_CTE, budgetNames), numbered(OLD_PERSON_BUDGETS_CTE, budgetNames))
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r1 = (x: number) => Math.round(x * 10) / 10;

interface Timed {
	/** Not timed: e.g. pointing the summaries' names at other tables. */
	setup?: () => Promise<unknown>;
	run: () => Promise<unknown>;
}

/** Medians of the given runs, taken in turn (old, new, old, new …) so that load from other work on the machine falls on each alike. */
async function timedTogether(items: Timed[]): Promise<number[]> {
	const times: number[][] = items.map(() => []);
	for (let i = -1; i < REPEATS; i++) {
		for (const [k, item] of items.entries()) {
			await item.setup?.();
			const t0 = performance.now();
			await item.run();
			if (i >= 0) times[k].push(performance.now() - t0); // the first round warms plans and the file's blocks
		}
	}
	return times.map((r) => r1(median(r)));
}

const manifest = parseManifest(JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')));
if (!manifest.database) throw new Error(`${DIR}: no packed database file (npm run data:pack -- ${cli.data})`);
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await instance.connect();
const engine: Engine = nativeEngine(conn);
await conn.run(`ATTACH '${join(DIR, manifest.database.path).replaceAll("'", "''")}' AS ds (READ_ONLY)`);
for (const t of manifest.database.tables.filter((t) => TABLES.includes(t))) await conn.run(`CREATE VIEW main."${t}" AS SELECT * FROM ds.main."${t}"`);
const packed = SUMMARY_TABLES.every((t) => manifest.database!.tables.includes(t.name));

// The build, as the page does it for Parquet files or an older pack (summaries.ts refreshSummaries), timed per table.
const build: Record<string, number> = {};
const builds: Record<string, number[]> = {};
for (let i = 0; i < 3; i++) {
	await conn.run('CREATE SCHEMA IF NOT EXISTS mem');
	for (const t of SUMMARY_TABLES) {
		await conn.run(`DROP TABLE IF EXISTS mem."${t.name}"`);
		const t0 = performance.now();
		// Unqualified sources: main's contract views, or an earlier summary in mem (first on the search path).
		await conn.run(`SET search_path = 'mem,main'; CREATE TABLE mem."${t.name}" AS ${t.select}`);
		(builds[t.name] ??= []).push(performance.now() - t0);
	}
	await conn.run(`SET search_path = 'main'`);
}
for (const [k, v] of Object.entries(builds)) build[k] = r1(median(v));
build.total = r1(Object.values(build).reduce((a, b) => a + b, 0));
const rows = Object.fromEntries(
	await Promise.all(SUMMARY_TABLES.map(async (t) => [t.name, Number((await conn.runAndReadAll(`SELECT count(*) FROM mem."${t.name}"`)).getRows()[0][0])] as const))
);

const useSummaries = async (from: 'file' | 'memory') => {
	for (const t of SUMMARY_TABLES) await conn.run(`CREATE OR REPLACE VIEW main."${t.name}" AS SELECT * FROM ${from === 'file' ? 'ds.main' : 'mem'}."${t.name}"`);
};

const months = (await conn.runAndReadAll(`SELECT DISTINCT strftime(month, '%Y-%m') FROM services ORDER BY 1`)).getRows().map((r) => String(r[0]));
const periodFrom = months[Math.floor(months.length / 4)];
const periodTo = months[Math.floor((3 * months.length) / 4)];
const steps: { name: string; f: Filters }[] = [];
for (const cohort of ['adult', 'child'] as Cohort[]) {
	steps.push({ name: cohort, f: { ...DEFAULT_FILTERS, cohort } });
	steps.push({ name: `${cohort} ${periodFrom}…${periodTo}`, f: { ...DEFAULT_FILTERS, cohort, from: periodFrom, to: periodTo } });
}

type Q = { name: string; old: () => Promise<unknown>; now: () => Promise<unknown> };
const q = <P extends string>(o: NamedSql<P>, n: NamedSql<P>, v: Record<P, SqlParam>) => ({ old: () => run(engine, o, v), now: () => run(engine, n, v) });
const queries: Q[] = [];
for (const { name, f } of steps) {
	const sel = selectionParams(f);
	const period = periodParams(f);
	const whole = !f.from && !f.to;
	const view: Q[] = [
		{
			name: `${name}: cost by group`,
			old: () => run(engine, OLD_COST_BY_GROUP_SQL, { ...sel, ...period }),
			now: () => (whole ? run(engine, COST_BY_GROUP_WHOLE_TIME_SQL, sel) : run(engine, COST_BY_GROUP_SQL, { ...sel, ...period }))
		},
		{ name: `${name}: monthly cost`, ...q(OLD_MONTHLY_COST_SQL, MONTHLY_COST_SQL, { ...sel, ...period }) },
		{ name: `${name}: budgets`, ...q(OLD_BUDGETS_SQL, BUDGETS_SQL, sel) }
	];
	queries.push(...view);
	// What a filter change on /costs/ and /budgets/ waits for, one query after the other.
	queries.push({
		name: `${name}: the three together`,
		old: async () => { for (const v of view) await v.old(); },
		now: async () => { for (const v of view) await v.now(); }
	});
	if (whole) queries.push({ name: `${name}: trends quarter costs`, ...q(OLD_TREND_COSTS_SQL, TREND_COSTS_SQL, sel) });
}
for (const cohort of ['adult', 'child'] as Cohort[]) {
	const v = { cohort, from: null, to: null };
	queries.push({ name: `${cohort}: cost family contributors (release plans)`, ...q(OLD_COST_CONTRIBUTORS, COST_FAMILY.contributors, v) });
	queries.push({ name: `${cohort}: budget family contributors`, ...q(OLD_BUDGET_CONTRIBUTORS, BUDGET_FAMILY.contributors, v) });
}

const results: { query: string; oldMs: number; newMs: number; newMemoryMs: number; speedup: number }[] = [];
for (const qq of queries) {
	const [oldMs, newMs, newMemoryMs] = await timedTogether([
		{ run: qq.old },
		{ setup: () => useSummaries(packed ? 'file' : 'memory'), run: qq.now },
		{ setup: () => useSummaries('memory'), run: qq.now }
	]);
	results.push({ query: qq.name, oldMs, newMs, newMemoryMs, speedup: r1(oldMs / newMs) });
}

const out = {
	date: new Date().toISOString(),
	data: cli.data,
	services: manifest.tables.services?.rows,
	threads: 1,
	repeats: REPEATS,
	loadAverage: loadavg(),
	packedSummaries: packed,
	summaryRows: rows,
	buildMs: build,
	queries: results
};
console.log(`${cli.data}: services ${out.services} rows; summaries ${JSON.stringify(rows)}; packed summaries in the file: ${packed}`);
console.log(`build (native, 1 thread, ms): ${JSON.stringify(build)}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.table(results);
if (cli.out) writeFileSync(cli.out, JSON.stringify(out, null, '\t') + '\n');
conn.closeSync();
instance.closeSync();
