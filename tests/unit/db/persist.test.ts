import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { createNodeEngine } from '../../../src/lib/db/engine-node';
import { query, type Engine } from '../../../src/lib/db/engine';
import { ensureLayerSchemas, selectLayers } from '../../../src/lib/db/layers';
import { loadDataset } from '../../../src/lib/db/load';
import { parseManifest } from '../../../src/lib/db/manifest';
import { appendLiveRows, clearLive, liveCounts, liveRowsToIPC } from '../../../src/lib/db/ingest';
import { memoryBackend, type StoreBackend } from '../../../src/lib/db/persist/backend';
import { LiveStore } from '../../../src/lib/db/persist/store';
import { INDEX_FILE, emptyIndex, parseIndex, restoreOrder, unreferenced, withFile, type StoredFile } from '../../../src/lib/db/persist/index-format';
import { saveDataset, zipDataset } from '../../../src/lib/db/save-dataset';
import { sha256Hex } from '../../../src/lib/db/verify';
import type { TypedRow } from '../../../src/lib/contract/schema';
import { PILOT_DIR } from '../../helpers/engine';

const ids = ['L01', 'L02', 'L03', 'L04', 'L05', 'L06'];
const participants: TypedRow[] = ids.map((id, i) => ({
	participant_id: id, cohort: 'adult', programme: 'pilot2_adults_2019', municipality_code: 'OGRE_N', sex: i % 2 ? 'M' : 'F',
	birth_year: 1980, age_at_entry: 39, enrolled_on: '2019-10-01', exited_on: '2021-01-31', exit_reason: 'completed',
	impairment_vision: null, impairment_hearing: null, impairment_mobility: null, impairment_intellectual: null,
	family_structure: null, caregiver_type: null, household_type: 'alone', income_status: 'none', disability_group: 'II',
	care_level: 2, residence_type: 'b', needs_natural_support: false, needs_minor_child: false, needs_mobility: false, left_institution: false
}));
const goals: TypedRow[] = ids.map((id) => ({
	goal_id: `${id}-G1`, participant_id: id, domain_code: 'A1', term: 'long', set_on: '2019-10-15', reviewed_on: '2021-01-20',
	attainment: 'achieved', gas_rating: null, gas_weight: null
}));

const upload = (name: string, parts: [string, TypedRow[]][]) => ({
	name,
	sha256: 'a'.repeat(64),
	bytes: 100,
	parts: parts.map(([table, rows]) => ({ table, ipc: liveRowsToIPC(table, rows), rows: rows.length }))
});

let engine: Engine;
const q = <T>(sql: string) => query<T>(engine, sql);
const liveIds = async () =>
	(await liveCounts(engine)).participants ? (await q<{ id: string }>('SELECT participant_id AS id FROM live.participants ORDER BY 1')).map((r) => r.id) : [];

beforeAll(async () => {
	engine = await createNodeEngine();
	await ensureLayerSchemas(engine);
	const manifest = parseManifest(JSON.parse(await readFile(resolve(PILOT_DIR, 'manifest.json'), 'utf8')));
	await loadDataset(engine, manifest, async (p) => new Uint8Array(await readFile(resolve(PILOT_DIR, p))), undefined, { schema: 'pilot' });
});
afterAll(() => engine?.close());

