/**
 * Individual budgets: indicative amount (the maximum), agreed amount (the plan
 * at the chosen providers' prices) and actual spend (paid services in the
 * budget's plan periods), per participant, summarised (pure; no queries) with
 * the tables and the charts' bars.
 *
 * A participant's figures are the sums over their plan periods that overlap
 * the period filter; spend is the paid cost of services in months inside those
 * plan periods. Utilisation = spent / indicative (and spent / agreed).
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatEur, formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
import type { Column } from '#lib/ui/table.ts';
import type { BudgetAmountBar, UtilisationBar } from './chart.ts';

/** A row of BUDGETS_SQL (query.ts): one participant's plan periods summed. */
export interface ParticipantBudget {
	participant_id: string;
	months: number;
	indicative_eur: number;
	agreed_eur: number;
	spent_eur: number;
}

export interface AmountSummary {
	/** 'indicative' | 'agreed' | 'spent' */
	measure: 'indicative' | 'agreed' | 'spent';
	total: number;
	mean: number;
	median: number;
	/** mean per participant per month (total / participant-months) */
	perMonth: number;
}

export interface UtilisationBin {
	/** lower bound (share, inclusive; exclusive for the last bin "over 100%") */
	from: number;
	/** upper bound (share, exclusive; inclusive for the 90–100% bin), Infinity for the last bin */
	to: number;
	/** participants whose spent/indicative falls in the bin */
	vsIndicative: number;
	/** participants whose spent/agreed falls in the bin */
	vsAgreed: number;
}

export interface BudgetSummary {
	n: number;
	months: number;
	amounts: AmountSummary[];
	/** medians of the per-participant ratios */
	medianSpentOfIndicative: number | null;
	medianSpentOfAgreed: number | null;
	medianAgreedOfIndicative: number | null;
	/** participants whose agreed amount exceeds the indicative amount (should be 0) */
	agreedAboveIndicative: number;
	/** participants who spent more than the agreed amount */
	spentAboveAgreed: number;
	bins: UtilisationBin[];
}

/** Bins of the utilisation distribution: [0, 25%), [25, 50%), [50, 75%), [75, 90%), [90, 100%], over 100%. */
export const UTILISATION_BINS: readonly [number, number][] = [
	[0, 0.25],
	[0.25, 0.5],
	[0.5, 0.75],
	[0.75, 0.9],
	[0.9, 1],
	[1, Infinity]
];

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Index of the bin of a share; exactly 100% belongs to the 90–100% bin. */
export function binOf(share: number): number {
	if (share > 1) return UTILISATION_BINS.length - 1;
	if (share >= 0.9) return UTILISATION_BINS.length - 2;
	return Math.max(0, UTILISATION_BINS.findIndex(([a, b]) => share >= a && share < b));
}

/** Summarise per-participant budgets (pure; exported for tests). */
export function summariseBudgets(rows: ParticipantBudget[]): BudgetSummary {
	const months = rows.reduce((a, r) => a + r.months, 0);
	const measure = (m: AmountSummary['measure']): AmountSummary => {
		const v = rows.map((r) => r[`${m}_eur`]);
		const total = Math.round(v.reduce((a, b) => a + b, 0) * 100) / 100;
		return {
			measure: m,
			total,
			mean: rows.length ? total / rows.length : NaN,
			median: median(v) ?? NaN,
			perMonth: months ? total / months : NaN
		};
	};
	const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
	const ofInd = rows.map((r) => ratio(r.spent_eur, r.indicative_eur)).filter((x): x is number => x !== null);
	const ofAgr = rows.map((r) => ratio(r.spent_eur, r.agreed_eur)).filter((x): x is number => x !== null);
	const agrInd = rows.map((r) => ratio(r.agreed_eur, r.indicative_eur)).filter((x): x is number => x !== null);
	const bins: UtilisationBin[] = UTILISATION_BINS.map(([from, to]) => ({ from, to, vsIndicative: 0, vsAgreed: 0 }));
	for (const x of ofInd) bins[binOf(x)].vsIndicative++;
	for (const x of ofAgr) bins[binOf(x)].vsAgreed++;
	return {
		n: rows.length,
		months,
		amounts: [measure('indicative'), measure('agreed'), measure('spent')],
		medianSpentOfIndicative: median(ofInd),
		medianSpentOfAgreed: median(ofAgr),
		medianAgreedOfIndicative: median(agrInd),
		agreedAboveIndicative: rows.filter((r) => r.agreed_eur > r.indicative_eur + 0.005).length,
		spentAboveAgreed: rows.filter((r) => r.spent_eur > r.agreed_eur + 0.005).length,
		bins
	};
}

