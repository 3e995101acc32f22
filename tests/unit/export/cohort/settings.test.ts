/**
 * The export form as the page starts it means the library's default settings, for either cohort;
 * empty numbers fall back; k and the risk cap cannot get past the release floor from the form,
 * from settingsFromForm or from normaliseSettings (which assembleExport applies to any caller).
 */
import { describe, it, expect } from 'vitest';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters.ts';
import { RELEASE_MIN } from '../../../../src/lib/privacy/release/rules.ts';
import {
	MAX_RISK_CAP,
	clampK,
	clampRiskCap,
	defaultForm,
	defaultSettings,
	minClassSize,
	normaliseSettings,
	settingsFromForm
} from '../../../../src/lib/export/cohort/settings.ts';

describe('export settings from the form', () => {
	for (const cohort of ['child', 'adult'] as const) {
		it(`${cohort}: the untouched form gives the default settings (the browser test compares the page with them)`, () => {
			const filters = { ...DEFAULT_FILTERS, cohort };
			expect(settingsFromForm(defaultForm(), filters)).toEqual(defaultSettings(filters));
		});
	}

	it('defaults are safe: k at the floor, risk cap 1/5, costs rounded to 100 €, duration banded, every background attribute released, fresh key', () => {
		const s = defaultSettings({ ...DEFAULT_FILTERS, cohort: 'adult' });
		expect(RELEASE_MIN).toBe(5);
		expect([s.k, s.riskCap, s.costStep, s.durationLevel, s.ageLevel, s.placeLevel]).toEqual([5, 0.2, 100, 1, 1, 1]);
		expect(s.background).toEqual(expect.arrayContaining(['sex', 'age', 'place', 'household_type', 'income_status', 'care_level', 'exit_reason', 'duration']));
		expect(s.background).not.toContain('impairment_mental');
		expect(defaultForm().keyMode).toBe('fresh');
	});

	it('drops what the cohort or date mode does not have, and clamps k, l and the suppression share', () => {
		const form = { ...defaultForm(), background: ['sex' as const, 'enrolment' as const, 'care_level' as const], k: 0, l: 2.6, maxSuppressionPct: 250, sensitive: '' };
		const s = settingsFromForm(form, { ...DEFAULT_FILTERS, cohort: 'child' });
		expect(s.groups).not.toContain('employment');
		expect(s.background).toEqual(['sex']);
		expect([s.k, s.l, s.maxSuppressedShare, s.sensitive]).toEqual([RELEASE_MIN, 3, 1, null]);
		expect(settingsFromForm({ ...form, dates: 'month' }, { ...DEFAULT_FILTERS, cohort: 'adult' }).background).toEqual(['sex', 'enrolment', 'care_level']);
	});
});

describe('the k floor and the risk cap', () => {
	it('k below 5 from the form becomes 5; above stays', () => {
		const f = { ...DEFAULT_FILTERS, cohort: 'child' as const };
		for (const k of [1, 2, 4, 4.4, -3, NaN]) expect(settingsFromForm({ ...defaultForm(), k }, f).k).toBe(RELEASE_MIN);
		expect(settingsFromForm({ ...defaultForm(), k: 7 }, f).k).toBe(7);
		expect(clampK(1)).toBe(5);
		expect(clampK(5.6)).toBe(6);
	});

	it('a programmatic call cannot go below the floor either: normaliseSettings raises k and lowers the cap', () => {
		const s = normaliseSettings({ ...defaultSettings(DEFAULT_FILTERS), k: 1, riskCap: 1 });
		expect(s.k).toBe(RELEASE_MIN);
		expect(s.riskCap).toBe(MAX_RISK_CAP);
		expect(minClassSize(s)).toBe(5);
	});

	it('the cap can only be made stricter: 0.1 means classes of at least 10', () => {
		expect(clampRiskCap(0.5)).toBe(0.2);
		expect(clampRiskCap(0)).toBe(0.2);
		expect(clampRiskCap(0.1)).toBe(0.1);
		expect(minClassSize({ k: 5, riskCap: 0.1 })).toBe(10);
		expect(minClassSize({ k: 12, riskCap: 0.2 })).toBe(12);
		expect(minClassSize({ k: 5, riskCap: 1 / 3 })).toBe(5);
	});
});
