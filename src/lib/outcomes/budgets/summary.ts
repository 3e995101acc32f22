/**
 * Individual budgets: indicative amount (the maximum), agreed amount (the plan
 * at the chosen providers' prices) and actual spend (paid services in the
 * budget's plan periods), per participant, summarised (pure; no queries) with
 * the tables and the charts' bars.
 *
 * A participant's figures are the sums over their plan periods that overlap
 * the period filter; spend is the paid cost of services in months inside those
 * plan periods. Utilisation = spent / indicative (and spent / agreed).
 *
 * What a view shows passes `releaseBudgets` first (the release path, see
 * family.ts): figures of a row the plan hides are null ("–").
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatEur, formatNumber, formatPercent } from '#lib/i18n/format.ts';
import type { ReleaseContext } from '#lib/privacy/release/context.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
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
	/** participants who spent more than the agreed amount (the last bin of spent / agreed) */
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
		// The people of the "over 100%" bin, so the note is released with that bin.
		spentAboveAgreed: bins[bins.length - 1].vsAgreed,
		bins
	};
}

// ------------------------------------------------------------------ release

/** The table family's id and rows (family.ts). */
export const BUDGET_FAMILY_ID = 'budgets';
export const BUDGET_ROW = 'budget';
export const AGREED_ABOVE_ROW = 'agreed_above_indicative';
export type BudgetSeries = 'indicative' | 'agreed';
export const binRow = (series: BudgetSeries, bin: number) => `${series}:${bin}`;

export type ReleasedAmount = { measure: AmountSummary['measure']; total: number | null; mean: number | null; median: number | null; perMonth: number | null };
export interface ReleasedBin {
	from: number;
	to: number;
	vsIndicative: number | null;
	vsAgreed: number | null;
}

/** A BudgetSummary as the release plan allows it: null where hidden. */
export interface ReleasedBudgetSummary {
	n: number | null;
	months: number | null;
	amounts: ReleasedAmount[];
	medianSpentOfIndicative: number | null;
	medianSpentOfAgreed: number | null;
	medianAgreedOfIndicative: number | null;
	agreedAboveIndicative: number | null;
	spentAboveAgreed: number | null;
	bins: ReleasedBin[];
	/** The budget people's row is hidden: amounts, medians and n are null. */
	budgetHidden: boolean;
	/** Some figure is hidden (the view adds the release note). */
	anyHidden: boolean;
}

/**
 * Release a budget summary (pure): the amounts, medians, n and months rest on
 * the budget people; each bin on its own people; the "spent above agreed"
 * note on the last agreed bin; nothing is recomputed from hidden figures.
 */
export function releaseBudgets(s: BudgetSummary, ctx: ReleaseContext): ReleasedBudgetSummary {
	const shown = (row: string) => ctx.shown(BUDGET_FAMILY_ID, row);
	const budget = shown(BUDGET_ROW);
	const keep = <T>(ok: boolean, v: T): T | null => (ok ? v : null);
	const last = s.bins.length - 1;
	const bins = s.bins.map((b, i) => ({
		from: b.from,
		to: b.to,
		vsIndicative: keep(shown(binRow('indicative', i)), b.vsIndicative),
		vsAgreed: keep(shown(binRow('agreed', i)), b.vsAgreed)
	}));
	return {
		n: keep(budget, s.n),
		months: keep(budget, s.months),
		amounts: s.amounts.map((a) =>
			budget ? { ...a } : { measure: a.measure, total: null, mean: null, median: null, perMonth: null }
		),
		medianSpentOfIndicative: keep(budget, s.medianSpentOfIndicative),
		medianSpentOfAgreed: keep(budget, s.medianSpentOfAgreed),
		medianAgreedOfIndicative: keep(budget, s.medianAgreedOfIndicative),
		agreedAboveIndicative: keep(shown(AGREED_ABOVE_ROW), s.agreedAboveIndicative),
		spentAboveAgreed: keep(shown(binRow('agreed', last)), s.spentAboveAgreed),
		bins,
		budgetHidden: !budget,
		anyHidden: !budget || bins.some((b) => b.vsIndicative === null || b.vsAgreed === null)
	};
}

// ------------------------------------------------------------------ tables

const eur = (lang: Lang) => (v: unknown) => formatEur(lang, v as number | null);

export type AmountRow = ReleasedAmount & { label: string };

/** Indicative, agreed and spent amounts with their labels. */
export function budgetAmountRows(lang: Lang, s: { amounts: ReleasedAmount[] } | null | undefined): AmountRow[] {
	return (s?.amounts ?? []).map((a) => ({ ...a, label: translate(lang, `costs.measure.${a.measure}` as MessageKey) }));
}

const hiddenNote = (lang: Lang) => translate(lang, 'release.cellHidden', { min: RELEASE_MIN });

export function budgetAmountColumns(lang: Lang): Column<AmountRow>[] {
	const note = hiddenNote(lang);
	const suppressed = (r: AmountRow) => (r.total === null ? note : null);
	return [
		{ key: 'label', label: translate(lang, 'costs.col.measure'), rowHeader: true },
		{ key: 'total', label: translate(lang, 'costs.col.total'), numeric: true, suppressed, format: eur(lang) },
		{ key: 'mean', label: translate(lang, 'costs.col.mean'), numeric: true, suppressed, format: eur(lang) },
		{ key: 'median', label: translate(lang, 'costs.col.median'), numeric: true, suppressed, format: eur(lang) },
		{ key: 'perMonth', label: translate(lang, 'costs.col.perMonthMean'), numeric: true, suppressed, format: eur(lang) }
	];
}

/** Bars of the amounts chart: the mean per participant per month, where released. */
export function budgetAmountBars(rows: AmountRow[]): BudgetAmountBar[] {
	return rows.filter((a) => a.perMonth !== null && Number.isFinite(a.perMonth)).map((a) => ({ label: a.label, value: a.perMonth as number }));
}

/** "0%–25%", …, "over 100%". */
export function utilisationBinLabel(lang: Lang, b: Pick<UtilisationBin, 'from' | 'to'>): string {
	return b.to === Infinity
		? translate(lang, 'costs.binOver', { from: formatPercent(lang, b.from) })
		: `${formatPercent(lang, b.from)}–${formatPercent(lang, b.to)}`;
}

/** null = hidden by the release path (0 is shown). */
export type UtilisationRow = { bin: string; vsIndicative: number | null; vsAgreed: number | null };

export function utilisationRows(lang: Lang, s: { bins: ReleasedBin[] } | null | undefined): UtilisationRow[] {
	return (s?.bins ?? []).map((b) => ({ bin: utilisationBinLabel(lang, b), vsIndicative: b.vsIndicative, vsAgreed: b.vsAgreed }));
}

export function utilisationColumns(lang: Lang): Column<UtilisationRow>[] {
	const note = hiddenNote(lang);
	const count = (v: unknown) => formatNumber(lang, v as number | null);
	return [
		{ key: 'bin', label: translate(lang, 'costs.col.bin'), rowHeader: true },
		{ key: 'vsIndicative', label: translate(lang, 'costs.col.vsIndicative'), numeric: true, format: count, suppressed: (r) => (r.vsIndicative === null ? note : null) },
		{ key: 'vsAgreed', label: translate(lang, 'costs.col.vsAgreed'), numeric: true, format: count, suppressed: (r) => (r.vsAgreed === null ? note : null) }
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
