import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createNodeEngine } from '../../../src/lib/db/engine-node';
import { query, type Engine } from '../../../src/lib/db/engine';
import { createTableSql, ensureLayerSchemas, selectLayers, layerViewSql } from '../../../src/lib/db/layers';

let engine: Engine;
const q = <T>(sql: string) => query<T>(engine, sql);

beforeAll(async () => {
	engine = await createNodeEngine();
	await ensureLayerSchemas(engine);
	for (const layer of ['pilot', 'live']) {
		for (const t of ['municipalities', 'participants', 'employment']) await engine.exec(createTableSql(t, layer));
	}
	// Same municipality code in both layers (live renames it), same participant id in both.
	await engine.exec(`INSERT INTO pilot.municipalities VALUES ('OGRE_N', 'Ogres novads', 'Ogre county', 'county', 'Rīga', 'Ogres novads')`);
	await engine.exec(`INSERT INTO live.municipalities VALUES ('OGRE_N', 'Ogres novads (jauns)', 'Ogre municipality', 'county', 'Rīga', 'Ogres novads'),
		('RIGA_C', 'Rīgas pilsēta', 'Riga city', 'city', 'Rīga', 'Rīgas valstspilsēta')`);
	const person = (id: string) =>
		`('${id}', 'adult', 'p', 'OGRE_N', 'F', 1980, 39, DATE '2019-11-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'none', 'I', 2, 'a', false, false, false, false)`;
	await engine.exec(`INSERT INTO pilot.participants VALUES ${person('A001')}, ${person('A002')}`);
	await engine.exec(`INSERT INTO live.participants VALUES ${person('A001')}`);
	await engine.exec(`INSERT INTO pilot.employment VALUES ('A001', 'baseline', NULL, 'not_employed')`);
	await engine.exec(`INSERT INTO live.employment VALUES ('A001', 'baseline', NULL, 'part_time')`);
});
afterAll(() => engine?.close());

describe('dataset layers', () => {
	it('shows one layer as it is', async () => {
		await selectLayers(engine, ['pilot']);
		expect(await q('SELECT participant_id FROM participants ORDER BY 1')).toEqual([{ participant_id: 'A001' }, { participant_id: 'A002' }]);
		expect(await q('SELECT count(*)::INTEGER AS n FROM municipalities')).toEqual([{ n: 1 }]);
	});

	it('combines layers without mixing people, lookups merged with live winning', async () => {
		await selectLayers(engine, ['pilot', 'live']);
		expect(await q('SELECT participant_id FROM participants ORDER BY 1')).toEqual([
			{ participant_id: 'live:A001' },
			{ participant_id: 'pilot:A001' },
			{ participant_id: 'pilot:A002' }
		]);
		expect(await q(`SELECT p.participant_id, e.status FROM participants p JOIN employment e USING (participant_id) ORDER BY 1`)).toEqual([
			{ participant_id: 'live:A001', status: 'part_time' },
			{ participant_id: 'pilot:A001', status: 'not_employed' }
		]);
		expect(await q('SELECT code, name_en FROM municipalities ORDER BY 1')).toEqual([
			{ code: 'OGRE_N', name_en: 'Ogre municipality' },
			{ code: 'RIGA_C', name_en: 'Riga city' }
		]);
	});

	it('prefixes ids of a participant table only one of two selected layers has (it must still join the prefixed participants)', () => {
		expect(layerViewSql('employment', ['pilot'], true)).toContain(`'pilot:' || "participant_id"`);
		expect(layerViewSql('employment', ['pilot'])).not.toContain(`'pilot:'`);
		expect(layerViewSql('municipalities', ['pilot'], true)).not.toContain(`'pilot:'`);
	});

	it('gives a table that no selected layer has as an empty table of the contract', async () => {
		await selectLayers(engine, ['live']);
		expect(await q('SELECT count(*)::INTEGER AS n FROM services')).toEqual([{ n: 0 }]);
		expect(layerViewSql('services', [])).toContain('contract_empty');
	});
});
