/**
 * Table shaping for the cost view and the report's cost section (pure; no
 * queries): row labels, formatters and the column layouts of the published
 * cost tables, and the monthly cost table.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatEur, formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { tooFew } from '#lib/privacy/threshold.ts';
import type { Column } from '#lib/ui/table.ts';
import type { CostRow, MonthlyCost } from '#lib/metrics/costs.ts';

/** Label of a cost table row: a service group, the total or the total with overheads. */
export function costRowLabel(lang: Lang, cohort: Cohort, r: CostRow): string {
	return r.row === 'total'
		? translate(lang, 'costs.total')
		: r.row === 'total_with_overheads'
			? translate(lang, `costs.totalWithOverheads.${cohort}` as MessageKey)
			: translate(lang, `costs.group.${r.row}` as MessageKey);
}

/** Cell formatters of the cost tables: euros, shares and counts. */
export function costFormats(lang: Lang) {
	return {
		eur: (v: unknown) => formatEur(lang, v as number | null),
		pct: (v: unknown) => (v == null ? '' : formatPercent(lang, v as number)),
		num: (v: unknown) => formatNumber(lang, v as number)
	};
}

export type CostTableRow = CostRow & { label: string };

/** Cost table rows with their labels. */
export function costTableRows(lang: Lang, cohort: Cohort, rows: CostRow[]): CostTableRow[] {
	return rows.map((r) => ({ ...r, label: costRowLabel(lang, cohort, r) }));
}

/**
 * Columns of the cost table in the column order of each published table;
 * with `others`, the other cohort's table's columns follow.
 */
export function costColumns(lang: Lang, cohort: Cohort, others = false): Column<CostTableRow>[] {
	const tr = (key: string) => translate(lang, key as MessageKey);
	const { eur, pct, num } = costFormats(lang);
	// The children's published table shows cost in whole euros; the adults' in cents.
	const costDigits = cohort === 'child' ? 0 : 2;
	const c = {
		group: { key: 'label', label: tr('costs.col.group'), rowHeader: true },
		cost: { key: 'cost_eur', label: tr('costs.col.cost'), numeric: true, format: (v: unknown) => formatEur(lang, v as number, costDigits) },
		shareCost: { key: 'share_cost', label: tr('costs.col.shareCost'), numeric: true, format: pct },
		units: { key: 'units', label: tr('costs.col.units'), numeric: true, format: num },
		participants: { key: 'participants', label: tr(`costs.col.participants.${cohort}`), numeric: true, format: num },
		shareParticipants: { key: 'share_participants', label: tr(`costs.col.shareParticipants.${cohort}`), numeric: true, format: pct },
		perUnit: { key: 'eur_per_unit', label: tr('costs.col.perUnit'), numeric: true, format: eur },
		perParticipant: { key: 'eur_per_participant', label: tr(`costs.col.perParticipant.${cohort}`), numeric: true, format: eur },
		sharePer: { key: 'share_per_participant', label: tr('costs.col.sharePerParticipant'), numeric: true, format: pct },
		perMonth: { key: 'eur_per_participant_month', label: tr(`costs.col.perMonth.${cohort}`), numeric: true, format: eur }
	} satisfies Record<string, Column<CostTableRow>>;
	const published =
		cohort === 'child'
			? [c.group, c.cost, c.units, c.participants, c.perUnit, c.perParticipant, c.perMonth]
			: [c.group, c.cost, c.shareCost, c.participants, c.shareParticipants, c.perParticipant, c.sharePer, c.perMonth];
	if (!others) return published;
	return cohort === 'child' ? [...published, c.shareCost, c.shareParticipants] : [...published, c.units, c.perUnit];
}

/** Bars of the cost-per-month-by-group chart. */
export function costGroupBars(lang: Lang, cohort: Cohort, rows: CostRow[]) {
	return rows
		.filter((r) => r.eur_per_participant_month !== null)
		.map((r) => ({
			label: costRowLabel(lang, cohort, r),
			value: r.eur_per_participant_month as number,
			total: r.row === 'total' || r.row === 'total_with_overheads'
		}));
}

/** "03.2024" in Latvian, "Mar 2024" in English. */
export function costMonthLabel(lang: Lang, m: string): string {
	const [y, mo] = m.split('-');
	if (lang === 'lv') return `${mo}.${y}`;
	return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
}

export type CostMonthRow = MonthlyCost & { label: string; per: number };

/** Months with enough people served, with their label and cost per person served. */
export function costMonthRows(lang: Lang, months: MonthlyCost[]): CostMonthRow[] {
	return months.filter((m) => !tooFew(m.participants)).map((m) => ({ ...m, label: costMonthLabel(lang, m.month), per: m.cost_eur / m.participants }));
}

export function costMonthColumns(lang: Lang): Column<CostMonthRow>[] {
	const { eur, num } = costFormats(lang);
	return [
		{ key: 'label', label: translate(lang, 'costs.col.month'), rowHeader: true },
		{ key: 'cost_eur', label: translate(lang, 'costs.col.cost'), numeric: true, format: eur },
		{ key: 'participants', label: translate(lang, 'costs.col.served'), numeric: true, format: num },
		{ key: 'per', label: translate(lang, 'costs.col.costPerServed'), numeric: true, format: eur }
	];
}
