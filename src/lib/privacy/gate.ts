/**
 * Disclosure gate for the filtered views: the rules, on plain numbers and
 * rows. A view shows figures for the current filters only if:
 *
 * 1. the selected group has at least `min` people;
 * 2. no person-level filter (sex, age band) leaves a complement of 1..min−1
 *    people inside the same place and period: otherwise the view with and
 *    without that filter give the small group away by subtraction;
 * 3. no selected municipality is hidden in the municipality table (primary or
 *    secondary suppression), and a selected region is not hidden there: so
 *    "region minus the other municipalities" cannot reveal a small one.
 *
 * It is checked for every cohort the view shows. The counting runs in
 * outcomes/municipalities/gate.ts (it needs the database and that table).
 */
import type { Cohort, Filters } from '#lib/filters/filters.ts';
import { hiddenMunicipalities, type MunicipalityRow } from './municipalities.ts';

export type GateReason = 'small_group' | 'small_complement' | 'hidden_municipality' | 'hidden_region';

export interface GateResult {
	ok: boolean;
	cohort: Cohort | null;
	reason: GateReason | null;
	/** People in the selected group (of the cohort that failed, or the first). */
	n: number;
}

/** Pure part of rule 2: is a complement of `rest` people disclosive? */
export function smallComplement(rest: number, min: number): boolean {
	return rest > 0 && rest < min;
}

/**
 * Rule 3 on the disclosed municipality table: why the selected municipalities
 * or region may not be shown, or null if they may.
 */
export function hiddenSelection(
	rows: readonly MunicipalityRow[],
	f: Pick<Filters, 'municipalities' | 'region'>
): 'hidden_municipality' | 'hidden_region' | null {
	const hidden = new Set(hiddenMunicipalities(rows));
	if (f.municipalities.some((m) => hidden.has(m))) return 'hidden_municipality';
	const region = f.region ? rows.find((r) => r.level === 'region' && r.region === f.region) : null;
	if (region && region.participants.value === null) return 'hidden_region';
	return null;
}
