/**
 * Build time only: the municipality codes whose pages are prerendered, from
 * the municipality comparison's released rows of both cohorts (the bundled
 * pilot's in the workbench build, the published results in the published
 * one), so no other read of the data is needed.
 */
import { buildData } from './initial.ts';
import { initialKey } from '#lib/publish/initial.ts';
import type { MunicipalityRow } from '#lib/outcomes/municipalities/summary.ts';

export async function municipalityCodes(): Promise<string[]> {
	const { initial } = await buildData();
	const codes = new Set<string>();
	for (const cohort of ['child', 'adult']) {
		const r = initial[initialKey('municipalities', cohort)];
		if (!r || !('value' in r)) continue;
		for (const row of r.value as MunicipalityRow[]) if (row.level === 'municipality' && row.code) codes.add(row.code);
	}
	return [...codes].sort();
}
