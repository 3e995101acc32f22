/**
 * Publisher step for large datasets: packs the contract's tables of a
 * manifest into one DuckDB database file (`dataset.duckdb`) and records it in
 * the manifest as `database`. The browser then attaches that file instead of
 * decoding every Parquet file and ingesting the Arrow result: no decode, no
 * ingest, and DuckDB reads only the blocks a query touches. The Parquet files
 * stay in the manifest as the dataset's canonical, tool-neutral form.
 *
 * Tables are created from data/schema.json (contract names, types and column
 * order), in the same row order as the files, followed by the services
 * summaries of src/lib/db/summaries.ts. Written with storage version
 * v1.0.0 so that DuckDB-WASM 1.32 (DuckDB 1.4) can read it whatever the
 * native DuckDB that wrote it.
 *
 * Run: `npm run data:pack -- data/national/11000-1y` (after data:aggregate).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, statSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contract } from '../src/lib/contract/schema.ts';
import { SUMMARY_TABLES } from '../src/lib/db/summaries.ts';

export const DATABASE_FILE = 'dataset.duckdb';

export async function packDataset(dir: string): Promise<{ bytes: number; seconds: number; tables: string[] }> {
	const t0 = performance.now();
	const manifestPath = join(dir, 'manifest.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	const out = join(dir, DATABASE_FILE);
	rmSync(out, { force: true });
	rmSync(out + '.wal', { force: true });

	const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	await c.run('SET preserve_insertion_order = true');
	await c.run(`ATTACH ${lit(out)} AS ds (STORAGE_VERSION 'v1.0.0')`);
	const tables: string[] = [];
	for (const { name, columns } of contract.tables) {
		const file = manifest.tables[name];
		if (!file) continue; // a dataset need not have every table
		const cols = columns.map((col) => `"${col.name}" ${col.type}`).join(', ');
		await c.run(`CREATE TABLE ds.main."${name}" (${cols})`);
		await c.run(`INSERT INTO ds.main."${name}" BY NAME SELECT * FROM read_parquet(${lit(join(dir, file.path))})`);
		tables.push(name);
	}
	// The services summaries (src/lib/db/summaries.ts), computed here once so that the page
	// attaching this file computes nothing (attach.ts). Listed with the tables: native readers
	// (engine-native.ts, the benchmarks) make a view of each listed table.
	await c.run('USE ds');
	for (const summary of SUMMARY_TABLES) {
		if (!summary.sources.every((s) => tables.includes(s))) continue;
		// One a pack leaves out (size; the page computes it when read) is made in memory only,
		// for the later ones made from it: a table dropped from the file would leave its blocks there.
		if (summary.packed === false) {
			await c.run(`CREATE TEMP TABLE "${summary.name}" AS ${summary.select}`);
			continue;
		}
		await c.run(`CREATE TABLE main."${summary.name}" AS ${summary.select}`);
		tables.push(summary.name);
	}
	await c.run('USE memory');
	await c.run('CHECKPOINT ds');
	await c.run('DETACH ds');
	c.closeSync();

	const bytes = statSync(out).size;
	manifest.database = {
		path: DATABASE_FILE,
		format: 'duckdb',
		tables,
		bytes,
		sha256: createHash('sha256').update(readFileSync(out)).digest('hex')
	};
	writeFileSync(manifestPath, JSON.stringify(manifest, null, '\t') + '\n');
	return { bytes, seconds: (performance.now() - t0) / 1000, tables };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = resolve(process.argv[2] ?? '');
	const r = await packDataset(dir);
	console.log(`${join(dir, DATABASE_FILE)}: ${r.tables.length} tables, ${(r.bytes / 1e6).toFixed(1)} MB (${r.seconds.toFixed(1)} s)`);
}
