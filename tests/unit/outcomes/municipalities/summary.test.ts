import { describe, it, expect } from 'vitest';
import { tableRows, tableColumns, sortMunicipalities, funnelPoints, outlierSentences, type MunicipalityRow, type Cell } from '../../../../src/lib/outcomes/municipalities/summary';

const v = (value: number): Cell => ({ value, reason: null });
const h = (reason: 'primary' | 'secondary' | 'selection'): Cell => ({ value: null, reason });
function row(code: string, participants: Cell, attainment: Cell, goals: Cell = v(40)): MunicipalityRow {
	return {
		level: 'municipality', code, name_lv: `${code} lv`, name_en: `${code} en`, region: 'R', reporting_months: 12,
		participants, goals, attainment, improved: h('secondary'), employmentChange: v(2),
		costPerParticipant: v(1200.456), costPerMonth: v(100), budgetUse: v(0.5)
	};
}
const rows = tableRows('lv', [
	row('A', v(10), v(0.9)),
	row('B', h('primary'), h('selection')),
	row('C', v(12), v(0.6)),
	{ ...row('X', v(22), v(0.75)), level: 'total', code: null, region: null }
]);

describe('municipality table shaping', () => {
	it('names rows', () => {
		expect(rows.map((r) => r.name)).toEqual(['A lv', 'B lv', 'C lv', 'Visas pašvaldības kopā']);
		expect(tableRows('en', rows)[0].name).toBe('A en');
	});

	it('writes "–" for every hidden figure, on screen and in the CSV, with the release note as its tooltip', () => {
		const cols = tableColumns('lv', 'child', (c) => `/goals?mun=${c}`);
		expect(cols.map((c) => c.key)).toEqual(['levelName', 'name', 'region', 'participants', 'goals', 'attainment', 'improved', 'costPerParticipant', 'costPerMonth', 'budgetUse']);
		expect(tableColumns('lv', 'adult', String).map((c) => c.key)).toContain('employmentChange');
		const col = (k: string) => cols.find((c) => c.key === k)!;
		const b = rows[1];
		expect(col('participants').format!(b.participants as never, b)).toBe('–');
		expect(col('participants').csv!(b.participants as never, b)).toBe('–');
		expect(col('attainment').format!(b.attainment as never, b)).toBe('–');
		expect(col('participants').suppressed!(b)).toContain('–');
		expect(col('participants').suppressed!(rows[0])).toBeNull();
		// Nothing to show (no goals) is "–" too, but not hidden.
		const empty = { ...rows[0], attainment: { value: null, reason: null } } as const;
		expect(col('attainment').format!(empty.attainment as never, empty)).toBe('–');
		expect(col('attainment').suppressed!(empty)).toBeNull();
		expect(col('attainment').csv!(rows[0].attainment as never, rows[0])).toBe(90);
		expect(col('costPerParticipant').csv!(rows[0].costPerParticipant as never, rows[0])).toBe(1200.46);
		expect(col('name').link!(rows[0])).toEqual({ href: '/goals?mun=A', testid: 'drill-A' });
		expect(col('name').link!(rows[3])).toBeNull();
	});

	it('sorts municipalities with hidden figures last in both directions', () => {
		const mun = rows.filter((r) => r.level === 'municipality');
		expect(sortMunicipalities(mun, 'attainment', 1, 'lv').map((r) => r.code)).toEqual(['C', 'A', 'B']);
		expect(sortMunicipalities(mun, 'attainment', -1, 'lv').map((r) => r.code)).toEqual(['A', 'C', 'B']);
		expect(sortMunicipalities(mun, 'name', -1, 'lv').map((r) => r.code)).toEqual(['C', 'B', 'A']);
	});

	it('plots only municipalities whose attainment is released, and names the outliers', () => {
		const points = funnelPoints(rows, 0.75, (c) => c);
		expect(points.map((p) => [p.label, p.n, p.flag])).toEqual([
			['A lv', 40, 'above95'],
			['C lv', 40, 'below95']
		]);
		const sentences = outlierSentences('en', points);
		expect(sentences).toHaveLength(2);
		expect(sentences[0]).toContain('C lv');
	});
});
