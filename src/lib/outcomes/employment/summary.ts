// Over 300 lines: counts, the transition matrix, McNemar, their release and the tables from them are one set of rules.
/**
 * Employment of adults, shaped (pure; no queries): counts per status and
 * wave, the baseline × follow-up transition matrix and McNemar's test for
 * "employed" yes/no on the paired people; the tables, the chart's bars, the
 * page's reading and the report's findings.
 *
 * "Employed" = any status other than not_employed (permanent full-time,
 * temporary full-time, part-time, volunteer or public works); data/README.md
 * gives no other definition.
 *
 * What a view shows passes `releaseEmployment` first (the release path, see
 * family.ts): a figure whose row the plan hides is null ("–"), and nothing is
 * recomputed from hidden figures (totals and margins are released rows of
 * their own).
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatNumber, formatPercent, formatPValue } from '#lib/i18n/format.ts';
import { inline, pText, signed } from '#lib/i18n/sentences.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
import type { ReleaseContext } from '#lib/privacy/release/context.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import { mcnemarFromCounts } from '#lib/stats/index.ts';
import type { Column } from '#lib/ui/table.ts';
import { ALPHA } from '#lib/outcomes/paired/alpha.ts';
import type { EmploymentBar } from './chart.ts';

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

/** Rows of the queries (query.ts): people per wave and status, and baseline → follow-up transitions. */
export type StatusCountRow = { wave: Wave; status: string; n: number };
export type TransitionRow = { baseline: string; followup: string; n: number };

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
export function shapeEmployment(counts: StatusCountRow[], transitions: TransitionRow[]): EmploymentResult {
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

// ------------------------------------------------------------------ release

export const EMPLOYMENT_FAMILY_ID = 'employment';
const S = EMPLOYMENT_STATUSES;
const EMPLOYED_STATUSES = S.filter(isEmployed);
/** A cell of the transition matrix: baseline status → follow-up status. */
export const transitionRow = (baseline: string, followup: string) => `t:${baseline}>${followup}`;

/** The family's rows (family.ts says what each is). */
export function employmentRows(): string[] {
	return [
		...S.map((s) => `base:${s}`),
		'base',
		...S.map((s) => `fup:${s}`),
		'fup',
		...S.map((s) => `bo:${s}`),
		'bo',
		...S.map((s) => `fo:${s}`),
		'fo',
		...S.flatMap((b) => S.map((f) => transitionRow(b, f))),
		...S.map((s) => `pb:${s}`),
		...S.map((s) => `pf:${s}`),
		'pairs',
		'emp_before',
		'emp_after',
		'started',
		'stopped',
		'stayed'
	];
}

/** Every union of rows a reader could subtract (family.ts). */
export function employmentConstraints(): { total: string; parts: string[] }[] {
	const cell = transitionRow;
	const not = 'not_employed';
	return [
		// The matrix: margins and their cells, the pairs and the margins.
		...S.map((b) => ({ total: `pb:${b}`, parts: S.map((f) => cell(b, f)) })),
		...S.map((f) => ({ total: `pf:${f}`, parts: S.map((b) => cell(b, f)) })),
		{ total: 'pairs', parts: S.map((s) => `pb:${s}`) },
		{ total: 'pairs', parts: S.map((s) => `pf:${s}`) },
		// The counts table: a wave's statuses, and each count as its pairs plus one-wave records.
		{ total: 'base', parts: S.map((s) => `base:${s}`) },
		{ total: 'fup', parts: S.map((s) => `fup:${s}`) },
		...S.map((s) => ({ total: `base:${s}`, parts: [`pb:${s}`, `bo:${s}`] })),
		...S.map((s) => ({ total: `fup:${s}`, parts: [`pf:${s}`, `fo:${s}`] })),
		{ total: 'bo', parts: S.map((s) => `bo:${s}`) },
		{ total: 'fo', parts: S.map((s) => `fo:${s}`) },
		{ total: 'base', parts: ['pairs', 'bo'] },
		{ total: 'fup', parts: ['pairs', 'fo'] },
		// Employed before / after and McNemar's b and c.
		{ total: 'emp_before', parts: EMPLOYED_STATUSES.map((s) => `pb:${s}`) },
		{ total: 'emp_after', parts: EMPLOYED_STATUSES.map((s) => `pf:${s}`) },
		{ total: 'pairs', parts: ['emp_before', `pb:${not}`] },
		{ total: 'pairs', parts: ['emp_after', `pf:${not}`] },
		{ total: 'started', parts: EMPLOYED_STATUSES.map((f) => cell(not, f)) },
		{ total: 'stopped', parts: EMPLOYED_STATUSES.map((b) => cell(b, not)) },
		{ total: 'stayed', parts: EMPLOYED_STATUSES.flatMap((b) => EMPLOYED_STATUSES.map((f) => cell(b, f))) },
		{ total: 'emp_before', parts: ['stayed', 'stopped'] },
		{ total: 'emp_after', parts: ['stayed', 'started'] },
		{ total: `pb:${not}`, parts: [cell(not, not), 'started'] },
		{ total: `pf:${not}`, parts: [cell(not, not), 'stopped'] }
	];
}

/** The same figures, each null where the release path hides it. */
type Nullable<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] };

