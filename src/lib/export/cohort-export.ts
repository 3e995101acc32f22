/**
 * Anonymised cohort export for researchers: one row per participant of the
 * filtered cohort with the chosen variable groups, anonymised in the browser
 * before anything is written.
 *
 *   fetchExportData(engine, filters)      parameterised SQL through the Engine
 *   assembleExport(raw, settings, key)    generalise → k-anonymity (+ local suppression)
 *                                         → l-diversity check → keyed pseudonyms → tables
 *   serialiseExport(result, meta)         CSV, Parquet, codebook (Markdown), manifest (JSON)
 *
 * Never exported: participant_id (replaced by an HMAC-SHA-256 pseudonym),
 * birth year and exact dates (dates become months or months since enrolment),
 * providers (ids, labels), goal and event ids, free text. Rows are sorted by
 * pseudonym, so the same settings and key give byte-identical data files.
 */
import { query, type Engine } from '#lib/db/engine.ts';
import type { Cohort, Filters } from '#lib/filters/filters.ts';
import { AGE_BANDS_BY_COHORT } from '#lib/filters/filters.ts';
import { SELECTED_PARTICIPANTS_SQL, SERVICE_PERIOD_SQL, filterParams, periodBounds, periodParams } from '#lib/metrics/filter-sql.ts';
import { ANY, ageBand, monthsSince, toMonth, toQuarter } from '#lib/privacy/anonymise/generalise.ts';
import { achieveKAnonymity, equivalenceClasses, smallestClass, type QuasiIdentifier, type GeneralisationStep } from '#lib/privacy/anonymise/kAnonymity.ts';
import { distinctLDiversity, lDiverseViolations } from '#lib/privacy/anonymise/lDiversity.ts';
import { informationLoss, type InformationLoss } from '#lib/privacy/anonymise/informationLoss.ts';
import { pseudonymise, sha256Hex, PSEUDONYM_LENGTH } from '#lib/privacy/anonymise/pseudonym.ts';
import { toCsv } from './csv.ts';
import { toParquet } from './parquet-write.ts';
import { codebookMarkdown } from './codebook.ts';
import type { ExportCell, ExportColumn, ExportTable, ExportType } from './export-table.ts';

export type { ExportCell, ExportColumn, ExportTable } from './export-table.ts';

// ------------------------------------------------------------------ settings --

export const VARIABLE_GROUPS = ['attributes', 'goals', 'assessments', 'employment', 'services'] as const;
export type VariableGroup = (typeof VARIABLE_GROUPS)[number];

export const QI_NAMES = [
	'sex',
	'age',
	'place',
	'enrolment',
	'household_type',
	'income_status',
	'family_structure',
	'caregiver_type',
	'disability_group',
	'care_level',
	'residence_type'
] as const;
export type QiName = (typeof QI_NAMES)[number];

export type DateMode = 'months_since_enrolment' | 'month';
export type AssessmentLayout = 'wide' | 'long';

export interface ExportSettings {
	filters: Filters;
	groups: VariableGroup[];
	assessmentLayout: AssessmentLayout;
	dates: DateMode;
	quasiIdentifiers: QiName[];
	/** Start level of age: 0 years, 1 age band. */
	ageLevel: 0 | 1;
	/** Start level of place: 0 municipality, 1 planning region. */
	placeLevel: 0 | 1;
	k: number;
	/** Largest share of records that may be suppressed before a QI is generalised further (0..1). */
	maxSuppressedShare: number;
	/** Allow generalising QIs beyond their start level. */
	generalise: boolean;
	/** Column name of the sensitive variable for the l-diversity check (null: no check). */
	sensitive: string | null;
	l: number;
	/** Suppress the classes with fewer than l distinct sensitive values. */
	enforceL: boolean;
}

export const DEFAULT_K = 5;

export function defaultSettings(filters: Filters): ExportSettings {
	return {
		filters,
		groups: filters.cohort === 'adult' ? ['attributes', 'goals', 'assessments', 'employment', 'services'] : ['attributes', 'goals', 'assessments', 'services'],
		assessmentLayout: 'wide',
		dates: 'months_since_enrolment',
		quasiIdentifiers: ['sex', 'age', 'place'],
		ageLevel: 1,
		placeLevel: 1,
		k: DEFAULT_K,
		maxSuppressedShare: 0.05,
		generalise: true,
		sensitive: 'income_status',
		l: 2,
		enforceL: false
	};
}

/** QIs that exist for a cohort and date mode. */
export function qiAvailable(name: QiName, cohort: Cohort, dates: DateMode): boolean {
	if (name === 'enrolment') return dates === 'month';
	if (name === 'family_structure' || name === 'caregiver_type') return cohort === 'child';
	if (name === 'disability_group' || name === 'care_level' || name === 'residence_type') return cohort === 'adult';
	return true;
}

export function groupAvailable(group: VariableGroup, cohort: Cohort): boolean {
	return group !== 'employment' || cohort === 'adult';
}

// ---------------------------------------------------------------- raw data --

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
	participants: RawParticipant[];
	domains: { code: string; name_en: string; name_lv: string }[];
	goals: RawGoals[];
	dimensions: RawDimension[];
	assessments: RawAssessment[];
	employment: { participant_id: string; wave: string; status: string }[];
	services: { participant_id: string; service_group: string; cost_eur: number; units: number }[];
	programmes: RawProgramme[];
}

