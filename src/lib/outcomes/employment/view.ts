/**
 * The employment view as the release path runs it (id, query, table families,
 * release step): used by its Panel in the browser, by the build's prerendered
 * figures and by `npm run publish`.
 */
import type { ReleaseSpec } from '#lib/privacy/release/runtime.ts';
import { forCohort } from '#lib/filters/filters.ts';
import { employment } from './query.ts';
import { EMPLOYMENT_FAMILY } from './family.ts';
import { releaseEmployment } from './summary.ts';

/** Employment is recorded for adults: the adults' filters, whatever the cohort filter says. */
export const EMPLOYMENT_VIEW = {
	id: 'employment',
	run: (engine, f) => employment(engine, forCohort(f, 'adult')),
	families: [EMPLOYMENT_FAMILY],
	release: releaseEmployment
} satisfies ReleaseSpec<Awaited<ReturnType<typeof employment>>, ReturnType<typeof releaseEmployment>>;