export type ReleasedStatusCount = { status: EmploymentStatus; baseline: number | null; followup: number | null; change: number | null };
export type ReleasedMcNemar = Nullable<McNemarSummary>;

export interface ReleasedEmployment {
	n: number | null;
	counts: ReleasedStatusCount[];
	/** The counts table's total row: people with a record in each wave. */
	totals: { baseline: number | null; followup: number | null; change: number | null };
	matrix: (number | null)[][];
	/** The matrix's row totals (baseline status of the pairs) and column totals (follow-up status). */
	rowTotals: (number | null)[];
	colTotals: (number | null)[];
	test: ReleasedMcNemar;
	/** McNemar's test may be shown (its b, c and n are released). */
	testShown: boolean;
	/** Some figure is hidden (the view adds the release note). */
	anyHidden: boolean;
}

/**
 * Release the employment figures (pure): each count, cell, margin and total
 * with its own row; a change with both its counts; employed before / after
 * (and their shares) with their rows and the pairs; the test with b, c and
 * the pairs.
 */
export function releaseEmployment(r: EmploymentResult, ctx: ReleaseContext): ReleasedEmployment {
	const shown = (row: string) => ctx.shown(EMPLOYMENT_FAMILY_ID, row);
	const keep = <T>(ok: boolean, v: T): T | null => (ok ? v : null);
	let anyHidden = false;
	const hide = <T>(ok: boolean, v: T): T | null => {
		if (!ok) anyHidden = true;
		return keep(ok, v);
	};
	const counts = r.counts.map((c) => {
		const b = shown(`base:${c.status}`);
		const f = shown(`fup:${c.status}`);
		return { status: c.status, baseline: hide(b, c.baseline), followup: hide(f, c.followup), change: keep(b && f, c.change) };
	});
	const base = shown('base');
	const fup = shown('fup');
	const sum = (w: Wave) => r.counts.reduce((a, c) => a + c[w], 0);
	const matrix = r.matrix.map((row, i) => row.map((v, j) => hide(shown(transitionRow(S[i], S[j])), v)));
	const rowTotals = r.matrix.map((row, i) => hide(shown(`pb:${S[i]}`), row.reduce((a, b) => a + b, 0)));
	const colTotals = S.map((s, j) => hide(shown(`pf:${s}`), r.matrix.reduce((a, row) => a + row[j], 0)));
	const t = r.test;
	const pairs = shown('pairs');
	const before = shown('emp_before');
	const after = shown('emp_after');
	const b = shown('started');
	const c = shown('stopped');
	const testShown = pairs && b && c;
	const test: ReleasedMcNemar = {
		nPairs: hide(pairs, t.nPairs),
		b: hide(b, t.b),
		c: hide(c, t.c),
		employedBefore: hide(before, t.employedBefore),
		employedAfter: hide(after, t.employedAfter),
		shareBefore: keep(before && pairs, t.shareBefore),
		shareAfter: keep(after && pairs, t.shareAfter),
		difference: keep(testShown, t.difference),
		oddsRatio: keep(b && c, t.oddsRatio),
		chiSquare: keep(testShown, t.chiSquare),
		pChiSquare: keep(testShown, t.pChiSquare),
		pExact: keep(testShown, t.pExact),
		primary: t.primary,
		pValue: keep(testShown, t.pValue)
	};
	return {
		n: keep(base && fup, r.n),
		counts,
		totals: { baseline: hide(base, sum('baseline')), followup: hide(fup, sum('followup')), change: keep(base && fup, sum('followup') - sum('baseline')) },
		matrix,
		rowTotals,
		colTotals,
		test,
		testShown,
		anyHidden
	};
}

// ------------------------------------------------------------------ tables

export const employmentStatusLabel = (lang: Lang, s: EmploymentStatus) => translate(lang, `employment.status.${s}` as MessageKey);