const SEL = `WITH sel AS (${SELECTED_PARTICIPANTS_SQL})`;

export const EXPORT_PARTICIPANTS_SQL = `${SEL}
SELECT p.participant_id, p.programme, p.sex, p.age_at_entry, p.municipality_code, sel.region,
	p.enrolled_on, p.exited_on, p.exit_reason,
	p.impairment_vision, p.impairment_hearing, p.impairment_mobility, p.impairment_mental,
	p.family_structure, p.caregiver_type, p.household_type, p.income_status,
	p.disability_group, p.care_level, p.residence_type,
	p.needs_natural_support, p.needs_minor_child, p.needs_mobility, p.left_institution
FROM participants p JOIN sel USING (participant_id)
ORDER BY p.participant_id`;

/** Goals per participant and domain; the period filter applies to the review date, as in the goals view. */
export const EXPORT_GOALS_SQL = `${SEL}
SELECT g.participant_id, g.domain_code,
	count(*)::INTEGER AS goals,
	count(*) FILTER (WHERE g.attainment = 'achieved')::INTEGER AS achieved,
	count(*) FILTER (WHERE g.attainment = 'partly')::INTEGER AS partly,
	count(*) FILTER (WHERE g.attainment = 'not')::INTEGER AS not_achieved,
	sum(CASE g.attainment WHEN 'achieved' THEN 1.0 WHEN 'partly' THEN 0.5 ELSE 0.0 END)::DOUBLE AS score
FROM plan_goals g JOIN sel USING (participant_id)
WHERE (?::DATE IS NULL OR g.reviewed_on >= ?::DATE) AND (?::DATE IS NULL OR g.reviewed_on <= ?::DATE)
GROUP BY g.participant_id, g.domain_code
ORDER BY g.participant_id, g.domain_code`;

/** Assessments; with a period filter a follow-up counts when assessed inside it (as the outcome views pair them). */
export const EXPORT_ASSESSMENTS_SQL = `${SEL}
SELECT a.participant_id, a.instrument, a.informant, a.wave, a.dimension_code, a.score, a.scoring_method, a.assessed_on
FROM assessments a JOIN sel USING (participant_id)
WHERE a.wave = 'baseline'
	OR ((?::DATE IS NULL OR a.assessed_on >= ?::DATE) AND (?::DATE IS NULL OR a.assessed_on <= ?::DATE))
ORDER BY a.participant_id, a.instrument, a.informant, a.wave, a.dimension_code`;

export const EXPORT_DIMENSIONS_SQL = `
SELECT instrument, dimension_code, sort_order, name_en, name_lv, higher_is_better, scoring_method, items
FROM instrument_dimensions ORDER BY instrument, sort_order, dimension_code`;

export const EXPORT_DOMAINS_SQL = `
SELECT code, name_en, name_lv FROM plan_domains WHERE cohort = ? ORDER BY sort_order, code`;

export const EXPORT_EMPLOYMENT_SQL = `${SEL}
SELECT e.participant_id, e.wave, e.status
FROM employment e JOIN sel USING (participant_id)
ORDER BY e.participant_id, e.wave`;

/** Paid services per participant and service group (providers, months and prices are not exported). */
export const EXPORT_SERVICES_SQL = `${SEL}
SELECT s.participant_id, c.service_group,
	round(sum(s.cost_eur), 2)::DOUBLE AS cost_eur,
	sum(s.units)::DOUBLE AS units
FROM services s
JOIN sel ON sel.participant_id = s.participant_id
JOIN service_catalogue c ON c.service_code = s.service_code
WHERE ${SERVICE_PERIOD_SQL}
GROUP BY s.participant_id, c.service_group
ORDER BY s.participant_id, c.service_group`;

export const EXPORT_PROGRAMMES_SQL = `${SEL}
SELECT DISTINCT pr.programme, pr.name_en, pr.reporting_months, pr.service_months,
	strftime(pr.service_start, '%Y-%m-%d') AS service_start, strftime(pr.service_end, '%Y-%m-%d') AS service_end
FROM programmes pr JOIN participants p ON p.programme = pr.programme JOIN sel ON sel.participant_id = p.participant_id
ORDER BY pr.programme`;

/** Everything the export may need for the filtered cohort (all groups; unchosen ones are simply not written). */
export async function fetchExportData(engine: Engine, filters: Filters): Promise<RawData> {
	const fp = filterParams(filters);
	const [from, to] = periodBounds(filters);
	const period = [from, from, to, to];
	const [participants, domains, goals, dimensions, assessments, employment, services, programmes] = await Promise.all([
		query<RawParticipant>(engine, EXPORT_PARTICIPANTS_SQL, fp),
		query<RawData['domains'][number]>(engine, EXPORT_DOMAINS_SQL, [filters.cohort]),
		query<RawGoals>(engine, EXPORT_GOALS_SQL, [...fp, ...period]),
		query<RawDimension>(engine, EXPORT_DIMENSIONS_SQL),
		query<RawAssessment>(engine, EXPORT_ASSESSMENTS_SQL, [...fp, ...period]),
		query<RawData['employment'][number]>(engine, EXPORT_EMPLOYMENT_SQL, fp),
		query<RawData['services'][number]>(engine, EXPORT_SERVICES_SQL, [...fp, ...periodParams(filters)]),
		query<RawProgramme>(engine, EXPORT_PROGRAMMES_SQL, fp)
	]);
	return { cohort: filters.cohort, participants, domains, goals, dimensions, assessments, employment, services, programmes };
}

