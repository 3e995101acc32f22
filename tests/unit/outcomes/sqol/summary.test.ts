import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { sqolData } from '../../../../src/lib/outcomes/sqol/query';
import { summariseSqol, sqolFindings } from '../../../../src/lib/outcomes/sqol/summary';

const plain = (xs: string[]) => xs.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));
const adult: Filters = { ...DEFAULT_FILTERS, cohort: 'adult' };

let db: TestEngine;
beforeAll(async () => {
	db = await openPilotEngine();
});
afterAll(async () => {
	await db?.close();
});

describe('report findings on the pilot data (published figures)', () => {
	it('SQoL: 9 of 13 aspects above 50%; 85/71 highest, 36/35 lowest; 84% overall', async () => {
		const f = plain(sqolFindings('en', summariseSqol(await sqolData(db.engine, adult))));
		expect(f[0]).toBe('In 9 of 13 life aspects more than half of respondents reported a change for the better.');
		expect(f[1]).toMatch(/^Most often improved: .+ 85% and .+ 71%; least often: .+ 36% and .+ 35%\.$/);
		expect(f[2]).toMatch(/^Overall 84% of persons \(81 of 97\)/);
	});
});
