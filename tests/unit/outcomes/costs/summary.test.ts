import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { costTable } from '../../../../src/lib/outcomes/costs/query';
import { costFindings } from '../../../../src/lib/outcomes/costs/summary';

const plain = (xs: string[]) => xs.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));
const child: Filters = { ...DEFAULT_FILTERS, cohort: 'child' };
const adult: Filters = { ...DEFAULT_FILTERS, cohort: 'adult' };

let db: TestEngine;
beforeAll(async () => {
	db = await openPilotEngine();
});
afterAll(async () => {
	await db?.close();
});

describe('report findings on the pilot data (published figures)', () => {
	it('costs: 575,94 € per child per month; 662,04 € per adult per month', async () => {
		const c = plain(costFindings('lv', 'child', await costTable(db.engine, child)));
		expect(c[0]).toBe('Pakalpojumu izmaksas bija 704 953 € par 102 bērniem: 6 911,30 € uz bērnu, 575,94 € uz bērnu mēnesī.');
		expect(c[1]).toBe('Kopā ar vajadzību izvērtēšanu un pašvaldību izmaksām: 942 561 €, 770,07 € mēnesī uz dalībnieku.');
		expect(c[2]).toBe('Lielākā izmaksu daļa – sociālie pakalpojumi (48% no pakalpojumu izmaksām).');
		const a = plain(costFindings('en', 'adult', await costTable(db.engine, adult)));
		expect(a[0]).toBe('Services cost €770,615.00 for 97 persons: €7,944.48 per person, €662.04 per person per month.');
		expect(a[1]).toContain('€910.71 per participant per month');
	});
});