const num = (lang: Lang) => (v: unknown) => formatNumber(lang, v as number | null);
const signedCount = (lang: Lang) => (v: unknown) => {
	const n = v as number | null;
	return n !== null && n > 0 ? `+${formatNumber(lang, n)}` : formatNumber(lang, n);
};
const hiddenNote = (lang: Lang) => translate(lang, 'release.cellHidden', { min: RELEASE_MIN });
/** The tooltip of a hidden cell. */
const suppressedIfNull = <R extends object>(lang: Lang, key: keyof R) => {
	const note = hiddenNote(lang);
	return (row: R) => (row[key] === null ? note : null);
};

/** Labels of the two waves: baseline and follow-up. */
export function employmentWaveLabels(lang: Lang): [string, string] {
	return [translate(lang, 'employment.baseline'), translate(lang, 'employment.followup')];
}

/** Bars of the status chart: one per status and wave (a hidden count has no bar). */
export function employmentBars(lang: Lang, r: { counts: ReleasedStatusCount[] } | null | undefined): EmploymentBar[] {
	const waveLabels = employmentWaveLabels(lang);
	return (r?.counts ?? []).flatMap((c) =>
		(['baseline', 'followup'] as const).flatMap((wave, w) => {
			const n = c[wave];
			return n === null ? [] : [{ status: c.status, statusLabel: employmentStatusLabel(lang, c.status), wave, waveLabel: waveLabels[w], n }];
		})
	);
}

export type EmploymentCountRow = { status: string; baseline: number | null; followup: number | null; change: number | null };

/** People per status at baseline and follow-up, with the released total row. */
export function employmentCountRows(lang: Lang, r: Pick<ReleasedEmployment, 'counts' | 'totals'> | null | undefined): EmploymentCountRow[] {
	if (!r) return [];
	const rows = r.counts.map((c) => ({ status: employmentStatusLabel(lang, c.status), baseline: c.baseline, followup: c.followup, change: c.change }));
	return [...rows, { status: translate(lang, 'employment.total'), ...r.totals }];
}

export function employmentCountColumns(lang: Lang): Column<EmploymentCountRow>[] {
	return [
		{ key: 'status', label: translate(lang, 'employment.status'), rowHeader: true },
		{ key: 'baseline', label: translate(lang, 'employment.baseline'), numeric: true, format: num(lang), suppressed: suppressedIfNull(lang, 'baseline') },
		{ key: 'followup', label: translate(lang, 'employment.followup'), numeric: true, format: num(lang), suppressed: suppressedIfNull(lang, 'followup') },
		{ key: 'change', label: translate(lang, 'employment.change'), numeric: true, format: signedCount(lang), suppressed: suppressedIfNull(lang, 'change') }
	];
}

export type EmploymentMatrixRow = Record<string, string | number | null>;

/** Transition matrix (baseline status → follow-up status) with the released row and column totals. */
export function employmentMatrixRows(lang: Lang, r: Pick<ReleasedEmployment, 'matrix' | 'rowTotals' | 'colTotals' | 'test'> | null | undefined): EmploymentMatrixRow[] {
	if (!r) return [];
	const rows: EmploymentMatrixRow[] = EMPLOYMENT_STATUSES.map((s, i) => {
		const row: EmploymentMatrixRow = { from: employmentStatusLabel(lang, s) };
		EMPLOYMENT_STATUSES.forEach((f, j) => (row[f] = r.matrix[i][j]));
		row.total = r.rowTotals[i];
		return row;
	});
	const totals: EmploymentMatrixRow = { from: translate(lang, 'employment.total') };
	EMPLOYMENT_STATUSES.forEach((f, j) => (totals[f] = r.colTotals[j]));
	totals.total = r.test.nPairs;
	return [...rows, totals];
}

export function employmentMatrixColumns(lang: Lang): Column<EmploymentMatrixRow>[] {
	return [
		{ key: 'from', label: translate(lang, 'employment.before'), rowHeader: true },
		...EMPLOYMENT_STATUSES.map((s) => ({ key: s, label: employmentStatusLabel(lang, s), numeric: true, format: num(lang), suppressed: suppressedIfNull<EmploymentMatrixRow>(lang, s) })),
		{ key: 'total', label: translate(lang, 'employment.total'), numeric: true, format: num(lang), suppressed: suppressedIfNull<EmploymentMatrixRow>(lang, 'total') }
	];
}

export type McNemarMeasureRow = { measure: string; value: string };

