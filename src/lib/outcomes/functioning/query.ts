/**
 * SFK (ICF-CY) data of the selected children: the instrument's domains and
 * the professional team's baseline/follow-up qualifier per child and domain.
 * The SQL is the one every before/after instrument shares (outcomes/paired/query.ts),
 * bound to instrument 'sfk' and informant 'professional', so it is not copied here.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { instrumentPairs, type InstrumentPairs } from '#lib/outcomes/paired/query.ts';

export type SfkData = InstrumentPairs;

export function sfkData(engine: Engine, f: Filters): Promise<SfkData> {
	return instrumentPairs(engine, f, 'sfk', 'professional');
}
