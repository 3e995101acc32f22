/**
 * What a researcher chooses for a cohort export: the settings the library
 * works from, their defaults, and the form they are edited in on /export.
 * The settings never go into the URL or storage (the pseudonym key above all),
 * so the form is the only place they live.
 */
import { DEFAULT_FILTERS, type Cohort, type Filters } from '#lib/filters/filters.ts';

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

const DEFAULT_K = 5;

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

// -------------------------------------------------------------------- form --

/**
 * The settings as the form edits them: without the filters (they come from
 * the URL), suppression in percent, no sensitive variable as ''. Groups and
 * QIs keep what the cohort hides, so switching cohort and back restores them.
 */
export interface ExportForm {
	groups: VariableGroup[];
	assessmentLayout: AssessmentLayout;
	dates: DateMode;
	quasiIdentifiers: QiName[];
	ageLevel: 0 | 1;
	placeLevel: 0 | 1;
	k: number;
	maxSuppressionPct: number;
	generalise: boolean;
	sensitive: string;
	l: number;
	enforceL: boolean;
}

/** The form at first: the default settings, with every variable group ticked (employment shows for adults only). */
export function defaultForm(): ExportForm {
	const d = defaultSettings(DEFAULT_FILTERS);
	return {
		groups: [...VARIABLE_GROUPS],
		assessmentLayout: d.assessmentLayout,
		dates: d.dates,
		quasiIdentifiers: [...d.quasiIdentifiers],
		ageLevel: d.ageLevel,
		placeLevel: d.placeLevel,
		k: d.k,
		maxSuppressionPct: d.maxSuppressedShare * 100,
		generalise: d.generalise,
		sensitive: d.sensitive ?? '',
		l: d.l,
		enforceL: d.enforceL
	};
}

/** The settings a form means for the filtered cohort; empty or out-of-range numbers fall back to the nearest valid value. */
export function settingsFromForm(form: ExportForm, filters: Filters): ExportSettings {
	const cohort = filters.cohort;
	return {
		filters,
		groups: form.groups.filter((g) => groupAvailable(g, cohort)),
		assessmentLayout: form.assessmentLayout,
		dates: form.dates,
		quasiIdentifiers: form.quasiIdentifiers.filter((q) => qiAvailable(q, cohort, form.dates)),
		ageLevel: form.ageLevel,
		placeLevel: form.placeLevel,
		k: Math.max(1, Math.round(form.k || 1)),
		maxSuppressedShare: Math.max(0, Math.min(100, form.maxSuppressionPct || 0)) / 100,
		generalise: form.generalise,
		sensitive: form.sensitive || null,
		l: Math.max(1, Math.round(form.l || 1)),
		enforceL: form.enforceL
	};
}
