/**
 * Figures that are already public: the cohort-level tables the two IBM
 * pilots published themselves (see ../shared/domain.md and the seeds).
 * Some of their cells rest on 1–4 people (the adults' goals in leisure, the
 * employment changes by status); showing them again discloses nothing new,
 * so the release plan pins them as shown at the whole-cohort selection and
 * protects everything else against them. They are pinned only where every
 * participant of the cohort is in a published programme: other data (live,
 * national) have published nothing.
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';

/** The programmes whose cohort tables were published (the pilots' own reports). */
export const PUBLISHED_PROGRAMMES = ['pilot1_children_2018', 'pilot2_adults_2019'] as const;

const ALL_PUBLISHED = namedSql<'cohort' | 'codes'>(`
	SELECT count(*) > 0 AND count(*) FILTER (WHERE NOT list_contains(string_split($codes::VARCHAR, ','), programme)) = 0 AS published
	FROM participants WHERE cohort = $cohort`);

/** True when the cohort's whole-cohort tables are the published pilot tables. */
export async function cohortPublished(engine: Engine, cohort: Cohort): Promise<boolean> {
	const [row] = await run<{ published: boolean }, 'cohort' | 'codes'>(engine, ALL_PUBLISHED, { cohort, codes: PUBLISHED_PROGRAMMES.join(',') });
	return row?.published === true;
}
