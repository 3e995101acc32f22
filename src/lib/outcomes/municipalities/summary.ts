/**
 * The municipality comparison as it is shown: the table's rows and columns
 * (the columns depend on the cohort), what a hidden cell says on screen and
 * in the CSV, the order of the municipality rows, and the funnel plot's
 * points and outliers. Pure: the rows come already disclosed
 * (privacy/municipalities.ts).
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { DEFAULT_MIN_CELL } from '#lib/privacy/threshold.ts';
import type { Cell, MunicipalityRow } from '#lib/privacy/municipalities.ts';
import { funnelFlag } from '#lib/stats/index.ts';
import type { Column } from '#lib/ui/table.ts';
import type { FunnelPoint } from './chart.ts';

/** Minimum cell sizes a reader may choose (`?min=`). */
export const MIN_CHOICES = [5, 10, 11] as const;

/** The minimum cell size in the URL, or the default. */
export function minCell(params: URLSearchParams): number {
	const m = Number(params.get('min'));
	return (MIN_CHOICES as readonly number[]).includes(m) ? m : DEFAULT_MIN_CELL;
}

/** The figures of a row, one column each. */
export type Figure =
	| 'participants'
	| 'goals'
	| 'attainment'
	| 'improved'
	| 'employmentChange'
	| 'costPerParticipant'
	| 'costPerMonth'
	| 'budgetUse';
export type SortKey = Figure | 'name' | 'region';

/** A disclosed row with its name and level as shown. */
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

/**
 * The table's columns: level (CSV only), name (a link to the goals view for a
 * municipality), region, then the figures. A hidden count below the threshold
 * reads "< min", any other hidden figure "suppressed", on screen and in the CSV.
 */
export function tableColumns(lang: Lang, cohort: Cohort, min: number, drillHref: (code: string) => string): Column<TableRow>[] {
	const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
	const round = (d: number) => (v: number) => Math.round(v * 10 ** d) / 10 ** d;
	const pct = (v: number) => formatPercent(lang, v);
	const figure = (key: Figure, label: string, screen: (v: number) => string, csv: (v: number) => number, count = false): Column<TableRow> => {
		// Only a count of people is "< min": a statistic is hidden because of the counts it rests on.
		const hiddenText = (c: Cell) => (count && c.reason === 'primary' ? tr('privacy.lessThan', { min }) : tr('privacy.suppressed'));
		return {
			key,
			label,
			numeric: true,
			format: (_, r) => {
				const c = r[key];
				return c.value === null ? hiddenText(c) : screen(c.value);
			},
			csv: (_, r) => {
				const c = r[key];
				return c.value === null ? hiddenText(c) : csv(c.value);
			},
			suppressed: (r) => {
				const c = r[key];
				if (c.value !== null) return null;
				return count && c.reason === 'primary' ? tr('privacy.reason.primary', { min }) : tr('privacy.reason.secondary');
			}
		};
	};
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
		figure('participants', tr('municipalities.participants'), (v) => formatNumber(lang, v), (v) => v, true),
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

/** Municipality rows in the chosen order; hidden figures always last, ties by name. */
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

/** Goal attainment of each municipality whose attainment is shown, against the overall rate p0. */
export function funnelPoints(rows: readonly TableRow[], p0: number, drillHref: (code: string) => string): FunnelPoint[] {
	return rows
		.filter((r) => r.level === 'municipality' && r.attainment.value !== null && r.goals.value !== null && r.goals.value > 0)
		.map((r) => ({
			label: r.name,
			n: r.goals.value!,
			rate: r.attainment.value!,
			flag: funnelFlag(r.attainment.value!, r.goals.value!, p0),
			href: r.code ? drillHref(r.code) : undefined
		}));
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