// --------------------------------------------------------------- variables --

const SEX = ['F', 'M'];
const EXIT_REASONS = ['completed', 'withdrew_before_services', 'withdrew', 'moved', 'died', 'other'];
const HOUSEHOLD: Record<Cohort, string[]> = {
	child: [
		'married_1_child',
		'married_2_children',
		'married_3plus_children',
		'cohabiting_1_child',
		'cohabiting_2_children',
		'cohabiting_3plus_children',
		'single_parent_1_child',
		'single_parent_2_children',
		'single_parent_3plus_children'
	],
	adult: ['alone', 'with_parents', 'with_partner', 'with_relatives', 'group_home']
};
const INCOME = ['none', 'needy', 'low_income'];
export const EMPLOYMENT_STATUSES = ['permanent_full_time', 'temporary_full_time', 'part_time', 'volunteer_public_works', 'not_employed'];
export const SERVICE_GROUPS = ['social', 'health', 'education', 'other'] as const;
const REGIONS = ['Rīga', 'Kurzeme', 'Zemgale', 'Vidzeme', 'Latgale'];

/** A participant with everything joined, as the variable getters see it. */
interface Person {
	p: RawParticipant;
	goals: Map<string, RawGoals>;
	assessments: RawAssessment[];
	employment: Map<string, string>;
	services: Map<string, { cost_eur: number; units: number }>;
}

interface QiDef {
	name: QiName;
	/** Generalisation hierarchy, level by level (for the codebook and the report). */
	levels: string[];
	column(level: number): { name: string; type: ExportType; allowed?: string[] };
	value(person: Person, level: number): ExportCell;
	description: string;
}

function categoricalQi(name: QiName, description: string, allowed: string[], get: (p: RawParticipant) => ExportCell, type: ExportType = 'VARCHAR'): QiDef {
	return {
		name,
		levels: ['value', ANY],
		description,
		column: (level) => ({ name, type: level === 0 ? type : 'VARCHAR', allowed: level === 0 ? allowed : [ANY] }),
		value: (x, level) => {
			const v = get(x.p);
			return level === 0 || v === null ? v : ANY;
		}
	};
}

function qiDefs(cohort: Cohort): Record<QiName, QiDef> {
	const bands = [...AGE_BANDS_BY_COHORT[cohort]];
	return {
		sex: {
			name: 'sex',
			levels: ['F/M', ANY],
			description: 'Sex.',
			column: (l) => ({ name: 'sex', type: 'VARCHAR', allowed: l === 0 ? SEX : [ANY] }),
			value: (x, l) => (l === 0 ? x.p.sex : ANY)
		},
		age: {
			name: 'age',
			levels: ['years', 'band', ANY],
			description: 'Age at entry (full years on the enrolment date).',
			column: (l) =>
				l === 0 ? { name: 'age_at_entry', type: 'INTEGER' } : { name: 'age_band', type: 'VARCHAR', allowed: l === 1 ? bands : [ANY] },
			value: (x, l) => (l === 0 ? x.p.age_at_entry : l === 1 ? ageBand(x.p.age_at_entry, cohort) : ANY)
		},
		place: {
			name: 'place',
			levels: ['municipality', 'region', ANY],
			description: 'Municipality whose social service administers the IB, or its planning region.',
			column: (l) =>
				l === 0 ? { name: 'municipality', type: 'VARCHAR' } : { name: 'region', type: 'VARCHAR', allowed: l === 1 ? REGIONS : [ANY] },
			value: (x, l) => (l === 0 ? x.p.municipality_code : l === 1 ? x.p.region : ANY)
		},
		enrolment: {
			name: 'enrolment',
			levels: ['month', 'quarter', 'year', ANY],
			description: 'When the IB was granted.',
			column: (l) => ({ name: ['enrolled_month', 'enrolled_quarter', 'enrolled_year', 'enrolled_year'][l], type: 'VARCHAR', allowed: l === 3 ? [ANY] : undefined }),
			value: (x, l) => (l === 0 ? toMonth(x.p.enrolled_on) : l === 1 ? toQuarter(x.p.enrolled_on) : l === 2 ? x.p.enrolled_on.slice(0, 4) : ANY)
		},
		household_type: categoricalQi('household_type', 'Household type (children: family type; adults: with whom the person lives).', HOUSEHOLD[cohort], (p) => p.household_type),
		income_status: categoricalQi('income_status', 'Municipal income status: needy (trūcīga), low-income (maznodrošināta) or none.', INCOME, (p) => p.income_status),
		family_structure: categoricalQi('family_structure', "Child's family: two adults or a single parent.", ['two_parent', 'single_parent'], (p) => p.family_structure),
		caregiver_type: categoricalQi('caregiver_type', 'Who raises the child: parents, guardian or foster family.', ['parents', 'guardian', 'foster'], (p) => p.caregiver_type),
		disability_group: categoricalQi('disability_group', 'Disability group (I very severe, II severe).', ['I', 'II'], (p) => p.disability_group),
		care_level: categoricalQi('care_level', 'Care level 1–4 (sets the indicative amount).', ['1', '2', '3', '4'], (p) => p.care_level, 'INTEGER'),
		residence_type: categoricalQi('residence_type', 'Residence type: a alone, b with family or relatives, c group home.', ['a', 'b', 'c'], (p) => p.residence_type)
	};
}

