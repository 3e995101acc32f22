/**
 * KIDSCREEN-52 data of the selected children: the instrument's 10 dimensions
 * and the baseline/follow-up pairs of both informants (child self-report,
 * parent proxy). The SQL is the one every before/after instrument shares
 * (outcomes/paired/query.ts), so it is not copied here.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { assessmentPairs, instrumentDimensions, type AssessmentPair, type InstrumentDimension } from '#lib/outcomes/paired/query.ts';

export type KidscreenInformant = 'child' | 'parent';
export const KIDSCREEN_INFORMANTS: KidscreenInformant[] = ['child', 'parent'];

export interface KidscreenData {
	dimensions: InstrumentDimension[];
	pairs: Record<KidscreenInformant, AssessmentPair[]>;
}

/** The raw pairs of both informants (cohort fixed by the caller's filters). */
export async function kidscreenData(engine: Engine, f: Filters): Promise<KidscreenData> {
	const [dimensions, child, parent] = await Promise.all([
		instrumentDimensions(engine, 'kidscreen52'),
		assessmentPairs(engine, f, 'kidscreen52', 'child'),
		assessmentPairs(engine, f, 'kidscreen52', 'parent')
	]);
	return { dimensions, pairs: { child, parent } };
}
