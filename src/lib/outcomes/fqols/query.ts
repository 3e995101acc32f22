/**
 * FQOLS data of the selected children's families: the five subscales and the
 * family's baseline/follow-up subscale means. The SQL is the one every
 * before/after instrument shares (instrument 'fqols', informant 'family'), so
 * it is not copied here.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { instrumentPairs, type InstrumentPairs } from '#lib/outcomes/paired/query.ts';

export type FqolsData = InstrumentPairs;

export function fqolsData(engine: Engine, f: Filters): Promise<FqolsData> {
	return instrumentPairs(engine, f, 'fqols', 'family');
}