interface VariableDef extends Omit<ExportColumn, 'quasiIdentifier' | 'sensitive'> {
	get(person: Person): ExportCell;
	/** May serve as the l-diversity sensitive variable. */
	categorical?: boolean;
}

const b = (group: string, name: string, description: string, get: (x: Person) => ExportCell): VariableDef => ({ name, type: 'BOOLEAN', group, description, get, categorical: true });

/** Attribute variables (without the QIs, which come first and are generalised). */
function attributeVars(cohort: Cohort, dates: DateMode, qis: Set<QiName>): VariableDef[] {
	const g = 'attributes';
	const vars: VariableDef[] = [
		{ name: 'programme', type: 'VARCHAR', group: g, description: 'Programme (pilot) code.', get: (x) => x.p.programme },
		{ name: 'exit_reason', type: 'VARCHAR', group: g, description: 'Why participation ended; empty while still participating.', allowed: EXIT_REASONS, get: (x) => x.p.exit_reason, categorical: true }
	];
	if (dates === 'month') {
		if (!qis.has('enrolment'))
			vars.push({ name: 'enrolled_month', type: 'VARCHAR', group: g, description: 'Month the IB was granted (YYYY-MM).', get: (x) => toMonth(x.p.enrolled_on) });
		vars.push({ name: 'exited_month', type: 'VARCHAR', group: g, description: 'Month participation ended (YYYY-MM).', get: (x) => toMonth(x.p.exited_on) });
	} else {
		vars.push({
			name: 'months_in_programme',
			type: 'INTEGER',
			group: g,
			description: 'Whole months from enrolment to the end of participation (no calendar dates are exported).',
			get: (x) => monthsSince(x.p.enrolled_on, x.p.exited_on)
		});
	}
	const cat = (name: QiName, description: string, allowed: string[], get: (p: RawParticipant) => ExportCell, type: ExportType = 'VARCHAR') => {
		if (!qis.has(name)) vars.push({ name, type, group: g, description, allowed, get: (x) => get(x.p), categorical: true });
	};
	const defs = qiDefs(cohort);
	cat('household_type', defs.household_type.description, HOUSEHOLD[cohort], (p) => p.household_type);
	cat('income_status', defs.income_status.description, INCOME, (p) => p.income_status);
	if (cohort === 'child') {
		cat('family_structure', defs.family_structure.description, ['two_parent', 'single_parent'], (p) => p.family_structure);
		cat('caregiver_type', defs.caregiver_type.description, ['parents', 'guardian', 'foster'], (p) => p.caregiver_type);
		vars.push(
			b(g, 'impairment_vision', 'Vision impairment (FT type).', (x) => x.p.impairment_vision),
			b(g, 'impairment_hearing', 'Hearing impairment.', (x) => x.p.impairment_hearing),
			b(g, 'impairment_mobility', 'Mobility impairment.', (x) => x.p.impairment_mobility),
			b(g, 'impairment_mental', 'Mental (intellectual/psychiatric, incl. autism spectrum) impairment.', (x) => x.p.impairment_mental)
		);
	} else {
		cat('disability_group', defs.disability_group.description, ['I', 'II'], (p) => p.disability_group);
		cat('care_level', defs.care_level.description, ['1', '2', '3', '4'], (p) => p.care_level, 'INTEGER');
		cat('residence_type', defs.residence_type.description, ['a', 'b', 'c'], (p) => p.residence_type);
		vars.push(
			b(g, 'needs_natural_support', 'Needs group II: the natural support circle needs support.', (x) => x.p.needs_natural_support),
			b(g, 'needs_minor_child', 'Needs group III: support caring for a minor child.', (x) => x.p.needs_minor_child),
			b(g, 'needs_mobility', 'Needs group IV: mobility for plan services.', (x) => x.p.needs_mobility),
			b(g, 'left_institution', 'Moved out of a state social care centre (VSAC) under DI.', (x) => x.p.left_institution)
		);
	}
	return vars;
}

function goalVars(domains: RawData['domains']): VariableDef[] {
	const g = 'goals';
	const vars: VariableDef[] = [];
	const parts: [string, keyof RawGoals, string, ExportType][] = [
		['n', 'goals', 'goals set', 'INTEGER'],
		['achieved', 'achieved', 'goals achieved (1)', 'INTEGER'],
		['partly', 'partly', 'goals partly achieved (0.5)', 'INTEGER'],
		['not', 'not_achieved', 'goals not achieved (0)', 'INTEGER'],
		['score', 'score', 'attainment score = achieved + 0.5 × partly', 'DOUBLE']
	];
	for (const d of domains) {
		for (const [suffix, field, what, type] of parts) {
			vars.push({
				name: `goals_${d.code.toLowerCase()}_${suffix}`,
				type,
				group: g,
				description: `Plan domain ${d.code} (${d.name_en}): ${what}.`,
				get: (x) => (x.goals.get(d.code)?.[field] as number | undefined) ?? 0
			});
		}
	}
	for (const [suffix, field, what, type] of parts) {
		vars.push({
			name: `goals_${suffix}`,
			type,
			group: g,
			description: `All plan domains: ${what}.`,
			get: (x) => {
				let s = 0;
				for (const r of x.goals.values()) s += r[field] as number;
				return s;
			}
		});
	}
	return vars;
}

