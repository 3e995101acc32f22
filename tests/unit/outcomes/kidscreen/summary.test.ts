import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { kidscreenData } from '../../../../src/lib/outcomes/kidscreen/query';
import { summariseKidscreen, kidscreenFindings } from '../../../../src/lib/outcomes/kidscreen/summary';

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
	it('KIDSCREEN: children higher in 8 of 10, parents in 7 of 10; below the norm; closest values', async () => {
		const f = plain(kidscreenFindings('en', summariseKidscreen(await kidscreenData(db.engine, child))));
		expect(f[0]).toMatch(/^Children rated their quality of life higher at follow-up in 8 of 10 KIDSCREEN dimensions \(n = \d+\)\.$/);
		expect(f.find((s) => s.startsWith('Largest gains'))).toMatch(/school environment|social support and peers/);
		expect(f.find((s) => s.startsWith('At follow-up'))).toMatch(/^At follow-up 10 of 10 dimensions were below the European norm of 50; closest to it: .*(school environment 47\.7|self-perception 48\.9)/);
		expect(f.some((s) => s.startsWith("Parents rated their child's quality of life higher at follow-up in 7 of 10"))).toBe(true);
		expect(f.some((s) => /parent relations and home life 48\.1/i.test(s))).toBe(true);
		const lv = plain(kidscreenFindings('lv', summariseKidscreen(await kidscreenData(db.engine, child))));
		expect(lv[0]).toContain('8 no 10 KIDSCREEN dimensijām');
	});
});