describe('stored live files: the index', () => {
	const file = (id: string, tables: string[]): StoredFile => ({
		id, name: `${id}.csv`, sha256: null, bytes: 1, acceptedAt: '2026-12-01T10:00:00.000Z',
		parts: tables.map((table) => ({ table, path: `${id}-${table}.arrow`, rows: 1, bytes: 1 }))
	});

	it('reads back what it writes and refuses a damaged index with a reason', () => {
		const index = withFile(emptyIndex('1.0.0'), file('f1', ['participants']));
		expect(parseIndex(JSON.parse(JSON.stringify(index)))).toEqual(index);
		expect(() => parseIndex({ ...index, version: 2 })).toThrow(/version 2/);
		expect(() => parseIndex({ ...index, files: [file('f1', ['nonsense'])] })).toThrow(/unknown table nonsense/);
		const escape = file('f1', ['participants']);
		escape.parts[0].path = '../x.arrow';
		expect(() => parseIndex({ ...index, files: [escape] })).toThrow(/bad path/);
		expect(() => parseIndex({ ...index, files: [file('f1', ['participants']), file('f1', ['participants'])] })).toThrow(/used twice/);
		expect(() => parseIndex({ ...index, files: [{ ...file('f2', []), sha256: 'xyz' }] })).toThrow(/bad sha256/);
	});

	it('restores parents first, then in the order files were accepted', () => {
		let index = emptyIndex('1.0.0');
		index = withFile(index, file('a', ['services']));
		index = withFile(index, file('b', ['participants', 'plan_goals']));
		index = withFile(index, file('c', ['participants']));
		expect(restoreOrder(index).map((p) => `${p.file.id}:${p.part.table}`)).toEqual(['b:participants', 'c:participants', 'b:plan_goals', 'a:services']);
	});

	it('names the files no entry refers to (an interrupted add)', () => {
		const index = withFile(emptyIndex('1.0.0'), file('a', ['participants']));
		expect(unreferenced(index, [INDEX_FILE, 'a-participants.arrow', 'b-participants.arrow'])).toEqual(['b-participants.arrow']);
	});
});

describe('stored live files: add, restore, forget', () => {
	it('restores into an empty live layer exactly the rows the upload added, through the upload path', async () => {
		await clearLive(engine);
		await appendLiveRows(engine, 'participants', participants);
		await appendLiveRows(engine, 'plan_goals', goals);
		const direct = await q('SELECT * FROM live.participants ORDER BY participant_id');
		const directGoals = await q('SELECT * FROM live.plan_goals ORDER BY goal_id');

		const backend = memoryBackend();
		const store = new LiveStore(backend, '1.0.0');
		// Goals first on purpose: the restore still inserts participants first.
		await store.add(upload('goals.csv', [['plan_goals', goals]]));
		await store.add(upload('people.csv', [['participants', participants]]));
		await clearLive(engine);
		// A new page: a new store over the same backend reads the index written before.
		const result = await new LiveStore(backend, '1.0.0').restore(engine);
		expect(result.problems).toEqual([]);
		expect(result.rows).toBe(12);
		expect(result.files.map((f) => f.name)).toEqual(['goals.csv', 'people.csv']);
		expect(await q('SELECT * FROM live.participants ORDER BY participant_id')).toEqual(direct);
		expect(await q('SELECT * FROM live.plan_goals ORDER BY goal_id')).toEqual(directGoals);
	});

	it('forgets one file: its entry and its stored rows go, the others restore', async () => {
		const backend = memoryBackend();
		const store = new LiveStore(backend, '1.0.0');
		const a = await store.add(upload('a.csv', [['participants', participants.slice(0, 3)]]));
		await store.add(upload('b.csv', [['participants', participants.slice(3)]]));
		await store.forget(a.id);
		expect((await backend.list()).sort()).toEqual([INDEX_FILE, (await store.index()).files[0].parts[0].path].sort());
		await clearLive(engine);
		await new LiveStore(backend, '1.0.0').restore(engine);
		expect(await liveIds()).toEqual(['L04', 'L05', 'L06']);
		await store.forgetAll();
		expect(await backend.list()).toEqual([INDEX_FILE]);
		expect((await new LiveStore(backend, '1.0.0').index()).files).toEqual([]);
	});

	it('reports an add whose index cannot be written, and leaves neither an entry nor its files', async () => {
		const inner = memoryBackend();
		const failing: StoreBackend = {
			...inner,
			write: async (name, bytes) => {
				if (name === INDEX_FILE) throw new Error('QuotaExceededError');
				return inner.write(name, bytes);
			}
		};
		const store = new LiveStore(failing, '1.0.0');
		await expect(store.add(upload('a.csv', [['participants', participants]]))).rejects.toThrow(/Quota/);
		expect(await inner.list()).toEqual([]);
		expect((await store.index()).files).toEqual([]);
	});

	it('does not restore rows stored under another contract version, or a missing file, and says which', async () => {
		const backend = memoryBackend();
		await new LiveStore(backend, '0.9.0').add(upload('old.csv', [['participants', participants]]));
		await clearLive(engine);
		const old = await new LiveStore(backend, '1.0.0').restore(engine);
		expect(old.problems.map((p) => [p.file.name, p.message])).toEqual([['old.csv', 'stored under data contract 0.9.0, this site uses 1.0.0']]);
		expect(await liveIds()).toEqual([]);

		const store = new LiveStore(backend, '0.9.0');
		const [entry] = (await store.index()).files;
		await backend.remove(entry.parts[0].path);
		const missing = await new LiveStore(backend, '0.9.0').restore(engine);
		expect(missing.problems[0].message).toMatch(/missing/);
		expect(missing.files).toEqual([]);
	});

	it('refuses stored rows whose columns are not the contract table’s', async () => {
		const backend = memoryBackend();
		const store = new LiveStore(backend, '1.0.0');
		const wrong = upload('x.csv', [['participants', participants]]);
		wrong.parts[0].ipc = liveRowsToIPC('plan_goals', goals);
		await store.add(wrong);
		const result = await new LiveStore(backend, '1.0.0').restore(engine);
		expect(result.problems[0].message).toMatch(/columns goal_id/);
	});
});

