/**
 * After lockDown, DuckDB can reach neither files nor the network, no setting
 * can be changed back, and what the site still needs works: Arrow ingest of
 * uploads and attaching a packed database file (a second `?data=`).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableToIPC, tableFromArrays } from 'apache-arrow';
import { createNodeEngine } from '../../../src/lib/db/engine-node';
import { query, type Engine } from '../../../src/lib/db/engine';
import { lockDown, DATA_DIR } from '../../../src/lib/db/lockdown';
import { attachDatabase } from '../../../src/lib/db/attach';
import { ensureLayerSchemas, selectLayers } from '../../../src/lib/db/layers';
import { parseManifest } from '../../../src/lib/db/manifest';
import { packDataset } from '../../../data/pack';
import { PILOT_DIR } from '../../helpers/engine';

let engine: Engine;
let dir: string;
let db: Uint8Array;

const fails = async (sql: string) => {
	try {
		await query(engine, sql);
	} catch (e) {
		return (e as Error).message;
	}
	return null;
};

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'ib-lock-'));
	cpSync(PILOT_DIR, dir, { recursive: true });
	await packDataset(dir);
	db = new Uint8Array(readFileSync(join(dir, 'dataset.duckdb')));
	engine = await createNodeEngine();
	await ensureLayerSchemas(engine);
	await lockDown(engine);
	await lockDown(engine); // idempotent
});
afterAll(async () => {
	await engine?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('lockDown', () => {
	it('refuses network and file access, ATTACH of other paths and extension loading', async () => {
		expect(await fails("SELECT * FROM read_csv('http://127.0.0.1:1/x.csv')")).toMatch(/disabled by configuration/);
		await engine.registerFileBuffer('elsewhere.duckdb', db);
		expect(await fails("ATTACH 'elsewhere.duckdb' AS x (READ_ONLY)")).toMatch(/disabled by configuration/);
		expect(await fails(`ATTACH '${DATA_DIR}../elsewhere.duckdb' AS x (READ_ONLY)`)).toMatch(/disabled by configuration/);
		await engine.exec('CREATE TABLE t AS SELECT 1 AS x');
		expect(await fails("COPY t TO 'out.csv'")).toMatch(/disabled by configuration/);
		expect(await fails('LOAD httpfs')).toMatch(/disabled/);
	});

	it('refuses to change any setting back', async () => {
		expect(await fails('SET enable_external_access = true')).toMatch(/configuration has been locked/);
		expect(await fails("SET allowed_directories = ['/']")).toMatch(/configuration has been locked/);
		expect(await fails('SET lock_configuration = false')).toMatch(/configuration has been locked/);
		const [s] = await query<{ v: string }>(engine, "SELECT value AS v FROM duckdb_settings() WHERE name = 'enable_external_access'");
		expect(s.v).toBe('false');
	});

	it('still ingests Arrow rows (uploads) and attaches the site’s own database files, again and again', async () => {
		await engine.insertArrowIPC('arrow_rows', tableToIPC(tableFromArrays({ n: Int32Array.from([1, 2, 3]) }), 'stream'), { schema: 'live' });
		expect(await query(engine, 'SELECT sum(n)::INTEGER AS s FROM live.arrow_rows')).toEqual([{ s: 6 }]);
		await engine.exec('DROP TABLE live.arrow_rows');
		const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
		for (let i = 0; i < 2; i++) {
			await attachDatabase(engine, 'live', manifest, db);
			await selectLayers(engine, ['live']);
			expect(await query(engine, 'SELECT count(*)::INTEGER AS n FROM participants')).toEqual([{ n: 205 }]);
		}
	});
});