const WAVE_SUFFIX: Record<string, string> = { baseline: 'b', followup: 'f' };

/** (instrument, informant, wave) blocks and their dimensions present in the data, in a stable order. */
function assessmentBlocks(raw: RawData): { instrument: string; informant: string; wave: string; dims: RawDimension[] }[] {
	const present = new Set(raw.assessments.map((a) => `${a.instrument}|${a.informant}|${a.wave}|${a.dimension_code}`));
	const combos = [...new Set(raw.assessments.map((a) => `${a.instrument}|${a.informant}|${a.wave}`))].sort();
	return combos.map((c) => {
		const [instrument, informant, wave] = c.split('|');
		const dims = raw.dimensions.filter((d) => d.instrument === instrument && present.has(`${c}|${d.dimension_code}`));
		return { instrument, informant, wave, dims };
	});
}

function scaleNote(d: RawDimension): string {
	switch (d.scoring_method) {
		case 'icf_qualifier':
			return 'ICF qualifier 0 no … 4 complete difficulty (lower is better); 8 not specified, 9 not applicable (exclude from change)';
		case 'rasch_t':
			return 'Rasch T-score (European norm mean 50, SD 10; higher is better)';
		case 'item_mean':
			return `mean of ${d.items ?? '?'} items rated 1–5 (higher is better)`;
		case 'change_rating':
			return 'change rating −1 worse, 0 same, +1 better (follow-up only)';
		default:
			return d.scoring_method;
	}
}

function assessmentWideVars(raw: RawData, dates: DateMode): VariableDef[] {
	const g = 'assessments';
	const vars: VariableDef[] = [];
	for (const block of assessmentBlocks(raw)) {
		const w = WAVE_SUFFIX[block.wave];
		const prefix = `${block.instrument}_${block.informant}`;
		const find = (x: Person) => x.assessments.filter((a) => a.instrument === block.instrument && a.informant === block.informant && a.wave === block.wave);
		vars.push({
			name: dates === 'month' ? `${prefix}_${w}_month` : `${prefix}_${w}_months`,
			type: dates === 'month' ? 'VARCHAR' : 'INTEGER',
			group: g,
			description:
				dates === 'month'
					? `${block.instrument}, ${block.informant}, ${block.wave}: month assessed (YYYY-MM).`
					: `${block.instrument}, ${block.informant}, ${block.wave}: whole months from enrolment to the assessment.`,
			get: (x) => {
				const dates_ = find(x).map((a) => a.assessed_on).sort();
				if (!dates_.length) return null;
				return dates === 'month' ? toMonth(dates_[0]) : monthsSince(x.p.enrolled_on, dates_[0]);
			}
		});
		for (const d of block.dims) {
			vars.push({
				name: `${prefix}_${d.dimension_code}_${w}`,
				type: 'DOUBLE',
				group: g,
				description: `${block.instrument}, ${block.informant}, ${block.wave}: ${d.name_en} — ${scaleNote(d)}.`,
				get: (x) => find(x).find((a) => a.dimension_code === d.dimension_code)?.score ?? null
			});
		}
	}
	return vars;
}

function employmentVars(): VariableDef[] {
	const g = 'employment';
	return (['baseline', 'followup'] as const).map((wave) => ({
		name: `employment_${wave}`,
		type: 'VARCHAR' as const,
		group: g,
		description:
			wave === 'baseline' ? 'Employment status before the programme.' : 'Employment status during/at the end of the programme.',
		allowed: EMPLOYMENT_STATUSES,
		categorical: true,
		get: (x: Person) => x.employment.get(wave) ?? null
	}));
}

const cents = (x: number) => Math.round(x * 100) / 100;

function serviceVars(): VariableDef[] {
	const g = 'services';
	const vars: VariableDef[] = [];
	for (const group of SERVICE_GROUPS) {
		vars.push(
			{ name: `cost_${group}_eur`, type: 'DOUBLE', group: g, description: `Paid cost of ${group} services, EUR (0 if none).`, get: (x) => cents(x.services.get(group)?.cost_eur ?? 0) },
			{ name: `units_${group}`, type: 'DOUBLE', group: g, description: `Units of ${group} services (hours, sessions, days, trips or months by service).`, get: (x) => x.services.get(group)?.units ?? 0 }
		);
	}
	vars.push(
		{ name: 'cost_total_eur', type: 'DOUBLE', group: g, description: 'Paid cost of all services, EUR.', get: (x) => cents([...x.services.values()].reduce((a, s) => a + s.cost_eur, 0)) },
		{ name: 'units_total', type: 'DOUBLE', group: g, description: 'Units of all services.', get: (x) => [...x.services.values()].reduce((a, s) => a + s.units, 0) }
	);
	return vars;
}

