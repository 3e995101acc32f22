/**
 * A key per selection, for results remembered per data revision
 * (db/revision-memo.ts). Apart from filters.ts on purpose: that file is one
 * of the release rules' files (a change there invalidates packed plans).
 */
import type { Filters } from './filters.ts';

/**
 * One string per selection, whatever order the object's fields were built in
 * (the key of remembered results, db/revision-memo.ts).
 * @example filtersKey({ ...DEFAULT_FILTERS, sex: 'F' }) // → '["child",[],null,"F",null,null,null]'
 */
export function filtersKey(f: Filters): string {
	return JSON.stringify([f.cohort, [...f.municipalities].sort(), f.region, f.sex, f.ageBand, f.from, f.to]);
}
