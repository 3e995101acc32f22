/**
 * The rows a cohort export is made from: the filtered participants and their
 * goals, assessments, employment, services and programmes, read with the same
 * participant selection as the outcome views (named parameters, nothing
 * spliced). Unchosen variable groups are read too and simply not written.
 * The whole cohort's participants are read as well: the anonymisation is
 * decided on them, never on the selection (see anonymise.ts).
 */
import type { Engine } from '#lib/db/engine.ts';
import { DEFAULT_FILTERS, type Cohort, type Filters } from '#lib/filters/filters.ts';
import { namedSql, run } from '#lib/query/sql.ts';
import { SELECTION_SQL, SERVICE_PERIOD_SQL, periodParams, selectionParams, type PeriodParam, type SelectionParam } from '#lib/query/selection.ts';

export interface RawParticipant {
	participant_id: string;
	programme: string;
	sex: string;
	age_at_entry: number;
	municipality_code: string;
	region: string;
	enrolled_on: string;
	exited_on: string | null;
	exit_reason: string | null;
	impairment_vision: boolean | null;
	impairment_hearing: boolean | null;
	impairment_mobility: boolean | null;
	impairment_mental: boolean | null;
	family_structure: string | null;
	caregiver_type: string | null;
	household_type: string;
	income_status: string;
	disability_group: string | null;
	care_level: number | null;
	residence_type: string | null;
	needs_natural_support: boolean | null;
	needs_minor_child: boolean | null;
	needs_mobility: boolean | null;
	left_institution: boolean | null;
}

export interface RawGoals {
	participant_id: string;
	domain_code: string;
	goals: number;
	achieved: number;
	partly: number;
	not_achieved: number;
	score: number;
}

export interface RawAssessment {
	participant_id: string;
	instrument: string;
	informant: string;
	wave: string;
	dimension_code: string;
	score: number;
	scoring_method: string;
	assessed_on: string;
}

export interface RawDimension {
	instrument: string;
	dimension_code: string;
	sort_order: number;
	name_en: string;
	name_lv: string;
	higher_is_better: boolean;
	scoring_method: string;
	items: number | null;
}

export interface RawProgramme {
	programme: string;
	name_en: string;
	reporting_months: number;
	service_months: number;
	service_start: string;
	service_end: string;
}

export interface RawData {
	cohort: Cohort;
	/** The participants the filters select. */
	participants: RawParticipant[];
	/** Every participant of the cohort, whatever the filters (the anonymisation classes are formed on them). */
	population: RawParticipant[];
	domains: { code: string; name_en: string; name_lv: string }[];
	goals: RawGoals[];
	dimensions: RawDimension[];
	assessments: RawAssessment[];
	employment: { participant_id: string; wave: string; status: string }[];
	services: { participant_id: string; service_group: string; cost_eur: number; units: number }[];
	programmes: RawProgramme[];
}

const SEL = `WITH sel AS (${SELECTION_SQL})`;

export const EXPORT_PARTICIPANTS_SQL = namedSql<SelectionParam>(`${SEL}
SELECT p.participant_id, p.programme, p.sex, p.age_at_entry, p.municipality_code, sel.region,
	p.enrolled_on, p.exited_on, p.exit_reason,
	p.impairment_vision, p.impairment_hearing, p.impairment_mobility, p.impairment_mental,
	p.family_structure, p.caregiver_type, p.household_type, p.income_status,
	p.disability_group, p.care_level, p.residence_type,
	p.needs_natural_support, p.needs_minor_child, p.needs_mobility, p.left_institution
FROM participants p JOIN sel USING (participant_id)
ORDER BY p.participant_id`);

/** Goals per participant and domain; the period filter ($from/$to of the selection) applies to the review date, as in the goals view. */
export const EXPORT_GOALS_SQL = namedSql<SelectionParam>(`${SEL}
SELECT g.participant_id, g.domain_code,
	count(*)::INTEGER AS goals,
	count(*) FILTER (WHERE g.attainment = 'achieved')::INTEGER AS achieved,
	count(*) FILTER (WHERE g.attainment = 'partly')::INTEGER AS partly,
	count(*) FILTER (WHERE g.attainment = 'not')::INTEGER AS not_achieved,
	sum(CASE g.attainment WHEN 'achieved' THEN 1.0 WHEN 'partly' THEN 0.5 ELSE 0.0 END)::DOUBLE AS score
FROM plan_goals g JOIN sel USING (participant_id)
WHERE ($from::DATE IS NULL OR g.reviewed_on >= $from::DATE) AND ($to::DATE IS NULL OR g.reviewed_on <= $to::DATE)
GROUP BY g.participant_id, g.domain_code
ORDER BY g.participant_id, g.domain_code`);