describe('save dataset', () => {
	it('writes Parquet files and a manifest that load again with the same rows, counts and checksums', async () => {
		await clearLive(engine);
		await appendLiveRows(engine, 'participants', participants);
		await appendLiveRows(engine, 'plan_goals', goals);
		for (const withPilot of [false, true]) {
			const saved = await saveDataset(engine, { withPilot, name: 'Saved', name_lv: 'Saglabāts', savedAt: '2026-12-01T10:00:00Z' });
			const zip = unzipSync(zipDataset(saved, 'dataset'));
			const manifest = parseManifest(JSON.parse(new TextDecoder().decode(zip['dataset/manifest.json'])));
			expect(Object.keys(manifest.tables)).toEqual(withPilot ? Object.keys(manifest.tables) : ['participants', 'plan_goals']);
			for (const spec of Object.values(manifest.tables)) {
				const bytes = zip[`dataset/${spec.path}`];
				expect(spec.bytes).toBe(bytes.byteLength);
				expect(spec.sha256).toBe(await sha256Hex(bytes));
			}
			// Reopened as the live layer of another engine: the same people and goals as the session's views.
			await selectLayers(engine, withPilot ? ['pilot', 'live'] : ['live']);
			const sessionGoals = await q('SELECT attainment, count(*)::INTEGER AS n FROM plan_goals GROUP BY 1 ORDER BY 1');
			const sessionPeople = await q('SELECT count(DISTINCT participant_id)::INTEGER AS n FROM participants');
			const other = await createNodeEngine();
			try {
				await ensureLayerSchemas(other);
				// loadDataset checks each table's row count against the manifest.
				await loadDataset(other, manifest, async (p) => zip[`dataset/${p}`], undefined, { schema: 'live' });
				await selectLayers(other, ['live']);
				expect(await query(other, 'SELECT attainment, count(*)::INTEGER AS n FROM plan_goals GROUP BY 1 ORDER BY 1')).toEqual(sessionGoals);
				expect(await query(other, 'SELECT count(DISTINCT participant_id)::INTEGER AS n FROM participants')).toEqual(sessionPeople);
				expect(await liveCounts(other)).toMatchObject({ participants: withPilot ? 211 : 6 });
				// The contract's types come back (DATE, BOOLEAN, INTEGER), not text.
				const types = `SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = ? AND table_name IN ('participants', 'plan_goals') ORDER BY ALL`;
				expect(await query(other, types, ['live'])).toEqual(await query(engine, types, ['pilot']));
			} finally {
				await other.close();
			}
		}
	});
});
