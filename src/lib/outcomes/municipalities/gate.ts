/**
 * The disclosure gate of the filtered views, run against the data: counts the
 * selection (and the selection without its sex or age filter) and checks the
 * selected places against the municipality comparison. The rules themselves
 * are in privacy/gate.ts; this module sits above both privacy and this
 * outcome's query, so privacy never imports an outcome.
 */
import type { Engine } from '#lib/db/engine.ts';
import { forCohort, type Cohort, type Filters } from '#lib/filters/filters.ts';
import { DEFAULT_MIN_CELL } from '#lib/privacy/threshold.ts';
import { discloseMunicipalities } from '#lib/privacy/municipalities.ts';
import { hiddenSelection, smallComplement, type GateReason, type GateResult } from '#lib/privacy/gate.ts';
import { municipalityOutcomes, selectionCount } from './query.ts';

export async function disclosureGate(
	engine: Engine,
	filters: Filters,
	cohorts: Cohort[],
	min = DEFAULT_MIN_CELL
): Promise<GateResult> {
	let first: GateResult | null = null;
	for (const cohort of cohorts) {
		// The group the view shows for this cohort (an age band of the other cohort does not apply).
		const f = forCohort(filters, cohort);
		const n = await selectionCount(engine, f);
		const fail = (reason: GateReason): GateResult => ({ ok: false, cohort, reason, n });
		if (n < min) return fail('small_group');
		for (const relaxed of [f.sex ? { ...f, sex: null } : null, f.ageBand ? { ...f, ageBand: null } : null]) {
			if (relaxed && smallComplement((await selectionCount(engine, relaxed)) - n, min)) return fail('small_complement');
		}
		if (f.municipalities.length || f.region) {
			const hidden = hiddenSelection(discloseMunicipalities(await municipalityOutcomes(engine, cohort), min), f);
			if (hidden) return fail(hidden);
		}
		first ??= { ok: true, cohort, reason: null, n };
	}
	return first ?? { ok: true, cohort: null, reason: null, n: 0 };
}
