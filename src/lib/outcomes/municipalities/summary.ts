/**
 * The municipality comparison as it is shown: the release of the raw rows
 * through the release plan (releaseMunicipalities), the table's rows and
 * columns (the columns depend on the cohort), the order of the municipality
 * rows, and the funnel plot's points and outliers. Pure: the table, its CSV,
 * the funnel plot and the outlier sentences are built only from released
 * rows.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { releaseContext, type ReleaseContext } from '#lib/privacy/release/context.ts';
import type { HiddenReason } from '#lib/privacy/release/protect.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import { GOAL_FAMILY_ID, goalLevelKey, goalRowKey } from '../goals/family.ts';
import { selectionKey, WHOLE_TIME, type Place } from '#lib/privacy/release/space.ts';
import { funnelFlag } from '#lib/stats/index.ts';
import type { Column } from '#lib/ui/table.ts';
import type { FunnelPoint } from './chart.ts';
import { MUNICIPALITY_FAMILY, ROW, type MunicipalityData, type MunicipalityFamily } from './family.ts';
import type { MunicipalityRaw, RowLevel } from './query.ts';

/**
 * A released figure, or why not: `reason` is null when the figure is shown,
 * or when there is nothing to show (value null: no goals, nobody measured);
 * otherwise the release plan hid it.
 */
export type Cell = { value: number; reason: null } | { value: null; reason: HiddenReason | null };

/** One row as it may be published. */
export interface MunicipalityRow {
	level: RowLevel;
	code: string | null;
	name_lv: string | null;
	name_en: string | null;
	region: string | null;
	/** Divisor of the "per month" figures (a programme setting, not a figure about people). */
	reporting_months: number;
	participants: Cell;
	goals: Cell;
	/** Goal score / goals (0..1). */
	attainment: Cell;
	/** Share improved on the main outcome (0..1). */
	improved: Cell;
	/** Employed at follow-up − at baseline (adults), people. */
	employmentChange: Cell;
	costPerParticipant: Cell;
	costPerMonth: Cell;
	/** Paid / indicative (0..1). */
	budgetUse: Cell;
}

/** The place of a row (the cohort, a region, a municipality) as the selection space names it. */
export function rowPlace(r: Pick<MunicipalityRaw, 'level' | 'code' | 'region'>): Place {
	if (r.level === 'total') return { level: 'all', code: null };
	if (r.level === 'region') return { level: 'region', code: r.region ?? '' };
	return { level: 'municipality', code: r.code ?? '' };
}

/** The selection a row's figures are: the place, both sexes, all ages, the whole time. */
export function rowSelection(r: Pick<MunicipalityRaw, 'level' | 'code' | 'region'>): string {
	return selectionKey(rowPlace(r), null, null, WHOLE_TIME.key);
}

/**
 * The goals view's cells its score (and so attainment) rests on, as releaseGoals
 * shows the all-domains score: all goals, achieved, partly and the rest around partly.
 */
const ATTAINMENT_ROWS = [goalRowKey(null), ...(['achieved', 'partly', 'rest'] as const).map((l) => goalLevelKey(null, l))];

const valueCell = (value: number | null): Cell => (value === null || !Number.isFinite(value) ? { value: null, reason: null } : { value, reason: null });

/**
 * The rows as they may be shown (the release step of the view; pure). A
 * row's participants are shown iff the cohort's selection plan shows the
 * row's selection (rowSelection); every other figure iff its column's family
 * shows its one row in that selection; a figure of a hidden selection or row
 * is null, and nothing is recomputed from hidden figures. `ctx` (the view's
 * selection, the cohort as a whole) answers for the total row; the other
 * rows are asked of the same plans in their own selections.
 */
