/**
 * Table shaping for the employment view and the report's employment section
 * (pure; no queries): status counts per wave, the transition matrix and the
 * McNemar measures, each with its columns, and the bars of the status chart.
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPercent, formatPValue } from '#lib/i18n/format.ts';
import type { Column } from '#lib/ui/table.ts';
import type { EmploymentBar } from '#lib/ui/charts/employment.ts';
import { EMPLOYMENT_STATUSES, type EmploymentResult, type EmploymentStatus, type McNemarSummary } from '#lib/metrics/employment.ts';

export const employmentStatusLabel = (lang: Lang, s: EmploymentStatus) => translate(lang, `employment.status.${s}` as MessageKey);

const num = (lang: Lang) => (v: unknown) => formatNumber(lang, v as number);
const signed = (lang: Lang) => (v: unknown) => {
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
		{ key: 'change', label: translate(lang, 'employment.change'), numeric: true, format: signed(lang) }
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
