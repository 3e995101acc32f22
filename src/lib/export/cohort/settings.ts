/**
 * What a researcher chooses for a cohort export: the settings the library
 * works from, their defaults, and the form they are edited in on /export.
 * The settings never go into the URL or storage, and the pseudonym key is
 * not a setting at all (it is passed to assembleExport, or made fresh there).
 *
 * Safe by default (the disclosure-control rules of the export):
 * - k never goes below RELEASE_MIN (5), whatever the form or a caller says;
 * - every background attribute that is released is a quasi-identifier, so k
 *   holds on all released background columns together;
 * - costs are rounded, dates are months at most and time in the programme is banded;
 * - no record whose re-identification risk (1 / class size) exceeds the cap is released.
 */
import { DEFAULT_FILTERS, type Cohort, type Filters } from '#lib/filters/filters.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';

export const VARIABLE_GROUPS = ['attributes', 'goals', 'assessments', 'employment', 'services'] as const;
export type VariableGroup = (typeof VARIABLE_GROUPS)[number];

/** Background attributes of a participant; each one released is a quasi-identifier (hierarchies.ts). */
export const QI_NAMES = [
	'sex',
	'age',
	'place',
	'programme',
	'duration',
	'enrolment',
	'exit',
	'exit_reason',
	'household_type',
	'income_status',
	'family_structure',
	'caregiver_type',
	'impairment_vision',
	'impairment_hearing',
	'impairment_mobility',
	'impairment_mental',
	'disability_group',
	'care_level',
	'residence_type',
	'needs_natural_support',
	'needs_minor_child',
	'needs_mobility',
	'left_institution'
] as const;
export type QiName = (typeof QI_NAMES)[number];

export type DateMode = 'months_since_enrolment' | 'month';
export type AssessmentLayout = 'wide' | 'long';

/** Cost rounding steps in euro; 0 = exact to the cent (only on purpose: exact sums identify people). */
export const COST_STEPS = [100, 500, 1000, 0] as const;
export type CostStep = (typeof COST_STEPS)[number];

/** The highest re-identification risk the cap may be set to: 1 / RELEASE_MIN (a class of 5). */
export const MAX_RISK_CAP = 1 / RELEASE_MIN;

export interface ExportSettings {
	filters: Filters;
	groups: VariableGroup[];
	assessmentLayout: AssessmentLayout;
	dates: DateMode;
	/** Background attributes released; every one is a quasi-identifier. The others are left out. */
	background: QiName[];
	/** Finest level age may keep: 0 years, 1 age band. */
	ageLevel: 0 | 1;
	/** Finest level place may keep: 0 municipality, 1 planning region. */
	placeLevel: 0 | 1;
	/** Finest level of the months in the programme: 0 months, 1 half-year bands (the default: exact durations single people out). */
	durationLevel: 0 | 1;
	/** Smallest equivalence class released; never below RELEASE_MIN. */
	k: number;
	/** Largest share of the cohort that may be suppressed instead of keeping less detail (0..1). */
	maxSuppressedShare: number;
	/** Let the search coarsen background attributes (else they stay at their finest level and only suppression helps). */
	generalise: boolean;
	/** Largest prosecutor risk (1 / class size) of a released record, 0 < cap ≤ MAX_RISK_CAP. */
	riskCap: number;
	/** Costs rounded to this many euro (units then to 2 significant digits); 0 exact. */
	costStep: CostStep;
	/** Released categorical outcome whose l-diversity is checked (null: no check). */
	sensitive: string | null;
	l: number;
	/** Suppress the classes with fewer than l distinct sensitive values. */
	enforceL: boolean;
}

export const DEFAULT_COST_STEP: CostStep = 100;

/** Attributes that exist for a cohort and date mode. */
export function qiAvailable(name: QiName, cohort: Cohort, dates: DateMode): boolean {
	switch (name) {
		case 'duration':
			return dates === 'months_since_enrolment';
		case 'enrolment':
		case 'exit':
			return dates === 'month';
		case 'family_structure':
		case 'caregiver_type':
		case 'impairment_vision':
		case 'impairment_hearing':
		case 'impairment_mobility':
		case 'impairment_mental':
			return cohort === 'child';
		case 'disability_group':
		case 'care_level':
		case 'residence_type':
		case 'needs_natural_support':
		case 'needs_minor_child':
		case 'needs_mobility':
		case 'left_institution':
			return cohort === 'adult';
		default:
			return true;
	}
}

export function groupAvailable(group: VariableGroup, cohort: Cohort): boolean {
	return group !== 'employment' || cohort === 'adult';
}

/** k as used: a whole number, never below the release floor. @example clampK(1) // → 5 */
export function clampK(k: number): number {
	return Math.max(RELEASE_MIN, Math.round(Number.isFinite(k) ? k : RELEASE_MIN));
}

