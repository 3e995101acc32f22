/**
 * What the release tests of the quality-of-life outcomes share: the release
 * context of any selection of a cohort's plan, and the filters a view would
 * have for that selection.
 */
import type { Engine } from '../../../../src/lib/db/engine';
import { DEFAULT_FILTERS, type Cohort, type Filters } from '../../../../src/lib/filters/filters';
import { familyPlan, selectionPlan, type FamilySource } from '../../../../src/lib/privacy/release/runtime';
import { releaseContext, type ReleaseContext } from '../../../../src/lib/privacy/release/context';
import type { FamilyPlan, SelectionPlan } from '../../../../src/lib/privacy/release/plan';
import type { Selection } from '../../../../src/lib/privacy/release/space';

export function filtersOf(cohort: Cohort, s: Selection): Filters {
	return {
		...DEFAULT_FILTERS,
		cohort,
		municipalities: s.place.level === 'municipality' ? [s.place.code] : [],
		region: s.place.level === 'region' ? s.place.code : null,
		sex: s.sex,
		ageBand: s.ageBand,
		from: s.period.from,
		to: s.period.to
	};
}

export interface Plans {
	plan: SelectionPlan;
	families: FamilyPlan[];
	/** The shown selections of the cohort (the cohort as a whole first). */
	shown: Selection[];
	context(s: Selection): ReleaseContext;
	/** People of a family's row in a selection (the plan's cell). */
	cell(family: string, s: Selection, row: string): { n: number; reason: string | null };
}

export async function plansFor(engine: Engine, cohort: Cohort, sources: readonly FamilySource[]): Promise<Plans> {
	const plan = await selectionPlan(engine, cohort);
	const families = await Promise.all(sources.map((s) => familyPlan(engine, cohort, s)));
	const shown = plan.space.selections.filter((_, i) => plan.cells[i].reason === null);
	return {
		plan,
		families,
		shown,
		context: (s) => releaseContext(s.key, s.members.count(), families),
		cell: (family, s, row) => {
			const c = families.find((f) => f.family === family)?.cell(s.key, row);
			if (!c) throw new Error(`no cell ${family} ${s.key} ${row}`);
			return c;
		}
	};
}