/** Assessments; with a period filter a follow-up counts when assessed inside it (as the outcome views pair them). */
export const EXPORT_ASSESSMENTS_SQL = namedSql<SelectionParam>(`${SEL}
SELECT a.participant_id, a.instrument, a.informant, a.wave, a.dimension_code, a.score, a.scoring_method, a.assessed_on
FROM assessments a JOIN sel USING (participant_id)
WHERE a.wave = 'baseline'
	OR (($from::DATE IS NULL OR a.assessed_on >= $from::DATE) AND ($to::DATE IS NULL OR a.assessed_on <= $to::DATE))
ORDER BY a.participant_id, a.instrument, a.informant, a.wave, a.dimension_code`);

export const EXPORT_DIMENSIONS_SQL = namedSql<never>(`
SELECT instrument, dimension_code, sort_order, name_en, name_lv, higher_is_better, scoring_method, items
FROM instrument_dimensions ORDER BY instrument, sort_order, dimension_code`);

export const EXPORT_DOMAINS_SQL = namedSql<'cohort'>(`
SELECT code, name_en, name_lv FROM plan_domains WHERE cohort = $cohort ORDER BY sort_order, code`);

export const EXPORT_EMPLOYMENT_SQL = namedSql<SelectionParam>(`${SEL}
SELECT e.participant_id, e.wave, e.status
FROM employment e JOIN sel USING (participant_id)
ORDER BY e.participant_id, e.wave`);

/** Paid services per participant and service group (providers, months and prices are not exported). */
export const EXPORT_SERVICES_SQL = namedSql<SelectionParam | PeriodParam>(`${SEL}
SELECT s.participant_id, c.service_group,
	round(sum(s.cost_eur), 2)::DOUBLE AS cost_eur,
	sum(s.units)::DOUBLE AS units
FROM services s
JOIN sel ON sel.participant_id = s.participant_id
JOIN service_catalogue c ON c.service_code = s.service_code
WHERE ${SERVICE_PERIOD_SQL}
GROUP BY s.participant_id, c.service_group
ORDER BY s.participant_id, c.service_group`);

export const EXPORT_PROGRAMMES_SQL = namedSql<SelectionParam>(`${SEL}
SELECT DISTINCT pr.programme, pr.name_en, pr.reporting_months, pr.service_months,
	strftime(pr.service_start, '%Y-%m-%d') AS service_start, strftime(pr.service_end, '%Y-%m-%d') AS service_end
FROM programmes pr JOIN participants p ON p.programme = pr.programme JOIN sel ON sel.participant_id = p.participant_id
ORDER BY pr.programme`);

/** Ids of the participants a selection holds (to tell whether two exports' selections overlap; never stored). */
export const SELECTED_IDS_SQL = namedSql<SelectionParam>(`${SEL} SELECT participant_id FROM sel ORDER BY participant_id`);

export async function selectedIds(engine: Engine, filters: Filters): Promise<string[]> {
	return (await run<{ participant_id: string }, SelectionParam>(engine, SELECTED_IDS_SQL, selectionParams(filters))).map((r) => r.participant_id);
}

/** Everything the export may need for the filtered cohort (all groups; unchosen ones are simply not written). */
export async function fetchExportData(engine: Engine, filters: Filters): Promise<RawData> {
	const sel = selectionParams(filters);
	const whole = selectionParams({ ...DEFAULT_FILTERS, cohort: filters.cohort });
	const [participants, population, domains, goals, dimensions, assessments, employment, services, programmes] = await Promise.all([
		run<RawParticipant, SelectionParam>(engine, EXPORT_PARTICIPANTS_SQL, sel),
		run<RawParticipant, SelectionParam>(engine, EXPORT_PARTICIPANTS_SQL, whole),
		run<RawData['domains'][number], 'cohort'>(engine, EXPORT_DOMAINS_SQL, { cohort: filters.cohort }),
		run<RawGoals, SelectionParam>(engine, EXPORT_GOALS_SQL, sel),
		run<RawDimension, never>(engine, EXPORT_DIMENSIONS_SQL, {}),
		run<RawAssessment, SelectionParam>(engine, EXPORT_ASSESSMENTS_SQL, sel),
		run<RawData['employment'][number], SelectionParam>(engine, EXPORT_EMPLOYMENT_SQL, sel),
		run<RawData['services'][number], SelectionParam | PeriodParam>(engine, EXPORT_SERVICES_SQL, { ...sel, ...periodParams(filters) }),
		run<RawProgramme, SelectionParam>(engine, EXPORT_PROGRAMMES_SQL, sel)
	]);
	return { cohort: filters.cohort, participants, population, domains, goals, dimensions, assessments, employment, services, programmes };
}