/** The risk cap as used: within (0, 1/RELEASE_MIN]; nonsense falls back to the highest allowed. @example clampRiskCap(0.5) // → 0.2 */
export function clampRiskCap(cap: number): number {
	return Number.isFinite(cap) && cap > 0 ? Math.min(MAX_RISK_CAP, cap) : MAX_RISK_CAP;
}

/** The smallest class released under k and the risk cap together. @example minClassSize({ k: 5, riskCap: 0.1 }) // → 10 */
export function minClassSize(s: Pick<ExportSettings, 'k' | 'riskCap'>): number {
	return Math.max(clampK(s.k), Math.ceil(1 / clampRiskCap(s.riskCap) - 1e-9));
}

/**
 * The settings a caller's settings mean: the floors applied (k, risk cap),
 * attributes and groups the cohort lacks dropped. Every entry point goes
 * through this, so no programmatic call gets below the floors either.
 */
export function normaliseSettings(s: ExportSettings): ExportSettings {
	const cohort = s.filters.cohort;
	return {
		...s,
		groups: VARIABLE_GROUPS.filter((g) => s.groups.includes(g) && groupAvailable(g, cohort)),
		background: QI_NAMES.filter((q) => s.background.includes(q) && qiAvailable(q, cohort, s.dates)),
		k: clampK(s.k),
		maxSuppressedShare: Math.max(0, Math.min(1, Number.isFinite(s.maxSuppressedShare) ? s.maxSuppressedShare : 0)),
		riskCap: clampRiskCap(s.riskCap),
		costStep: (COST_STEPS as readonly number[]).includes(s.costStep) ? s.costStep : DEFAULT_COST_STEP,
		l: Math.max(1, Math.round(Number.isFinite(s.l) ? s.l : 1))
	};
}

export function defaultSettings(filters: Filters): ExportSettings {
	return normaliseSettings({
		filters,
		groups: [...VARIABLE_GROUPS],
		assessmentLayout: 'wide',
		dates: 'months_since_enrolment',
		// Every background attribute is offered; the search (on the whole cohort) keeps as much
		// detail as k allows, in the order of SEARCH_WEIGHTS (anonymise.ts).
		background: [...QI_NAMES],
		ageLevel: 1,
		placeLevel: 1,
		durationLevel: 1,
		k: RELEASE_MIN,
		maxSuppressedShare: 0.05,
		generalise: true,
		riskCap: MAX_RISK_CAP,
		costStep: DEFAULT_COST_STEP,
		sensitive: null,
		l: 2,
		enforceL: true
	});
}

// -------------------------------------------------------------------- form --

export type KeyMode = 'fresh' | 'own';

/**
 * The settings as the form edits them: without the filters (they come from
 * the URL), suppression in percent, no sensitive variable as ''. Groups and
 * attributes keep what the cohort hides, so switching cohort and back restores them.
 */
export interface ExportForm {
	groups: VariableGroup[];
	assessmentLayout: AssessmentLayout;
	dates: DateMode;
	background: QiName[];
	ageLevel: 0 | 1;
	placeLevel: 0 | 1;
	durationLevel: 0 | 1;
	k: number;
	maxSuppressionPct: number;
	generalise: boolean;
	riskCap: number;
	costStep: CostStep;
	sensitive: string;
	l: number;
	enforceL: boolean;
	/** A fresh random key per export (default), or the user's own key to link exports on purpose. */
	keyMode: KeyMode;
}

/** The form at first: the default settings and a fresh key per export. */
export function defaultForm(): ExportForm {
	const d = defaultSettings(DEFAULT_FILTERS);
	return {
		groups: [...VARIABLE_GROUPS],
		assessmentLayout: d.assessmentLayout,
		dates: d.dates,
		background: [...QI_NAMES],
		ageLevel: d.ageLevel,
		placeLevel: d.placeLevel,
		durationLevel: d.durationLevel,
		k: d.k,
		maxSuppressionPct: d.maxSuppressedShare * 100,
		generalise: d.generalise,
		riskCap: d.riskCap,
		costStep: d.costStep,
		sensitive: d.sensitive ?? '',
		l: d.l,
		enforceL: d.enforceL,
		keyMode: 'fresh'
	};
}

/** The settings a form means for the filtered cohort; empty or out-of-range numbers fall back to the nearest valid value (k to the floor). */
export function settingsFromForm(form: ExportForm, filters: Filters): ExportSettings {
	return normaliseSettings({
		filters,
		groups: form.groups,
		assessmentLayout: form.assessmentLayout,
		dates: form.dates,
		background: form.background,
		ageLevel: form.ageLevel,
		placeLevel: form.placeLevel,
		durationLevel: form.durationLevel,
		k: form.k || RELEASE_MIN,
		maxSuppressedShare: Math.max(0, Math.min(100, form.maxSuppressionPct || 0)) / 100,
		generalise: form.generalise,
		riskCap: Number(form.riskCap) || MAX_RISK_CAP,
		costStep: Number(form.costStep) as CostStep,
		sensitive: form.sensitive || null,
		l: form.l || 1,
		enforceL: form.enforceL
	});
}