/** Non-QI variables of the chosen groups, in export order. */
function variables(raw: RawData, s: ExportSettings, qis: Set<QiName>): VariableDef[] {
	const groups = new Set(s.groups.filter((g) => groupAvailable(g, raw.cohort)));
	return [
		...(groups.has('attributes') ? attributeVars(raw.cohort, s.dates, qis) : []),
		...(groups.has('goals') ? goalVars(raw.domains) : []),
		...(groups.has('assessments') && s.assessmentLayout === 'wide' ? assessmentWideVars(raw, s.dates) : []),
		...(groups.has('employment') ? employmentVars() : []),
		...(groups.has('services') ? serviceVars() : [])
	];
}

/** Variables that can serve as the l-diversity sensitive variable with these settings. */
export function sensitiveCandidates(cohort: Cohort, s: Pick<ExportSettings, 'groups' | 'quasiIdentifiers' | 'dates'>): string[] {
	const qis = new Set(s.quasiIdentifiers.filter((q) => qiAvailable(q, cohort, s.dates)));
	const groups = new Set(s.groups);
	const vars = [
		...(groups.has('attributes') ? attributeVars(cohort, s.dates, qis) : []),
		...(groups.has('employment') && cohort === 'adult' ? employmentVars() : [])
	];
	return vars.filter((v) => v.categorical).map((v) => v.name);
}

// ---------------------------------------------------------------- assemble --

export interface QiReport {
	name: QiName;
	column: string;
	levels: string[];
	startLevel: number;
	level: number;
}

export interface ExportReport {
	cohort: Cohort;
	/** Participants selected by the filters. */
	selected: number;
	exported: number;
	suppressedForK: number;
	suppressedForL: number;
	k: number;
	/** Smallest equivalence class among exported records (the achieved k). */
	smallestClass: number;
	classes: number;
	quasiIdentifiers: QiReport[];
	steps: GeneralisationStep[];
	sensitive: string | null;
	lTarget: number;
	enforceL: boolean;
	/** Achieved distinct l (null without a sensitive variable). */
	l: number | null;
	/** Classes with fewer than the target l distinct values (after any enforcement). */
	classesBelowL: number;
	informationLoss: InformationLoss;
	/** Sizes of the equivalence classes, ascending. */
	classSizes: number[];
}

export interface ExportResult {
	settings: ExportSettings;
	tables: ExportTable[];
	report: ExportReport;
	programmes: RawProgramme[];
	dimensions: RawDimension[];
}

function indexBy<T extends { participant_id: string }>(rows: T[]): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const r of rows) {
		const l = m.get(r.participant_id);
		if (l) l.push(r);
		else m.set(r.participant_id, [r]);
	}
	return m;
}

function people(raw: RawData): Person[] {
	const goals = indexBy(raw.goals);
	const assessments = indexBy(raw.assessments);
	const employment = indexBy(raw.employment);
	const services = indexBy(raw.services);
	return [...raw.participants]
		.sort((a, b) => (a.participant_id < b.participant_id ? -1 : a.participant_id > b.participant_id ? 1 : 0))
		.map((p) => ({
			p,
			goals: new Map((goals.get(p.participant_id) ?? []).map((g) => [g.domain_code, g])),
			assessments: assessments.get(p.participant_id) ?? [],
			employment: new Map((employment.get(p.participant_id) ?? []).map((e) => [e.wave, e.status])),
			services: new Map((services.get(p.participant_id) ?? []).map((s) => [s.service_group, { cost_eur: s.cost_eur, units: s.units }]))
		}));
}

/**
 * Anonymise and shape the export. Deterministic for a given key: rows are
 * sorted by pseudonym, columns are in a fixed order.
 */
