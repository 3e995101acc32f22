/**
 * A copy of the pilot in which one municipality's children are cut to a
 * few (with their goals, assessments, services, budgets), served from the
 * built site's folder so a page can open it through `?data=<manifest URL>`:
 * the pilot's own selections are all shown, so a hidden municipality needs this.
 */
import { mkdtemp, readFile, writeFile, rm, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BUILD_DIR } from './static-server';

const PILOT = resolve(import.meta.dirname, '../../data/pilot');

export async function buildSmallDataset(municipality: string, keep: number): Promise<string> {
	const tmp = await mkdtemp(join(tmpdir(), 'ib-mu-'));
	const manifest = JSON.parse(await readFile(join(PILOT, 'manifest.json'), 'utf8'));
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
	for (const name of Object.keys(manifest.tables)) {
		await c.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet(${lit(join(PILOT, manifest.tables[name].path))})`);
	}
	await c.run(`CREATE TABLE gone AS SELECT participant_id FROM participants
		WHERE cohort = 'child' AND municipality_code = ${lit(municipality)} ORDER BY participant_id OFFSET ${Number(keep)}`);
	for (const t of ['plan_goals', 'assessments', 'employment', 'services', 'budgets', 'participants']) {
		await c.run(`DELETE FROM ${t} WHERE participant_id IN (SELECT participant_id FROM gone)`);
	}
	await c.run('DROP TABLE gone');
	for (const name of Object.keys(manifest.tables)) {
		const file = join(tmp, manifest.tables[name].path);
		await c.run(`COPY ${name} TO ${lit(file)} (FORMAT parquet, COMPRESSION zstd)`);
		const rows = (await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${name}`)).getRowObjects()[0].n;
		manifest.tables[name] = { path: manifest.tables[name].path, format: 'parquet', rows: Number(rows) };
	}
	manifest.name = `IBM pilots with ${municipality} cut to ${keep} children (test)`;
	await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, '\t'));
	c.closeSync();
	return tmp;
}

/** The dataset copied into the built site (same origin as the pages); `remove` deletes it again. */
export async function serveSmallDataset(siteUrl: string, municipality: string, keep: number): Promise<{ url: string; remove(): Promise<void> }> {
	const built = await buildSmallDataset(municipality, keep);
	const dir = join(BUILD_DIR, `test-data-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
	await mkdir(dir, { recursive: true });
	for (const f of await readdir(built)) await writeFile(join(dir, f), await readFile(join(built, f)));
	await rm(built, { recursive: true, force: true });
	return {
		url: `${siteUrl}/${dir.slice(BUILD_DIR.length + 1)}/manifest.json`,
		remove: async () => {
			if (existsSync(dir)) await rm(dir, { recursive: true, force: true });
		}
	};
}