/** The McNemar test's measures as text, in reading order ("–" where hidden). */
export function mcnemarMeasureRows(lang: Lang, test: ReleasedMcNemar | null | undefined): McNemarMeasureRow[] {
	if (!test) return [];
	const tr = (key: MessageKey) => translate(lang, key);
	return [
		{ measure: tr('employment.nPairs'), value: formatNumber(lang, test.nPairs) },
		{ measure: tr('employment.employedBefore'), value: `${formatNumber(lang, test.employedBefore)} (${formatPercent(lang, test.shareBefore)})` },
		{ measure: tr('employment.employedAfter'), value: `${formatNumber(lang, test.employedAfter)} (${formatPercent(lang, test.shareAfter)})` },
		{ measure: tr('employment.b'), value: formatNumber(lang, test.b) },
		{ measure: tr('employment.c'), value: formatNumber(lang, test.c) },
		{ measure: tr('employment.difference'), value: formatPercent(lang, test.difference, 1) },
		{
			measure: tr('employment.oddsRatio'),
			// Undefined (c = 0) only where b and c are shown; hidden is "–".
			value: test.oddsRatio === null ? (test.b !== null && test.c !== null ? tr('employment.oddsRatioUndefined') : formatNumber(lang, null)) : formatNumber(lang, test.oddsRatio, 2)
		},
		{ measure: tr('employment.chiSquare'), value: formatNumber(lang, test.chiSquare, 2) },
		{ measure: tr('employment.pChiSquare'), value: formatPValue(lang, test.pChiSquare) },
		{ measure: tr('employment.pExact'), value: formatPValue(lang, test.pExact) }
	];
}

export function mcnemarMeasureColumns(lang: Lang): Column<McNemarMeasureRow>[] {
	return [
		{ key: 'measure', label: translate(lang, 'employment.measure'), rowHeader: true },
		{ key: 'value', label: translate(lang, 'employment.value'), numeric: true }
	];
}

// ------------------------------------------------------------------ reading and findings

const testName = (lang: Lang, test: Pick<ReleasedMcNemar, 'primary'>) =>
	translate(lang, test.primary === 'exact' ? 'employment.test.exact' : 'employment.test.chisq');

/** The page's one-sentence reading of McNemar's test (n always given); the release note where the test is hidden. */
export function employmentReading(lang: Lang, test: ReleasedMcNemar): string {
	if (test.nPairs === null || test.b === null || test.c === null) return hiddenNote(lang);
	const n = formatNumber(lang, test.nPairs);
	if (test.pValue === null || !Number.isFinite(test.pValue)) return translate(lang, 'employment.readingUntestable', { n });
	const params = {
		n,
		before: formatPercent(lang, test.shareBefore),
		after: formatPercent(lang, test.shareAfter),
		diff: formatNumber(lang, Math.abs(test.difference ?? 0) * 100, 1),
		b: formatNumber(lang, test.b),
		c: formatNumber(lang, test.c),
		p: pText(lang, test.pValue),
		test: testName(lang, test)
	};
	if (test.pValue >= ALPHA) return translate(lang, 'employment.readingNoEvidence', params);
	return translate(lang, test.b > test.c ? 'employment.readingUp' : 'employment.readingDown', params);
}

/**
 * The report's findings from released figures: none when the pairs are
 * hidden or too few (the paired test's own n ≥ 5 rule); each sentence only
 * with all the figures it names (the changes by status only when every
 * employed status's change is released, so no omission reads as "no change").
 */
export function employmentFindings(lang: Lang, r: Pick<ReleasedEmployment, 'counts' | 'test'> & Partial<Pick<ReleasedEmployment, 'n' | 'matrix'>>, min = DEFAULT_MIN_CELL): string[] {
	const test = r.test;
	if (test.nPairs === null || tooFew(test.nPairs, min)) return [];
	const out: string[] = [];
	if (test.employedBefore !== null && test.employedAfter !== null) {
		out.push(
			translate(lang, 'report.emp.counts', {
				before: formatNumber(lang, test.employedBefore),
				after: formatNumber(lang, test.employedAfter),
				n: formatNumber(lang, test.nPairs)
			})
		);
	}
	const employed = r.counts.filter((c) => c.status !== 'not_employed');
	const changes = employed
		.filter((c) => c.change !== 0)
		.map((c) => `${inline(translate(lang, `employment.status.${c.status}` as MessageKey))} ${signed(lang, c.change as number)}`);
	if (changes.length && employed.every((c) => c.change !== null)) out.push(translate(lang, 'report.emp.changes', { list: changes.join(', ') }));
	if (test.pValue !== null && Number.isFinite(test.pValue) && test.b !== null && test.c !== null) {
		const params = {
			shareBefore: formatPercent(lang, test.shareBefore),
			shareAfter: formatPercent(lang, test.shareAfter),
			b: formatNumber(lang, test.b),
			c: formatNumber(lang, test.c),
			test: testName(lang, test),
			p: pText(lang, test.pValue)
		};
		const key = test.pValue >= ALPHA ? 'report.emp.noEvidence' : test.b > test.c ? 'report.emp.up' : 'report.emp.down';
		out.push(translate(lang, key, params));
	}
	return out;
}