export async function assembleExport(raw: RawData, settings: ExportSettings, key: string): Promise<ExportResult> {
	const cohort = raw.cohort;
	const defs = qiDefs(cohort);
	const qiNames = QI_NAMES.filter((q) => settings.quasiIdentifiers.includes(q) && qiAvailable(q, cohort, settings.dates));
	const qiSet = new Set(qiNames);
	// Age and place are always exported; when they are not QIs they stay at their start level.
	const columnsQis: QiName[] = [...new Set<QiName>(['sex', 'age', 'place', ...qiNames])];
	const startLevel = (q: QiName) => (q === 'age' ? settings.ageLevel : q === 'place' ? settings.placeLevel : 0);

	const persons = people(raw);
	const checked: QuasiIdentifier<Person>[] = qiNames.map((q) => ({ name: q, maxLevel: defs[q].levels.length - 1, value: (x, l) => defs[q].value(x, l) }));
	const k = achieveKAnonymity(persons, checked, qiNames.map(startLevel), {
		k: settings.k,
		maxSuppressedShare: settings.maxSuppressedShare,
		generalise: settings.generalise
	});
	const levelOf = (q: QiName) => (qiSet.has(q) ? k.levels[qiNames.indexOf(q)] : startLevel(q));

	const vars = variables(raw, settings, qiSet);
	const sensitiveVar = settings.sensitive ? vars.find((v) => v.name === settings.sensitive && v.categorical) ?? null : null;
	const sensitiveOf = (i: number) => (sensitiveVar ? sensitiveVar.get(persons[i]) : null);

	let classes = k.classes;
	let lSuppressed: number[] = [];
	if (sensitiveVar && settings.enforceL && settings.l > 1) {
		lSuppressed = lDiverseViolations(classes, sensitiveOf, settings.l);
		const drop = new Set(lSuppressed);
		classes = new Map([...classes].filter(([, members]) => !members.some((i) => drop.has(i))));
	}
	const keptIdx = [...classes.values()].flat().sort((a, b) => a - b);
	const diversity = sensitiveVar ? distinctLDiversity(classes, sensitiveOf) : null;

	// Columns
	const qiColumns: ExportColumn[] = columnsQis.map((q) => {
		const level = levelOf(q);
		const c = defs[q].column(level);
		return {
			name: c.name,
			type: c.type,
			group: 'attributes',
			description: defs[q].description,
			...(c.allowed ? { allowed: c.allowed } : {}),
			...(qiSet.has(q) ? { quasiIdentifier: `${defs[q].levels.join(' → ')}; exported at level “${defs[q].levels[level]}”` } : {})
		};
	});
	const columns: ExportColumn[] = [
		{ name: 'pseudonym', type: 'VARCHAR', group: 'identifier', description: `Keyed pseudonym: first ${PSEUDONYM_LENGTH} hex characters of HMAC-SHA-256(key, participant id). The key is not part of the export.` },
		...qiColumns,
		...vars.map(({ get: _g, categorical: _c, ...c }) => ({ ...c, ...(sensitiveVar && c.name === sensitiveVar.name ? { sensitive: true } : {}) }))
	];

	const pseudonyms = await pseudonymise(key, keptIdx.map((i) => persons[i].p.participant_id));
	const rowFor = (i: number): ExportCell[] => {
		const x = persons[i];
		return [pseudonyms.get(x.p.participant_id)!, ...columnsQis.map((q) => defs[q].value(x, levelOf(q))), ...vars.map((v) => v.get(x))];
	};
	const order = [...keptIdx].sort((a, b) => {
		const pa = pseudonyms.get(persons[a].p.participant_id)!;
		const pb = pseudonyms.get(persons[b].p.participant_id)!;
		return pa < pb ? -1 : pa > pb ? 1 : 0;
	});
	const tables: ExportTable[] = [{ name: 'participants', columns, rows: order.map(rowFor) }];

	if (settings.groups.includes('assessments') && settings.assessmentLayout === 'long') {
		tables.push(assessmentsLong(raw, persons, order, pseudonyms, settings.dates));
	}

	const classSizes = [...classes.values()].map((c) => c.length).sort((a, b) => a - b);
	const suppressedTotal = k.suppressed.length + lSuppressed.length;
	const report: ExportReport = {
		cohort,
		selected: persons.length,
		exported: keptIdx.length,
		suppressedForK: k.suppressed.length,
		suppressedForL: lSuppressed.length,
		k: settings.k,
		smallestClass: qiNames.length ? smallestClass(classes) : keptIdx.length,
		classes: classes.size,
		quasiIdentifiers: qiNames.map((q) => ({
			name: q,
			column: defs[q].column(levelOf(q)).name,
			levels: defs[q].levels,
			startLevel: startLevel(q),
			level: levelOf(q)
		})),
		steps: k.steps,
		sensitive: sensitiveVar?.name ?? null,
		lTarget: settings.l,
		enforceL: settings.enforceL,
		l: diversity ? diversity.l : null,
		classesBelowL: diversity ? diversity.classes.filter((c) => c.distinct < settings.l).length : 0,
		informationLoss: informationLoss({
			records: persons.length,
			suppressed: suppressedTotal,
			levels: qiNames.map(levelOf),
			maxLevels: qiNames.map((q) => defs[q].levels.length - 1),
			classSizes,
			k: settings.k
		}),
		classSizes
	};
	return { settings, tables, report, programmes: raw.programmes, dimensions: raw.dimensions };
}

function assessmentsLong(raw: RawData, persons: Person[], order: number[], pseudonyms: Map<string, string>, dates: DateMode): ExportTable {
	const sortOrder = new Map(raw.dimensions.map((d) => [`${d.instrument}|${d.dimension_code}`, d.sort_order]));
	const columns: ExportColumn[] = [
		{ name: 'pseudonym', type: 'VARCHAR', group: 'identifier', description: 'Keyed pseudonym (as in the participants file).' },
		{ name: 'instrument', type: 'VARCHAR', group: 'assessments', description: 'Instrument.', allowed: ['sfk', 'kidscreen52', 'fqols', 'sqol'] },
		{ name: 'informant', type: 'VARCHAR', group: 'assessments', description: 'Who answered.', allowed: ['child', 'parent', 'family', 'self', 'professional'] },
		{ name: 'wave', type: 'VARCHAR', group: 'assessments', description: 'Measurement wave.', allowed: ['baseline', 'followup'] },
		{ name: 'dimension_code', type: 'VARCHAR', group: 'assessments', description: 'Dimension (see the instrument notes).' },
		{ name: 'score', type: 'DOUBLE', group: 'assessments', description: 'Score on the dimension scale (see the instrument notes).' },
		{ name: 'scoring_method', type: 'VARCHAR', group: 'assessments', description: 'How the score was obtained.', allowed: ['icf_qualifier', 'rasch_t', 'item_mean', 'change_rating'] },
		dates === 'month'
			? { name: 'assessed_month', type: 'VARCHAR', group: 'assessments', description: 'Month assessed (YYYY-MM).' }
			: { name: 'assessed_months', type: 'INTEGER', group: 'assessments', description: 'Whole months from enrolment to the assessment.' }
	];
	const rows: ExportCell[][] = [];
	for (const i of order) {
		const x = persons[i];
		const list = [...x.assessments].sort(
			(a, b) =>
				a.instrument.localeCompare(b.instrument) ||
				a.informant.localeCompare(b.informant) ||
				a.wave.localeCompare(b.wave) ||
				(sortOrder.get(`${a.instrument}|${a.dimension_code}`) ?? 0) - (sortOrder.get(`${b.instrument}|${b.dimension_code}`) ?? 0)
		);
		for (const a of list) {
			rows.push([
				pseudonyms.get(x.p.participant_id)!,
				a.instrument,
				a.informant,
				a.wave,
				a.dimension_code,
				a.score,
				a.scoring_method,
				dates === 'month' ? toMonth(a.assessed_on) : monthsSince(x.p.enrolled_on, a.assessed_on)
			]);
		}
	}
	return { name: 'assessments', columns, rows };
}

