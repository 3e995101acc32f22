/**
 * Quick native summary of data/pilot (native DuckDB, no WASM): cost tables,
 * SFK change counts and FQOLS paired t-tests. The authoritative exact checks
 * are in tests/unit/calibration.test.ts; this is for eyeballing while editing
 * the generator:  node data/generators/check-pilot.ts
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { pairedTTest } from '../../src/lib/stats/pairedTTest.ts';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../pilot');
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await instance.connect();
for (const t of ['participants', 'services', 'service_catalogue', 'assessments', 'overheads']) {
	await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${dir}/${t}.parquet')`);
}
const show = async (title: string, sql: string) => {
	console.log(`\n${title}`);
	console.table((await conn.runAndReadAll(sql)).getRowObjectsJson());
};
for (const cohort of ['child', 'adult']) {
	await show(`${cohort} cost table`, `
		WITH s AS (SELECT s.*, c.service_group FROM services s JOIN service_catalogue c USING (service_code)
		           JOIN participants p USING (participant_id) WHERE p.cohort = '${cohort}')
		SELECT coalesce(service_group, 'total') AS grp, round(sum(cost_eur), 2) AS cost, sum(units) AS units,
			count(DISTINCT participant_id) AS n, round(sum(cost_eur) / sum(units), 2) AS per_unit,
			round(sum(cost_eur) / count(DISTINCT participant_id), 2) AS per_person,
			round(sum(cost_eur) / count(DISTINCT participant_id) / 12, 2) AS per_month
		FROM s GROUP BY ROLLUP (service_group) ORDER BY grp`);
	await show(`${cohort} overheads`, `SELECT kind, round(sum(cost_eur), 2) AS eur FROM overheads WHERE cohort = '${cohort}' GROUP BY 1`);
}
await show('SFK change per domain (qualifiers 0–4 at both waves)', `
	WITH p AS (SELECT b.dimension_code AS d, b.score AS q0, f.score AS q1
	           FROM assessments b JOIN assessments f USING (participant_id, instrument, informant, dimension_code)
	           WHERE b.instrument = 'sfk' AND b.wave = 'baseline' AND f.wave = 'followup' AND b.score <= 4 AND f.score <= 4)
	SELECT d, count(*) FILTER (WHERE q1 < q0) AS improved, count(*) FILTER (WHERE q1 > q0) AS worse, count(*) AS n
	FROM p GROUP BY d ORDER BY improved DESC`);
const rows = (await conn.runAndReadAll(`
	SELECT b.dimension_code AS d, b.score::DOUBLE AS b, f.score::DOUBLE AS f
	FROM assessments b JOIN assessments f USING (participant_id, instrument, informant, dimension_code)
	WHERE b.instrument = 'fqols' AND b.wave = 'baseline' AND f.wave = 'followup'
	ORDER BY d, participant_id`)).getRowObjectsJson() as { d: string; b: number; f: number }[];
console.log('\nFQOLS paired t-tests (follow-up − baseline)');
for (const d of [...new Set(rows.map((r) => r.d))]) {
	const x = rows.filter((r) => r.d === d);
	const t = pairedTTest(x.map((r) => r.f), x.map((r) => r.b));
	console.log(`  ${d.padEnd(22)} n=${t.n} mean diff=${t.estimate.toFixed(4)} t=${t.statistic.toFixed(3)} p=${t.pValue.toPrecision(3)}`);
}
conn.closeSync();
instance.closeSync();
