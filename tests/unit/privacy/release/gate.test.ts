import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { selectionGate } from '../../../../src/lib/privacy/release/runtime';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters';

describe('selection gate on the pilot data', () => {
	let db: TestEngine;
	beforeAll(async () => {
		db = await openPilotEngine();
	});
	afterAll(() => db?.close());

	// Pilot children by municipality and sex (from the data): Bauska 5 F / 5 M, Liepāja 3 F / 8 M,
	// Talsi 7 F / 3 M; Rēzekne has 6 of its 10 children aged 13–17.
	it('lets whole cohorts and whole municipalities through', async () => {
		expect(await selectionGate(db.engine, DEFAULT_FILTERS, ['child', 'adult'])).toMatchObject({ ok: true, n: 102 });
		expect(await selectionGate(db.engine, { ...DEFAULT_FILTERS, municipalities: ['TALSI_N'] }, ['child'])).toMatchObject({ ok: true, n: 10 });
	});

	it('stops a group under 5, and a group whose complement is under 5', async () => {
		expect(await selectionGate(db.engine, { ...DEFAULT_FILTERS, municipalities: ['LIEPAJA_C'], sex: 'F' }, ['child'])).toMatchObject({ ok: false, reason: 'hidden' });
		// 7 girls in Talsi are enough, but Talsi minus the girls would show its 3 boys.
		expect(await selectionGate(db.engine, { ...DEFAULT_FILTERS, municipalities: ['TALSI_N'], sex: 'F' }, ['child'])).toMatchObject({ ok: false, reason: 'hidden' });
		// 6 of Rēzekne's 10 children are 13–17: the other 4 would be exposed.
		expect(await selectionGate(db.engine, { ...DEFAULT_FILTERS, municipalities: ['REZEKNE_C'], ageBand: '13-17' }, ['child'])).toMatchObject({
			ok: false,
			reason: 'hidden'
		});
	});

	it('checks every cohort a view shows, and refuses what lies outside the protected space', async () => {
		const gate = await selectionGate(db.engine, { ...DEFAULT_FILTERS, municipalities: ['LIEPAJA_C'], sex: 'F' }, ['adult', 'child']);
		expect(gate.ok).toBe(false);
		expect(await selectionGate(db.engine, { ...DEFAULT_FILTERS, municipalities: ['TALSI_N', 'BAUSKA_N'] }, ['child'])).toMatchObject({
			ok: false,
			reason: 'outside',
			detail: 'municipalities'
		});
		expect(await selectionGate(db.engine, { ...DEFAULT_FILTERS, from: '2018-11' }, ['child'])).toMatchObject({ ok: false, reason: 'outside', detail: 'period' });
	});
});
