/**
 * Employment of adults, shaped (pure; no queries): counts per status and
 * wave, the baseline × follow-up transition matrix and McNemar's test for
 * "employed" yes/no on the paired people; the tables, the chart's bars, the
 * page's reading and the report's findings.
 *
 * "Employed" = any status other than not_employed (permanent full-time,
 * temporary full-time, part-time, volunteer or public works); data/README.md
 * gives no other definition.
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPercent, formatPValue } from '#lib/i18n/format.ts';
import { inline, pText, signed } from '#lib/i18n/sentences.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
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

// ------------------------------------------------------------------ tables

export const employmentStatusLabel = (lang: Lang, s: EmploymentStatus) => translate(lang, `employment.status.${s}` as MessageKey);

const num = (lang: Lang) => (v: unknown) => formatNumber(lang, v as number);
const signedCount = (lang: Lang) => (v: unknown) => {
	const n = v as number;
	return n > 0 ? `+${formatNumber(lang, n)}` : formatNumber(lang, n);
};

/** Labels of the two waves: baseline and follow-up. */
export function employmentWaveLabels(lang: Lang): [string, string] {
	return [translate(lang, 'employment.baseline'), translate(lang, 'employment.followup')];
}

/** Bars of the status chart: one per status and wave. */
export function employmentBars(lang: Lang, r: EmploymentResult | null | undefined): EmploymentBar[] {
	const waveLabels = employmentWaveLabels(lang);
	return (r?.counts ?? []).flatMap((c) => [
		{ status: c.status, statusLabel: employmentStatusLabel(lang, c.status), wave: 'baseline' as const, waveLabel: waveLabels[0], n: c.baseline },
		{ status: c.status, statusLabel: employmentStatusLabel(lang, c.status), wave: 'followup' as const, waveLabel: waveLabels[1], n: c.followup }
	]);
}

export type EmploymentCountRow = { status: string; baseline: number; followup: number; change: number };

/** People per status at baseline and follow-up, with a total row. */
export function employmentCountRows(lang: Lang, r: EmploymentResult | null | undefined): EmploymentCountRow[] {
	const rows = (r?.counts ?? []).map((c) => ({ status: employmentStatusLabel(lang, c.status), baseline: c.baseline, followup: c.followup, change: c.change }));
	const sum = (k: 'baseline' | 'followup') => rows.reduce((a, x) => a + x[k], 0);
	return [...rows, { status: translate(lang, 'employment.total'), baseline: sum('baseline'), followup: sum('followup'), change: sum('followup') - sum('baseline') }];
}

export function employmentCountColumns(lang: Lang): Column<EmploymentCountRow>[] {
	return [
		{ key: 'status', label: translate(lang, 'employment.status'), rowHeader: true },
		{ key: 'baseline', label: translate(lang, 'employment.baseline'), numeric: true, format: num(lang) },
		{ key: 'followup', label: translate(lang, 'employment.followup'), numeric: true, format: num(lang) },
		{ key: 'change', label: translate(lang, 'employment.change'), numeric: true, format: signedCount(lang) }
	];
}

export type EmploymentMatrixRow = Record<string, string | number>;

/** Transition matrix (baseline status → follow-up status) with row and column totals. */
export function employmentMatrixRows(lang: Lang, r: EmploymentResult | null | undefined): EmploymentMatrixRow[] {
	if (!r) return [];
	const rows: EmploymentMatrixRow[] = EMPLOYMENT_STATUSES.map((s, i) => {
		const row: EmploymentMatrixRow = { from: employmentStatusLabel(lang, s) };
		EMPLOYMENT_STATUSES.forEach((f, j) => (row[f] = r.matrix[i][j]));
		row.total = r.matrix[i].reduce((a, b) => a + b, 0);
		return row;
	});
	const totals: EmploymentMatrixRow = { from: translate(lang, 'employment.total') };
	EMPLOYMENT_STATUSES.forEach((f, j) => (totals[f] = r.matrix.reduce((a, row) => a + row[j], 0)));
	totals.total = r.test.nPairs;
	return [...rows, totals];
}

export function employmentMatrixColumns(lang: Lang): Column<EmploymentMatrixRow>[] {
	return [
		{ key: 'from', label: translate(lang, 'employment.before'), rowHeader: true },
		...EMPLOYMENT_STATUSES.map((s) => ({ key: s, label: employmentStatusLabel(lang, s), numeric: true, format: num(lang) })),
		{ key: 'total', label: translate(lang, 'employment.total'), numeric: true, format: num(lang) }
	];
}

export type McNemarMeasureRow = { measure: string; value: string };

/** The McNemar test's measures as text, in reading order. */
export function mcnemarMeasureRows(lang: Lang, test: McNemarSummary | null | undefined): McNemarMeasureRow[] {
	if (!test) return [];
	const tr = (key: MessageKey) => translate(lang, key);
	return [
		{ measure: tr('employment.nPairs'), value: formatNumber(lang, test.nPairs) },
		{ measure: tr('employment.employedBefore'), value: `${formatNumber(lang, test.employedBefore)} (${formatPercent(lang, test.shareBefore)})` },
		{ measure: tr('employment.employedAfter'), value: `${formatNumber(lang, test.employedAfter)} (${formatPercent(lang, test.shareAfter)})` },
		{ measure: tr('employment.b'), value: formatNumber(lang, test.b) },
		{ measure: tr('employment.c'), value: formatNumber(lang, test.c) },
		{ measure: tr('employment.difference'), value: formatPercent(lang, test.difference, 1) },
		{ measure: tr('employment.oddsRatio'), value: test.oddsRatio === null ? tr('employment.oddsRatioUndefined') : formatNumber(lang, test.oddsRatio, 2) },
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

const testName = (lang: Lang, test: McNemarSummary) =>
	translate(lang, test.primary === 'exact' ? 'employment.test.exact' : 'employment.test.chisq');

/** The page's one-sentence reading of McNemar's test (n always given). */
export function employmentReading(lang: Lang, test: McNemarSummary): string {
	const n = formatNumber(lang, test.nPairs);
	if (!Number.isFinite(test.pValue)) return translate(lang, 'employment.readingUntestable', { n });
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

/** The report's findings; none when the group or the pairs are too few. */
export function employmentFindings(lang: Lang, r: EmploymentResult, min = DEFAULT_MIN_CELL): string[] {
	const test = r.test;
	if (tooFew(r.n, min) || tooFew(test.nPairs, min)) return [];
	const out = [
		translate(lang, 'report.emp.counts', {
			before: formatNumber(lang, test.employedBefore),
			after: formatNumber(lang, test.employedAfter),
			n: formatNumber(lang, test.nPairs)
		})
	];
	const changes = r.counts
		.filter((c) => c.status !== 'not_employed' && c.change !== 0)
		.map((c) => `${inline(translate(lang, `employment.status.${c.status}` as MessageKey))} ${signed(lang, c.change)}`);
	if (changes.length) out.push(translate(lang, 'report.emp.changes', { list: changes.join(', ') }));
	if (Number.isFinite(test.pValue)) {
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
