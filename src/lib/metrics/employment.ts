/**
 * Employment of adults before (baseline) and during/after the programme
 * (follow-up): counts per status and wave, the baseline × follow-up transition
 * matrix, and McNemar's test for "employed" yes/no on the paired people.
 *
 * "Employed" = any status other than not_employed (permanent full-time,
 * temporary full-time, part-time, volunteer or public works); data/README.md
 * gives no other definition. The cohort is always 'adult'.
 */
import { query, type Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { mcnemarFromCounts } from '#lib/stats/index.ts';
import { SELECTED_PARTICIPANTS_SQL, filterParams } from './filter-sql.ts';

export const EMPLOYMENT_STATUSES = [
	'permanent_full_time',
	'temporary_full_time',
	'part_time',
	'volunteer_public_works',
	'not_employed'
] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export type Wave = 'baseline' | 'followup';

export const isEmployed = (s: string) => s !== 'not_employed';

/** Below this many discordant pairs the exact binomial p is the primary p-value. */
export const EXACT_BELOW = 25;

/** People per wave and status (everyone with a record in that wave). */
export const EMPLOYMENT_COUNTS_SQL = `
WITH sel AS (${SELECTED_PARTICIPANTS_SQL})
SELECT e.wave, e.status, count(DISTINCT e.participant_id)::INTEGER AS n
FROM employment e JOIN sel ON sel.participant_id = e.participant_id
GROUP BY e.wave, e.status`;

/** Transitions baseline → follow-up of people with both waves. */
export const EMPLOYMENT_TRANSITIONS_SQL = `
WITH sel AS (${SELECTED_PARTICIPANTS_SQL})
SELECT b.status AS baseline, f.status AS followup, count(*)::INTEGER AS n
FROM employment b
JOIN employment f ON f.participant_id = b.participant_id AND f.wave = 'followup'
JOIN sel ON sel.participant_id = b.participant_id
WHERE b.wave = 'baseline'
GROUP BY b.status, f.status`;

export interface StatusCount {
	status: EmploymentStatus;
	baseline: number;
	followup: number;
	change: number;
}

export interface McNemarSummary {
	/** people with both waves */
	nPairs: number;
	/** not employed → employed */
	b: number;
	/** employed → not employed */
	c: number;
	employedBefore: number;
	employedAfter: number;
	/** shares of nPairs */
	shareBefore: number | null;
	shareAfter: number | null;
	/** (b − c) / n: difference in proportions employed (paired) */
	difference: number | null;
	/** b / c; null when c = 0 (not defined) */
	oddsRatio: number | null;
	/** χ² with continuity correction (R: mcnemar.test) */
	chiSquare: number;
	pChiSquare: number;
	/** two-sided exact binomial test of b in b + c (R: binom.test(b, b + c)) */
	pExact: number;
	/** which p is reported as the result: exact when b + c < EXACT_BELOW */
	primary: 'exact' | 'chisq';
	pValue: number;
}

export interface EmploymentResult {
	/** people with any employment record in the selection */
	n: number;
	counts: StatusCount[];
	/** matrix[i][j]: baseline status i → follow-up status j, in EMPLOYMENT_STATUSES order */
	matrix: number[][];
	test: McNemarSummary;
}

/** Shape counts and transitions (pure; exported for tests). */
export function shapeEmployment(
	counts: { wave: Wave; status: string; n: number }[],
	transitions: { baseline: string; followup: string; n: number }[]
): EmploymentResult {
	const idx = (s: string) => EMPLOYMENT_STATUSES.indexOf(s as EmploymentStatus);
	const statusCounts: StatusCount[] = EMPLOYMENT_STATUSES.map((status) => {
		const get = (w: Wave) => counts.find((c) => c.wave === w && c.status === status)?.n ?? 0;
		return { status, baseline: get('baseline'), followup: get('followup'), change: get('followup') - get('baseline') };
	});
	const matrix = EMPLOYMENT_STATUSES.map(() => EMPLOYMENT_STATUSES.map(() => 0));
	let b = 0;
	let c = 0;
	let nPairs = 0;
	let employedBefore = 0;
	let employedAfter = 0;
	for (const t of transitions) {
		const i = idx(t.baseline);
		const j = idx(t.followup);
		if (i >= 0 && j >= 0) matrix[i][j] += t.n;
		nPairs += t.n;
		const before = isEmployed(t.baseline);
		const after = isEmployed(t.followup);
		if (before) employedBefore += t.n;
		if (after) employedAfter += t.n;
		if (!before && after) b += t.n;
		if (before && !after) c += t.n;
	}
	const chi = mcnemarFromCounts(b, c);
	const exact = mcnemarFromCounts(b, c, { exact: true });
	const primary = b + c < EXACT_BELOW ? 'exact' : 'chisq';
	const share = (x: number) => (nPairs > 0 ? x / nPairs : null);
	const waveTotal = (w: Wave) => statusCounts.reduce((a, s) => a + s[w], 0);
	return {
		n: Math.max(waveTotal('baseline'), waveTotal('followup')),
		counts: statusCounts,
		matrix,
		test: {
			nPairs,
			b,
			c,
			employedBefore,
			employedAfter,
			shareBefore: share(employedBefore),
			shareAfter: share(employedAfter),
			difference: share(b - c),
			oddsRatio: c > 0 ? b / c : null,
			chiSquare: chi.statistic,
			pChiSquare: chi.pValue,
			pExact: exact.pValue,
			primary,
			pValue: primary === 'exact' ? exact.pValue : chi.pValue
		}
	};
}

export async function employment(engine: Engine, f: Filters): Promise<EmploymentResult> {
	const params = filterParams({ ...f, cohort: 'adult' });
	const [counts, transitions] = await Promise.all([
		query<{ wave: Wave; status: string; n: number }>(engine, EMPLOYMENT_COUNTS_SQL, params),
		query<{ baseline: string; followup: string; n: number }>(engine, EMPLOYMENT_TRANSITIONS_SQL, params)
	]);
	return shapeEmployment(counts, transitions);
}
