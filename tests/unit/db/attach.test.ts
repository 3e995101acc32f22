/**
 * A dataset published as one DuckDB database file (data/pack.ts) gives the
 * views exactly what its Parquet files give, and behaves as a live layer
 * (uploads added to it, cleared, replaced).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeEngine } from '../../../src/lib/db/engine-node';
import { query, type Engine } from '../../../src/lib/db/engine';
import { parseManifest, type DatasetManifest } from '../../../src/lib/db/manifest';
import { ensureLayerSchemas, layerTables, selectLayers } from '../../../src/lib/db/layers';
import { attachDatabase } from '../../../src/lib/db/attach';
import { appendLiveRows, clearLive } from '../../../src/lib/db/ingest';
import { loadDataset } from '../../../src/lib/db/load';
import { costTable } from '../../../src/lib/outcomes/costs/query';
import { goalAttainment } from '../../../src/lib/outcomes/goals/query';
import { DEFAULT_FILTERS } from '../../../src/lib/filters/filters';
import { packDataset } from '../../../data/pack';
import { PACKED_SUMMARY_NAMES } from '../../../src/lib/db/summaries';
import { PILOT_DIR } from '../../helpers/engine';

let dir: string;
let manifest: DatasetManifest;
let packed: Engine;
let parquet: Engine;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'ib-pack-'));
	cpSync(PILOT_DIR, dir, { recursive: true });
	await packDataset(dir);
	manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));

	packed = await createNodeEngine();
	await ensureLayerSchemas(packed);
	await attachDatabase(packed, 'live', manifest, new Uint8Array(readFileSync(join(dir, manifest.database!.path))));
	await selectLayers(packed, ['live']);

	parquet = await createNodeEngine();
	await ensureLayerSchemas(parquet);
	await loadDataset(parquet, manifest, async (p) => new Uint8Array(readFileSync(join(dir, p))), () => {}, { schema: 'live' });
	await selectLayers(parquet, ['live']);
}, 120_000);

afterAll(async () => {
	await packed?.close();
	await parquet?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('dataset as a DuckDB database file', () => {
	it('is recorded in the manifest with every contract table the dataset has, and the summaries', () => {
		expect(manifest.database).toMatchObject({ path: 'dataset.duckdb', format: 'duckdb' });
		expect([...manifest.database!.tables].sort()).toEqual([...Object.keys(manifest.tables), ...PACKED_SUMMARY_NAMES].sort());
		expect(manifest.database!.sha256).toMatch(/^[0-9a-f]{64}$/);
	});

	it('gives the same rows as the Parquet files, table by table', async () => {
		for (const table of manifest.database!.tables) {
			const sql = `SELECT * FROM ${table} ORDER BY ALL`;
			expect(await query(packed, sql), table).toEqual(await query(parquet, sql));
		}
	});

	it('gives the same published figures (cost table, goal attainment)', async () => {
		expect(await costTable(packed, DEFAULT_FILTERS)).toEqual(await costTable(parquet, DEFAULT_FILTERS));
		expect(await goalAttainment(packed, DEFAULT_FILTERS)).toEqual(await goalAttainment(parquet, DEFAULT_FILTERS));
	});

	it('refuses a file whose row counts differ from the manifest', async () => {
		const engine = await createNodeEngine();
		try {
			await ensureLayerSchemas(engine);
			const wrong = structuredClone(manifest);
			wrong.tables.participants.rows = (wrong.tables.participants.rows ?? 0) + 1;
			await expect(
				attachDatabase(engine, 'live', wrong, new Uint8Array(readFileSync(join(dir, manifest.database!.path))))
			).rejects.toThrow(/participants: manifest says/);
		} finally {
			await engine.close();
		}
	});

	it('refuses a manifest that lists a table the file does not have, and leaves nothing attached', async () => {
		const partial = mkdtempSync(join(tmpdir(), 'ib-pack-partial-'));
		const engine = await createNodeEngine();
		try {
			cpSync(PILOT_DIR, partial, { recursive: true });
			const m = JSON.parse(readFileSync(join(partial, 'manifest.json'), 'utf8'));
			delete m.tables.employment;
			writeFileSync(join(partial, 'manifest.json'), JSON.stringify(m));
			await packDataset(partial);
			const packedManifest = parseManifest(JSON.parse(readFileSync(join(partial, 'manifest.json'), 'utf8')));
			expect(packedManifest.database!.tables).not.toContain('employment');
			packedManifest.database!.tables.push('employment');
			await ensureLayerSchemas(engine);
			await expect(
				attachDatabase(engine, 'live', packedManifest, new Uint8Array(readFileSync(join(partial, 'dataset.duckdb'))))
			).rejects.toThrow(/dataset\.duckdb: .*employment/);
			expect(await query(engine, "SELECT count(*)::INTEGER AS n FROM duckdb_databases() WHERE database_name = 'live_db'")).toEqual([{ n: 0 }]);
		} finally {
			await engine.close();
			rmSync(partial, { recursive: true, force: true });
		}
	});

	it('takes uploaded rows on top of the attached file, and is cleared and re-attached', async () => {
		const before = await query<{ n: number }>(packed, 'SELECT count(*)::INTEGER AS n FROM live.employment');
		const [row] = await query<Record<string, string | number | null>>(packed, 'SELECT * FROM live.employment LIMIT 1');
		await appendLiveRows(packed, 'employment', [{ ...row, participant_id: 'Z999' }]);
		expect(await query(packed, 'SELECT count(*)::INTEGER AS n FROM live.employment')).toEqual([{ n: before[0].n + 1 }]);

		await clearLive(packed);
		expect((await layerTables(packed, 'live')).size).toBe(0);
		expect(await query(packed, "SELECT count(*)::INTEGER AS n FROM duckdb_databases() WHERE database_name = 'live_db'")).toEqual([{ n: 0 }]);

		await attachDatabase(packed, 'live', manifest, new Uint8Array(readFileSync(join(dir, manifest.database!.path))));
		await selectLayers(packed, ['live']);
		expect(await query(packed, 'SELECT count(*)::INTEGER AS n FROM employment')).toEqual(before);
	});
});
