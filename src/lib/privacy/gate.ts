/**
 * Disclosure gate for the filtered views. A view shows figures for the
 * current filters only if:
 *
 * 1. the selected group has at least `min` people;
 * 2. no person-level filter (sex, age band) leaves a complement of 1..min−1
 *    people inside the same place and period: otherwise the view with and
 *    without that filter give the small group away by subtraction;
 * 3. no selected municipality is hidden in the municipality table (primary or
 *    secondary suppression), and a selected region is not hidden there: so
 *    "region minus the other municipalities" cannot reveal a small one.
 *
 * It is checked for every cohort the view shows.
 */
import { query, type Engine } from '#lib/db/engine.ts';
import type { Cohort, Filters } from '#lib/filters/filters.ts';
import { SELECTED_PARTICIPANTS_SQL, filterParams } from '#lib/metrics/filter-sql.ts';
import { municipalityOutcomes, discloseMunicipalities, hiddenMunicipalities } from '#lib/metrics/municipalities.ts';
import { DEFAULT_MIN_CELL } from './threshold.ts';

export type GateReason = 'small_group' | 'small_complement' | 'hidden_municipality' | 'hidden_region';

export interface GateResult {
	ok: boolean;
	cohort: Cohort | null;
	reason: GateReason | null;
	/** People in the selected group (of the cohort that failed, or the first). */
	n: number;
}

const COUNT_SQL = `WITH sel AS (${SELECTED_PARTICIPANTS_SQL}) SELECT count(*)::INTEGER AS n FROM sel`;

async function count(engine: Engine, f: Filters): Promise<number> {
	const [row] = await query<{ n: number }>(engine, COUNT_SQL, filterParams(f));
	return row?.n ?? 0;
}

/** Pure part of rule 2: is a complement of `rest` people disclosive? */
export function smallComplement(rest: number, min: number): boolean {
	return rest > 0 && rest < min;
}

export async function disclosureGate(
	engine: Engine,
	filters: Filters,
	cohorts: Cohort[],
	min = DEFAULT_MIN_CELL
): Promise<GateResult> {
	let first: GateResult | null = null;
	for (const cohort of cohorts) {
		const f = { ...filters, cohort };
		const n = await count(engine, f);
		const fail = (reason: GateReason): GateResult => ({ ok: false, cohort, reason, n });
		if (n < min) return fail('small_group');
		for (const relaxed of [f.sex ? { ...f, sex: null } : null, f.ageBand ? { ...f, ageBand: null } : null]) {
			if (relaxed && smallComplement((await count(engine, relaxed)) - n, min)) return fail('small_complement');
		}
		if (f.municipalities.length || f.region) {
			const rows = discloseMunicipalities(await municipalityOutcomes(engine, cohort), min);
			const hidden = new Set(hiddenMunicipalities(rows));
			if (f.municipalities.some((m) => hidden.has(m))) return fail('hidden_municipality');
			const region = f.region ? rows.find((r) => r.level === 'region' && r.region === f.region) : null;
			if (region && region.participants.value === null) return fail('hidden_region');
		}
		first ??= { ok: true, cohort, reason: null, n };
	}
	return first ?? { ok: true, cohort: null, reason: null, n: 0 };
}
