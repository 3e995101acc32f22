import { describe, it, expect } from 'vitest';
import { tableRows, tableColumns, sortMunicipalities, minCell, funnelPoints, outlierSentences } from '../../../../src/lib/outcomes/municipalities/summary';
import type { MunicipalityRow, Cell } from '../../../../src/lib/privacy/municipalities';

const v = (value: number): Cell => ({ value, reason: null });
const h = (reason: 'primary' | 'secondary'): Cell => ({ value: null, reason });
function row(code: string, participants: Cell, attainment: Cell, goals: Cell = v(40)): MunicipalityRow {
	return {
		level: 'municipality', code, name_lv: `${code} lv`, name_en: `${code} en`, region: 'R',
		participants, goals, attainment, improved: h('secondary'), employmentChange: v(2),
		costPerParticipant: v(1200.456), costPerMonth: v(100), budgetUse: v(0.5)
	};
}
const rows = tableRows('lv', [
	row('A', v(10), v(0.9)),
	row('B', h('primary'), h('secondary')),
	row('C', v(12), v(0.6)),
	{ ...row('X', v(22), v(0.75)), level: 'total', code: null, region: null }
]);

describe('municipality table shaping', () => {
	it('names rows and reads the threshold from the URL', () => {
		expect(rows.map((r) => r.name)).toEqual(['A lv', 'B lv', 'C lv', 'Visas pašvaldības kopā']);
		expect(tableRows('en', rows)[0].name).toBe('A en');
		expect([minCell(new URLSearchParams('min=11')), minCell(new URLSearchParams('min=7')), minCell(new URLSearchParams())]).toEqual([11, 5, 5]);
	});

	it('writes "< min" for a small count and "suppressed" for other hidden figures, on screen and in the CSV', () => {
		const cols = tableColumns('lv', 'child', 5, (c) => `/goals?mun=${c}`);
		expect(cols.map((c) => c.key)).toEqual(['levelName', 'name', 'region', 'participants', 'goals', 'attainment', 'improved', 'costPerParticipant', 'costPerMonth', 'budgetUse']);
		expect(tableColumns('lv', 'adult', 5, String).map((c) => c.key)).toContain('employmentChange');
		const col = (k: string) => cols.find((c) => c.key === k)!;
		const b = rows[1];
		expect(col('participants').format!(b.participants as never, b)).toBe('< 5');
		expect(col('participants').csv!(b.participants as never, b)).toBe('< 5');
		expect(col('attainment').format!(b.attainment as never, b)).toBe('slēpts');
		expect(col('participants').suppressed!(b)).not.toBeNull();
		expect(col('participants').suppressed!(rows[0])).toBeNull();
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

	it('plots only municipalities whose attainment is shown, and names the outliers', () => {
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