/** Equivalence classes of an exported participants table on the given columns (for independent checks). */
export function classSizesOf(table: ExportTable, columns: string[]): number[] {
	const idx = columns.map((c) => table.columns.findIndex((x) => x.name === c));
	if (idx.some((i) => i < 0)) throw new Error(`Unknown column in ${columns.join(', ')}`);
	const classes = equivalenceClasses(table.rows, idx.map((j) => ({ name: String(j), maxLevel: 0, value: (r: ExportCell[]) => r[j] })), idx.map(() => 0));
	return [...classes.values()].map((c) => c.length).sort((a, b) => a - b);
}

// --------------------------------------------------------------- serialise --

export interface ExportMeta {
	/** package.json version of IB Outcomes. */
	softwareVersion: string;
	datasetName: string;
	/** Date of the export (YYYY-MM-DD): the only field that varies between identical exports. */
	exportedOn: string;
}

export interface ExportFile {
	name: string;
	bytes: Uint8Array;
	mime: string;
}

const enc = new TextEncoder();

export function fileStem(cohort: Cohort): string {
	return `ib-outcomes-${cohort}`;
}

export function tableCsv(t: ExportTable): string {
	return toCsv(
		t.columns.map((c) => c.name),
		t.rows
	);
}

/** Data files (CSV and Parquet per table), codebook and manifest. */
export async function serialiseExport(result: ExportResult, meta: ExportMeta): Promise<ExportFile[]> {
	const stem = fileStem(result.report.cohort);
	const data: ExportFile[] = [];
	for (const t of result.tables) {
		// With a BOM, as every CSV download of the site: spreadsheets then read ā, ē, ī … correctly.
		data.push({ name: `${stem}-${t.name}.csv`, bytes: enc.encode('\ufeff' + tableCsv(t)), mime: 'text/csv;charset=utf-8' });
		data.push({ name: `${stem}-${t.name}.parquet`, bytes: toParquet(t, `IB Outcomes ${meta.softwareVersion}`), mime: 'application/vnd.apache.parquet' });
	}
	const codebook: ExportFile = { name: `${stem}-codebook.md`, bytes: enc.encode(codebookMarkdown(result, meta)), mime: 'text/markdown;charset=utf-8' };
	const files = [...data, codebook];
	const manifest = await buildManifest(result, meta, files);
	return [...files, { name: `${stem}-manifest.json`, bytes: enc.encode(JSON.stringify(manifest, null, 2) + '\n'), mime: 'application/json' }];
}

export async function buildManifest(result: ExportResult, meta: ExportMeta, files: ExportFile[]) {
	const s = result.settings;
	const r = result.report;
	return {
		generator: 'IB Outcomes cohort export',
		software_version: meta.softwareVersion,
		exported_on: meta.exportedOn,
		dataset: meta.datasetName,
		cohort: r.cohort,
		filters: s.filters,
		variable_groups: s.groups.filter((g) => groupAvailable(g, r.cohort)),
		assessment_layout: s.assessmentLayout,
		dates: s.dates,
		pseudonym: { method: 'HMAC-SHA-256(key, participant_id)', hex_characters: PSEUDONYM_LENGTH, key_included: false },
		never_exported: ['participant_id', 'birth_year', 'exact dates', 'provider ids and labels', 'goal and event ids', 'free text'],
		quasi_identifiers: r.quasiIdentifiers.map((q) => ({ name: q.name, column: q.column, hierarchy: q.levels, start_level: q.levels[q.startLevel], level: q.levels[q.level] })),
		generalisation_steps: r.steps,
		k_anonymity: { k_target: r.k, k_achieved: r.smallestClass, classes: r.classes, max_suppressed_share: s.maxSuppressedShare },
		l_diversity: r.sensitive ? { sensitive: r.sensitive, l_target: r.lTarget, l_achieved: r.l, enforced: r.enforceL, classes_below_target: r.classesBelowL } : null,
		records: {
			selected: r.selected,
			exported: r.exported,
			suppressed_for_k: r.suppressedForK,
			suppressed_for_l: r.suppressedForL,
			tables: Object.fromEntries(result.tables.map((t) => [t.name, t.rows.length]))
		},
		information_loss: r.informationLoss,
		programmes: result.programmes,
		files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: f.bytes.length, sha256: await sha256Hex(f.bytes) })))
	};
}