export function releaseMunicipalities(data: MunicipalityData, ctx: ReleaseContext): MunicipalityRow[] {
	const { selections: plan } = data;
	const contextOf = (key: string): ReleaseContext | HiddenReason => {
		if (key === ctx.selection) return ctx;
		const i = plan.space.byKey.get(key);
		// A place the space does not know (outside the cohort's people) is never shown.
		if (i === undefined) return 'selection';
		const cell = plan.cells[i];
		// A shown selection's people are always known (packed plans keep them only where shown).
		return cell.reason ?? (cell.n === null ? 'selection' : releaseContext(key, cell.n, data.families));
	};
	return data.rows.map((r) => {
		const base = { level: r.level, code: r.code, name_lv: r.name_lv, name_en: r.name_en, region: r.region, reporting_months: r.reporting_months };
		const c = contextOf(rowSelection(r));
		if (typeof c === 'string') {
			const h: Cell = { value: null, reason: c };
			return {
				...base,
				participants: h,
				goals: h,
				attainment: h,
				improved: h,
				employmentChange: h,
				costPerParticipant: h,
				costPerMonth: h,
				budgetUse: h
			};
		}
		// A figure of a column family: shown iff the family shows its row here.
		// (several rows: shown iff every row it rests on is shown).
		const of = (family: MunicipalityFamily, value: number | null, rows: readonly string[] = [ROW]): Cell => {
			for (const row of rows) {
				const reason = c.hidden(MUNICIPALITY_FAMILY[family], row);
				if (reason !== null) return { value: null, reason };
			}
			return valueCell(value);
		};
		// Attainment = (achieved + ½ partly) / goals: only where the goals view shows its score.
		const attainmentReason = ATTAINMENT_ROWS.map((row) => c.hidden(GOAL_FAMILY_ID, row)).find((x) => x !== null) ?? null;
		const perPerson = r.served > 0 ? r.spent_eur / r.served : null;
		return {
			...base,
			participants: valueCell(r.participants),
			goals: of('goals', r.goals),
			attainment: attainmentReason ? { value: null, reason: attainmentReason } : of('goals', r.goals > 0 ? r.goal_score / r.goals : null),
			improved: of('outcome', r.outcome_n > 0 ? r.outcome_improved / r.outcome_n : null, [ROW, 'improved', 'not_improved']),
			// Children have no employment column (and no employment family).
			employmentChange:
				data.cohort === 'adult'
					? of('employment', r.emp_n > 0 ? r.emp_followup - r.emp_baseline : null, [ROW, 'employed_before', 'not_employed_before', 'employed_after', 'not_employed_after'])
					: valueCell(null),
			costPerParticipant: of('cost', perPerson),
			costPerMonth: of('cost', perPerson !== null && r.reporting_months > 0 ? perPerson / r.reporting_months : null),
			budgetUse: of('budget', r.indicative_eur > 0 ? r.budget_spent_eur / r.indicative_eur : null)
		};
	});
}

/** The figures of a row, one column each. */
export const FIGURES = ['participants', 'goals', 'attainment', 'improved', 'employmentChange', 'costPerParticipant', 'costPerMonth', 'budgetUse'] as const;
export type Figure = (typeof FIGURES)[number];
export type SortKey = Figure | 'name' | 'region';

/** How many figures the release plan hid (for the note under the table). */
export function hiddenCells(rows: readonly MunicipalityRow[], cohort: Cohort): number {
	const keys = FIGURES.filter((k) => cohort === 'adult' || k !== 'employmentChange');
	return rows.reduce((n, r) => n + keys.filter((k) => r[k].reason !== null).length, 0);
}

/** A released row with its name and level as shown. */
export interface TableRow extends MunicipalityRow {
	name: string;
	levelName: string;
}

export function tableRows(lang: Lang, rows: readonly MunicipalityRow[]): TableRow[] {
	return rows.map((r) => ({
		...r,
		name:
			r.level === 'total'
				? translate(lang, 'municipalities.total')
				: r.level === 'region'
					? translate(lang, 'municipalities.regionTotal', { region: r.region ?? '' })
					: ((lang === 'lv' ? r.name_lv : r.name_en) ?? r.code ?? ''),
		levelName: translate(lang, `municipalities.level.${r.level}`)
	}));
}

/** What a figure without a value shows, on screen and in the CSV (hidden, or nothing to show). */
export const NO_FIGURE = '–';

/**
 * The table's columns: level (CSV only), name (a link to the goals view for a
 * municipality), region, then the figures. A figure without a value reads
 * "–" on screen and in the CSV; a hidden one says why in its tooltip (the
 * note under the table says it once for all).
 */
