/**
 * The shared filters of every view, and their place in the URL, so that a view
 * can be shared as a link and the back button works. Pure functions.
 */
export type Cohort = 'child' | 'adult';
export type Sex = 'F' | 'M';

/** Age bands at entry; children and adults have their own. */
export const AGE_BANDS = {
	'0-6': [0, 6],
	'7-12': [7, 12],
	'13-17': [13, 17],
	'18-29': [18, 29],
	'30-44': [30, 44],
	'45-64': [45, 64],
	'65+': [65, 200]
} as const satisfies Record<string, readonly [number, number]>;
export type AgeBand = keyof typeof AGE_BANDS;

export const AGE_BANDS_BY_COHORT: Record<Cohort, AgeBand[]> = {
	child: ['0-6', '7-12', '13-17'],
	adult: ['18-29', '30-44', '45-64', '65+']
};

export interface Filters {
	cohort: Cohort;
	/** Municipality codes; empty = all. */
	municipalities: string[];
	region: string | null;
	sex: Sex | null;
	ageBand: AgeBand | null;
	/** Service months, inclusive, 'YYYY-MM'; null = open. */
	from: string | null;
	to: string | null;
}

export const DEFAULT_FILTERS: Filters = {
	cohort: 'child',
	municipalities: [],
	region: null,
	sex: null,
	ageBand: null,
	from: null,
	to: null
};

/**
 * The filters as they apply to one cohort: the cohort is set and an age band
 * of the other cohort is dropped (the one rule for views fixed to a cohort,
 * such as SFK for children or employment for adults, and for the report).
 *
 * @example forCohort({ ...DEFAULT_FILTERS, ageBand: '30-44' }, 'child').ageBand // null
 */
export function forCohort(f: Filters, cohort: Cohort = f.cohort): Filters {
	const ageBand = f.ageBand && AGE_BANDS_BY_COHORT[cohort].includes(f.ageBand) ? f.ageBand : null;
	return { ...f, cohort, ageBand };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** Read filters from URL search params; anything malformed falls back to the default. */
export function filtersFromParams(params: URLSearchParams, defaults: Filters = DEFAULT_FILTERS): Filters {
	const cohort = params.get('cohort');
	const sex = params.get('sex');
	const age = params.get('age');
	const from = params.get('from');
	const to = params.get('to');
	const region = params.get('region');
	const municipalities = (params.get('mun') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => CODE.test(s));
	return {
		cohort: cohort === 'adult' || cohort === 'child' ? cohort : defaults.cohort,
		municipalities: municipalities.length ? [...new Set(municipalities)].sort() : defaults.municipalities,
		region: region && region.length <= 40 ? region : defaults.region,
		sex: sex === 'F' || sex === 'M' ? sex : defaults.sex,
		ageBand: age && age in AGE_BANDS ? (age as AgeBand) : defaults.ageBand,
		from: from && MONTH.test(from) ? from : defaults.from,
		to: to && MONTH.test(to) ? to : defaults.to
	};
}

/** Write filters to URL search params, leaving defaults out so links stay short. */
export function filtersToParams(f: Filters, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
	const p = new URLSearchParams(base);
	const set = (k: string, v: string | null) => (v ? p.set(k, v) : p.delete(k));
	set('cohort', f.cohort === DEFAULT_FILTERS.cohort ? null : f.cohort);
	set('mun', f.municipalities.length ? f.municipalities.join(',') : null);
	set('region', f.region);
	set('sex', f.sex);
	set('age', f.ageBand);
	set('from', f.from);
	set('to', f.to);
	return p;
}
