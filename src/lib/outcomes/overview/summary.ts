/**
 * The overview's figures, released (releaseOverview), and its key-figures
 * table, child and adult side by side (pure; no queries): each indicator row
 * with its kind, so a cell is formatted as a count, euros or text.
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatMonth, formatEur, formatNumber } from '#lib/i18n/format.ts';
import type { ReleaseContext } from '#lib/privacy/release/context.ts';
import { COST_FAMILY_ID, TOTAL_ROW } from '#lib/outcomes/costs/family.ts';
import type { Column } from '#lib/ui/table.ts';
import type { CohortOverview } from './query.ts';

type PeopleFigure = 'participants' | 'served' | 'serviceCost' | 'totalCost';

/** A cohort's overview as released: a hidden figure is null. */
export type ReleasedOverview = Omit<CohortOverview, PeopleFigure> & { [K in PeopleFigure]: number | null };

/**
 * A cohort's overview as the release plan allows (pure). It is the whole
 * cohort's selection, so its participants are shown with it (the release
 * passes no hidden selection); the people served and the service cost rest on the
 * cost table's total row (people with paid services) and are shown with it,
 * as is the total with overheads (minus the overheads it would give the
 * service cost). Municipalities, dates and names are no figures about people.
 *
 * @example releaseOverview(c, ctx).serviceCost // null where the cost total is hidden
 */
export function releaseOverview(c: CohortOverview | null, ctx: ReleaseContext): ReleasedOverview | null {
	if (!c) return null;
	const cost = ctx.shown(COST_FAMILY_ID, TOTAL_ROW);
	return {
		...c,
		participants: c.participants,
		served: cost ? c.served : null,
		serviceCost: cost ? c.serviceCost : null,
		totalCost: cost ? c.totalCost : null
	};
}

type Kind = 'count' | 'eur' | 'text';
export type IndicatorRow = { indicator: string; kind: Kind; child: string | number | null; adult: string | number | null };

/** An inclusive range of months, e.g. "10.2018 – 09.2019" (months: a first or last date is one person's). */
export function period(lang: Lang, a: string | null | undefined, b: string | null | undefined): string {
	return `${formatMonth(lang, a)} – ${formatMonth(lang, b)}`;
}

function servicePeriod(lang: Lang, c: ReleasedOverview | undefined): string | null {
	if (!c || !c.firstServiceMonth) return null;
	return `${period(lang, c.firstServiceMonth, c.lastServiceMonth)} (${translate(lang, 'overview.serviceMonths', { n: c.serviceMonths })})`;
}

export function overviewRows(lang: Lang, cohorts: ReleasedOverview[]): IndicatorRow[] {
	const child = cohorts.find((c) => c.cohort === 'child');
	const adult = cohorts.find((c) => c.cohort === 'adult');
	const t = (key: MessageKey) => translate(lang, key);
	return [
		{ indicator: t('overview.participants'), kind: 'count', child: child?.participants ?? null, adult: adult?.participants ?? null },
		{ indicator: t('overview.municipalities'), kind: 'count', child: child?.municipalities ?? null, adult: adult?.municipalities ?? null },
		{ indicator: t('overview.served'), kind: 'count', child: child?.served ?? null, adult: adult?.served ?? null },
		{ indicator: t('overview.period'), kind: 'text', child: child ? period(lang, child.enrolledFrom, child.exitedTo) : null, adult: adult ? period(lang, adult.enrolledFrom, adult.exitedTo) : null },
		{ indicator: t('overview.servicePeriod'), kind: 'text', child: servicePeriod(lang, child), adult: servicePeriod(lang, adult) },
		{ indicator: t('overview.cost'), kind: 'eur', child: child?.serviceCost ?? null, adult: adult?.serviceCost ?? null },
		{ indicator: t('overview.costWithOverheads'), kind: 'eur', child: child?.totalCost ?? null, adult: adult?.totalCost ?? null }
	];
}

export function overviewColumns(lang: Lang): Column<IndicatorRow>[] {
	const show = (v: unknown, row: IndicatorRow): string => {
		if (v == null) return '–';
		if (row.kind === 'count') return formatNumber(lang, v as number);
		if (row.kind === 'eur') return formatEur(lang, v as number);
		return String(v);
	};
	return [
		{ key: 'indicator', label: translate(lang, 'overview.indicator'), rowHeader: true },
		{ key: 'child', label: translate(lang, 'cohort.child.short'), numeric: true, format: show },
		{ key: 'adult', label: translate(lang, 'cohort.adult.short'), numeric: true, format: show }
	];
}
