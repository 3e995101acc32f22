/**
 * The municipalities view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { MUNICIPALITY_FAMILIES, municipalityData } from './family.ts';
import { releaseMunicipalities } from './summary.ts';

/** The comparison of the whole cohort's places (only the cohort filter applies). */
export const MUNICIPALITIES_VIEW = {
	id: 'municipalities',
	run: (engine, f, revision) => municipalityData(engine, f.cohort, revision),
	families: (cohort) => MUNICIPALITY_FAMILIES[cohort],
	release: releaseMunicipalities
} satisfies ReleaseSpec<Awaited<ReturnType<typeof municipalityData>>, ReturnType<typeof releaseMunicipalities>>;
