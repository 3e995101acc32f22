import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { fqolsData } from '../../../../src/lib/outcomes/fqols/query';
import { summariseFqols, fqolsFindings } from '../../../../src/lib/outcomes/fqols/summary';

const plain = (xs: string[]) => xs.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));
const child: Filters = { ...DEFAULT_FILTERS, cohort: 'child' };

let db: TestEngine;
beforeAll(async () => {
	db = await openPilotEngine();
});
afterAll(async () => {
	await db?.close();
});

describe('report findings on the pilot data (published figures)', () => {
	it('FQOLS: rose in all 5 subscales; only emotional well-being significant', async () => {
		const f = plain(fqolsFindings('en', summariseFqols(await fqolsData(db.engine, child))));
		expect(f[0]).toBe('Family quality of life rose in 5 of 5 FQOLS subscales (102 families).');
		expect(f[1]).toMatch(/^Only emotional well-being differed significantly between start and end \(paired t test, p = [\d.]+|< 0\.001, Holm correction\)\.$/);
	});
});
