/**
 * Publisher step for large datasets: adds the service events at the grain the
 * dashboard needs — one row per participant × service × month × provider ×
 * price — and points the manifest's `services` at it, keeping the events as
 * `services_events` (not loaded by the views; for audits and validation).
 *
 * Every figure the views show is a sum or a count of distinct people over
 * services, so this is exact: units and cost are summed, the unit price is
 * the same within a group. On the national 1-year data it turns 6.0 M events
 * into 0.59 M rows, which is what makes the first view fast in a browser.
 *
 * Run: `npm run data:aggregate -- data/national/11000-1y`. Deterministic.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '');
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const events = manifest.tables.services_events ?? manifest.tables.services;
if (!events) throw new Error(`${manifestPath} has no services table`);

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const monthly = 'services-monthly.parquet';
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run('SET threads = 1; SET preserve_insertion_order = true');
await c.run(`CREATE TABLE m AS
	SELECT participant_id, service_code, month, provider_id, price_basis, unit_price_eur,
		sum(units)::DOUBLE AS units, round(sum(cost_eur), 2)::DOUBLE AS cost_eur
	FROM read_parquet(${lit(join(dir, events.path))})
	GROUP BY ALL`);
await c.run(`COPY (
	SELECT printf('M%09d', row_number() OVER (ORDER BY participant_id, month, service_code, provider_id, price_basis, unit_price_eur)) AS event_id,
		participant_id, service_code, month, units, unit_price_eur, cost_eur, provider_id, price_basis
	FROM m ORDER BY participant_id, month, service_code, provider_id, price_basis, unit_price_eur
) TO ${lit(join(dir, monthly))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
const [[rows]] = (await c.runAndReadAll('SELECT count(*)::INTEGER FROM m')).getRows() as number[][];
c.closeSync();

manifest.tables.services_events = { ...events };
manifest.tables.services = {
	path: monthly,
	format: 'parquet',
	rows,
	bytes: statSync(join(dir, monthly)).size,
	sha256: sha256(join(dir, monthly)),
	derived_from: 'services_events',
	grain: 'participant × service × month × provider × unit price'
};
writeFileSync(manifestPath, JSON.stringify(manifest, null, '\t') + '\n');
console.log(`services: ${events.rows} events → ${rows} monthly rows (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
