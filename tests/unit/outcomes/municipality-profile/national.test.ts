/**
 * The municipality profile on a small national dataset: its released values
 * for a municipality are the outcome views' own released values for the
 * filter `mun=<code>` (and the cohort's for the whole cohort), and a
 * municipality the release plan hides gives no figure at all.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDatasetEngine, type TestEngine } from '../../../helpers/engine';
import { smallNationalDir } from '../../../helpers/national';
import { releasedResult, selectionPlan, checkSelection } from '../../../../src/lib/privacy/release/runtime';
import { profileInput } from '../../../../src/lib/outcomes/municipality-profile/query';
import { profileSections, type ProfileSection } from '../../../../src/lib/outcomes/municipality-profile/summary';
import { municipalityFilters } from '../../../../src/lib/outcomes/municipality-profile/view';
import { GOALS_VIEW } from '../../../../src/lib/outcomes/goals/view';
import { COSTS_VIEW } from '../../../../src/lib/outcomes/costs/view';
import { BUDGETS_VIEW } from '../../../../src/lib/outcomes/budgets/view';
import { EMPLOYMENT_VIEW } from '../../../../src/lib/outcomes/employment/view';
import { SQOL_VIEW } from '../../../../src/lib/outcomes/sqol/view';
import { FUNCTIONING_VIEW } from '../../../../src/lib/outcomes/functioning/view';
import { MUNICIPALITIES_VIEW } from '../../../../src/lib/outcomes/municipalities/view';
import { DEFAULT_FILTERS, type Cohort } from '../../../../src/lib/filters/filters';

let db: TestEngine;
beforeAll(async () => {
	db = await openDatasetEngine(smallNationalDir());
});
afterAll(() => db?.close());

/** The municipalities of the cohort's comparison, shown and hidden ones. */
async function codes(cohort: Cohort) {
	const plan = await selectionPlan(db.engine, cohort);
	const all = plan.space.places.filter((p) => p.place.level === 'municipality').map((p) => p.place.code as string);
	const shown = all.filter((code) => checkSelection(plan, municipalityFilters(cohort, code)).ok);
	return { shown, hidden: all.filter((c) => !shown.includes(c)) };
}

const rowOf = (sections: ProfileSection[], id: string, key: string) => {
	const r = sections.find((s) => s.id === id)?.rows.find((x) => x.key === key);
	if (!r) throw new Error(`no ${id} ${key}`);
	return r;
};
const value = (v: number | null | undefined) => ({ value: v ?? null, hidden: v === null });

describe('the municipality profile on a small national dataset', () => {
	for (const cohort of ['child', 'adult'] as const) {
		it(`${cohort}: equals the outcome views' released values for mun=<code> (the first six shown municipalities)`, async () => {
			const { shown, hidden } = await codes(cohort);
			expect(shown.length).toBeGreaterThan(3);
			const f = (code: string) => municipalityFilters(cohort, code);
			const whole = { ...DEFAULT_FILTERS, cohort };
			const comparison = await releasedResult(db.engine, whole, MUNICIPALITIES_VIEW);
			if (!('value' in comparison)) throw new Error('comparison blocked');
			let hiddenFigures = 0;
			for (const code of shown.slice(0, 6)) {
				const input = await profileInput(db.engine, cohort, code);
				if (!('value' in input)) throw new Error(`${code} blocked`);
				const sections = profileSections('en', cohort, input.value, code);
				hiddenFigures += sections.flatMap((s) => s.rows).filter((r) => r.municipality.hidden).length;

				const goals = await releasedResult(db.engine, f(code), GOALS_VIEW);
				if (!('value' in goals)) throw new Error('goals blocked');
				const total = goals.value.find((r) => r.domain_code === null);
				expect(rowOf(sections, 'goals', 'attainment').municipality, code).toEqual(value(total?.score_share));
				expect(rowOf(sections, 'goals', 'goals').municipality, code).toEqual(value(total?.goals));
				for (const d of goals.value.filter((r) => r.domain_code !== null)) {
					expect(rowOf(sections, 'goals', `domain:${d.domain_code}`).municipality, `${code} ${d.domain_code}`).toEqual(value(d.score_share));
				}

				const costs = await releasedResult(db.engine, f(code), COSTS_VIEW);
				if (!('value' in costs)) throw new Error('costs blocked');
				for (const r of costs.value.table.rows.filter((x) => x.row !== 'total_with_overheads')) {
					expect(rowOf(sections, 'costs', `perParticipant:${r.row}`).municipality, `${code} ${r.row}`).toEqual(value(r.eur_per_participant));
				}

				const budgets = await releasedResult(db.engine, f(code), BUDGETS_VIEW);
				if (!('value' in budgets)) throw new Error('budgets blocked');
				expect(rowOf(sections, 'budgets', 'spentOfIndicative').municipality).toEqual(value(budgets.value.medianSpentOfIndicative));

				if (cohort === 'adult') {
					const emp = await releasedResult(db.engine, f(code), EMPLOYMENT_VIEW);
					const sqol = await releasedResult(db.engine, f(code), SQOL_VIEW);
					if (!('value' in emp) || !('value' in sqol)) throw new Error('blocked');
					expect(rowOf(sections, 'employment', 'after').municipality).toEqual(value(emp.value.test.employedAfter));
					expect(rowOf(sections, 'sqol', 'netPositive').municipality).toEqual(value(sqol.value.netPositiveShare));
				} else {
					const sfk = await releasedResult(db.engine, f(code), FUNCTIONING_VIEW);
					if (!('value' in sfk)) throw new Error('blocked');
					expect(rowOf(sections, 'functioning', 'positive').municipality).toEqual(value(sfk.value.children.positive));
				}

				// The cohort column is the whole cohort's released result.
				const cohortGoals = await releasedResult(db.engine, whole, GOALS_VIEW);
				if (!('value' in cohortGoals)) throw new Error('blocked');
				expect(rowOf(sections, 'goals', 'attainment').cohort).toEqual(value(cohortGoals.value.find((r) => r.domain_code === null)?.score_share));
				// The comparison's row (participants) of the same municipality.
				const mun = comparison.value.find((r) => r.level === 'municipality' && r.code === code)!;
				expect(rowOf(sections, 'municipalities', 'participants').municipality.value).toBe(mun.participants.value);
			}
			console.log(`national ${cohort}: ${shown.length} municipalities shown, ${hidden.length} hidden; ${hiddenFigures} hidden figures in 6 profiles`);
			// A hidden municipality: no profile at all.
			if (hidden.length) {
				const r = await profileInput(db.engine, cohort, hidden[0]);
				expect(r).toMatchObject({ blocked: { reason: 'hidden' } });
			}
		});
	}
});
