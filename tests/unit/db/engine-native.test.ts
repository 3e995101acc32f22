/** Native DuckDB at build time gives the same rows as the site's DuckDB-WASM engine. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPilotEngine, PILOT_DIR, type TestEngine } from '../../helpers/engine';
import { openNativeDataset } from '../../../src/lib/db/engine-native';
import type { Engine } from '../../../src/lib/db/engine';
import { DEFAULT_FILTERS } from '../../../src/lib/filters/filters';
import { goalAttainment } from '../../../src/lib/outcomes/goals/query';
import { costTable, monthlyCost } from '../../../src/lib/outcomes/costs/query';
import { people } from '../../../src/lib/query/people';

describe('native engine', () => {
	let wasm: TestEngine;
	let native: Engine;
	beforeAll(async () => {
		wasm = await openPilotEngine();
		native = await openNativeDataset(PILOT_DIR);
	});
	afterAll(async () => {
		await wasm?.close();
		await native?.close();
	});

	it('returns the same rows as DuckDB-WASM for metric queries, dates and counts', async () => {
		for (const f of [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, cohort: 'adult' as const, sex: 'F' as const }]) {
			expect(await goalAttainment(native, f)).toEqual(await goalAttainment(wasm.engine, f));
			expect(await costTable(native, f)).toEqual(await costTable(wasm.engine, f));
			expect(await monthlyCost(native, f)).toEqual(await monthlyCost(wasm.engine, f));
		}
		expect(await people(native, 'child')).toEqual(await people(wasm.engine, 'child'));
	});
});
