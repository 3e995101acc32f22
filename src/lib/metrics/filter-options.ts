/** Choices offered by the filter bar, read from the data (live data may add municipalities). */
import { query, type Engine } from '#lib/db/engine.ts';
import type { Cohort } from '#lib/filters/filters.ts';

export interface MunicipalityOption {
	code: string;
	name_lv: string;
	name_en: string;
	region: string;
	participants: number;
}

export const FILTER_OPTIONS_SQL = `
	SELECT mu.code, mu.name_lv, mu.name_en, mu.region, count(*)::INTEGER AS participants
	FROM participants p JOIN municipalities mu ON mu.code = p.municipality_code
	WHERE p.cohort = ?
	GROUP BY ALL ORDER BY mu.region, mu.name_lv`;

export const SERVICE_MONTHS_SQL = `
	SELECT strftime(min(s.month), '%Y-%m') AS first, strftime(max(s.month), '%Y-%m') AS last
	FROM services s JOIN participants p USING (participant_id) WHERE p.cohort = ?`;

export async function filterOptions(engine: Engine, cohort: Cohort) {
	const [municipalities, months] = await Promise.all([
		query<MunicipalityOption>(engine, FILTER_OPTIONS_SQL, [cohort]),
		query<{ first: string | null; last: string | null }>(engine, SERVICE_MONTHS_SQL, [cohort])
	]);
	return { municipalities, firstMonth: months[0]?.first ?? null, lastMonth: months[0]?.last ?? null };
}