// ------------------------------------------------------------------ tables

const eur = (lang: Lang) => (v: unknown) => formatEur(lang, v as number | null);

export type AmountRow = AmountSummary & { label: string };

/** Indicative, agreed and spent amounts with their labels. */
export function budgetAmountRows(lang: Lang, s: BudgetSummary | null | undefined): AmountRow[] {
	return (s?.amounts ?? []).map((a) => ({ ...a, label: translate(lang, `costs.measure.${a.measure}` as MessageKey) }));
}

export function budgetAmountColumns(lang: Lang): Column<AmountRow>[] {
	return [
		{ key: 'label', label: translate(lang, 'costs.col.measure'), rowHeader: true },
		{ key: 'total', label: translate(lang, 'costs.col.total'), numeric: true, format: eur(lang) },
		{ key: 'mean', label: translate(lang, 'costs.col.mean'), numeric: true, format: eur(lang) },
		{ key: 'median', label: translate(lang, 'costs.col.median'), numeric: true, format: eur(lang) },
		{ key: 'perMonth', label: translate(lang, 'costs.col.perMonthMean'), numeric: true, format: eur(lang) }
	];
}

/** Bars of the amounts chart: the mean per participant per month. */
export function budgetAmountBars(rows: AmountRow[]): BudgetAmountBar[] {
	return rows.map((a) => ({ label: a.label, value: a.perMonth }));
}

/** "0%–25%", …, "over 100%". */
export function utilisationBinLabel(lang: Lang, b: UtilisationBin): string {
	return b.to === Infinity
		? translate(lang, 'costs.binOver', { from: formatPercent(lang, b.from) })
		: `${formatPercent(lang, b.from)}–${formatPercent(lang, b.to)}`;
}

/** null = a count of 1..min−1 people, suppressed (0 is shown). */
export type UtilisationRow = { bin: string; vsIndicative: number | null; vsAgreed: number | null };

export function utilisationRows(lang: Lang, s: BudgetSummary | null | undefined, min = DEFAULT_MIN_CELL): UtilisationRow[] {
	const shown = (n: number) => (n > 0 && tooFew(n, min) ? null : n);
	return (s?.bins ?? []).map((b) => ({ bin: utilisationBinLabel(lang, b), vsIndicative: shown(b.vsIndicative), vsAgreed: shown(b.vsAgreed) }));
}

export function utilisationColumns(lang: Lang): Column<UtilisationRow>[] {
	const few = (v: unknown) => (v === null ? translate(lang, 'costs.fewCell', { min: DEFAULT_MIN_CELL }) : formatNumber(lang, v as number));
	return [
		{ key: 'bin', label: translate(lang, 'costs.col.bin'), rowHeader: true },
		{ key: 'vsIndicative', label: translate(lang, 'costs.col.vsIndicative'), numeric: true, format: few },
		{ key: 'vsAgreed', label: translate(lang, 'costs.col.vsAgreed'), numeric: true, format: few }
	];
}

/** The two series of the utilisation chart: spent of indicative, spent of agreed. */
export function utilisationSeries(lang: Lang): [string, string] {
	return [translate(lang, 'costs.col.vsIndicative'), translate(lang, 'costs.col.vsAgreed')];
}

export function utilisationBars(lang: Lang, rows: UtilisationRow[]): UtilisationBar[] {
	const [indicative, agreed] = utilisationSeries(lang);
	return rows.flatMap((r) => [
		{ bin: r.bin, series: indicative, n: r.vsIndicative },
		{ bin: r.bin, series: agreed, n: r.vsAgreed }
	]);
}