export function tableColumns(lang: Lang, cohort: Cohort, drillHref: (code: string) => string): Column<TableRow>[] {
	const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
	const round = (d: number) => (v: number) => Math.round(v * 10 ** d) / 10 ** d;
	const pct = (v: number) => formatPercent(lang, v);
	const hiddenWhy = tr('release.cellHidden', { min: RELEASE_MIN });
	const figure = (key: Figure, label: string, screen: (v: number) => string, csv: (v: number) => number): Column<TableRow> => ({
		key,
		label,
		numeric: true,
		format: (_, r) => {
			const c = r[key];
			return c.value === null ? NO_FIGURE : screen(c.value);
		},
		csv: (_, r) => {
			const c = r[key];
			return c.value === null ? NO_FIGURE : csv(c.value);
		},
		suppressed: (r) => (r[key].reason === null ? null : hiddenWhy)
	});
	const region = (v: unknown) => (v as string | null) ?? '';
	return [
		{ key: 'levelName', label: tr('municipalities.level'), csvOnly: true },
		{
			key: 'name',
			label: tr('municipalities.municipality'),
			rowHeader: true,
			minWidth: '12rem',
			link: (r) => (r.level === 'municipality' && r.code ? { href: drillHref(r.code), testid: `drill-${r.code}` } : null)
		},
		{ key: 'region', label: tr('municipalities.region'), format: region, csv: region },
		figure('participants', tr('municipalities.participants'), (v) => formatNumber(lang, v), (v) => v),
		figure('goals', tr('municipalities.goals'), (v) => formatNumber(lang, v), (v) => v),
		figure('attainment', tr('municipalities.attainment'), pct, (v) => round(0)(v * 100)),
		figure('improved', tr(cohort === 'child' ? 'municipalities.improved.child' : 'municipalities.improved.adult'), pct, (v) => round(0)(v * 100)),
		...(cohort === 'adult'
			? [figure('employmentChange', tr('municipalities.employmentChange'), (v) => (v > 0 ? '+' : '') + formatNumber(lang, v), (v) => v)]
			: []),
		figure('costPerParticipant', tr('municipalities.costPerParticipant'), (v) => formatNumber(lang, v, 2), round(2)),
		figure('costPerMonth', tr('municipalities.costPerMonth'), (v) => formatNumber(lang, v, 2), round(2)),
		figure('budgetUse', tr('municipalities.budgetUse'), pct, (v) => round(0)(v * 100))
	];
}

/** Municipality rows in the chosen order; figures without a value always last, ties by name. */
export function sortMunicipalities(rows: readonly TableRow[], key: SortKey, dir: 1 | -1, lang: Lang): TableRow[] {
	const collator = new Intl.Collator(lang === 'lv' ? 'lv' : 'en');
	const byName = (a: TableRow, b: TableRow) => collator.compare(a.name, b.name);
	return [...rows].sort((a, b) => {
		if (key === 'name') return dir * byName(a, b);
		if (key === 'region') return dir * collator.compare(a.region ?? '', b.region ?? '') || byName(a, b);
		const va = a[key].value;
		const vb = b[key].value;
		if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || byName(a, b);
		return dir * (va - vb) || byName(a, b);
	});
}

/** Goal attainment of each municipality whose attainment and goals are released, against the overall rate p0. */
export function funnelPoints(rows: readonly TableRow[], p0: number, drillHref: (code: string) => string): FunnelTablePoint[] {
	return rows
		.filter((r) => r.level === 'municipality' && r.attainment.value !== null && r.goals.value !== null && r.goals.value > 0)
		.map((r) => ({
			code: r.code ?? '',
			label: r.name,
			n: r.goals.value!,
			rate: r.attainment.value!,
			flag: funnelFlag(r.attainment.value!, r.goals.value!, p0),
			href: r.code ? drillHref(r.code) : undefined
		}));
}

/** A point of the funnel plot with its municipality's code (for its table's link). */
export type FunnelTablePoint = FunnelPoint & { code: string };

/**
 * The funnel plot's numbers as its table: each municipality (a link to its
 * page), its goals, its attainment and where it lies against the limits.
 */
export function funnelColumns(lang: Lang): Column<FunnelTablePoint>[] {
	return [
		{ key: 'label', label: translate(lang, 'municipalities.municipality'), rowHeader: true, link: (p) => (p.href ? { href: p.href, testid: `funnel-link-${p.code}` } : null) },
		{ key: 'n', label: translate(lang, 'municipalities.funnelX'), numeric: true, format: (v) => formatNumber(lang, v as number) },
		{ key: 'rate', label: translate(lang, 'municipalities.funnelY'), numeric: true, format: (v) => formatPercent(lang, v as number), csv: (v) => Math.round((v as number) * 100) },
		{ key: 'flag', label: translate(lang, 'profile.funnel.position'), format: (v) => translate(lang, `profile.funnel.flag.${v}` as MessageKey) }
	];
}

/** One sentence per point outside the 95% limits, lowest rate first. */
export function outlierSentences(lang: Lang, points: readonly FunnelPoint[]): string[] {
	return points
		.filter((p) => p.flag !== 'within')
		.sort((a, b) => a.rate - b.rate)
		.map((o) =>
			translate(lang, `municipalities.outlier.${o.flag}` as MessageKey, {
				name: o.label,
				rate: formatPercent(lang, o.rate),
				goals: formatNumber(lang, o.n)
			})
		);
}
