/** The export form as the page starts it means the library's default settings, for either cohort; empty numbers fall back. */
import { describe, it, expect } from 'vitest';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters.ts';
import { defaultForm, defaultSettings, settingsFromForm } from '../../../../src/lib/export/cohort/settings.ts';

describe('export settings from the form', () => {
	for (const cohort of ['child', 'adult'] as const) {
		it(`${cohort}: the untouched form gives the default settings (the browser test compares the page with them)`, () => {
			const filters = { ...DEFAULT_FILTERS, cohort };
			expect(settingsFromForm(defaultForm(), filters)).toEqual(defaultSettings(filters));
		});
	}

	it('drops what the cohort or date mode does not have, and clamps k, l and the suppression share', () => {
		const form = { ...defaultForm(), quasiIdentifiers: ['sex' as const, 'enrolment' as const, 'care_level' as const], k: 0, l: 2.6, maxSuppressionPct: 250, sensitive: '' };
		const s = settingsFromForm(form, { ...DEFAULT_FILTERS, cohort: 'child' });
		expect(s.groups).not.toContain('employment');
		expect(s.quasiIdentifiers).toEqual(['sex']);
		expect([s.k, s.l, s.maxSuppressedShare, s.sensitive]).toEqual([1, 3, 1, null]);
		expect(settingsFromForm({ ...form, dates: 'month' }, { ...DEFAULT_FILTERS, cohort: 'adult' }).quasiIdentifiers).toEqual(['sex', 'enrolment', 'care_level']);
	});
});
